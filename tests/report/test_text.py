"""The text report: each finding as ruff lists it, the table, quiet and verbose."""

import pytest

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.report import TextOptions, render
from pyexpert_gates.report.text import format_diagnostic
from tests.helpers.samples import REPORT, UNUSED


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            TextOptions(quiet=True),
            [
                "ruff: failed - 1 new finding, 2 baselined",
                "src/pkg/mod.py:3:8: F401 `os` imported but unused",
            ],
        ),
        (
            TextOptions(verbose=True),
            [
                "ruff: failed - 1 new finding, 2 baselined",
                "  $ ruff check --output-format json",
                "src/pkg/mod.py:3:8: F401 `os` imported but unused",
            ],
        ),
    ],
)
def test_quiet_and_verbose_text(options: TextOptions, expected: list[str]) -> None:
    lines = render(REPORT, "text", options=options).splitlines()
    assert lines[: len(expected)] == expected
    assert ("docstrings: passed - 100% (cached)" in lines) is options.verbose
    has_table = any(line.split()[:2] == ["gate", "status"] for line in lines)
    assert has_table is not options.quiet
    assert lines[-1] == "ERROR: 1 could not run, 4 failed, 2 baselined (2.50 s)"


def test_quiet_prints_nothing_when_every_gate_passed() -> None:
    gates = (GateResult(name=GateName.RUFF, status=Status.PASSED),)
    report = Report(project="/p", duration_s=0, gates=gates)
    assert render(report, "text", options=TextOptions(quiet=True)) == ""


def test_text_lists_findings_as_ruff_does_and_notes_cache_and_baseline() -> None:
    lines = render(REPORT, "text").splitlines()
    mypy = lines.index("mypy: failed - 1 error in 1 file")
    assert lines[mypy + 1 : mypy + 4] == [
        (
            'src/pkg/api.py:12:5: return-value Incompatible return value type (got "int", '
            'expected "str")'
        ),
        "src/pkg/api.py:12:5: note See the docs,",
        "    line two: 100% sure",
    ]
    assert "src/pkg/mod.py:1:1: unformatted x" in lines
    table = lines.index(next(line for line in lines if line.split()[:2] == ["gate", "status"]))
    assert lines[table].split() == ["gate", "status", "findings", "time", "summary"]
    ruff = next(line for line in lines[table:] if line.startswith("ruff "))
    assert ruff.split()[2] == "1"
    assert ruff.endswith("1 new finding, 2 baselined")
    assert "ruff: failed - 1 new finding, 2 baselined" in lines
    assert any(line.endswith("100% (cached)") for line in lines)


@pytest.mark.parametrize(
    ("diagnostic", "line"),
    [
        (UNUSED, "src/pkg/mod.py:3:8 F401 `os` imported but unused"),
        (Diagnostic(path="a.py", line=None, message="would reformat"), "a.py would reformat"),
        (Diagnostic(path="a.py", line=2, code="x", message="m"), "a.py:2 x m"),
        (
            Diagnostic(path="a.py", line=1, column=1, message="first\nsecond\n"),
            "a.py:1:1 first\n    second",
        ),
        (
            Diagnostic(path="a.py", line=1, column=1, message="m", severity=Severity.NOTE),
            "a.py:1:1 m",
        ),
    ],
)
def test_format_diagnostic(diagnostic: Diagnostic, line: str) -> None:
    assert format_diagnostic(diagnostic) == line
