"""``watch`` re-runs the docstrings gate on the changed files and merges each module's coverage."""

import asyncio
from pathlib import Path

import pytest

from pyexpert_gates.check.engine import available_gates
from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.plan import make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import load_config
from pyexpert_gates.models import (
    Diagnostic,
    GateName,
    GateResult,
    ModuleCoverage,
    Report,
    Severity,
    Status,
)
from pyexpert_gates.watch.cycle import Cycle, run_cycle
from pyexpert_gates.watch.merge import merge_file_level

MISSING = "undocumented-public-function"


def missing(path: str, line: int, severity: Severity) -> Diagnostic:
    return Diagnostic(path=path, line=line, code=MISSING, message="m", severity=severity)


KEPT = GateResult(
    name=GateName.DOCSTRINGS,
    status=Status.PASSED,
    summary="75.0% documented (3/4), threshold 50%",
    diagnostics=(missing("b.py", 4, Severity.NOTE),),
    coverage=(
        ModuleCoverage(path="a.py", documented=2, total=2),
        ModuleCoverage(path="b.py", documented=1, total=2),
    ),
)


def test_kept_notes_become_errors_when_the_merged_coverage_falls_below_the_threshold() -> None:
    fresh = GateResult(
        name=GateName.DOCSTRINGS,
        status=Status.PASSED,
        diagnostics=(missing("a.py", 3, Severity.NOTE), missing("a.py", 7, Severity.NOTE)),
        coverage=(ModuleCoverage(path="a.py", documented=1, total=3),),
        limited_to=("a.py",),
    )
    merged = merge_file_level(KEPT, fresh, ("a.py",), threshold=50.0)
    assert merged.status is Status.FAILED
    assert merged.summary == (
        "40.0% documented (2/5), threshold 50%; "
        "1 changed file(s) checked again, the others' results kept"
    )
    assert [(item.path, item.line, item.severity) for item in merged.diagnostics] == [
        ("a.py", 3, Severity.ERROR),
        ("a.py", 7, Severity.ERROR),
        ("b.py", 4, Severity.ERROR),
    ]
    assert merged.coverage == (
        ModuleCoverage(path="a.py", documented=1, total=3),
        ModuleCoverage(path="b.py", documented=1, total=2),
    )
    assert merged.limited_to is None


def test_a_deleted_modules_coverage_and_findings_are_dropped() -> None:
    kept = GateResult(
        name=GateName.DOCSTRINGS,
        status=Status.FAILED,
        diagnostics=(missing("gone.py", 1, Severity.ERROR),),
        coverage=(
            ModuleCoverage(path="gone.py", documented=0, total=1),
            ModuleCoverage(path="b.py", documented=1, total=1),
        ),
    )
    nothing = GateResult(name=GateName.DOCSTRINGS, status=Status.PASSED, limited_to=())
    merged = merge_file_level(kept, nothing, ("gone.py",))
    assert merged.status is Status.PASSED
    assert merged.diagnostics == ()
    assert merged.coverage == (ModuleCoverage(path="b.py", documented=1, total=1),)
    assert merged.summary.startswith("100.0% documented (1/1), threshold 100%; 0 changed")


def test_section_and_parse_findings_are_kept_apart_from_coverage() -> None:
    section = Diagnostic(path="b.py", line=2, code="DOC101", message="m")
    unparsable = Diagnostic(path="c.py", line=1, code="invalid-syntax", message="m")
    kept = GateResult(
        name=GateName.DOCSTRINGS,
        status=Status.FAILED,
        diagnostics=(section, unparsable),
        coverage=(ModuleCoverage(path="b.py", documented=1, total=1),),
    )
    fresh = GateResult(
        name=GateName.DOCSTRINGS,
        status=Status.PASSED,
        coverage=(ModuleCoverage(path="a.py", documented=1, total=1),),
        limited_to=("a.py",),
    )
    merged = merge_file_level(kept, fresh, ("a.py",))
    assert merged.status is Status.FAILED
    assert merged.diagnostics == (section, unparsable)
    assert merged.summary.startswith(
        "100.0% documented (2/2), threshold 100%; 1 docstring section problem; "
        "1 file could not be parsed; 1 changed"
    )


DOCUMENTED = '"""A."""\n\n\ndef one() -> None:\n    """One."""\n'
UNDOCUMENTED = '"""B."""\n\n\ndef two() -> None:\n    pass\n\n\ndef three() -> None:\n    pass\n'


def _docstrings(project: Path, kept: Report | None, changed: tuple[str, ...]) -> GateResult:
    """The docstrings gate's result in a watch cycle: limited and merged when ``kept``."""
    plan = make_plan(
        Request(gates=("docstrings",)),
        project=project,
        config=load_config(project),
        interpreter=choose_interpreter(project=project, override=None, environ={}),
        available=available_gates(),
    )
    results = {} if kept is None else {result.name: result for result in kept.gates}
    report = asyncio.run(run_cycle(Cycle(plan=plan, kept=results, changed=changed)))
    return report.gates[0]


def _same(merged: GateResult, whole: GateResult) -> None:
    """``merged`` says what one run on every file says."""
    assert merged.status is whole.status
    assert merged.diagnostics == whole.diagnostics
    assert merged.coverage == whole.coverage
    assert merged.summary.startswith(whole.summary + "; ")


@pytest.mark.slow
def test_a_merged_cycle_says_what_a_run_on_every_file_says(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "p"\nversion = "1"\n'
        '[tool.pyexpert-gates]\npaths = ["a.py", "b.py", "tests"]\ndocstring-coverage = 70\n'
    )
    (tmp_path / "a.py").write_text(DOCUMENTED)
    (tmp_path / "b.py").write_text('"""B."""\n\n\ndef two() -> None:\n    pass\n')
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_a.py").write_text("def test_one() -> None:\n    pass\n")
    first = Report(project=str(tmp_path), duration_s=0.0, gates=(_docstrings(tmp_path, None, ()),))
    assert first.gates[0].status is Status.PASSED  # 3 of 4 documented: 75%

    (tmp_path / "b.py").write_text(UNDOCUMENTED)  # 3 of 5: 60%, below the threshold
    merged = _docstrings(tmp_path, first, ("b.py",))
    whole = _docstrings(tmp_path, None, ())
    assert whole.status is Status.FAILED
    _same(merged, whole)

    after = Report(project=str(tmp_path), duration_s=0.0, gates=(merged,))
    (tmp_path / "tests" / "test_a.py").write_text("def test_two() -> None:\n    pass\n")
    only_tests = _docstrings(tmp_path, after, ("tests/test_a.py",))
    _same(only_tests, whole)
    assert only_tests.summary.endswith("0 changed file(s) checked again, the others' results kept")
