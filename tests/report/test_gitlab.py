"""The GitLab Code Quality report: valid against GitLab's documented format, stable identities.

The schema in tests/data/gitlab states GitLab's "Code Quality report format" table as a JSON
schema. Identities are tested on real files: a finding keeps its fingerprint, and its JUnit test
case its name, when a line is inserted above it.
"""

import copy
import json
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import fromstring

import jsonschema
import pytest

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.report import render
from pyexpert_gates.report.checkout import checkout_of
from tests.helpers.samples import REPORT

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA: dict[str, object] = json.loads(
    (DATA / "gitlab" / "code-quality-report.schema.json").read_text(encoding="utf-8")
)
GOLDEN = DATA / "reports" / "report.codequality.json"
Issue = dict[str, object]

MODULE = '''\
"""A module."""

import os
import sys


def first() -> str:
    return 1


def second() -> str:
    return 1
'''


def validate(document: object) -> None:
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)


def issues(report: Report, project: Path | None = None) -> list[Issue]:
    checkout = checkout_of(project) if project is not None else None
    text = render(report, "gitlab", checkout=checkout)
    assert not text.startswith("\ufeff")  # GitLab's parser refuses a byte order mark
    return cast("list[Issue]", json.loads(text))


def location(issue: Issue) -> dict[str, object]:
    return cast("dict[str, object]", issue["location"])


def test_the_bundled_schema_is_a_valid_schema_of_the_documented_fields() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    issue = cast("dict[str, dict[str, object]]", SCHEMA["$defs"])["issue"]
    assert issue["required"] == ["description", "check_name", "fingerprint", "severity", "location"]


@pytest.mark.parametrize(
    "report",
    [REPORT, Report(project="/p", duration_s=0), Report(project="/a b/ü", duration_s=0)],
)
def test_every_report_is_a_valid_code_quality_report(report: Report) -> None:
    found = issues(report)
    validate(found)
    fingerprints = [issue["fingerprint"] for issue in found]
    assert len(set(fingerprints)) == len(fingerprints)


def test_the_golden_report_from_real_tools_is_valid() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    validate(json.loads(text))
    assert [issue["check_name"] for issue in json.loads(text)] == [
        "ruff/F401",
        "format/unformatted",
        "mypy/return-value",
        "expert/PXG001",
    ]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("fingerprint",), None),
        (("severity",), "error"),
        (("location", "lines", "begin"), "3"),
        (("location",), {"path": "src/pkg/mod.py"}),
    ],
)
def test_the_validation_would_catch_a_broken_report(path: tuple[str, ...], value: object) -> None:
    document = copy.deepcopy(issues(REPORT))
    # A path into the first issue, whose tables are JSON objects.
    target = document[0]
    for key in path[:-1]:
        target = cast("dict[str, object]", target[key])
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_each_finding_is_an_issue_named_by_gate_and_code_with_its_severity() -> None:
    found = {issue["check_name"]: issue for issue in issues(REPORT)}
    assert list(found) == [
        "ruff/F401",
        "format/unformatted",
        "mypy/return-value",
        "mypy/note",
        "pyright/could-not-run",
        "expert/PXG001",
    ]
    assert found["ruff/F401"]["description"] == "ruff/F401: `os` imported but unused"
    assert location(found["ruff/F401"]) == {"path": "src/pkg/mod.py", "lines": {"begin": 3}}
    assert location(found["format/unformatted"])["lines"] == {"begin": 1}
    severities = {name: issue["severity"] for name, issue in found.items()}
    assert severities == {
        "ruff/F401": "major",
        "format/unformatted": "major",
        "mypy/return-value": "major",
        "mypy/note": "info",
        "pyright/could-not-run": "critical",
        "expert/PXG001": "major",
    }


def test_a_gate_that_could_not_run_is_a_critical_issue_so_the_report_is_not_empty() -> None:
    report = Report(
        project="/p",
        duration_s=0,
        gates=(GateResult(name=GateName.MYPY, status=Status.ERROR, summary="mypy: not found"),),
    )
    [issue] = issues(report)
    assert issue["severity"] == "critical"
    assert issue["description"] == "mypy/could-not-run: mypy: not found"
    assert location(issue) == {"path": "pyproject.toml", "lines": {"begin": 1}}


def finding(line: int, code: str = "return-value") -> Diagnostic:
    return Diagnostic(path="src/calc/mod.py", line=line, column=12, code=code, message="no")


