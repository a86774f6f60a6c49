"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pyexpert_gates.commands import Subparsers, add_project_argument, project_members
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import GatesError, UsageError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.init.merge import ChangeKind, toml_value
from pyexpert_gates.init.noxfile import CALL_LINE, IMPORT_LINE, NOXFILE, NoxfileEdit, plan_noxfile
from pyexpert_gates.init.plan import FileMerge, InitPlan, plan_init
from pyexpert_gates.init.state import STATE_FILE, render_state
from pyexpert_gates.init.workflow import CI_PATHS, CiSystem, WorkflowFile, plan_workflow
from pyexpert_gates.textfile import TextFile, unified_diff, write_atomic

if TYPE_CHECKING:
    from pyexpert_gates.init.tailor import PythonFloor
    from pyexpert_gates.workspace import Member


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``init`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "init",
        help="merge a preset into pyproject.toml, keeping every comment and value",
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
    parser.add_argument(
        "--force", action="store_true", help="replace your differing values with the preset's"
    )
    parser.add_argument(
        "--impact",
        action="store_true",
        help="with --dry-run: run the gates the new settings concern on a copy of the project, "
        "as it is and as init would leave it, and show how many new findings each brings",
    )
    _add_companions(parser)


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
    """What init will do to one project: its merges and its noxfile."""

    label: str
    project: Path
    plan: InitPlan
    noxfile: NoxfileEdit | None


def run(args: argparse.Namespace) -> int:
    """Run ``init`` with the parsed arguments, on every project it names.

    Every project is planned before anything is written, so bad input in any of them leaves
    every file untouched.

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
    inits = [_plan_project(member.path, args) for member in members]
    # Planned before anything is written: a workflow init must not replace stops it all.
    workflows = _plan_workflows(members, inits, args.ci)
    for init in inits:
        if len(inits) > 1:
            print(f"== project {init.label} ==")
        _report_project(init, args)
    for workflow in workflows:
        _report_workflow(workflow, dry_run=args.dry_run)
    if not args.dry_run:
        for init in inits:
            _write(init.project, init.plan, init.noxfile)
        _write_workflows(workflows)
    return 0


def _plan_project(project: Path, args: argparse.Namespace) -> _ProjectInit:
    """Plan init's merges and noxfile for one project."""
    folder = project.resolve()
    plan = plan_init(folder, args.preset, force=args.force)
    noxfile = plan_noxfile(folder) if args.noxfile else None
    return _ProjectInit(label=str(project), project=folder, plan=plan, noxfile=noxfile)


def _plan_workflows(
    members: "tuple[Member, ...]", inits: list[_ProjectInit], ci: str | None
) -> list[WorkflowFile]:
    """The CI files: one at a workspace's root for its members, one per other project.

    The root's CI file runs ``check`` at the root, which checks every member, on the oldest
    Python any of them supports.
    """
    if ci is None:
        return []
    floors: dict[Path, PythonFloor] = {}
    for member, init in zip(members, inits, strict=True):
        root = (member.workspace or member.path).resolve()
        floor = floors.get(root, init.plan.floor)
        floors[root] = min(floor, init.plan.floor, key=lambda item: item.version)
    return [plan_workflow(root, floor, CiSystem(ci)) for root, floor in floors.items()]


def _report_project(init: _ProjectInit, args: argparse.Namespace) -> None:
    """Print what init does to one project's files, and with --impact what it would cost."""
    for merge in init.plan.merges:
        _report(merge, init.plan, dry_run=args.dry_run)
    if init.noxfile is not None:
        _report_noxfile(init.noxfile, init.project, dry_run=args.dry_run)
    _report_shadowing(init.project)
    if args.impact:
        _report_impact(init.project, init.plan)


def _report_shadowing(project: Path) -> None:
    """Say which sub-folder's own ruff settings shadow the ones init merges at the root."""
    # Loaded on use: finding the checked paths needs check's planner.
    from pyexpert_gates.check.plan import resolve_paths  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.gates.governing import nested_ruff_configs  # noqa: PLC0415 - loaded on use, see above

    try:
        paths = resolve_paths(project, load_config(project))
        nested = nested_ruff_configs(project, paths)
    except GatesError:
        return  # check reports the configuration that cannot be read, with its reason
    for config in nested:
        if not config.extends:
            up = "/".join([".."] * len(Path(config.folder).parts))
            print(
                f"{config.folder}: its own ruff settings govern the files checked there instead "
                "of these; the config gate checks them against the preset. List the folder in "
                "[tool.pyexpert-gates] projects so that init merges the preset into it, or add "
                f'extend = "{up}/pyproject.toml" to its ruff settings'
            )


def _report_impact(project: Path, plan: InitPlan) -> None:
    """Print how many new findings each setting init would add or tighten brings."""
    # The engine loads only for --impact, so init itself starts without it.
    from pyexpert_gates.check.impact import (  # noqa: PLC0415 - loaded on use, see above
        measure_impact,
        planned_settings,
    )

    changes = [(merge.label, change) for merge in plan.merges for change in merge.plan.changes]
    settings = planned_settings(changes)
    new_texts = {merge.label: merge.new_text for merge in plan.merges if merge.changed}
    impact = measure_impact(project, new_texts, settings, python=None)
    gates = ", ".join(sorted({setting.gate for setting in settings})) or "none"
    print(f"impact: the gates these settings concern ({gates}), run as it is and after init:")
    for line in impact.settings:
        codes = ", ".join(f"{code} {count}" for code, count in line.codes.items())
        detail = f" ({codes})" if codes else ""
        print(f"  {' + '.join(line.names)}: {count(line.new_findings, 'new finding')}{detail}")
        if line.quiet_rules:
            print(f"    rules with no finding here: {', '.join(line.quiet_rules)}")
    for reason in impact.unmeasured:
        print(f"  not measured: {reason}")


def _write(project: Path, plan: InitPlan, noxfile: NoxfileEdit | None) -> None:
    """Write every file init changes in one project, each atomically."""
    for merge in plan.merges:
        if merge.changed:
            write_atomic(project / merge.label, merge.new_text)
    if noxfile is not None and noxfile.changed and noxfile.new_text is not None:
        write_atomic(project / NOXFILE, noxfile.new_text)
    _record(project, plan)


def _write_workflows(workflows: list[WorkflowFile]) -> None:
    """Create each CI file init planned (it never replaces one)."""
    for workflow in workflows:
        if workflow.changed:
            workflow.file.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(workflow.file.path, workflow.new_text)


def _record(project: Path, plan: InitPlan) -> None:
    """Record what the preset's settings now hold, so that its next version can update them."""
    path = project / STATE_FILE
    text = render_state(plan.state)
    existed = path.is_file()
    if existed and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(exist_ok=True)
    write_atomic(path, text)
    if not existed:
        print(f"{STATE_FILE}: created (what init wrote, so that preset upgrades keep your edits)")


def _report_workflow(workflow: WorkflowFile, *, dry_run: bool) -> None:
    """Print what init does with the CI file."""
    if not workflow.changed:
        print(f"{workflow.label}: up to date")
        return
    if dry_run:
        sys.stdout.write(unified_diff(workflow.file, workflow.new_text, workflow.label))
    print(f"{workflow.label}: {'would create' if dry_run else 'created'}")


def _report_noxfile(edit: NoxfileEdit, project: Path, *, dry_run: bool) -> None:
    """Print what init does to noxfile.py: the diff on a dry run, or the lines to add."""
    if edit.new_text is None:
        print(
            f"{NOXFILE}: left as it is ({edit.reason}); to get a nox session per gate, add:\n"
            f"  {IMPORT_LINE}\n  {CALL_LINE}"
        )
    elif not edit.changed:
        print(f"{NOXFILE}: up to date (registers a nox session per gate)")
    else:
        old = TextFile(
            path=project / NOXFILE, text=edit.old_text or "", exists=edit.old_text is not None
        )
        if dry_run:
            sys.stdout.write(unified_diff(old, edit.new_text, NOXFILE))
        verb = {
            (True, True): "would change",
            (True, False): "would create",
            (False, True): "updated",
            (False, False): "created",
        }[dry_run, old.exists]
        print(f"{NOXFILE}: {verb}: a nox session per gate (nox -l lists them)")


def _report(merge: FileMerge, plan: InitPlan, *, dry_run: bool) -> None:
    """Print what the merge of one file does."""
    preset = f"preset {plan.preset.name} v{plan.preset.version}"
    if not merge.changed:
        print(f"{merge.label}: up to date with {preset}")
    else:
        if dry_run:
            sys.stdout.write(unified_diff(merge.file, merge.new_text, merge.label))
        verb = "would change" if dry_run else "updated" if merge.file.exists else "created"
        python = f"Python {plan.floor.dotted} from {plan.floor.source}"
        print(f"{merge.label}: {verb}: {_counts(merge)} ({preset}, {python})")
    for change in merge.plan.changes:
        if change.kind is ChangeKind.MOVE:
            source, destination = ".".join(change.source), ".".join(change.path)
            print(f"  moved {source} to {destination} (ruff reads lint settings there)")
    for conflict in merge.plan.conflicts:
        print(
            f"  kept your {'.'.join(conflict.path)} = {toml_value(conflict.theirs)} "
            f"(preset: {toml_value(conflict.preset)}); --force replaces it"
        )


def _counts(merge: FileMerge) -> str:
    """How many settings of each kind the merge adds, extends and replaces."""
    names = {
        ChangeKind.ADD: "added",
        ChangeKind.EXTEND: "extended",
        ChangeKind.REPLACE: "replaced",
        ChangeKind.MOVE: "moved",
    }
    counts = {kind: sum(1 for c in merge.plan.changes if c.kind is kind) for kind in names}
    return ", ".join(f"{names[kind]} {count}" for kind, count in counts.items() if count)
