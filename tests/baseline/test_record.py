"""Recording a baseline from a report: every static finding, the floors, and no gaps."""

from pathlib import Path

import pytest

from pyexpert_gates.baseline.record import record, refuse_partial
from pyexpert_gates.errors import GatesError
from pyexpert_gates.models import (
    Diagnostic,
    GateName,
    GateResult,
    ModuleCoverage,
    Report,
    Status,
)

UNUSED = Diagnostic(path="src/a.py", line=1, code="F401", message="unused import")
FAILED_TEST = Diagnostic(path="tests/test_a.py", line=3, code="tests/test_a.py::t", message="x")


def report(*gates: GateResult) -> Report:
    return Report(project="/p", duration_s=1.0, gates=gates)


def test_every_finding_of_a_baselined_gate_is_recorded_and_no_failing_test(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("import os\n")
    coverage = (ModuleCoverage(path="src/a.py", documented=1, total=4),)
    baseline = record(
        report(
            GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(UNUSED,)),
            GateResult(name=GateName.PYTEST, status=Status.FAILED, diagnostics=(FAILED_TEST,)),
            GateResult(name=GateName.DOCSTRINGS, status=Status.FAILED, coverage=coverage),
        ),
        tmp_path,
        threshold=80.0,
    )
    assert [(entry.fingerprint.gate, entry.fingerprint.source) for entry in baseline.entries] == [
        (GateName.RUFF, "import os")
    ]
    assert baseline.floors == {"src/a.py": 25.0}


@pytest.mark.parametrize(
    ("gate", "said"),
    [
        (
            GateResult(name=GateName.MYPY, status=Status.ERROR, summary="mypy: not found"),
            "the mypy gate could not run: mypy: not found",
        ),
        (
            GateResult(
                name=GateName.RUFF,
                status=Status.FAILED,
                diagnostics=(
                    Diagnostic(path="src/b.py", line=1, code="invalid-syntax", message=""),
                ),
            ),
            "src/b.py cannot be parsed",
        ),
    ],
)
def test_a_report_with_a_gap_is_refused(gate: GateResult, said: str) -> None:
    with pytest.raises(GatesError, match="Nothing was written") as raised:
        refuse_partial(report(gate))
    assert said in str(raised.value)


def test_a_whole_report_is_accepted() -> None:
    refuse_partial(
        report(GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(UNUSED,)))
    )
