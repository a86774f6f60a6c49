"""The report of several projects checked in one run (a workspace, or repeated ``--project``).

JSON keeps each project's single-project document under ``projects``. The text for people is
grouped by project. The formats other tools read (JUnit, SARIF, GitHub) get one combined report
whose every finding's path starts with its project's folder, relative to the folder ``check``
ran in, so that each finding opens the right file from there. Each finding's identity (JUnit,
GitLab) is read from its own project's files, and GitLab's paths start from the repository of
that project, as a check of the project alone gives them.
"""

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.baseline.fingerprint import Sources
from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.models import Diagnostic, GateResult, ModuleCoverage, Report
from pyexpert_gates.report import Checkout, TextOptions, render, render_summary, render_text
from pyexpert_gates.report.checkout import checkout_of
from pyexpert_gates.report.gitlab import gitlab_issues, render_issues
from pyexpert_gates.report.json import VERSION, report_document
from pyexpert_gates.report.sarif import render_sarif_runs, sarif_runs


@dataclass(frozen=True, slots=True, kw_only=True)
class Projects:
    """The outcome of one ``check`` of several projects.

    Attributes:
        reports: One single-project report per project, in the order they were named.
        where: The folder ``check`` ran in, absolute; combined paths are relative to it.
    """

    reports: tuple[Report, ...]
    where: Path

    @property
    def passed(self) -> bool:
        """True when every project passed."""
        return all(report.passed for report in self.reports)


def render_projects(
    projects: Projects,
    output_format: str,
    *,
    options: TextOptions | None = None,
    checkout: Checkout | None = None,
) -> str:
    """Render the report of several projects in ``output_format``.

    Args:
        projects: The outcome of the run.
        output_format: One of the ``--format`` choices.
        options: For text: how much to say.
        checkout: For junit and gitlab: one checkout for every finding, whose paths start
            with their project's folder; None to read each project's own files, and to place
            GitLab's paths in each project's own repository.

    Returns:
        The rendered report.
    """
    match output_format:
        case "json":
            document = {
                "version": VERSION,
                "passed": projects.passed,
                "projects": [report_document(report) for report in projects.reports],
            }
            return json_dumps(document, indent=2) + "\n"
        case "text":
            return render_projects_text(projects, options or TextOptions())
        case "sarif":
            return _sarif(projects)
        case "gitlab" if checkout is None:
            return render_issues(
                [
                    issue
                    for report in projects.reports
                    for issue in gitlab_issues(report, checkout_of(Path(report.project)))
                ]
            )
        case "junit" if checkout is None:
            sources = {
                project_label(report, projects.where): checkout_of(Path(report.project)).sources
                for report in projects.reports
            }
            files = Checkout(sources=_ProjectsSources(sources))
            return render(combined(projects), output_format, options=options, checkout=files)
        case _:
            return render(combined(projects), output_format, options=options, checkout=checkout)


def render_projects_text(projects: Projects, options: TextOptions, *, summary: bool = False) -> str:
    """The text for people: each project under a heading, then the verdict of them all.

    Args:
        projects: The outcome of the run.
        options: How much to say, and whether in colour.
        summary: True for each project's summary table only.

    Returns:
        The text, ending with a newline; empty when quiet and every project passed.
    """
    failing = [report for report in projects.reports if not report.passed]
    if options.quiet and not failing:
        return ""  # as for one project: quiet says nothing when everything passed
    blocks: list[str] = []
    for report in projects.reports:
        shown = _prefixed(report, projects.where)
        text = (
            render_summary(shown, color=options.color)
            if summary
            else render_text(shown, options=options)
        )
        if text or not options.quiet:
            blocks.append(f"== project {project_label(report, projects.where)} ==\n{text}")
    verdict = (
        f"{len(projects.reports)} projects: all passed"
        if not failing
        else f"{len(projects.reports)} projects: {len(failing)} did not pass: "
        + ", ".join(project_label(report, projects.where) for report in failing)
    )
    return "\n".join([*blocks, verdict]) + "\n"


