"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pyexpert_gates.commands import Subparsers, add_project_argument
from pyexpert_gates.errors import InputError
from pyexpert_gates.init.merge import ChangeKind, Conflict, toml_value
from pyexpert_gates.init.migration import Migration
from pyexpert_gates.init.names import covers, setting_name
from pyexpert_gates.init.noxfile import CALL_LINE, IMPORT_LINE, NOXFILE, NoxfileEdit, plan_noxfile
from pyexpert_gates.init.plan import FileMerge, InitPlan, plan_init
from pyexpert_gates.init.pytest_probe import ask_pytest
from pyexpert_gates.init.pytest_risks import filter_modules, pytest_settings, risks
from pyexpert_gates.init.targets import PYPROJECT
from pyexpert_gates.init.workflow import WORKFLOW_PATH, WorkflowFile, plan_workflow
from pyexpert_gates.textfile import TextFile, unified_diff, write_atomic, write_together


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
    _add_choices(parser)
    parser.add_argument(
        "--migrate",
        action="store_true",
        help="move the settings of mypy.ini, setup.cfg [mypy], pytest.ini, tox.ini [pytest], "
        "setup.cfg [tool:pytest] and pyrightconfig.json into pyproject.toml (comments too), "
        "remove them there, and merge the preset: all files in one step",
    )
    _add_companions(parser)


def _add_choices(parser: argparse.ArgumentParser) -> None:
    """The arguments that say what init does with a value of the project's that differs."""
    parser.add_argument(
        "--force",
        nargs="*",
        metavar="KEY",
        help="replace your differing values with the preset's: every one, or only the settings "
        "named (tool.mypy.warn_unreachable, or a table such as tool.mypy)",
    )
    parser.add_argument(
        "--relax",
        action="append",
        default=[],
        type=_relaxation,
        metavar="KEY=REASON",
        help="keep your differing value at KEY and record it, with REASON, in "
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
        choices=("github",),
        help=f"also write a CI workflow: github writes {WORKFLOW_PATH} (never replaced)",
    )
    parser.add_argument(
        "--no-noxfile",
        action="store_false",
        dest="noxfile",
        help="leave noxfile.py alone (by default init creates it, or adds the two lines that "
        "register a nox session per gate)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``init`` with the parsed arguments.

    Args:
        args: The parsed command line.

    Returns:
        0: written, already up to date, or written with the project's differing values kept.
    """
    project = args.project.resolve()
    # Bare --force replaces every differing value; --force KEY... only those named.
    named: list[str] | None = args.force
    force = named == [] or (named or False)
    plan = plan_init(
        project, args.preset, force=force, relax=dict(args.relax), migrate=args.migrate
    )
    # Planned before anything is written: a workflow init must not replace stops it all.
    workflow = plan_workflow(project, plan.floor) if args.ci else None
    noxfile = plan_noxfile(project) if args.noxfile else None
    for merge in plan.merges:
        _report(merge, plan, dry_run=args.dry_run)
    if plan.migration is not None:
        _report_migration(plan.migration, dry_run=args.dry_run)
    if noxfile is not None:
        _report_noxfile(noxfile, project, dry_run=args.dry_run)
    if workflow is not None:
        _report_workflow(workflow, dry_run=args.dry_run)
    _warn_pytest(project, plan)
    if not args.dry_run:
        _write(project, plan, noxfile, workflow)
    return 0


def _warn_pytest(project: Path, plan: InitPlan) -> None:
    """Print the project's pytest settings that every run under the preset would fail on."""
    merge = plan.merges[0]
    before = plan.migration.text if plan.migration else merge.file.text
    # The preset's own settings are pytest's; only the project's need asking about.
    theirs = pytest_settings(tomllib.loads(before)) if merge.label == PYPROJECT else None
    ours = pytest_settings({"tool": plan.preset.tools})
    if theirs is None:
        return
    modules = filter_modules(theirs.filters)
    if not modules and set(theirs.keys) <= set(ours.keys if ours else ()):
        return
    facts = ask_pytest(project, set(modules.values()))
    if facts.unknown_reason:
        print(f"  note: {facts.unknown_reason}; your pytest settings were not checked")
    known = facts.known or frozenset(theirs.keys)
    for risk in risks(merge.new_text, theirs, known, facts.missing):
        where = f"{PYPROJECT}:{risk.line}" if risk.line else PYPROJECT
        print(f"  warning: {where}: {risk.message}")


def _write(
    project: Path, plan: InitPlan, noxfile: NoxfileEdit | None, workflow: WorkflowFile | None
) -> None:
    """Write every file init changes: the configuration files as one step, the others alone."""
    edits: list[tuple[Path, str | None]] = [
        (project / merge.label, merge.new_text) for merge in plan.merges if merge.changed
    ]
    retired = plan.migration.retired if plan.migration else ()
    edits.extend((project / old.label, old.new_text) for old in retired)
    try:
        write_together(edits)
    except OSError as error:
        where = error.filename or "a file"
        msg = f"{where}: cannot write it ({error.strerror}); every file is as it was"
        raise InputError(msg) from None
    if noxfile is not None and noxfile.changed and noxfile.new_text is not None:
        write_atomic(project / NOXFILE, noxfile.new_text)
    if workflow is not None and workflow.changed:
        workflow.file.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(workflow.file.path, workflow.new_text)


def _report_migration(migration: Migration, *, dry_run: bool) -> None:
    """Print what ``--migrate`` moves, and the diff of each old file on a dry run."""
    for line in migration.moved:
        print(f"  {line}")
    for old in migration.retired:
        if dry_run:
            sys.stdout.write(
                unified_diff(old.file, old.new_text or "", old.label, gone=old.new_text is None)
            )
        if old.new_text is None:
            print(
                f"{old.label}: {'would be deleted' if dry_run else 'deleted'} (its settings moved)"
            )
        else:
            verb = "would change" if dry_run else "updated"
            print(f"{old.label}: {verb}: the moved sections removed")


def _report_workflow(workflow: WorkflowFile, *, dry_run: bool) -> None:
    """Print what init does with the CI workflow."""
    if not workflow.changed:
        print(f"{WORKFLOW_PATH}: up to date")
        return
    if dry_run:
        sys.stdout.write(unified_diff(workflow.file, workflow.new_text, WORKFLOW_PATH))
    print(f"{WORKFLOW_PATH}: {'would create' if dry_run else 'created'}")


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
        elif change.reason:
            print(
                f"  replaced your {setting_name(merge.label, change.path)} = "
                f"{toml_value(change.previous)} with {toml_value(change.value)}: {change.reason}"
            )
    for conflict in merge.plan.conflicts:
        print(_kept(setting_name(merge.label, conflict.path), conflict, plan.relaxations))


def _kept(name: str, conflict: Conflict, relaxations: Mapping[str, str]) -> str:
    """The line that reports a kept value, with what resolves it unless it is relaxed."""
    theirs, preset = toml_value(conflict.theirs), toml_value(conflict.preset)
    kept = f"  kept your {name} = {theirs} (preset: {preset})"
    reason = next((r for key, r in relaxations.items() if covers([key], name)), None)
    if reason is not None:
        return f"{kept}; relaxed: {reason}"
    return f"{kept}; `--force {name}` replaces it, `--relax {name}=REASON` records why you keep it"


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
