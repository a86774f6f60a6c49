"""``pyexpert-gates fix``: apply ruff's fixes, ``ruff format`` and the expert codemods."""

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import GateName
from pyexpert_gates.report.text import error_text, safe_text

if TYPE_CHECKING:
    from pyexpert_gates.fix.outcome import FixOutcome

# Kept here rather than imported from the fix package so `--help` starts without libcst.
FIXABLE = ("ruff", "format", "expert")


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``fix`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "fix",
        help=SUMMARIES["fix"],
        description="Fix what can be fixed without changing behaviour, on the configured paths "
        "with the project's configuration: ruff's safe fixes, the expert codemods, then ruff "
        "format. Prints what was fixed, per file and rule, and what is left for baseline. "
        "Fix groups that broke a test when adopt tried them are left out. "
        "Exit codes: 0 it ran, 2 a file could not be parsed or written (it was left as it "
        "was) or ruff could not run.",
    )
    add_project_argument(parser)
    parser.add_argument(
        "--gate",
        action="append",
        default=[],
        metavar="NAME",
        dest="gates",
        help=f"apply only this gate's fixes (repeatable): {', '.join(FIXABLE)}",
    )
    _add_output(parser)
    parser.add_argument(
        "--unsafe",
        action="store_true",
        help="add the fixes that may change behaviour (ruff's unsafe fixes, unsafe codemods)",
    )


TERMINAL_DIFF_LINES = 200
"""The longest diff a dry run shows on a terminal; a longer one is summarised (``--diff``)."""


def _add_output(parser: argparse.ArgumentParser) -> None:
    """The arguments that say what fix prints instead of writing: a summary, or the diff."""
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="change nothing: say what would be fixed, per file and rule (stderr), and print "
        "one unified diff (stdout; on a terminal only when it is short)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="as --dry-run, printing the whole diff on a terminal too",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``fix`` with the parsed arguments.

    Args:
        args: The parsed command line.

    Returns:
        0 when it ran, 2 when a file was left untouched because it could not be parsed or
        written.

    Raises:
        UsageError: The project folder does not exist, or a gate has no fixes.
    """
    members = project_members(args)
    gates = _gates(args.gates)
    args.dry_run = args.dry_run or args.diff
    several = len(members) > 1
    worst = 0
    for member in members:
        if several:
            # On standard error for a dry run, so that the diffs alone still make one patch.
            heading = safe_text(f"== project {member.path} ==\n")
            (sys.stderr if args.dry_run else sys.stdout).write(heading)
        label = Path(os.path.relpath(member.path.absolute())).as_posix() if several else "."
        worst = max(worst, _fix_one(member.path, label, gates, args))
    return worst


def _fix_one(
    project: Path, label: str, gates: frozenset[GateName], args: argparse.Namespace
) -> int:
    """Fix one project, its paths led by ``label`` (``.`` for none); 2 when a file was left."""
    # libcst and the steps load only when fix runs, so --help and the other commands start fast.
    from pyexpert_gates.check.held_back import read_held_back  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.fix.run import FixRequest, fix_project  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.report.fixes import (  # noqa: PLC0415 - loaded on use, see above
        render_fix_diff,
        render_fix_summary,
        render_problem,
    )

    held = read_held_back(project)
    request = FixRequest(
        gates=gates, unsafe=args.unsafe, dry_run=args.dry_run, held_back=frozenset(held)
    )
    outcome = _led_by(fix_project(project, request), label)
    # The names are the repository's; the diff stays a patch, byte for byte.
    summary = safe_text(render_fix_summary(outcome, dry_run=args.dry_run))
    if held and not args.unsafe:
        summary += safe_text(
            f"held back (a test failed with them; --unsafe applies them): {', '.join(held)}\n"
        )
    if args.dry_run:
        _print_dry_run(render_fix_diff(outcome), summary, whole=args.diff)
    else:
        sys.stdout.write(summary)
    for problem in outcome.problems:
        print(error_text(render_problem(problem)), file=sys.stderr)
    return 2 if outcome.problems else 0


def _print_dry_run(diff: str, summary: str, *, whole: bool) -> None:
    """The diff alone on stdout (``> fixes.patch`` is a clean patch), the summary on stderr.

    A person at a terminal reads the summary, and the diff only when it is short or ``whole``.
    """
    lines = diff.count("\n")
    if whole or not sys.stdout.isatty() or lines <= TERMINAL_DIFF_LINES:
        sys.stdout.write(diff)
    else:
        summary += f"the diff has {lines:,} lines: `fix --diff` prints it\n"
    sys.stderr.write(summary)


def _led_by(outcome: "FixOutcome", label: str) -> "FixOutcome":
    """``outcome`` with its changed and untouched files led by ``label``: a patch applies here."""
    if label == ".":
        return outcome
    changes = tuple(
        dataclasses.replace(item, path=f"{label}/{item.path}") for item in outcome.changes
    )
    problems = tuple(
        dataclasses.replace(item, path=f"{label}/{item.path}") for item in outcome.problems
    )
    return dataclasses.replace(outcome, changes=changes, problems=problems)


def _gates(names: list[str]) -> frozenset[GateName]:
    """The gates ``--gate`` names, all fixable ones by default."""
    unknown = [name for name in names if name not in FIXABLE]
    if unknown:
        message = f"--gate {unknown[0]}: not a gate with fixes; valid names: {', '.join(FIXABLE)}"
        raise UsageError(message)
    return frozenset(GateName(name) for name in names or FIXABLE)
