"""The JUnit report of the sample report: one suite per gate, a case per finding, properties."""

from xml.etree.ElementTree import Element, fromstring

import pytest

from pyexpert_gates.report import render
from tests.helpers.samples import REPORT


def suites() -> dict[str, Element]:
    root = fromstring(render(REPORT, "junit"))  # noqa: S314 - XML this package wrote
    return {suite.get("name", ""): suite for suite in root.iter("testsuite")}


def test_junit_totals_add_up_over_one_suite_per_gate() -> None:
    root = fromstring(render(REPORT, "junit"))  # noqa: S314 - XML this package wrote
    assert root.tag == "testsuites"
    assert [suite.get("name") for suite in root] == [gate.name.value for gate in REPORT.gates]
    counts = {key: root.get(key) for key in ("tests", "failures", "errors", "skipped")}
    assert counts == {"tests": "8", "failures": "5", "errors": "1", "skipped": "1"}
    assert root.get("time") == "2.500"


@pytest.mark.parametrize(
    ("gate", "cases", "problem"),
    [
        ("ruff", ["F401"], "failure"),
        ("format", ["unformatted"], "failure"),
        ("mypy", ["return-value", "note"], "failure"),
        ("pyright", ["pyright"], "error"),
        ("docstrings", ["docstrings"], None),
        ("pytest", ["pytest"], "skipped"),
    ],
)
def test_junit_cases_per_finding_or_per_gate(
    gate: str, cases: list[str], problem: str | None
) -> None:
    suite = suites()[gate]
    found = suite.findall("testcase")
    assert [case.get("name") for case in found] == cases
    for case in found:
        assert [child.tag for child in case] == ([problem] if problem else [])


def test_junit_failure_carries_file_line_and_message() -> None:
    [case] = suites()["ruff"].findall("testcase")
    assert (case.get("file"), case.get("line"), case.get("classname")) == (
        "src/pkg/mod.py",
        "3",
        "ruff.src/pkg/mod.py",
    )
    failure = case.find("failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == (
        "F401",
        "src/pkg/mod.py:3:8: `os` imported but unused",
    )


@pytest.mark.parametrize(
    ("gate", "properties"),
    [
        (
            "ruff",
            {"status": "failed", "baselined": "2", "command": "ruff check --output-format json"},
        ),
        ("docstrings", {"status": "passed", "cached": "true", "summary": "100%"}),
    ],
)
def test_junit_properties_note_cache_and_baseline(gate: str, properties: dict[str, str]) -> None:
    found = {item.get("name"): item.get("value") for item in suites()[gate].iter("property")}
    assert properties.items() <= found.items()
