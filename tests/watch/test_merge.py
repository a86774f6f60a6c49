"""A limited run's result merged with the findings kept from before."""

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Severity, Status
from pyexpert_gates.watch.merge import merge_file_level


def finding(path: str, code: str = "F841", severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(path=path, line=1, column=1, code=code, message="m", severity=severity)


def test_a_limited_result_replaces_only_the_changed_files_findings() -> None:
    kept = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        diagnostics=(finding("src/a.py"), finding("src/b.py"), finding("src/gone.py")),
    )
    fresh = GateResult(
        name=GateName.RUFF,
        status=Status.PASSED,
        limited_to=("src/a.py",),
    )
    merged = merge_file_level(kept, fresh, ("src/a.py", "src/gone.py"))
    assert [item.path for item in merged.diagnostics] == ["src/b.py"]
    assert merged.status is Status.FAILED
    assert merged.limited_to is None
    assert merged.summary.startswith("1 finding in 1 file; 1 changed file(s) checked again")


def test_a_merged_result_with_only_notes_passes() -> None:
    kept = GateResult(name=GateName.EXPERT, status=Status.FAILED, diagnostics=(finding("a.py"),))
    fresh = GateResult(
        name=GateName.EXPERT,
        status=Status.PASSED,
        diagnostics=(finding("a.py", severity=Severity.NOTE),),
        limited_to=("a.py",),
    )
    assert merge_file_level(kept, fresh, ("a.py",)).status is Status.PASSED


def test_a_limited_run_that_could_not_run_is_not_merged() -> None:
    kept = GateResult(name=GateName.RUFF, status=Status.PASSED)
    fresh = GateResult(name=GateName.RUFF, status=Status.ERROR, summary="ruff: not found")
    assert merge_file_level(kept, fresh, ("a.py",)) == fresh
