import time
from pathlib import Path

import pytest

from pyexpert_gates.check.engine import run_plan, run_plans
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Status
from tests.helpers.standins import PythonGate, ScriptGate, plan_of

pytestmark = pytest.mark.slow


SLEEP = "import time; time.sleep({})"


def test_results_come_in_gate_order_with_commands(tmp_path: Path) -> None:
    gates = (
        ScriptGate(name=GateName.PYTEST),
        PythonGate(name=GateName.EXPERT),
        ScriptGate(name=GateName.RUFF, code="import sys; sys.exit(2)"),
    )
    report = run_plan(plan_of(tmp_path, *gates))
    assert [(gate.name, gate.status, gate.summary) for gate in report.gates] == [
        (GateName.RUFF, Status.ERROR, "exit 2"),
        (GateName.PYTEST, Status.PASSED, "ok pytest"),
        (GateName.EXPERT, Status.PASSED, "test.toml ('.',)"),
    ]
    assert report.gates[0].command[1:] == ("-c", "import sys; sys.exit(2)", ".")
    assert report.gates[2].command == ()
    assert report.project == str(tmp_path)
    assert report.python is not None


@pytest.mark.parametrize(("jobs", "overlap"), [(3, True), (1, False)])
def test_gates_run_concurrently_up_to_the_job_limit(
    tmp_path: Path, jobs: int, *, overlap: bool
) -> None:
    gates = (
        ScriptGate(name=GateName.RUFF, code=SLEEP.format(1)),
        ScriptGate(name=GateName.MYPY, code=SLEEP.format(1)),
        PythonGate(name=GateName.EXPERT, seconds=1),
    )
    started = time.monotonic()
    report = run_plan(plan_of(tmp_path, *gates, jobs=jobs))
    elapsed = time.monotonic() - started
    one_after_another = sum(gate.duration_s for gate in report.gates)
    assert report.passed
    assert all(gate.duration_s >= 1 for gate in report.gates)
    # Overlapping gates save at least one whole gate's second; one job at a time saves nothing.
    assert (elapsed < one_after_another - 0.9) is overlap


@pytest.mark.parametrize(
    ("gate", "summary"),
    [
        (ScriptGate(name=GateName.MYPY, code=SLEEP.format(30)), "timed out after 1 s"),
        (PythonGate(name=GateName.EXPERT, seconds=30), "timed out after 1 s"),
        (ScriptGate(name=GateName.MYPY, program="pyexpert-gates-no-such-tool"), "not found"),
        (
            ScriptGate(name=GateName.MYPY, code="import sys; sys.exit(99)"),
            "internal error in the mypy gate: ValueError: the parser broke",
        ),
        (
            PythonGate(name=GateName.EXPERT, status=Status.ERROR),
            "internal error in the expert gate: RuntimeError: the check broke",
        ),
    ],
)
def test_a_gate_that_cannot_run_is_an_error_and_the_others_still_report(
    tmp_path: Path, gate: ScriptGate | PythonGate, summary: str
) -> None:
    started = time.monotonic()
    report = run_plan(plan_of(tmp_path, gate, ScriptGate(name=GateName.RUFF), time_limit=1))
    assert time.monotonic() - started < 10
    broken = next(result for result in report.gates if result.name == gate.name)
    assert broken.status is Status.ERROR
    assert summary in broken.summary
    assert [result.status for result in report.gates if result.name is GateName.RUFF] == [
        Status.PASSED
    ]
    assert not report.passed


def test_finding_paths_become_relative_posix(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    reported = (str(tmp_path / "real" / "src" / "a.py"), "./src/b.py")
    code = f"print({chr(10).join(reported)!r}); raise SystemExit(1)"
    report = run_plan(plan_of(tmp_path / "link", ScriptGate(name=GateName.RUFF, code=code)))
    assert report.gates == (
        GateResult(
            name=GateName.RUFF,
            status=Status.FAILED,
            duration_s=report.gates[0].duration_s,
            command=report.gates[0].command,
            summary="found",
            diagnostics=(
                Diagnostic(path="src/a.py", line=1, column=1, message="planted"),
                Diagnostic(path="src/b.py", line=1, column=1, message="planted"),
            ),
        ),
    )


@pytest.mark.parametrize(("jobs", "overlap"), [(2, True), (1, False)])
def test_the_gates_of_several_projects_share_one_job_limit(
    tmp_path: Path, jobs: int, *, overlap: bool
) -> None:
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder in folders:
        folder.mkdir()
    plans = [
        plan_of(folder, PythonGate(name=GateName.EXPERT, seconds=1), jobs=jobs)
        for folder in folders
    ]
    started = time.monotonic()
    reports = run_plans(plans)
    elapsed = time.monotonic() - started
    assert [report.project for report in reports] == [str(folder) for folder in folders]
    assert all(report.passed for report in reports)
    # The two projects' gates overlap when two jobs are free, and wait for each other with one.
    assert (elapsed < 1.9) is overlap
