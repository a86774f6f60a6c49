"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import sys

from pyexpert_gates.check.init_run import (
    run_init,
)
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.errors import UsageError
from pyexpert_gates.init.projects import InitChoices
from pyexpert_gates.init.workflow import CI_PATHS, CiSystem
from pyexpert_gates.report.init import render
from pyexpert_gates.report.text import safe_text


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
        "named (tool.mypy.warn_unreachable, or a table such as tool.mypy; repeatable), and "
        "remove their relaxations, so the config gate judges them again",
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
    choices = InitChoices(
        preset=args.preset,
        force=_force(args),
        relax=dict(args.relax),
        migrate=args.migrate,
        noxfile=args.noxfile,
        ci=None if args.ci is None else CiSystem(args.ci),
    )
    events = run_init(project_members(args), choices, dry_run=args.dry_run, impact=args.impact)
    for event in events:
        sys.stdout.write(safe_text(render(event, dry_run=args.dry_run)))
    return 0


def _force(args: argparse.Namespace) -> bool | list[str]:
    """Bare ``--force`` replaces every differing value; ``--force KEY...`` only those named."""
    given: list[list[str]] | None = args.force
    if given is None:
        return False
    return [] in given or [key for keys in given for key in keys]
