"""The Code Quality report's layout, and an issue whose finding has no words."""

import json

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report import render
from pyexpert_gates.report.gitlab import render_gitlab
from pyexpert_gates.report.identity import Checkout
from tests.helpers.samples import REPORT


def test_the_report_is_indented_by_two_spaces() -> None:
    text = render(REPORT, "gitlab")
    assert text.startswith('[\n  {\n    "description": ')
    assert text.endswith("]\n")


def test_a_finding_without_a_message_is_described_as_having_none() -> None:
    blank = Diagnostic(path="src/pkg/mod.py", line=3, code="F401", message="  \n")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(blank,))
    report = Report(project="/home/project", duration_s=1.0, gates=(gate,))
    (issue,) = json.loads(render(report, "gitlab"))
    assert issue["description"] == "ruff/F401: (no message)"


def could_not_run(name: GateName, summary: str, prefix: str) -> dict[str, object]:
    """The one issue of a report whose gate ``name`` could not run, in a checkout at ``prefix``."""
    gate = GateResult(name=name, status=Status.ERROR, summary=summary)
    report = Report(project="/home/project", duration_s=1.0, gates=(gate,))
    issues: list[dict[str, object]] = json.loads(render_gitlab(report, Checkout(prefix=prefix)))
    (issue,) = issues
    return issue


def test_a_gate_that_could_not_run_keeps_its_fingerprint_across_versions() -> None:
    # GitLab compares fingerprints between pipelines: a changed one reads as fixed and new.
    issue = could_not_run(GateName.PYRIGHT, "", "")
    assert issue["fingerprint"] == (
        "5f8300ab1f9310c6515cf543275895b4ef4780c80878d6d21d8aaaacfebe68bf"
    )
    assert issue["description"] == "pyright/could-not-run: the gate could not run"


def test_each_gate_and_each_project_of_a_repository_has_its_own_could_not_run_issue() -> None:
    fingerprints = {
        could_not_run(name, "no pyright", prefix)["fingerprint"]
        for name in (GateName.PYRIGHT, GateName.MYPY)
        for prefix in ("", "sub/")
    }
    assert len(fingerprints) == 4
