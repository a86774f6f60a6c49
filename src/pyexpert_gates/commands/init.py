"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import sys

from pyexpert_gates.commands import Subparsers, add_project_argument
from pyexpert_gates.init.edit import describe, write_edits
from pyexpert_gates.init.noxfile import plan_noxfile
from pyexpert_gates.init.plan import plan_init
from pyexpert_gates.init.workflow import WORKFLOW_PATH, plan_workflow


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
    _add_companions(parser)


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

    Every file is planned before any is written: a workflow init must not replace, or a
    configuration it cannot merge, stops it all with every file untouched.

    Args:
        args: The parsed command line.

    Returns:
        0: written, already up to date, or written with the project's differing values kept.
    """
    project = args.project.resolve()
    plan = plan_init(project, args.preset, force=args.force)
    edits = [
        *plan.merges,
        *([plan_noxfile(project)] if args.noxfile else []),
        *([plan_workflow(project, plan.floor)] if args.ci else []),
    ]
    sys.stdout.write("".join(describe(edit, dry_run=args.dry_run) for edit in edits))
    if not args.dry_run:
        write_edits(edits)
    return 0
