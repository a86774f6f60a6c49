"""The report of several projects: JSON per project, text by project, paths from where it ran."""

import dataclasses
import io
import json
from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest

from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.report import Checkout, TextOptions
from pyexpert_gates.report.destinations import Destination
from pyexpert_gates.report.projects import Projects, combined, render_projects
from pyexpert_gates.report.publish import Audience, publish
from tests.helpers.samples import REPORT

WHERE = Path("/home/repo")
FAILING = dataclasses.replace(REPORT, project="/home/repo/packages/api")
PASSING = Report(
    project="/home/repo/packages/core",
    duration_s=1.0,
    gates=(GateResult(name=GateName.RUFF, status=Status.PASSED, summary="no findings"),),
)
PROJECTS = Projects(reports=(PASSING, FAILING), where=WHERE)


def finding_paths(report: Report) -> set[str]:
    return {item.path for gate in report.gates for item in gate.diagnostics}


def test_json_holds_each_project_s_single_project_report() -> None:
    document = json.loads(render_projects(PROJECTS, "json"))
    assert document["version"] == 1
    assert document["passed"] is False
    assert [project["project"] for project in document["projects"]] == [
        "/home/repo/packages/core",
        "/home/repo/packages/api",
    ]
    (single,) = [item for item in document["projects"] if not item["passed"]]
    assert (
        single
        == json.loads(render_projects(Projects(reports=(FAILING,), where=WHERE), "json"))[
            "projects"
        ][0]
    )
    assert {item["path"] for gate in single["gates"] for item in gate["diagnostics"]} == {
        "src/pkg/mod.py",
        "src/pkg/api.py",
    }


def test_json_passes_only_when_every_project_passes() -> None:
    both = Projects(reports=(PASSING, PASSING), where=WHERE)
    assert json.loads(render_projects(both, "json"))["passed"] is True


def test_combined_paths_start_with_the_project_folder_and_summaries_name_it() -> None:
    report = combined(PROJECTS)
    assert report.project == str(WHERE)
    assert finding_paths(report) == {"packages/api/src/pkg/mod.py", "packages/api/src/pkg/api.py"}
    assert "packages/core: no findings" in {gate.summary for gate in report.gates}


def test_a_project_outside_the_folder_is_named_relative_to_it() -> None:
    outside = dataclasses.replace(REPORT, project="/home/elsewhere")
    report = combined(Projects(reports=(outside,), where=WHERE))
    assert "../elsewhere/src/pkg/mod.py" in finding_paths(report)


@pytest.mark.parametrize("output_format", ["sarif", "github", "gitlab", "junit"])
def test_machine_formats_carry_the_project_folder_in_every_path(output_format: str) -> None:
    text = render_projects(PROJECTS, output_format, checkout=Checkout())
    assert "packages/api/src/pkg/mod.py" in text
    assert "packages/api/src/pkg/api.py" in text
    assert "file=src/pkg" not in text
    assert '"src/pkg' not in text


def test_junit_of_several_projects_is_one_document() -> None:
    root = fromstring(render_projects(PROJECTS, "junit", checkout=Checkout()))  # noqa: S314 - XML this package wrote
    assert [suite.get("name") for suite in root][:2] == ["ruff", "ruff"]


def test_text_is_grouped_by_project_then_the_verdict() -> None:
    text = render_projects(PROJECTS, "text", options=TextOptions())
    core = text.index("== project packages/core ==")
    api = text.index("== project packages/api ==")
    assert core < api < text.index("packages/api/src/pkg/mod.py")
    assert text.rstrip().endswith("2 projects: 1 did not pass: packages/api")


def test_quiet_text_leaves_out_the_projects_that_passed() -> None:
    text = render_projects(PROJECTS, "text", options=TextOptions(quiet=True))
    assert "packages/core ==" not in text
    assert "== project packages/api ==" in text


def test_publish_writes_the_projects_document_and_the_grouped_summary(tmp_path: Path) -> None:
    output = tmp_path / "report.json"
    stdout = io.StringIO()
    destinations = (Destination(output_format="json", path=output),)
    publish(PROJECTS, destinations, Audience(text=TextOptions()), stdout)
    assert [item["project"] for item in json.loads(output.read_text())["projects"]] == [
        PASSING.project,
        FAILING.project,
    ]
    assert "== project packages/api ==" in stdout.getvalue()
    assert f"report written to {output}" in stdout.getvalue()


def test_quiet_text_says_nothing_when_every_project_passed() -> None:
    both = Projects(reports=(PASSING, PASSING), where=WHERE)
    assert render_projects(both, "text", options=TextOptions(quiet=True)) == ""


def test_sarif_gives_each_project_s_runs_a_category_of_their_own() -> None:
    document = json.loads(render_projects(PROJECTS, "sarif"))
    categories = [run["automationDetails"]["id"] for run in document["runs"]]
    assert len(categories) == len(set(categories))
    assert "pyexpert-gates/packages/core/ruff/" in categories
    assert "pyexpert-gates/packages/api/ruff/" in categories
    roots = {run["originalUriBaseIds"]["%SRCROOT%"]["uri"] for run in document["runs"]}
    assert roots == {"file:///home/repo/"}


def two_projects_in_a_repository(tmp_path: Path) -> Projects:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    reports: list[Report] = []
    for name in ("api", "web"):
        project = repo / "packages" / name
        (project / "src" / "pkg").mkdir(parents=True)
        (project / "src" / "pkg" / "mod.py").write_text(
            f"import sys\n\nimport os  # {name}\n", encoding="utf-8"
        )
        reports.append(dataclasses.replace(REPORT, project=str(project)))
    return Projects(reports=tuple(reports), where=repo)


def test_gitlab_identifies_each_project_s_findings_in_its_own_checkout(tmp_path: Path) -> None:
    projects = two_projects_in_a_repository(tmp_path)
    issues = json.loads(render_projects(projects, "gitlab"))
    paths = {issue["location"]["path"] for issue in issues}
    assert "packages/api/src/pkg/mod.py" in paths
    assert "packages/web/src/pkg/mod.py" in paths
    alone = json.loads(
        render_projects(Projects(reports=projects.reports[:1], where=tmp_path), "gitlab")
    )
    api = [issue for issue in issues if issue["location"]["path"].startswith("packages/api/")]
    # The same finding has the same identity whether its project is checked alone or not.
    assert [issue["fingerprint"] for issue in api] == [issue["fingerprint"] for issue in alone]


def test_junit_names_each_finding_by_its_own_project_s_line(tmp_path: Path) -> None:
    projects = two_projects_in_a_repository(tmp_path)
    root = fromstring(render_projects(projects, "junit"))  # noqa: S314 - XML this package wrote
    names = {case.get("name") for case in root.iter("testcase")}
    assert {"F401 import os # api", "F401 import os # web"} <= names
