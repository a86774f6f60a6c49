"""What a cycle shows while it runs, and which changes start one."""

import asyncio
import io
import json
from pathlib import Path

import pytest

from pyexpert_gates.check.engine import available_gates
from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.plan import Plan, make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import load_config
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.watch.changes import Changes, listed_only, sort_changes, watched
from pyexpert_gates.watch.cycle import Cycle, run_cycle
from pyexpert_gates.watch.screen import JsonLines, LiveScreen

PROJECT = Path("/home/project")
RUFF_PASSED = GateResult(name=GateName.RUFF, status=Status.PASSED, summary="no findings")
REPORT = Report(project="/p", duration_s=1.0, gates=(RUFF_PASSED,))


@pytest.mark.parametrize(
    "name",
    [
        "src/a.py~",
        "src/.a.py.swp",
        "src/a.py.swp",
        "src/a.py.swx",
        "src/4913",
        "src/#a.py#",
        "src/.#a.py",
        "src/a.py___jb_tmp___",
        "src/a.py___jb_old___",
        "src/a.py.tmp",
        "src/a.py.tmp.81234",
        "src/a.py.orig",
        "src/a.py.bak",
        "src/sedAb12Cd",
        "src/.goutputstream-XYZ123",
    ],
)
def test_an_editors_temporary_or_backup_file_starts_no_cycle(name: str) -> None:
    assert not watched(PROJECT, PROJECT / name)
    assert sort_changes(PROJECT, [PROJECT / name]).files == ()


@pytest.mark.parametrize("name", ["src/a.py", "src/tmp.py", "tests/data/backup.json", "4913.py"])
def test_a_file_named_like_a_temporary_one_is_still_watched(name: str) -> None:
    assert watched(PROJECT, PROJECT / name)


def test_files_the_project_list_leaves_out_start_no_cycle() -> None:
    changes = Changes(files=("build/out.py", "pyproject.toml", "src/a.py", "src/gone.py"))
    kept = listed_only(changes, {"src/a.py", "src/gone.py"})
    assert kept.files == ("pyproject.toml", "src/a.py", "src/gone.py")
    assert kept.configuration
    assert listed_only(Changes(files=("build/out.py",)), {"src/a.py"}).files == ()


def test_a_change_only_to_an_ignored_lock_file_is_not_an_environment_change() -> None:
    changes = sort_changes(PROJECT, [PROJECT / "uv.lock"])
    assert changes.environment
    assert not listed_only(changes, set()).environment


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


@pytest.mark.slow
def test_a_limited_gate_is_told_merged_with_the_kept_findings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "p"\nversion = "1"\n[tool.pyexpert-gates]\npaths = ["a.py", "b.py"]\n'
    )
    (tmp_path / "a.py").write_text("import os\n")
    (tmp_path / "b.py").write_text('"""B."""\n')
    kept_finding = Diagnostic(
        path="a.py", line=1, column=8, code="F401", message="m", severity=Severity.ERROR
    )
    kept = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(kept_finding,))
    plan = _ruff_plan(tmp_path)
    told: list[GateResult] = []
    cycle = Cycle(plan=plan, kept={GateName.RUFF: kept}, changed=("b.py",))
    report = asyncio.run(run_cycle(cycle, told.append))
    assert [result.name for result in told] == [GateName.RUFF]
    assert [item.code for item in told[0].diagnostics] == ["F401"]
    assert told[0].diagnostics == report.gates[0].diagnostics


def _ruff_plan(project: Path) -> Plan:
    """A plan of the ruff gate alone on ``project``, in this interpreter's environment."""
    return make_plan(
        Request(gates=("ruff",)),
        project=project,
        config=load_config(project),
        interpreter=choose_interpreter(project=project, override=None, environ={}),
        available=available_gates(),
    )


@pytest.mark.parametrize(
    "name",
    ["uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "requirements.txt", "constraints.txt"],
)
def test_a_lock_or_requirements_file_is_an_environment_change_not_configuration(name: str) -> None:
    changes = sort_changes(PROJECT, [PROJECT / name])
    assert changes.environment
    assert not changes.configuration
    kept = listed_only(changes, {name})
    assert kept.environment
    assert not kept.configuration


def test_a_source_change_is_neither_configuration_nor_environment() -> None:
    changes = listed_only(sort_changes(PROJECT, [PROJECT / "src/a.py"]), {"src/a.py"})
    assert (changes.configuration, changes.environment) == (False, False)
    assert Changes(files=()).environment is False
