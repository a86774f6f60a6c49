"""``pyexpert-gates baseline``: accept the current findings; check then fails only on new ones.

`pyexpert_gates.baseline.update` is the other half, which ``check`` uses.
"""

import argparse
import sys

from pyexpert_gates.baseline.model import BASELINE_FILE
from pyexpert_gates.check.baseline_run import record_baselines
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.report.baseline import render_recorded


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``baseline`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "baseline",
        help=SUMMARIES["baseline"],
        description="Run the static gates (every gate but pytest and config) and record each "
        f"current finding, and the docstring coverage of each module, in {BASELINE_FILE}. "
        "Afterwards check fails only on findings that are not in it; commit the file.",
    )
    add_project_argument(parser)
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter or virtual environment the type checkers use (as for check)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``baseline`` with the parsed arguments.

    When a gate cannot run or a file cannot be parsed, nothing is written and the
    `GatesError` that says why exits 2.

    Args:
        args: The parsed command line.

    Returns:
        0 when the baseline was written.

    Raises:
        UsageError: The project folder or the interpreter does not exist.
    """
    for recorded in record_baselines(project_members(args), args.python):
        sys.stdout.write(render_recorded(recorded))
    return 0
