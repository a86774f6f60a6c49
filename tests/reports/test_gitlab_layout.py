"""The Code Quality report's layout, and an issue whose finding has no words."""

import json

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report import render

from .samples import REPORT


def test_the_report_is_indented_by_two_spaces() -> None:
    text = render(REPORT, "gitlab")
    assert text.startswith('[\n  {\n    "description": ')
    assert text.endswith("]\n")


def test_a_finding_without_a_message_is_described_as_having_none() -> None:
    blank = Diagnostic(path="src/pkg/mod.py", line=3, code="F401", message="  \n")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(blank,))
    report = Report(project="/work/project", duration_s=1.0, gates=(gate,))
    (issue,) = json.loads(render(report, "gitlab"))
    assert issue["description"] == "ruff/F401: (no message)"
