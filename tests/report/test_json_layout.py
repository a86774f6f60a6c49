"""The JSON report's layout: indented by two spaces, on one line for watch, marked when partial."""

import json

from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.report.json import render_json
from tests.helpers.samples import REPORT


def test_the_document_is_indented_by_two_spaces_and_says_nothing_of_partial() -> None:
    text = render_json(REPORT)
    assert text.startswith('{\n  "version": 1,\n  "passed": false,\n')
    assert text.endswith("}\n")
    assert "partial" not in json.loads(text)


def test_a_partial_report_on_one_line_says_so() -> None:
    text = render_json(REPORT, one_line=True, partial=True)
    assert text.count("\n") == 1
    assert json.loads(text)["partial"] is True


def test_watch_prints_each_report_on_one_line() -> None:
    report = Report(
        project="/p", duration_s=1.0, gates=(GateResult(name=GateName.RUFF, status=Status.PASSED),)
    )
    text = render_json(report, one_line=True)
    assert text.count("\n") == 1
    assert text.endswith("}\n")
