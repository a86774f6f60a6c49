"""nox's session report: each session's outcome, read back as the gate's result."""

import pytest

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.nox.reports import gate_from_report, session_outcomes
from pyexpert_gates.report.json import render_json
from tests.helpers.nox_projects import NOX_REPORT

FINDING = Diagnostic(
    path="src/calc/__init__.py", line=3, column=5, end_line=3, end_column=11, code="F841",
    message="Local variable `unused` is assigned to but never used",
)  # fmt: skip
RESULT = GateResult(
    name=GateName.RUFF, status=Status.FAILED, duration_s=0.25, command=("ruff", "check"),
    summary="1 finding in 1 file", diagnostics=(FINDING,),
)  # fmt: skip


def test_a_session_report_reads_back_as_the_gate_result() -> None:
    text = render_json(Report(project="/p", duration_s=1.0, gates=(RESULT,)))
    assert gate_from_report(text, GateName.RUFF) == RESULT


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("{", "unreadable report from nox: "),
        ('{"gates": [{"name": "ruff", "status": "odd"}]}', "unreadable report from nox: "),
        ('{"gates": []}', "the session's report lacks the gate"),
    ],
)
def test_an_unreadable_session_report_is_an_error(text: str, summary: str) -> None:
    result = gate_from_report(text, GateName.RUFF)
    assert result.status is Status.ERROR
    assert result.summary.startswith(summary)


def test_nox_report_says_how_each_session_ended() -> None:
    assert session_outcomes(NOX_REPORT) == {
        "gates-ruff": "failed: install failed",
        "gates-mypy": "success",
    }
    assert session_outcomes(None) == {}
    assert session_outcomes("[]") == {}
