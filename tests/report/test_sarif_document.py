"""The SARIF log of the sample report, to the character."""

import json
from pathlib import Path

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.report.sarif import render_sarif, uri_reference
from tests.helpers.samples import REPORT

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "reports" / "samples.sarif"


def test_the_sample_report_renders_as_recorded() -> None:
    assert render_sarif(REPORT) == EXPECTED.read_text(encoding="utf-8")


def test_a_gate_that_could_not_run_without_a_summary_says_so_and_the_base_is_the_project() -> None:
    gate = GateResult(name=GateName.PYRIGHT, status=Status.ERROR)
    log = json.loads(render_sarif(Report(project="/home/BOX", duration_s=1.0, gates=(gate,))))
    (run,) = log["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///home/BOX/"
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


def test_a_path_keeps_its_bytes_in_the_uri_even_a_lone_surrogate() -> None:
    assert uri_reference("src/\udcff a:b.py") == "src/%FF%20a%3Ab.py"
    assert uri_reference("src/\ud800.py") == "src/%ED%A0%80.py"


def test_a_warning_is_a_warning_and_durations_are_to_the_millisecond() -> None:
    warning = Diagnostic(path="a.py", line=1, code="W1", message="m", severity=Severity.WARNING)
    gate = GateResult(
        name=GateName.RUFF, status=Status.FAILED, duration_s=1.23456, diagnostics=(warning,)
    )
    (run,) = json.loads(render_sarif(Report(project="/p", duration_s=1.0, gates=(gate,))))["runs"]
    assert run["results"][0]["level"] == "warning"
    assert run["properties"]["durationSeconds"] == 1.235
