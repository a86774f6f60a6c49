"""``pyexpert-gates check`` end to end, with the real tools on tiny projects."""

import argparse
import asyncio
import io
import json
import os
import signal
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import pytest

import pyexpert_gates
from pyexpert_gates.check.interpreter import venv_python
from pyexpert_gates.cli import main
from pyexpert_gates.commands import wants_color
from pyexpert_gates.process import Command, ProcessOutput, run_command
from tests.helpers.processes import is_running, wait_for_file, wait_until_gone
from tests.helpers.projects import (
    TESTS,
    check_json,
    clean_project,
    copy_project,
    edit,
    findings,
    gates_of,
)

pytestmark = pytest.mark.slow

ALL_GATES = ["ruff", "format", "mypy", "pyright", "docstrings", "pytest", "expert", "config"]

PRIVATE_IMPORT = "from calc.hidden import _secret"
RELAXED = "warn_unreachable = false"

FAULTS = f'''\
"""One fault for each gate, each on a line of its own."""

import json
from dataclasses import dataclass

{PRIVATE_IMPORT}


def shout(text: str) -> str:
    """Print a text loudly.

    Args:
        text: The text.

    Returns:
        The text in capitals.
    """
    print(text)
    return text.upper()


def load(text: str) -> int:
    """Read a number from JSON.

    Args:
        text: The JSON text.

    Returns:
        The number.
    """
    return json.loads(text)


def secret() -> int:
    """Return the hidden number.

    Returns:
        The number.
    """
    return _secret


def half(number: int) -> int:
    """Halve a number.

    Args:
        number: The number.
    """
    return number // 2


@dataclass(frozen=True)
class Point:
    """A point.

    Attributes:
        x: Across.
    """

    x: int


def spaced() -> list[int]:
    """Return numbers.

    Returns:
        Two numbers.
    """
    return [1,
            2]
'''

FAILING_TEST = """

def test_wrong() -> None:
    assert add(Pair(left=1, right=1)) == 3
"""

