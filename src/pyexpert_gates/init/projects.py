"""init over every project it names: each project's edits planned, then all written or none.

Every file of every project is planned before any is written: a workflow init must not replace,
or a configuration it cannot merge, stops it all with every file untouched. A workspace's CI file
goes to its root, among the files of the project there when the root is one of them.
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pyexpert_gates.init.edit import FileEdit, write_edits
from pyexpert_gates.init.noxfile import plan_noxfile
from pyexpert_gates.init.plan import InitPlan, plan_init
from pyexpert_gates.init.state import STATE_FILE, render_state
from pyexpert_gates.init.workflow import CiSystem, plan_workflow
from pyexpert_gates.textfile import TextFile, read_regular, refuse_unwritable

if TYPE_CHECKING:
    from pyexpert_gates.init.tailor import PythonFloor


class Folder(Protocol):
    """A project init acts on, as the workspace reader names it."""

    @property
    def path(self) -> Path:
        """The project folder, as the user named it or joined to the workspace root."""
        ...

    @property
    def workspace(self) -> Path | None:
        """The root of the workspace that lists it; None for a project named on its own."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class InitChoices:
    """What the user asked init to do, the same for every project.

    Attributes:
        preset: The preset to merge.
        force: True to replace every differing value; the names of those to replace.
        relax: The settings to keep, each with its reason.
        migrate: True to move the settings of each tool's own file into ``pyproject.toml``.
        noxfile: True to create or complete ``noxfile.py``.
        ci: The CI system whose file to write; None for none.
    """

    preset: str
    force: bool | list[str]
    relax: Mapping[str, str]
    migrate: bool
    noxfile: bool
    ci: CiSystem | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectInit:
    """What init will do to one project: its plan, and every file it edits there.

    Attributes:
        label: The project as the user named it.
        project: The project folder, resolved.
        root: The folder its files must stay in: its workspace's root, or itself.
        plan: Its plan.
        edits: The files it edits: merges, retired files, noxfile, CI file.
        record: The record of what the preset's settings hold after init, when it changes.
    """

    label: str
    project: Path
    root: Path
    plan: InitPlan
    edits: tuple[FileEdit, ...]
    record: tuple[FileEdit, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class InitRun:
    """Every project's plan, and the CI files at roots that are none of the projects.

    Attributes:
        projects: Each project's plan and edits, in the order named.
        workflows: Each CI file whose root is no project's, with that root.
    """

    projects: tuple[ProjectInit, ...]
    workflows: tuple[tuple[Path, FileEdit], ...]


def plan_projects(members: Sequence[Folder], choices: InitChoices) -> InitRun:
    """Plan every project's edits, each CI file among those of the project at its root.

    Args:
        members: The projects, in the order named.
        choices: What the user asked.

    Returns:
        The plans.
    """
    plans = [
        (
            member,
            plan_init(
                member.path.resolve(),
                choices.preset,
                force=choices.force,
                relax=dict(choices.relax),
                migrate=choices.migrate,
            ),
        )
        for member in members
    ]
    workflows = _plan_workflows(plans, choices.ci)
    inits = [_plan_project(member, plan, workflows, choices) for member, plan in plans]
    claimed = {init.project for init in inits}
    orphans = tuple((root, edit) for root, edit in workflows.items() if root not in claimed)
    return InitRun(projects=tuple(inits), workflows=orphans)


def _plan_project(
    member: Folder, plan: InitPlan, workflows: dict[Path, FileEdit], choices: InitChoices
) -> ProjectInit:
    """Every file init edits in one project: merges, retired files, noxfile, CI file, record."""
    folder = member.path.resolve()
    edits = [
        *plan.merges,
        # The old files --migrate empties or deletes: written in the same step as the rest.
        *(plan.migration.retired if plan.migration else ()),
        *([plan_noxfile(folder)] if choices.noxfile else []),
        *([workflows[folder]] if folder in workflows else []),
    ]
    return ProjectInit(
        label=str(member.path),
        project=folder,
        # A member is written only inside its workspace's root: not through a link out of it.
        root=member.workspace or member.path,
        plan=plan,
        edits=tuple(edits),
        record=tuple(_record(folder, plan)),
    )


def _plan_workflows(
    plans: Sequence[tuple[Folder, InitPlan]], ci: CiSystem | None
) -> dict[Path, FileEdit]:
    """The CI files: one at a workspace's root for its members, one per other project.

    The root's CI file runs ``check`` at the root, which checks every member, on the oldest
    Python any of them supports.
    """
    if ci is None:
        return {}
    floors: dict[Path, PythonFloor] = {}
    for member, plan in plans:
        root = (member.workspace or member.path).resolve()
        floor = floors.get(root, plan.floor)
        floors[root] = min(floor, plan.floor, key=lambda item: item.version)
    return {root: plan_workflow(root, floor, ci) for root, floor in floors.items()}


def write_projects(run: InitRun, *, dry_run: bool) -> None:
    """Check that every file init would change can be written, then write them all, or none.

    A dry run checks too: it says what a real run would do, which includes its refusal.

    Args:
        run: The plans.
        dry_run: True to check only.

    Raises:
        InputError: A file cannot be written where it belongs; nothing was.
    """
    inits = run.projects
    for init in inits:
        for edit in (*init.edits, *init.record):
            if edit.changed:
                # Every file is checked before the first is written: init writes all or none.
                refuse_unwritable(init.project, edit.label, within=init.root)
    for root, workflow in run.workflows:
        if workflow.changed:
            refuse_unwritable(root, workflow.label)
    if dry_run:
        return
    edits = [edit for init in inits for edit in init.edits]
    within = Path(os.path.commonpath([init.root.resolve() for init in inits]))
    write_edits(
        [*edits, *(edit for _, edit in run.workflows)], _messages_root(inits), within=within
    )
    # The records serve only the next upgrade: they follow once the projects' files are in.
    records = [edit for init in inits for edit in init.record]
    write_edits(records, _messages_root(inits), within=within)


def _messages_root(inits: Sequence[ProjectInit]) -> Path:
    """The folder a write error names its file from: the project, or here for several."""
    return inits[0].project if len(inits) == 1 else Path.cwd()


def _record(project: Path, plan: InitPlan) -> list[FileEdit]:
    """The record of what the preset's settings hold after init, when it changes."""
    path = project / STATE_FILE
    new_text = render_state(plan.state)
    exists = path.exists() or path.is_symlink()
    text = read_regular(path, STATE_FILE).decode("utf-8", errors="replace") if exists else None
    if text == new_text:
        return []
    file = TextFile(path=path, text=text or "", exists=text is not None)
    summary = "what init wrote, so that preset upgrades keep your edits"
    return [FileEdit(label=STATE_FILE, file=file, new_text=new_text, summary=summary)]
