"""``pyexpert-gates watch``: run the gates, then again after every change, until Ctrl-C."""

import argparse
import os
import sys

from pyexpert_gates.check.request import Request
from pyexpert_gates.commands import (
    SUMMARIES,
    Subparsers,
    add_gate_selection,
    project_folder,
    wants_color,
)

FORMATS = ("text", "json")


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``watch`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "watch",
        help=SUMMARIES["watch"],
        description="Run the gates, then again after every change to the project's files or "
        "configuration: the file-level gates check the changed files only, the type checkers "
        "stay resident and only the tests a change can affect run (pytest-testmon). "
        "`check` stays the authority in CI. Ctrl-C ends every process it started, exit 130.",
    )
    add_gate_selection(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: a live screen (default); json: one JSON report per line after each cycle",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter or virtual environment the type checkers and pytest use",
    )


def run(args: argparse.Namespace) -> int:
    """Watch until interrupted.

    Args:
        args: The parsed command line.

    Returns:
        Never returns normally: Ctrl-C ends it with 130 (through the error handler).

    Raises:
        GatesError: SIGTERM ended the watch (exit 143), after every process it started ended.
    """
    # The watcher, the engine and the gates load only when a watch runs.
    from pyexpert_gates.process import run_until_terminated  # noqa: PLC0415 - loaded on use
    from pyexpert_gates.watch.screen import JsonLines, LiveScreen  # noqa: PLC0415 - loaded on use
    from pyexpert_gates.watch.session import Session  # noqa: PLC0415 - loaded on use, as above

    project = project_folder(args)
    screen = (
        JsonLines(stdout=sys.stdout, stderr=sys.stderr)
        if args.format == "json"
        else LiveScreen(stream=sys.stdout, live=wants_color(args, sys.stdout, os.environ))
    )
    request = Request(gates=tuple(args.gates), skip=tuple(args.skip))
    session = Session(project, request, python=args.python, screen=screen)
    run_until_terminated(session.run(), ended="every process the watch started was ended")
    return 0
