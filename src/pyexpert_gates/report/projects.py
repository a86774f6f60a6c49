"""The report of several projects checked in one run (a workspace, or repeated ``--project``).

JSON keeps each project's single-project document under ``projects``. The text for people is
grouped by project. The formats other tools read (JUnit, SARIF, GitHub, GitLab) get one combined
report whose every finding's path starts with its project's folder, relative to the folder
``check`` ran in, so that each finding opens the right file from there.
"""

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.models import Diagnostic, GateResult, ModuleCoverage, Report
from pyexpert_gates.report import Checkout, TextOptions, render, render_summary, render_text
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
        checkout: For junit and gitlab: the files of the folder ``check`` ran in.

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
            return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        case "text":
            return render_projects_text(projects, options or TextOptions())
        case "sarif":
            return _sarif(projects)
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
