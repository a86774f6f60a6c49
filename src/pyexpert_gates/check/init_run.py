"""init as data: every project planned and written, then what init has to say about each.

init's own package plans and writes; what it says afterwards asks check's side of the package:
the project's interpreter (about its pytest settings), check's planner (which paths the gates
check, which sub-folders' ruff settings govern there) and, for ``--impact``, the gates. What it
says comes as a stream of events, one project after another, so each is shown as soon as known.
"""

import os
import tomllib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.config import load_config, read_layout
from pyexpert_gates.errors import GatesError, UsageError
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.names import covers
from pyexpert_gates.init.plan import InitPlan
from pyexpert_gates.init.projects import Folder, InitChoices, plan_projects, write_projects
from pyexpert_gates.init.pytest_probe import PytestFacts, ask_pytest
from pyexpert_gates.init.pytest_risks import (
    CORE_KEYS,
    filter_modules,
    line_holding,
    overriding_filters,
    overriding_message,
    pytest_settings,
    risks,
)
from pyexpert_gates.tools import PYPROJECT

if TYPE_CHECKING:
    from pathlib import Path

    from pyexpert_gates.check.impact import Impact
    from pyexpert_gates.gates.governing import NestedRuffConfig


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectEdits:
    """The files init edited (or would edit) in one project.

    Attributes:
        label: The project as the user named it; empty when it is the only one.
        edits: Its edits, the record last.
    """

    label: str
    edits: tuple[FileEdit, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PytestWarning:
    """A pytest setting of the project that every run under the preset would fail on.

    Attributes:
        line: Its line in ``pyproject.toml``, or None when it cannot be found.
        message: What is wrong, and the fix.
    """

    line: int | None
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PytestNote:
    """Why the project's pytest settings were not checked against its pytest.

    Attributes:
        text: The reason.
    """

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckedPaths:
    """What the gates check in the project, and the sub-folders whose ruff settings govern.

    Attributes:
        paths: The paths the gates check.
        left_out: The project's top-level folders and files that they leave out.
        nested: The ruff configurations in sub-folders that govern checked files.
    """

    paths: tuple[str, ...]
    left_out: tuple[str, ...]
    nested: "tuple[NestedRuffConfig, ...]"


@dataclass(frozen=True, slots=True, kw_only=True)
class InitImpact:
    """How many new findings each setting init adds or tightens brings (``--impact``).

    Attributes:
        gates: The gates these settings concern.
        impact: The new findings of each setting, and the gates that could not run.
    """

    gates: tuple[str, ...]
    impact: "Impact"


InitEvent = ProjectEdits | PytestWarning | PytestNote | CheckedPaths | InitImpact
"""One thing init has to say, in the order it says them."""


def run_init(
    members: Sequence[Folder], choices: InitChoices, *, dry_run: bool, impact: bool
) -> Iterator[InitEvent]:
    """Plan every project, write them all (unless ``dry_run``), then say what init did.

    Args:
        members: The projects, in the order named.
        choices: What the user asked.
        dry_run: True to write nothing.
        impact: True to measure what the new settings cost each project.

    Yields:
        For each project its edits, its pytest warnings, what the gates check there and,
        with ``impact``, its cost; then the CI files at roots that are none of the projects.
    """
    run = plan_projects(members, choices)
    # Written before anything is reported: "updated" is said only of a file that is.
    write_projects(run, dry_run=dry_run)
    several = len(run.projects) > 1
    for init in run.projects:
        yield ProjectEdits(label=init.label if several else "", edits=(*init.edits, *init.record))
        yield from _pytest_remarks(init.project, init.plan, dry_run=dry_run)
        checked = _checked_paths(init.project)
        if checked is not None:
            yield checked
        if impact:
            yield _impact(init.project, init.plan)
    yield ProjectEdits(label="", edits=tuple(edit for _, edit in run.workflows))


def _pytest_remarks(
    project: "Path", plan: InitPlan, *, dry_run: bool
) -> Iterator[PytestWarning | PytestNote]:
    """The project's pytest settings that every run under the preset would fail on.

    Asking the project's pytest runs its installed plugins, so ``--dry-run`` does not ask.
    """
    merge = plan.merges[0]
    before = plan.migration.text if plan.migration else merge.file.text
    # The preset's own settings are pytest's; only the project's need asking about.
    theirs = pytest_settings(tomllib.loads(before)) if merge.label == PYPROJECT else None
    ours = pytest_settings({"tool": plan.preset.tools})
    if theirs is None:
        return
    after = merge.new_text if merge.new_text is not None else before
    if not covers(plan.relaxations, f"{theirs.table}.filterwarnings"):
        for entry in overriding_filters(theirs.filters):
            yield PytestWarning(line=line_holding(after, entry), message=overriding_message(entry))
    modules = filter_modules(theirs.filters)
    # Asking pytest takes seconds: only a filter's module or a plugin's setting needs it.
    if not modules and set(theirs.keys) <= {*(ours.keys if ours else ()), *CORE_KEYS}:
        return
    if dry_run:
        yield PytestNote(
            text="--dry-run runs none of the project's code; init asks its pytest when it writes"
        )
        return
    facts = _ask_pytest(project, set(modules.values()))
    if facts.unknown_reason:
        yield PytestNote(text=f"{facts.unknown_reason}; your pytest settings were not checked")
    known = facts.known or frozenset(theirs.keys)
    for risk in risks(after, theirs, known, facts.missing):
        yield PytestWarning(line=risk.line, message=risk.message)


def _ask_pytest(project: "Path", modules: Collection[str]) -> PytestFacts:
    """What the project's own interpreter says about pytest's settings and these modules."""
    try:
        python = choose_interpreter(project=project, override=None, environ=os.environ).path
    except UsageError as error:
        return PytestFacts(known=frozenset(), missing=frozenset(), unknown_reason=error.message)
    return ask_pytest(python, modules)


def _checked_paths(project: "Path") -> CheckedPaths | None:
    """What the paths leave out, and which sub-folders' own ruff settings shadow the preset's.

    Returns:
        None when the configuration cannot be read: check reports it, with its reason.
    """
    # Loaded on use: finding the checked paths needs check's planner.
    from pyexpert_gates.check.plan import resolve_paths  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.files import project_files  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.gates.governing import nested_ruff_configs  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.textfile import DiskReader  # noqa: PLC0415 - loaded on use, see above

    try:
        paths = resolve_paths(project, load_config(project))
        nested = nested_ruff_configs(project, paths, project_files(project), DiskReader())
    except GatesError:
        return None
    left_out = tuple(read_layout(project).left_out(paths))
    return CheckedPaths(paths=tuple(paths), left_out=left_out, nested=nested)


def _impact(project: "Path", plan: InitPlan) -> InitImpact:
    """How many new findings each setting init would add or tighten brings."""
    # The engine loads only for --impact, so init itself starts without it.
    from pyexpert_gates.check.impact import (  # noqa: PLC0415 - loaded on use, see above
        measure_impact,
        planned_settings,
    )

    changes = [
        (edit.label, change)
        for edit in plan.merges
        for change in (edit.merge.changes if edit.merge is not None else ())
    ]
    settings = planned_settings(changes)
    new_texts = {
        edit.label: edit.new_text
        for edit in plan.merges
        if edit.changed and edit.new_text is not None
    }
    impact = measure_impact(project, new_texts, settings, python=None)
    return InitImpact(gates=tuple(sorted({setting.gate for setting in settings})), impact=impact)
