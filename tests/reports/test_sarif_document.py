"""The SARIF log of the sample report, to the character."""

import json
from pathlib import Path

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report.sarif import render_sarif

from .samples import REPORT

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "reports" / "samples.sarif"


def test_the_sample_report_renders_as_recorded() -> None:
    assert render_sarif(REPORT) == EXPECTED.read_text(encoding="utf-8")


def test_a_gate_that_could_not_run_without_a_summary_says_so_and_the_base_is_the_project() -> None:
    gate = GateResult(name=GateName.PYRIGHT, status=Status.ERROR)
    log = json.loads(render_sarif(Report(project="/work/BOX", duration_s=1.0, gates=(gate,))))
    (run,) = log["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/BOX/"
    (invocation,) = run["invocations"]
    assert invocation["toolExecutionNotifications"] == [
        {"level": "error", "message": {"text": "could not run"}}
    ]


def test_a_finding_without_a_message_is_said_to_have_none() -> None:
    blank = Diagnostic(path="src/a.py", line=1, code="X1", message=" \n")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(blank,))
    log = json.loads(render_sarif(Report(project="/p", duration_s=1.0, gates=(gate,))))
    (result,) = log["runs"][0]["results"]
    assert result["message"] == {"text": "(no message)"}
