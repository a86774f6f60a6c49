"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import os
import sys
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.config import load_config, read_layout
from pyexpert_gates.errors import GatesError, UsageError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.init.edit import FileEdit, describe, write_edits
from pyexpert_gates.init.names import covers
from pyexpert_gates.init.noxfile import plan_noxfile
from pyexpert_gates.init.plan import InitPlan, plan_init
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
from pyexpert_gates.init.state import STATE_FILE, render_state
from pyexpert_gates.init.targets import PYPROJECT
from pyexpert_gates.init.workflow import CI_PATHS, CiSystem, plan_workflow
from pyexpert_gates.report.text import safe_text
from pyexpert_gates.textfile import TextFile, read_regular, refuse_unwritable

if TYPE_CHECKING:
    from pyexpert_gates.check.workspace import Member
    from pyexpert_gates.init.tailor import PythonFloor


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``init`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "init",
        help=SUMMARIES["init"],
        description="Merge a preset into the project's pyproject.toml (or the file each tool "
        "really reads), keeping every comment, value and layout the project already has. "
        "A value of yours that differs from the preset is kept and reported.",
    )
    add_project_argument(parser)
    parser.add_argument(
        "--preset", default="strict", metavar="NAME", help="the preset to merge (default: strict)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the diff init would write; change nothing"
    )
    _add_choices(parser)
    parser.add_argument(
        "--migrate",
        action="store_true",
        help="move the settings of mypy.ini, setup.cfg [mypy], pytest.ini, tox.ini [pytest], "
        "setup.cfg [tool:pytest] and pyrightconfig.json into pyproject.toml (comments too), "
        "remove them there, and merge the preset: all files in one step",
    )
    parser.add_argument(
        "--impact",
        action="store_true",
        help="with --dry-run: run the gates the new settings concern on a copy of the project, "
        "as it is and as init would leave it, and show how many new findings each brings",
    )
    _add_companions(parser)


def _add_choices(parser: argparse.ArgumentParser) -> None:
    """The arguments that say what init does with a value of the project's that differs."""
    parser.add_argument(
        "--force",
        action="append",
        nargs="*",
        metavar="KEY",
        help="replace your differing values with the preset's: every one, or only the settings "
        "named (tool.mypy.warn_unreachable, or a table such as tool.mypy; repeatable)",
    )
    parser.add_argument(
        "--relax",
        action="append",
        default=[],
        type=_relaxation,
        metavar="KEY=REASON",
        help="keep your value at KEY (one that differs from the preset, or one that takes "
        "checks away, such as an exclude or a mypy override) and record it, with REASON, in "
        "[tool.pyexpert-gates.relaxations] so the config gate accepts it (repeatable)",
    )


def _relaxation(text: str) -> tuple[str, str]:
    """Parse ``KEY=REASON``; both parts are required."""
    key, _, reason = text.partition("=")
    if not key.strip() or not reason.strip():
        msg = f"{text!r}: write KEY=REASON, such as tool.mypy.warn_unreachable='legacy code'"
        raise argparse.ArgumentTypeError(msg)
    return key.strip(), reason.strip()


def _add_companions(parser: argparse.ArgumentParser) -> None:
    """The arguments for the files init writes beside the preset: CI workflow and noxfile."""
    parser.add_argument(
        "--ci",
        choices=[ci.value for ci in CiSystem],
        help="also write a CI file (never replaced): "
        + ", ".join(f"{ci} writes {path}" for ci, path in CI_PATHS.items()),
    )
    parser.add_argument(
        "--no-noxfile",
        action="store_false",
        dest="noxfile",
        help="leave noxfile.py alone (by default init creates it, or adds the two lines that "
        "register a nox session per gate)",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _ProjectInit:
    """What init will do to one project: its plan, and every file it edits there."""

    label: str
    project: Path
    root: Path
    plan: InitPlan
    edits: tuple[FileEdit, ...]
    record: tuple[FileEdit, ...]


def run(args: argparse.Namespace) -> int:
    """Run ``init`` with the parsed arguments, on every project it names.

    Every file of every project is planned before any is written: a workflow init must not
    replace, or a configuration it cannot merge, stops it all with every file untouched.

    Args:
        args: The parsed command line.

    Returns:
        0: written, already up to date, or written with the project's differing values kept.

    Raises:
        UsageError: ``--impact`` without ``--dry-run``.
    """
    if args.impact and not args.dry_run:
        msg = "--impact goes with --dry-run: it shows what init would cost, and writes nothing"
        raise UsageError(msg)
    members = project_members(args)
    inits, workflows = _plan_all(members, args)
    for init in inits:
        for edit in (*init.edits, *init.record):
            if edit.changed:
                # Every file is checked before the first is written: init writes all or none.
                refuse_unwritable(init.project, edit.label, within=init.root)
    for root, workflow in workflows:
        if workflow.changed:
            refuse_unwritable(root, workflow.label)
    if not args.dry_run:
        # Written before anything is reported: "updated" is said only of a file that is.
        edits = [edit for init in inits for edit in init.edits]
        within = Path(os.path.commonpath([init.root.resolve() for init in inits]))
        write_edits(
            [*edits, *(edit for _, edit in workflows)], _messages_root(inits), within=within
        )
        # The records serve only the next upgrade: they follow once the projects' files are in.
        records = [edit for init in inits for edit in init.record]
        write_edits(records, _messages_root(inits), within=within)
    for init in inits:
        _report_project(init, args, several=len(inits) > 1)
    sys.stdout.write(
        safe_text("".join(describe(edit, dry_run=args.dry_run) for _, edit in workflows))
    )
    return 0


def _plan_all(
    members: "tuple[Member, ...]", args: argparse.Namespace
) -> tuple[list[_ProjectInit], list[tuple[Path, FileEdit]]]:
    """Plan every project's edits, each CI file among those of the project at its root.

    Returns:
        The projects' plans, and each CI file whose root is none of them, with that root.
    """
    plans = [
        (
            member,
            plan_init(
                member.path.resolve(),
                args.preset,
                force=_force(args),
                relax=dict(args.relax),
                migrate=args.migrate,
            ),
        )
        for member in members
    ]
    workflows = _plan_workflows(plans, args.ci)
    inits = [_plan_project(member, plan, workflows, args) for member, plan in plans]
    claimed = {init.project for init in inits}
    return inits, [(root, edit) for root, edit in workflows.items() if root not in claimed]


def _plan_project(
    member: "Member", plan: InitPlan, workflows: dict[Path, FileEdit], args: argparse.Namespace
) -> _ProjectInit:
    """Every file init edits in one project: merges, retired files, noxfile, CI file, record."""
    folder = member.path.resolve()
    edits = [
        *plan.merges,
        # The old files --migrate empties or deletes: written in the same step as the rest.
        *(plan.migration.retired if plan.migration else ()),
        *([plan_noxfile(folder)] if args.noxfile else []),
        *([workflows[folder]] if folder in workflows else []),
    ]
    return _ProjectInit(
        label=str(member.path),
        project=folder,
        # A member is written only inside its workspace's root: not through a link out of it.
        root=member.workspace or member.path,
        plan=plan,
        edits=tuple(edits),
        record=tuple(_record(folder, plan)),
    )


def _plan_workflows(plans: "list[tuple[Member, InitPlan]]", ci: str | None) -> dict[Path, FileEdit]:
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
    return {root: plan_workflow(root, floor, CiSystem(ci)) for root, floor in floors.items()}


def _messages_root(inits: list[_ProjectInit]) -> Path:
    """The folder a write error names its file from: the project, or here for several."""
    return inits[0].project if len(inits) == 1 else Path.cwd()


def _report_project(init: _ProjectInit, args: argparse.Namespace, *, several: bool) -> None:
    """Print what init did (or would do) to one project's files, and with --impact its cost."""
    if several:
        print(safe_text(f"== project {init.label} =="))
    edits = (*init.edits, *init.record)
    sys.stdout.write(safe_text("".join(describe(edit, dry_run=args.dry_run) for edit in edits)))
    _warn_pytest(init.project, init.plan, dry_run=args.dry_run)
    _report_shadowing(init.project)
    if args.impact:
        _report_impact(init.project, init.plan)


def _report_shadowing(project: Path) -> None:
    """Say what the paths leave out, and which sub-folder's own ruff settings shadow ours."""
    # Loaded on use: finding the checked paths needs check's planner.
    from pyexpert_gates.check.plan import resolve_paths  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.files import project_files  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.gates.governing import nested_ruff_configs  # noqa: PLC0415 - loaded on use, see above

    try:
        paths = resolve_paths(project, load_config(project))
        nested = nested_ruff_configs(project, paths, project_files(project))
    except GatesError:
        return  # check reports the configuration that cannot be read, with its reason
    left_out = read_layout(project).left_out(paths)
    if left_out:
        print(
            f"  the gates check {', '.join(paths)}; not {', '.join(left_out)} (add them to "
            "[tool.pyexpert-gates] paths to check them too)"
        )
    for config in nested:
        if not config.extends:
            up = "/".join([".."] * len(Path(config.folder).parts))
            print(
                safe_text(
                    f"{config.folder}: its own ruff settings govern the files checked there "
                    "instead of these; the config gate checks them against the preset. List the "
                    "folder in [tool.pyexpert-gates] projects so that init merges the preset into "
                    f'it, or add extend = "{up}/pyproject.toml" to its ruff settings'
                )
            )


def _force(args: argparse.Namespace) -> bool | list[str]:
    """Bare ``--force`` replaces every differing value; ``--force KEY...`` only those named."""
    given: list[list[str]] | None = args.force
    if given is None:
        return False
    return [] in given or [key for keys in given for key in keys]


def _warn_pytest(project: Path, plan: InitPlan, *, dry_run: bool) -> None:
    """Print the project's pytest settings that every run under the preset would fail on.

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
            _warn(line_holding(after, entry), overriding_message(entry))
    modules = filter_modules(theirs.filters)
    # Asking pytest takes seconds: only a filter's module or a plugin's setting needs it.
    if not modules and set(theirs.keys) <= {*(ours.keys if ours else ()), *CORE_KEYS}:
        return
    if dry_run:
        print(
            "  note: --dry-run runs none of the project's code; init asks its pytest when it writes"
        )
        return
    facts = _ask_pytest(project, set(modules.values()))
    if facts.unknown_reason:
        print(safe_text(f"  note: {facts.unknown_reason}; your pytest settings were not checked"))
    known = facts.known or frozenset(theirs.keys)
    for risk in risks(after, theirs, known, facts.missing):
        _warn(risk.line, risk.message)


def _warn(line: int | None, message: str) -> None:
    """Print a warning about a line of ``pyproject.toml``."""
    where = f"{PYPROJECT}:{line}" if line else PYPROJECT
    print(safe_text(f"  warning: {where}: {message}"))


def _ask_pytest(project: Path, modules: Collection[str]) -> PytestFacts:
    """What the project's own interpreter says about pytest's settings and these modules."""
    try:
        python = choose_interpreter(project=project, override=None, environ=os.environ).path
    except UsageError as error:
        return PytestFacts(known=frozenset(), missing=frozenset(), unknown_reason=error.message)
    return ask_pytest(python, modules)


def _report_impact(project: Path, plan: InitPlan) -> None:
    """Print how many new findings each setting init would add or tighten brings."""
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
    gates = ", ".join(sorted({setting.gate for setting in settings})) or "none"
    lines = [f"impact: the gates these settings concern ({gates}), run as it is and after init:"]
    for line in impact.settings:
        codes = ", ".join(f"{code} {count}" for code, count in line.codes.items())
        detail = f" ({codes})" if codes else ""
        lines.append(
            f"  {' + '.join(line.names)}: {count(line.new_findings, 'new finding')}{detail}"
        )
        if line.quiet_rules:
            lines.append(f"    rules with no finding here: {', '.join(line.quiet_rules)}")
    lines.extend(f"  not measured: {reason}" for reason in impact.unmeasured)
    sys.stdout.write(safe_text("".join(f"{text}\n" for text in lines)))


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