def mypy_report(project: Path, *lines: int) -> Report:
    gate = GateResult(
        name=GateName.MYPY,
        status=Status.FAILED,
        diagnostics=tuple(finding(line) for line in lines),
    )
    return Report(project=str(project), duration_s=0, gates=(gate,))


def write_module(project: Path, text: str) -> None:
    module = project / "src" / "calc" / "mod.py"
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text(text, encoding="utf-8")


def test_fingerprints_stay_when_a_line_is_inserted_above_the_findings(tmp_path: Path) -> None:
    write_module(tmp_path, MODULE)
    before = issues(mypy_report(tmp_path, 8, 12), tmp_path)
    write_module(tmp_path, MODULE.replace("import sys\n", "import sys\nimport re\n"))
    after = issues(mypy_report(tmp_path, 9, 13), tmp_path)
    assert [location(issue)["lines"] for issue in after] == [{"begin": 9}, {"begin": 13}]
    assert [issue["fingerprint"] for issue in after] == [issue["fingerprint"] for issue in before]
    # The same fault twice (same code, same line text) is two issues, not one.
    assert before[0]["fingerprint"] != before[1]["fingerprint"]


def test_a_new_finding_gets_a_new_fingerprint(tmp_path: Path) -> None:
    write_module(tmp_path, MODULE)
    before = {issue["fingerprint"] for issue in issues(mypy_report(tmp_path, 8), tmp_path)}
    write_module(tmp_path, MODULE.replace("return 1\n", "return 2\n", 1))
    after = {issue["fingerprint"] for issue in issues(mypy_report(tmp_path, 8), tmp_path)}
    assert before.isdisjoint(after)


@pytest.mark.parametrize("git", ["folder", "file"])  # .git is a file in linked worktrees
def test_paths_are_relative_to_the_repository_root(tmp_path: Path, git: str) -> None:
    if git == "file":
        (tmp_path / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    else:
        (tmp_path / ".git").mkdir()
    project = tmp_path / "services" / "calc"
    write_module(project, MODULE)
    [issue] = issues(mypy_report(project, 8), project)
    assert location(issue)["path"] == "services/calc/src/calc/mod.py"
    validate([issue])


def junit_names(report: Report, project: Path) -> list[tuple[str, str, str]]:
    root = fromstring(render(report, "junit", checkout=checkout_of(project)))  # noqa: S314 - XML this package wrote
    return [
        (case.get("classname", ""), case.get("name", ""), case.findtext("failure") or "")
        for case in root.iter("testcase")
    ]


def test_junit_names_stay_when_a_line_is_inserted_above_and_messages_say_where(
    tmp_path: Path,
) -> None:
    write_module(tmp_path, MODULE)
    before = junit_names(mypy_report(tmp_path, 8, 12), tmp_path)
    write_module(tmp_path, MODULE.replace('"""A module."""\n', '"""A module."""\n\n# moved\n'))
    after = junit_names(mypy_report(tmp_path, 10, 14), tmp_path)
    assert [name for _, name, _ in after] == [name for _, name, _ in before]
    assert [name for _, name, _ in after] == ["return-value return 1", "return-value return 1 #2"]
    assert [text.split()[0] for _, _, text in after] == [
        "src/calc/mod.py:10:12",
        "src/calc/mod.py:14:12",
    ]


def test_findings_of_other_severities_map_to_gitlab_severities() -> None:
    warning = Diagnostic(path="a.py", line=1, message="w", severity=Severity.WARNING)
    gate = GateResult(name=GateName.PYRIGHT, status=Status.FAILED, diagnostics=(warning,))
    [issue] = issues(Report(project="/p", duration_s=0, gates=(gate,)))
    assert (issue["check_name"], issue["severity"]) == ("pyright", "minor")


def test_a_failing_test_is_named_by_its_node_id_alone(tmp_path: Path) -> None:
    write_module(tmp_path, MODULE)
    failure = Diagnostic(
        path="src/calc/mod.py", line=8, code="tests/test_mod.py::test_first", message="boom"
    )
    gate = GateResult(name=GateName.PYTEST, status=Status.FAILED, diagnostics=(failure,))
    report = Report(project=str(tmp_path), duration_s=0, gates=(gate,))
    assert [name for _, name, _ in junit_names(report, tmp_path)] == [
        "tests/test_mod.py::test_first"
    ]
