"""The SARIF log of the sample report, to the character."""

from pathlib import Path

from pyexpert_gates.report.sarif import render_sarif

from .samples import REPORT

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "reports" / "samples.sarif"


def test_the_sample_report_renders_as_recorded() -> None:
    assert render_sarif(REPORT) == EXPECTED.read_text(encoding="utf-8")