SLOW_TEST = """\
import os
import time
from pathlib import Path


def test_slow() -> None:
    Path(os.environ["PID_FILE"]).write_text(str(os.getpid()))
    time.sleep(60)
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return clean_project(tmp_path_factory.mktemp("template") / "calc")


def test_a_clean_project_passes_every_gate(template: Path, tmp_path: Path) -> None:
    code, document = check_json(copy_project(template, tmp_path / "calc"))
    gates = gates_of(document)
    assert {name: gate["status"] for name, gate in gates.items()} == dict.fromkeys(
        ALL_GATES, "passed"
    )
    assert (code, document["passed"], document["python"]) == (0, True, sys.executable)


@pytest.fixture(scope="module")
def faulty(
    template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[int, dict[str, object], Path]:
    root = tmp_path_factory.mktemp("faulty") / "calc"
    files = {
        "src/calc/faults.py": FAULTS,
        "src/calc/hidden.py": '"""A private number."""\n\n_secret = 1\n',
        "tests/test_calc.py": f"{TESTS}{FAILING_TEST}",
    }
    project = copy_project(template, root, files)
    edit(project / "pyproject.toml", "warn_unreachable = true", RELAXED)
    return (*check_json(project), project)


def line_of(text: str, source: str = FAULTS) -> int:
    [line] = [number for number, line in enumerate(source.splitlines(), 1) if line == text]
    return line


@pytest.mark.parametrize(
    ("gate", "path", "line", "code"),
    [
        ("ruff", "src/calc/faults.py", line_of("    print(text)"), "T201"),
        ("format", "src/calc/faults.py", line_of("    return [1,"), "unformatted"),
        ("mypy", "src/calc/faults.py", line_of("    return json.loads(text)"), "no-any-return"),
        ("pyright", "src/calc/faults.py", line_of(PRIVATE_IMPORT), "reportPrivateUsage"),
        ("docstrings", "src/calc/faults.py", line_of("def half(number: int) -> int:"), "DOC201"),
        (
            "pytest",
            "tests/test_calc.py",
            line_of("def test_wrong() -> None:", TESTS + FAILING_TEST),
            "tests/test_calc.py::test_wrong",
        ),
        ("expert", "src/calc/faults.py", line_of("@dataclass(frozen=True)"), "PXG001"),
        ("config", "pyproject.toml", None, "config-differs"),
    ],
)
def test_a_planted_fault_fails_exactly_its_gate(
    faulty: tuple[int, dict[str, object], Path],
    gate: str,
    path: str,
    line: int | None,
    code: str,
) -> None:
    exit_code, document, project = faulty
    if line is None:
        line = line_of(RELAXED, (project / path).read_text(encoding="utf-8"))
    result = gates_of(document)[gate]
    assert (exit_code, result["status"]) == (1, "failed")
    assert findings(result) == [(path, line, code)]


@pytest.fixture(scope="module")
def misconfigured(
    template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[int, dict[str, object]]:
    root = tmp_path_factory.mktemp("misconfigured") / "calc"
    project = copy_project(template, root, {"tests/test_calc.py": "def helper() -> None: ...\n"})
    pyproject = project / "pyproject.toml"
    edit(pyproject, "[tool.pyright]\n", "[tool.pyright]\nbogusSetting = 1\n")
    edit(pyproject, "[tool.mypy]\n", "[tool.mypy]\nbogus_option = 1\n")
    edit(pyproject, "[tool.ruff.lint]\n", '[tool.ruff.lint]\nextend-select = ["XYZ999"]\n')
    return check_json(
        project, "--gate", "ruff", "--gate", "mypy", "--gate", "pyright", "--gate", "pytest"
    )


@pytest.mark.parametrize(
    ("gate", "reason"),
    [
        ("ruff", "XYZ999"),
        ("mypy", "Unrecognized option: bogus_option"),
        ("pyright", "bogusSetting"),
        ("pytest", "collected no tests"),
    ],
)
def test_a_tool_that_cannot_be_trusted_is_an_error(
    misconfigured: tuple[int, dict[str, object]], gate: str, reason: str
) -> None:
    exit_code, document = misconfigured
    result = gates_of(document)[gate]
    assert (exit_code, document["passed"], result["status"]) == (2, False, "error")
    assert reason in str(result["summary"])


def test_nothing_to_check_is_an_error_in_every_tool_gate(template: Path, tmp_path: Path) -> None:
    project = copy_project(template, tmp_path / "calc")
    for folder in ("src/calc", "tests"):
        for file in (project / folder).iterdir():
            file.unlink()
    code, document = check_json(project, "--skip", "config")
    statuses = {name: gate["status"] for name, gate in gates_of(document).items()}
    assert code == 2
    assert statuses == {**dict.fromkeys(ALL_GATES, "error"), "config": "skipped"}


def test_a_missing_tool_is_an_error(template: Path, tmp_path: Path) -> None:
    """Run from an empty environment that sees every package here except mypy.

    ruff's module is there but its binary is not, so ruff prints nothing a parser can read.
    """
    project = copy_project(template, tmp_path / "calc")
    site = tmp_path / "site"
    site.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.startswith("mypy"):
            (site / entry.name).symlink_to(entry)
    venv.create(tmp_path / "env", with_pip=False)
    source = Path(pyexpert_gates.__file__).parent.parent
    python = venv_python(tmp_path / "env")
    argv = (str(python), "-m", "pyexpert_gates", "check", "--project", str(project))
    command = Command(
        argv=(*argv, "--gate", "mypy", "--gate", "ruff", "--format", "json"),
        cwd=tmp_path,
        env={"PYTHONPATH": f"{site}{os.pathsep}{source}"},
    )
    completed = asyncio.run(run_command(command, time_limit=60))
    assert isinstance(completed, ProcessOutput)
    assert completed.returncode == 2, completed.stderr
    ruff, mypy = json.loads(completed.stdout)["gates"]
    assert (ruff["status"], mypy["status"]) == ("error", "error")
    assert "No module named mypy" in mypy["summary"]


def test_a_syntax_error_is_a_finding(template: Path, tmp_path: Path) -> None:
    broken = '"""Broken."""\n\n\ndef broken(:\n    return 1\n'
    project = copy_project(template, tmp_path / "calc", {"src/calc/broken.py": broken})
    code, document = check_json(project, "--skip", "pyright")
    statuses = {name: gate["status"] for name, gate in gates_of(document).items()}
    assert code == 1
    assert statuses == {
        **dict.fromkeys(["ruff", "format", "mypy", "docstrings", "expert"], "failed"),
        "pyright": "skipped",
        "pytest": "passed",
        "config": "passed",
    }
    for name in ("ruff", "mypy", "expert"):
        assert {(path, line) for path, line, _ in findings(gates_of(document)[name])} == {
            ("src/calc/broken.py", 4)
        }


TIME_LIMITS_S = (3, 6, 12, 24, 48)
"""The ``--timeout`` of each try to kill a running test: a try ends the test or never starts it."""


def slow_project(template: Path, root: Path) -> Path:
    return copy_project(template, root, {"tests/test_calc.py": SLOW_TEST})


def test_a_gate_past_its_timeout_is_killed_and_an_error(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = slow_project(template, tmp_path / "calc")
    pid_file = tmp_path / "pid"
    monkeypatch.setenv("PID_FILE", str(pid_file))
    # On a busy machine pytest may not reach the test within a short limit; each try that ends
    # before the test starts doubles the limit, so the test never relies on an idle machine.
    for limit in TIME_LIMITS_S:
        started = time.monotonic()
        code, document = check_json(project, "--gate", "pytest", "--timeout", str(limit))
        assert time.monotonic() - started < limit + 20
        [gate] = gates_of(document).values()
        assert (code, gate["status"]) == (2, "error")
        assert f"timed out after {limit} s" in str(gate["summary"])
        if pid_file.is_file():
            break
    assert wait_until_gone([int(pid_file.read_text())]) == []


@pytest.mark.parametrize(
    ("signal_number", "exit_code", "message"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated (SIGTERM)")],
)
def test_ctrl_c_or_sigterm_ends_every_child(
    template: Path, tmp_path: Path, signal_number: signal.Signals, exit_code: int, message: str
) -> None:
    project = slow_project(template, tmp_path / "calc")
    pid_file = tmp_path / "pid"
    argv = [sys.executable, "-m", "pyexpert_gates", "check", "--project", str(project)]
    # Popen rather than the runner: the test must signal the command while it runs.
    with subprocess.Popen(  # noqa: S603 - the command line is this interpreter and temp paths
        [*argv, "--gate", "pytest", "--gate", "ruff", "--python", sys.executable],
        env={**os.environ, "PID_FILE": str(pid_file)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as check:
        test_pid = int(wait_for_file(pid_file, seconds=30))
        assert is_running(test_pid)
        check.send_signal(signal_number)
        _, stderr = check.communicate(timeout=30)
    assert check.returncode == exit_code
    assert message in stderr
    assert "Traceback" not in stderr
    assert wait_until_gone([test_pid]) == []


def test_output_file_gets_the_report_and_the_terminal_the_summary(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(template, tmp_path / "calc")
    output = tmp_path / "out" / "report.json"
    output.parent.mkdir()
    argv = ["check", "--project", str(project), "--gate", "ruff", "--format", "json"]
    assert main([*argv, "--output", str(output), "--python", sys.executable]) == 0
    document = json.loads(output.read_text(encoding="utf-8"))
    assert [gate["name"] for gate in document["gates"]] == ["ruff"]
    assert [path.name for path in output.parent.iterdir()] == ["report.json"]
    terminal = capsys.readouterr().out
    assert terminal.splitlines()[0].split() == ["gate", "status", "findings", "time", "summary"]
    assert terminal.endswith(f"report written to {output}\n")
    assert "\x1b[" not in terminal


def test_json_goes_to_stdout_alone(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(template, tmp_path / "calc")
    argv = ["check", "--project", str(project), "--gate", "expert", "--format", "json"]
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["project"] == str(project)
    assert [gate["status"] for gate in document["gates"]] == ["passed"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nox", "--python", "python3"], "--python and --nox exclude each other"),
        (["--nox", "--gate", "black"], "--gate black: unknown gate; valid gates: "),
        (["--changed-since", "HEAD"], "is not inside a git repository"),
        (["--format", "json", "--format", "sarif"], "--format json and --format sarif would"),
        (["--output", "a.json", "--format", "json", "--output", "b"], "--output a.json: no"),
        (["--format", "json", "--output", "a", "--format", "sarif", "--output", "a"], "twice"),
        (["--gate", "black"], "--gate black: unknown gate; valid gates: " + ", ".join(ALL_GATES)),
        (["--skip", "lint"], "--skip lint: unknown gate; valid gates: ruff"),
        (["--project", "missing"], "--project missing: no such directory"),
        (["--python", "missing/python"], "--python missing/python: no such interpreter"),
        (["--output", "missing/report.json"], "--output missing/report.json: the folder"),
    ],
)
def test_usage_errors_exit_2_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    argv = ["check", "--project", str(tmp_path), *args]
    if "--project" in args:
        argv = ["check", *args]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("pyexpert-gates: error: ")
    assert message in captured.err


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        ("[tool.pyexpert-gates]\npaths = ['src', 'lib']\n", "paths: 'lib' does not exist"),
        ("[tool.pyexpert-gates]\njobs = =\n", "pyproject.toml:2:8: invalid TOML"),
        ("[tool.pyexpert-gates]\nspeed = 1\n", "[tool.pyexpert-gates] unknown key 'speed'"),
        (
            "[tool.pyexpert-gates.expert]\nmax-lines = 1\n",
            "[tool.pyexpert-gates.expert] unknown key 'max-lines'",
        ),
    ],
)
def test_configuration_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pyproject: str, message: str
) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "pyproject.toml").write_text(pyproject)
    assert main(["check", "--project", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert f"{tmp_path / 'pyproject.toml'}" in captured.err
    assert message in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf", "nan"])
def test_timeout_must_be_positive(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--timeout", value])
    assert caught.value.code == 2
    assert "expected a number of seconds greater than 0" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("tty", "environ", "colour"),
    [
        (True, {}, True),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),
        (True, {"TERM": "dumb"}, False),
        (False, {}, False),
        (False, {"FORCE_COLOR": "1"}, True),
        (True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    *, tty: bool, environ: dict[str, str], colour: bool
) -> None:
    auto = argparse.Namespace(color="auto")
    if not tty:
        assert wants_color(auto, io.StringIO(), environ) is colour
        return
    terminal, other_end = os.openpty()
    with os.fdopen(other_end, "w") as stream:
        assert wants_color(auto, stream, environ) is colour
    os.close(terminal)


@pytest.mark.parametrize(("choice", "colour"), [("always", True), ("never", False)])
def test_the_color_option_wins_over_the_terminal_and_the_environment(
    choice: str, *, colour: bool
) -> None:
    environ = {"NO_COLOR": "1"} if colour else {"FORCE_COLOR": "1"}
    args = argparse.Namespace(color=choice)
    assert wants_color(args, io.StringIO(), environ) is colour
