import json

import pytest

from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report import render, render_json, render_summary, render_text
from tests.helpers.samples import UNUSED

REPORT = Report(
    project="/home/project",
    duration_s=1.23456,
    python="/home/project/.venv/bin/python",
    gates=(
        GateResult(
            name=GateName.RUFF,
            status=Status.FAILED,
            duration_s=0.0512,
            command=("ruff", "check"),
            summary="1 error in 1 file",
            diagnostics=(UNUSED,),
        ),
        GateResult(name=GateName.FORMAT, status=Status.PASSED, duration_s=0.03, summary="ok"),
        GateResult(name=GateName.MYPY, status=Status.ERROR, summary="mypy: executable not found"),
        GateResult(name=GateName.PYTEST, status=Status.SKIPPED, summary="skipped by --skip"),
    ),
)

GATE_KEYS = {"name", "status", "duration_s", "command", "summary", "diagnostics", "cached"}
DIAGNOSTIC_KEYS = {
    "path", "line", "column", "end_line", "end_column", "code", "message", "severity"
}  # fmt: skip


def test_json_report_follows_version_1() -> None:
    document = json.loads(render_json(REPORT))
    assert set(document) == {"version", "passed", "project", "duration_s", "gates", "python"}
    assert document["version"] == 1
    assert document["passed"] is False
    assert document["project"] == "/home/project"
    assert document["duration_s"] == 1.235
    assert [set(gate) for gate in document["gates"]] == [GATE_KEYS] * 4
    assert [gate["status"] for gate in document["gates"]] == [
        "failed",
        "passed",
        "error",
        "skipped",
    ]
    assert document["gates"][0]["command"] == ["ruff", "check"]
    assert document["gates"][0]["diagnostics"] == [
        {
            "path": "src/pkg/mod.py",
            "line": 3,
            "column": 8,
            "end_line": 3,
            "end_column": 10,
            "code": "F401",
            "message": "`os` imported but unused",
            "severity": "error",
        }
    ]
    assert set(document["gates"][0]["diagnostics"][0]) == DIAGNOSTIC_KEYS


def test_json_baselined_only_with_a_baseline() -> None:
    gates = (
        GateResult(name=GateName.RUFF, status=Status.PASSED, baselined=4),
        GateResult(name=GateName.MYPY, status=Status.PASSED),
    )
    document = json.loads(render_json(Report(project="/p", duration_s=0, gates=gates)))
    assert document["passed"] is True
    assert [gate.get("baselined") for gate in document["gates"]] == [4, None]
    assert "baselined" not in document["gates"][1]


def test_json_keeps_null_positions_and_unicode() -> None:
    finding = Diagnostic(path="é.py", line=None, message="would reformat", code=None)
    gates = (GateResult(name=GateName.FORMAT, status=Status.FAILED, diagnostics=(finding,)),)
    text = render_json(Report(project="/p", duration_s=0, gates=gates))
    assert "é.py" in text
    diagnostic = json.loads(text)["gates"][0]["diagnostics"][0]
    assert diagnostic["line"] is None
    assert diagnostic["code"] is None


def test_text_report_groups_by_gate_and_ends_with_a_table() -> None:
    text = render_text(REPORT)
    assert text.splitlines() == [
        "ruff: failed - 1 error in 1 file",
        "src/pkg/mod.py:3:8: F401 `os` imported but unused",
        "mypy: error - mypy: executable not found",
        "findings by rule: 1 finding from 1 rule",
        "  count  code  gate  fix     description",
        "      1  F401  ruff  no      `…` imported but unused",
        "rule docs:",
        "  F401  https://docs.astral.sh/ruff/rules/unused-import/",
        "",
        "gate    status   findings     time  summary",
        "ruff    failed          1    0.05s  1 error in 1 file",
        "format  passed          0    0.03s  ok",
        "mypy    error           -    0.00s  mypy: executable not found",
        "pytest  skipped         -        -  skipped by --skip",
        "python: /home/project/.venv/bin/python",
        "ERROR: 1 could not run, 1 failed (1.23 s)",
    ]


@pytest.mark.parametrize(
    ("statuses", "verdict"),
    [
        ((Status.PASSED, Status.SKIPPED), "PASSED: 1 passed (0.50 s)"),
        ((Status.PASSED, Status.FAILED, Status.FAILED), "FAILED: 2 failed (0.50 s)"),
        ((Status.FAILED, Status.ERROR), "ERROR: 1 could not run, 1 failed (0.50 s)"),
    ],
)
def test_verdict(statuses: tuple[Status, ...], verdict: str) -> None:
    gates = tuple(
        GateResult(name=name, status=status)
        for name, status in zip(GateName, statuses, strict=False)
    )
    summary = render_summary(Report(project="/p", duration_s=0.5, gates=gates))
    assert summary.splitlines()[-1] == verdict


def test_text_is_plain_unless_colour_is_asked_for() -> None:
    assert "\x1b[" not in render(REPORT, "text")
    coloured = render(REPORT, "text", color=True)
    assert "\x1b[31mfailed\x1b[0m" in coloured
    assert "\x1b[32mPASSED" not in coloured


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(UsageError, match="--format xml is not supported; use one of: text, json"):
        render(REPORT, "xml")


def test_a_gate_the_baseline_quiets_reads_as_passed_with_its_baselined_count() -> None:
    gates = (
        GateResult(
            name=GateName.RUFF,
            status=Status.FAILED,
            summary="13 findings in 4 files",
            diagnostics=(UNUSED,),
            baselined=12,
        ),
        GateResult(
            name=GateName.MYPY, status=Status.PASSED, summary="3 errors in 2 files", baselined=3
        ),
        GateResult(name=GateName.PYRIGHT, status=Status.PASSED, summary="0 errors", baselined=0),
        GateResult(name=GateName.PYTEST, status=Status.PASSED, summary="2 passed"),
    )
    summary = render_summary(Report(project="/p", duration_s=0.5, gates=gates))
    assert summary.splitlines() == [
        "gate     status   findings     time  summary",
        "ruff     failed          1    0.00s  1 new finding, 12 baselined",
        "mypy     passed          0    0.00s  3 baselined",
        "pyright  passed          0    0.00s  0 errors",
        "pytest   passed          0    0.00s  2 passed",
        "FAILED: 1 failed, 15 baselined (0.50 s)",
    ]


@pytest.mark.parametrize(
    ("result", "row", "entry"),
    [
        (
            GateResult(name=GateName.RUFF, status=Status.PASSED, summary="ok", cached=True),
            "ruff  passed          0    0.00s  ok (cached)",
            {"cached": True},
        ),
        (
            GateResult(name=GateName.RUFF, status=Status.FAILED, summary="1", limited_to=("a.py",)),
            "ruff  failed          0    0.00s  1 (limited to 1 changed file)",
            {"cached": False, "limited_to": ["a.py"]},
        ),
        (
            GateResult(name=GateName.RUFF, status=Status.PASSED, summary="ok", limited_to=()),
            "ruff  passed          0    0.00s  ok (limited to 0 changed files)",
            {"cached": False, "limited_to": []},
        ),
    ],
)
def test_reports_say_when_a_gate_was_cached_or_limited(
    result: GateResult, row: str, entry: dict[str, object]
) -> None:
    report = Report(project="/p", duration_s=0.5, gates=(result,))
    assert render_summary(report).splitlines()[1] == row
    [gate] = json.loads(render_json(report))["gates"]
    assert {key: gate[key] for key in entry if key in gate} == entry
    assert ("limited_to" in gate) == (result.limited_to is not None)