def _sarif(projects: Projects) -> str:
    """One SARIF log with each project's runs, each run's category naming its project.

    Code scanning keeps one analysis per category, so two projects' ruff runs must not share
    ``pyexpert-gates/ruff/``: each becomes ``pyexpert-gates/<project>/ruff/``.
    """
    runs: list[dict[str, object]] = []
    for report in projects.reports:
        label = project_label(report, projects.where)
        shown = dataclasses.replace(_prefixed(report, projects.where), project=str(projects.where))
        runs.extend(sarif_runs(shown, category="" if label == "." else f"{label}/"))
    return render_sarif_runs(runs)


def combined(projects: Projects) -> Report:
    """One report of every project's gates, each path led by its project's folder.

    Args:
        projects: The outcome of the run.

    Returns:
        A report of the folder ``check`` ran in; each gate's summary names its project.
    """
    gates = tuple(
        dataclasses.replace(
            gate, summary=f"{project_label(report, projects.where)}: {gate.summary}"
        )
        for report in projects.reports
        for gate in _prefixed(report, projects.where).gates
    )
    return Report(
        project=str(projects.where),
        duration_s=max((report.duration_s for report in projects.reports), default=0.0),
        gates=gates,
    )


def project_label(report: Report, where: Path) -> str:
    """The project's folder relative to ``where`` (POSIX separators), as people name it.

    Args:
        report: One project's report.
        where: The folder ``check`` ran in.

    Returns:
        The relative folder; ``.`` for ``where`` itself.
    """
    return Path(os.path.relpath(report.project, where)).as_posix()


def _prefixed(report: Report, where: Path) -> Report:
    """``report`` with every path led by its project's folder relative to ``where``."""
    label = project_label(report, where)
    if label == ".":
        return report
    return dataclasses.replace(report, gates=tuple(_gate(gate, label) for gate in report.gates))


def _gate(gate: GateResult, label: str) -> GateResult:
    """One gate's result with its findings' and modules' paths led by ``label``."""
    diagnostics: tuple[Diagnostic, ...] = tuple(
        dataclasses.replace(item, path=f"{label}/{item.path}") for item in gate.diagnostics
    )
    coverage: tuple[ModuleCoverage, ...] | None = (
        None
        if gate.coverage is None
        else tuple(dataclasses.replace(item, path=f"{label}/{item.path}") for item in gate.coverage)
    )
    return dataclasses.replace(gate, diagnostics=diagnostics, coverage=coverage)


class _ProjectsSources:
    """Reads a file whose path starts with its project's folder in that project's files."""

    def __init__(self, projects: Mapping[str, Sources]) -> None:
        """Read each project's files through its own sources.

        Args:
            projects: Each project's folder, as `project_label` names it, to its sources.
        """
        self._projects = projects

    def line(self, path: str, number: int) -> str:
        """The text of a line.

        Args:
            path: The file, led by its project's folder.
            number: The 1-based line number.

        Returns:
            The line; empty when the file or the line does not exist.
        """
        found = self._find(path)
        return "" if found is None else found[0].line(found[1], number)

    def content(self, path: str) -> str:
        """The digest of a file's content.

        Args:
            path: The file, led by its project's folder.

        Returns:
            A hexadecimal digest; empty when the file is unknown.
        """
        found = self._find(path)
        return "" if found is None else found[0].content(found[1])

    def _find(self, path: str) -> tuple[Sources, str] | None:
        """The sources of the project ``path`` is in, and the path inside it."""
        for label, sources in sorted(self._projects.items(), key=lambda item: -len(item[0])):
            if label == ".":
                continue
            if path.startswith(f"{label}/"):
                return sources, path.removeprefix(f"{label}/")
        here = self._projects.get(".")
        return None if here is None else (here, path)
