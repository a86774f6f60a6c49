"""The JUnit report of the sample report to the character, and gates without findings."""

from pathlib import Path
from xml.etree.ElementTree import fromstring

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report.junit import render_junit
from tests.helpers.samples import REPORT

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "reports" / "samples.junit.xml"


def test_the_sample_report_renders_as_recorded() -> None:
    assert render_junit(REPORT) == EXPECTED.read_text(encoding="utf-8")


def test_a_failed_gate_without_findings_is_one_failed_case_and_an_error_lists_its_findings() -> (
    None
):
    detail = Diagnostic(path="src/a.py", line=1, code="E1", message="why")
    gates = (
        GateResult(name=GateName.PYTEST, status=Status.FAILED, summary="2 tests failed"),
        GateResult(
            name=GateName.MYPY, status=Status.ERROR, summary="mypy crashed", diagnostics=(detail,)
        ),
    )
    root = fromstring(render_junit(Report(project="/p", duration_s=1.0, gates=gates)))  # noqa: S314 - our own output
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert (failure.get("message"), failure.get("type"), failure.text) == (
        "2 tests failed",
        "failed",
        "2 tests failed",
    )
    error = root.find("testsuite[@name='mypy']/testcase/error")
    assert error is not None
    assert error.text == "mypy crashed\nsrc/a.py:1 E1 why"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")


def test_a_line_of_a_gates_output_that_would_be_a_workflow_command_is_made_inert() -> None:
    summary = "crashed\n::error::two\n  ::warning::three"
    gate = GateResult(name=GateName.RUFF, status=Status.ERROR, summary=summary)
    document = render_junit(Report(project="/p", duration_s=1.0, gates=(gate,)))
    assert ">crashed\n&#58;:error::two\n  &#58;:warning::three</error>" in document


def test_a_character_xml_forbids_is_shown_by_its_code_point() -> None:
    finding = Diagnostic(path="a.py", line=1, code="X", message="a\x01b\x85c\ufffed")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(finding,))
    root = fromstring(render_junit(Report(project="/p", duration_s=1.0, gates=(gate,))))  # noqa: S314 - our own output
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "a.py:1: a\\x01b\\x85c\\ufffed"


def test_a_carriage_return_is_a_character_reference() -> None:
    gate = GateResult(name=GateName.RUFF, status=Status.ERROR, summary="half\rdone")
    document = render_junit(Report(project="/p", duration_s=1.0, gates=(gate,)))
    assert ">half&#13;done</error>" in document
