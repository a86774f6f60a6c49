"""The result codec field by field: what it writes, and each damage it refuses by name."""

import dataclasses
import re

import pytest

from pyexpert_gates.data.codec import read_gate, write_gate
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.models import (
    Diagnostic,
    FixSafety,
    GateName,
    GateResult,
    ModuleCoverage,
    Status,
)

FIXABLE = Diagnostic(path="a.py", line=1, code="F401", message="unused", fix=FixSafety.SAFE)
RESULT = GateResult(
    name=GateName.RUFF, status=Status.FAILED, duration_s=0.25, diagnostics=(FIXABLE,)
)

WRITTEN_FINDING: dict[str, object] = {
    "path": "a.py",
    "line": 1,
    "column": None,
    "end_line": None,
    "end_column": None,
    "code": "F401",
    "message": "unused",
    "severity": "error",
}


def test_a_result_is_written_in_the_reports_shape() -> None:
    assert write_gate(dataclasses.replace(RESULT, duration_s=1.23456)) == {
        "name": "ruff",
        "status": "failed",
        "duration_s": 1.235,
        "command": [],
        "summary": "",
        "diagnostics": [WRITTEN_FINDING],
        "cached": False,
    }


def test_fixes_are_written_only_when_asked_and_read_back() -> None:
    written = write_gate(RESULT, complete=True)
    assert written["diagnostics"] == [WRITTEN_FINDING | {"fix": "safe"}]
    assert read_gate(written) == RESULT
    assert read_gate(write_gate(RESULT)).diagnostics[0].fix is None


def test_absent_optional_fields_read_as_their_defaults() -> None:
    entry = write_gate(RESULT) | {"duration_s": 2}
    del entry["cached"]
    read = read_gate(entry)
    assert (read.cached, read.limited_to, read.baselined) == (False, None, None)
    assert read.duration_s == 2.0
    assert isinstance(read.duration_s, float)


def damaged_finding(**fields: object) -> dict[str, object]:
    return write_gate(RESULT, complete=True) | {"diagnostics": [WRITTEN_FINDING | fields]}


COVERED = GateResult(
    name=GateName.DOCSTRINGS,
    status=Status.PASSED,
    duration_s=0.5,
    coverage=(
        ModuleCoverage(path="src/a.py", documented=1, total=3),
        ModuleCoverage(path="src/b.py", documented=0, total=0),
        ModuleCoverage(path="src/c.py", documented=2, total=2),
    ),
)


def test_the_docstring_coverage_is_written_only_when_complete_and_read_back() -> None:
    written = write_gate(COVERED, complete=True)
    assert written["coverage"] == [
        {"path": "src/a.py", "documented": 1, "total": 3},
        {"path": "src/b.py", "documented": 0, "total": 0},
        {"path": "src/c.py", "documented": 2, "total": 2},
    ]
    assert read_gate(written) == COVERED
    assert "coverage" not in write_gate(COVERED)
    assert read_gate(write_gate(COVERED)).coverage is None


def damaged_coverage(coverage: object) -> dict[str, object]:
    return write_gate(COVERED, complete=True) | {"coverage": coverage}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (write_gate(RESULT) | {"duration_s": "1"}, "duration_s: expected a number"),
        (write_gate(RESULT) | {"duration_s": True}, "duration_s: expected a number"),
        (write_gate(RESULT) | {"cached": 1}, "cached: expected true or false"),
        (write_gate(RESULT) | {"name": "lint"}, "'lint' is not a GateName"),
        (write_gate(RESULT) | {"status": "ok"}, "'ok' is not a Status"),
        (write_gate(RESULT) | {"command": ["ruff", 1]}, "command: expected strings"),
        (write_gate(RESULT) | {"limited_to": ["a.py", None]}, "limited_to: expected strings"),
        (
            write_gate(RESULT) | {"diagnostics": "none"},
            "diagnostics is a string, expected an array",
        ),
        (write_gate(RESULT) | {"diagnostics": ["x"]}, "diagnostic is a string, expected an object"),
        (damaged_finding(severity="fatal"), "'fatal' is not a Severity"),
        (damaged_finding(fix="maybe"), "'maybe' is not a FixSafety"),
        (damaged_coverage("all"), "coverage is a string, expected an array"),
        (damaged_coverage(["x"]), "a module's coverage is a string, expected an object"),
        (
            damaged_coverage([{"path": "a.py", "documented": 4, "total": 3}]),
            "coverage: 4 of 3 documented is not a count",
        ),
        (
            damaged_coverage([{"path": "a.py", "documented": -1, "total": 3}]),
            "coverage: -1 of 3 documented is not a count",
        ),
    ],
    ids=[
        "text",
        "bool",
        "cached",
        "name",
        "status",
        "command",
        "limited",
        "diagnostics",
        "diagnostic",
        "severity",
        "fix",
        "coverage",
        "module-coverage",
        "more-documented-than-total",
        "negative-documented",
    ],
)
def test_a_damaged_field_is_refused_by_name(entry: dict[str, object], message: str) -> None:
    with pytest.raises(ShapeError, match=f"^{re.escape(message)}$"):
        read_gate(entry)
