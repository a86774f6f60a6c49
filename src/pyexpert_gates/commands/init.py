"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import sys
from pathlib import Path

from pyexpert_gates.commands import Subparsers, add_project_argument
from pyexpert_gates.errors import UsageError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.init.edit import FileEdit, describe, write_edits
from pyexpert_gates.init.noxfile import plan_noxfile
from pyexpert_gates.init.plan import InitPlan, plan_init
from pyexpert_gates.init.state import STATE_FILE, render_state
from pyexpert_gates.init.workflow import CI_PATHS, CiSystem, plan_workflow
from pyexpert_gates.textfile import TextFile


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


def run(args: argparse.Namespace) -> int:
    """Run ``init`` with the parsed arguments.

    Every file is planned before any is written: a workflow init must not replace, or a
    configuration it cannot merge, stops it all with every file untouched.

    Args:
        args: The parsed command line.

    Returns:
        0: written, already up to date, or written with the project's differing values kept.

    Raises:
        UsageError: ``--impact`` without ``--dry-run``.
    """
    project = args.project.resolve()
    if args.impact and not args.dry_run:
        msg = "--impact goes with --dry-run: it shows what init would cost, and writes nothing"
        raise UsageError(msg)
    plan = plan_init(project, args.preset, force=args.force)
    edits = [
        *plan.merges,
        *([plan_noxfile(project)] if args.noxfile else []),
        *([plan_workflow(project, plan.floor, CiSystem(args.ci))] if args.ci else []),
        *_record(project, plan),
    ]
    sys.stdout.write("".join(describe(edit, dry_run=args.dry_run) for edit in edits))
    if args.impact:
        _report_impact(project, plan)
    if not args.dry_run:
        write_edits(edits)
    return 0


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
        merge.label: merge.new_text
        for merge in plan.merges
        if merge.changed and merge.new_text is not None
    }
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


def _record(project: Path, plan: InitPlan) -> list[FileEdit]:
    """The record of what the preset's settings hold after init, when it changes."""
    path = project / STATE_FILE
    new_text = render_state(plan.state)
    text = path.read_text(encoding="utf-8") if path.is_file() else None
    if text == new_text:
        return []
    file = TextFile(path=path, text=text or "", exists=text is not None)
    summary = "what init wrote, so that preset upgrades keep your edits"
    return [FileEdit(label=STATE_FILE, file=file, new_text=new_text, summary=summary)]
