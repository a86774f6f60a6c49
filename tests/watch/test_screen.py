"""What watch shows: the live screen and the JSON lines, partial then complete."""

import io
import json

from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.watch.changes import Changes
from pyexpert_gates.watch.screen import JsonLines, LiveScreen

RUFF_PASSED = GateResult(name=GateName.RUFF, status=Status.PASSED, summary="no findings")
REPORT = Report(project="/p", duration_s=1.0, gates=(RUFF_PASSED,))


def test_the_live_screen_says_what_changed_above_the_report() -> None:
    stream = io.StringIO()
    screen = LiveScreen(stream=stream, live=False)
    report = Report(
        project="/p", duration_s=1.0, gates=(GateResult(name=GateName.RUFF, status=Status.PASSED),)
    )
    screen.show(report, Changes(files=("src/a.py", "src/b.py")))
    screen.problem("pyproject.toml: line 3: invalid")
    text = stream.getvalue()
    assert "changed: src/a.py, src/b.py" in text
    assert "ruff" in text
    assert "\x1b" not in text
    assert text.endswith(
        "pyexpert-gates: error: pyproject.toml: line 3: invalid\n"
        "watching for changes; Ctrl-C to stop\n"
    )


def test_a_partial_json_line_says_so_and_the_complete_one_does_not() -> None:
    stdout = io.StringIO()
    lines = JsonLines(stdout=stdout, stderr=io.StringIO())
    lines.partial(REPORT, Changes(files=()), (GateName.MYPY,))
    lines.show(REPORT, Changes(files=()))
    partial, complete = (json.loads(line) for line in stdout.getvalue().splitlines())
    assert partial["partial"] is True
    assert "partial" not in complete
    assert partial["gates"] == complete["gates"]


def test_the_live_screen_says_at_once_which_gates_run_then_which_still_do() -> None:
    stream = io.StringIO()
    screen = LiveScreen(stream=stream, live=False)
    screen.running(Changes(files=("src/a.py",)), (GateName.RUFF, GateName.MYPY))
    assert stream.getvalue().endswith("changed: src/a.py\n\nrunning: ruff, mypy...\n")
    screen.partial(REPORT, Changes(files=("src/a.py",)), (GateName.MYPY,))
    shown = stream.getvalue().split("running: ruff, mypy...\n", 1)[1]
    assert "no findings" in shown
    assert shown.endswith("running: mypy...\n")
