"""The renderers on a report with a gate in every state: pure, so tested on data."""

import json
from xml.etree.ElementTree import Element, fromstring

import pytest

from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.report import TextOptions, render, render_github, render_step_summary
from pyexpert_gates.report.ruledocs import TOOLS, rule_doc
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


def test_sarif_has_one_run_per_gate_that_ran_with_rules_and_regions() -> None:
    log = json.loads(render(REPORT, "sarif"))
    assert log["version"] == "2.1.0"
    runs = {run["properties"]["gate"]: run for run in log["runs"]}
    assert list(runs) == ["ruff", "format", "mypy", "pyright", "docstrings", "expert"]
    names = [run["tool"]["driver"]["name"] for run in log["runs"]]
    assert len(set(names)) == len(names)
    [rule] = runs["ruff"]["tool"]["driver"]["rules"]
    assert rule == {
        "id": "F401",
        "name": "unused-import",
        "helpUri": "https://docs.astral.sh/ruff/rules/unused-import/",
    }
    [result] = runs["ruff"]["results"]
    assert result["ruleId"] == "F401"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 10
    }  # fmt: skip
    assert runs["ruff"]["properties"]["baselined"] == 2
    assert runs["docstrings"]["properties"]["cached"] is True


def test_sarif_levels_whole_files_and_tools_that_could_not_run() -> None:
    runs = {run["properties"]["gate"]: run for run in json.loads(render(REPORT, "sarif"))["runs"]}
    assert [result["level"] for result in runs["mypy"]["results"]] == ["error", "note"]
    [whole_file] = runs["format"]["results"]
    assert whole_file["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    [invocation] = runs["pyright"]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == (
        "pyright: executable not found"
    )
    assert runs["expert"]["tool"]["driver"]["rules"][0]["help"]["text"].startswith(
        "Dataclasses declare `slots=True`."
    )


@pytest.mark.parametrize(
    ("gate", "code", "uri"),
    [
        (GateName.RUFF, "F401", "https://docs.astral.sh/ruff/rules/unused-import/"),
        (GateName.RUFF, "XYZ999", "https://docs.astral.sh/ruff/rules/"),
        (GateName.DOCSTRINGS, "undocumented-public-function", "https://docs.astral.sh/ruff/rules/undocumented-public-function/"),
        (GateName.DOCSTRINGS, "unreadable", None),
        (GateName.DOCSTRINGS, "DOC201", "https://jsh9.github.io/pydoclint/violation_codes.html"),
        (GateName.MYPY, "return-value", "https://mypy.readthedocs.io/en/stable/_refs.html#code-return-value"),
        (GateName.PYRIGHT, "reportPrivateUsage", "https://microsoft.github.io/pyright/#/configuration?id=reportprivateusage"),
        (GateName.EXPERT, "PXG002", "https://github.com/pyexpert-gates/pyexpert-gates#the-standard"),
        (GateName.EXPERT, "PXG999", None),
        (GateName.PYTEST, "tests/test_a.py::test_b", None),
    ],
)  # fmt: skip
def test_help_uri_per_gate_and_code(gate: GateName, code: str, uri: str | None) -> None:
    assert rule_doc(gate, code).help_uri == uri


def test_every_gate_has_a_tool() -> None:
    assert set(TOOLS) == set(GateName)


def test_github_annotations_escape_and_cover_failed_gates() -> None:
    lines = render_github(REPORT).splitlines()
    assert lines == [
        (
            "::error file=src/pkg/mod.py,line=3,endLine=3,col=8,endColumn=10,title=ruff F401::"
            "`os` imported but unused"
        ),
        "::error file=src/pkg/mod.py,title=format unformatted::x",
        (
            "::error file=src/pkg/api.py,line=12,endLine=12,col=5,endColumn=17,"
            'title=mypy return-value::Incompatible return value type (got "int", expected "str")'
        ),
        (
            "::notice file=src/pkg/api.py,line=12,col=5,title=mypy note::"
            "See the docs,%0Aline two: 100%25 sure"
        ),
        "::error title=pyexpert-gates pyright error::pyright: executable not found",
        "::error file=src/pkg/mod.py,line=7,col=1,title=expert PXG001::no slots",
    ]


def test_github_is_silent_when_every_gate_passed() -> None:
    gates = (GateResult(name=GateName.RUFF, status=Status.PASSED),)
    assert render_github(Report(project="/p", duration_s=0, gates=gates)) == ""


def test_step_summary_is_a_table_then_the_findings() -> None:
    lines = render_step_summary(REPORT).splitlines()
    assert lines[0] == "## pyexpert-gates: did not pass"
    assert "| ruff | ❌ failed | 1 | 0.05 s | 1 error in 1 file (2 baselined) |" in lines
    assert "| docstrings | ✅ passed | 0 | 0.00 s | 100% (cached) |" in lines
    assert "- `src/pkg/api.py:12:5` `note` See the docs, line two: 100% sure" in lines


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
