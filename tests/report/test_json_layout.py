"""The JSON report's layout: indented by two spaces, on one line for watch, marked when partial."""

import json

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
