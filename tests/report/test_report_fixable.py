"""Findings that ``pyexpert-gates fix`` resolves: read from ruff, kept in the cache, shown."""

import json
from pathlib import Path

import pytest

from pyexpert_gates.cache.store import result_from_json, result_to_json
from pyexpert_gates.gates.ruff import ruff_diagnostics
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Report, Status
from pyexpert_gates.report import render
from pyexpert_gates.report.text import TextOptions


def ruff_entry(code: str, fix: object) -> dict[str, object]:
    return {
        "code": code,
        "filename": "/p/src/a.py",
        "location": {"row": 1, "column": 1},
        "end_location": {"row": 1, "column": 5},
        "message": f"{code} message",
        "fix": fix,
    }


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        ({"applicability": "safe", "edits": []}, FixSafety.SAFE),
        ({"applicability": "unsafe", "edits": []}, FixSafety.UNSAFE),
        ({"applicability": "display-only", "edits": []}, None),
        (None, None),
    ],
)
def test_ruff_says_which_findings_its_fixes_resolve(
    fix: object, expected: FixSafety | None
) -> None:
    stdout = json.dumps([ruff_entry("F401", fix)])
    assert ruff_diagnostics(stdout, Path("/p"))[0].fix is expected


@pytest.mark.parametrize("fix", [None, {"applicability": "display-only", "edits": []}])
def test_a_rule_that_a_codemod_fixes_is_fixable_as_fix_sees_it(fix: object) -> None:
    stdout = json.dumps([ruff_entry("DTZ003", fix)])
    assert ruff_diagnostics(stdout, Path("/p"))[0].fix is FixSafety.UNSAFE


FINDINGS = (
    Diagnostic(
        path="src/a.py", line=1, column=1, code="F401", message="unused", fix=FixSafety.SAFE
    ),
    Diagnostic(
        path="src/a.py", line=2, column=1, code="UP042", message="StrEnum", fix=FixSafety.UNSAFE
    ),
    Diagnostic(path="src/a.py", line=3, column=1, code="E501", message="too long"),
)
RUFF = GateResult(
    name=GateName.RUFF,
    status=Status.FAILED,
    duration_s=0.1,
    summary="3 findings",
    diagnostics=FINDINGS,
)


def test_the_text_report_marks_each_fixable_finding_and_counts_them() -> None:
    lines = render(Report(project="/p", duration_s=0.1, gates=(RUFF,)), "text").splitlines()
    assert "src/a.py:1:1: F401 unused [fix]" in lines
    assert "src/a.py:2:1: UP042 StrEnum [fix --unsafe]" in lines
    assert "src/a.py:3:1: E501 too long" in lines
    assert (
        "fixable: 2 findings, 1 with `pyexpert-gates fix` and 1 more with "
        "`pyexpert-gates fix --unsafe` (may change behaviour)"
    ) in lines


def test_the_counts_by_rule_say_which_fixes_need_unsafe_as_the_findings_do() -> None:
    report = Report(project="/p", duration_s=0.1, gates=(RUFF,))
    text = render(report, "text", options=TextOptions(statistics=True))
    fixable = {line.split()[1]: line.split()[3] for line in text.splitlines()[2:5]}
    assert fixable == {"F401": "yes", "UP042": "unsafe", "E501": "no"}


def test_no_fix_hint_without_fixable_findings() -> None:
    plain = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        duration_s=0.1,
        summary="1",
        diagnostics=FINDINGS[2:],
    )
    assert "fixable" not in render(Report(project="/p", duration_s=0.1, gates=(plain,)), "text")


def test_a_cached_result_keeps_what_fix_resolves() -> None:
    replayed = result_from_json(result_to_json(RUFF, "key"), "key")
    assert [item.fix for item in replayed.diagnostics] == [FixSafety.SAFE, FixSafety.UNSAFE, None]


def test_the_hint_says_more_only_after_a_count_of_safe_fixes() -> None:
    # After `fix`, only unsafe fixes remain, as on every real library adopted.
    unsafe = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        duration_s=0.1,
        summary="1",
        diagnostics=FINDINGS[1:],
    )
    lines = render(Report(project="/p", duration_s=0.1, gates=(unsafe,)), "text").splitlines()
    assert (
        "fixable: 1 finding, 1 with `pyexpert-gates fix --unsafe` (may change behaviour)" in lines
    )


# D403 changes a docstring's words, D212 its layout (a `\f` click cuts help at moves with it),
# PLR0402 what an import binds: ruff calls each safe.
@pytest.mark.parametrize("code", ["D403", "D212", "PLR0402"])
def test_a_fix_that_ruff_calls_safe_but_changes_what_a_program_sees_needs_unsafe(
    code: str,
) -> None:
    stdout = json.dumps([ruff_entry(code, {"applicability": "safe", "edits": []})])
    assert ruff_diagnostics(stdout, Path("/p"))[0].fix is FixSafety.UNSAFE
