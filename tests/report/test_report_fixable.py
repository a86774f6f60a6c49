"""Findings that ``pyexpert-gates fix`` resolves, as the text report marks and counts them."""

from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.report import render
from pyexpert_gates.report.text import TextOptions
from tests.helpers.samples import FIXABLE, FIXABLE_RUFF


def test_the_text_report_marks_each_fixable_finding_and_counts_them() -> None:
    lines = render(Report(project="/p", duration_s=0.1, gates=(FIXABLE_RUFF,)), "text").splitlines()
    assert "src/a.py:1:1: F401 unused [fix]" in lines
    assert "src/a.py:2:1: UP042 StrEnum [fix --unsafe]" in lines
    assert "src/a.py:3:1: E501 too long" in lines
    assert (
        "fixable: 2 findings, 1 with `pyexpert-gates fix` and 1 more with "
        "`pyexpert-gates fix --unsafe` (may change behaviour)"
    ) in lines


def test_the_counts_by_rule_say_which_fixes_need_unsafe_as_the_findings_do() -> None:
    report = Report(project="/p", duration_s=0.1, gates=(FIXABLE_RUFF,))
    text = render(report, "text", options=TextOptions(statistics=True))
    fixable = {line.split()[1]: line.split()[3] for line in text.splitlines()[2:5]}
    assert fixable == {"F401": "yes", "UP042": "unsafe", "E501": "no"}


def test_no_fix_hint_without_fixable_findings() -> None:
    plain = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        duration_s=0.1,
        summary="1",
        diagnostics=FIXABLE[2:],
    )
    assert "fixable" not in render(Report(project="/p", duration_s=0.1, gates=(plain,)), "text")


def test_the_hint_says_more_only_after_a_count_of_safe_fixes() -> None:
    # After `fix`, only unsafe fixes remain, as on every real library adopted.
    unsafe = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        duration_s=0.1,
        summary="1",
        diagnostics=FIXABLE[1:],
    )
    lines = render(Report(project="/p", duration_s=0.1, gates=(unsafe,)), "text").splitlines()
    assert (
        "fixable: 1 finding, 1 with `pyexpert-gates fix --unsafe` (may change behaviour)" in lines
    )
