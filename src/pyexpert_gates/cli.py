"""The command line: parse arguments and hand each command to its module."""

import argparse
from collections.abc import Sequence
from typing import Protocol

from pyexpert_gates import __version__
from pyexpert_gates.commands import Subparsers, check, init, rules
from pyexpert_gates.error_handler import run_guarded

EPILOG = """\
examples:
  pyexpert-gates init                      merge the strict preset into ./pyproject.toml
  pyexpert-gates init --dry-run            show the diff init would write, change nothing
  pyexpert-gates init --project ../api     work on another project
  pyexpert-gates check                     run every gate concurrently
  pyexpert-gates check --gate mypy --format json

exit codes: 0 success, 1 findings, 2 usage, configuration or tool error, 130 interrupted
"""


class Command(Protocol):
    """A subcommand module: it declares its arguments and runs from the parsed namespace."""

    def add_parser(self, subparsers: Subparsers) -> None:
        """Add the subcommand's parser, with its arguments, to ``subparsers``."""
        ...

    def run(self, args: argparse.Namespace) -> int:
        """Run the subcommand and return its exit code."""
        ...


COMMANDS: dict[str, Command] = {"init": init, "rules": rules, "check": check}


def build_parser() -> argparse.ArgumentParser:
    """Build the parser for every subcommand.

    Returns:
        The top-level argument parser.
    """
    parser = argparse.ArgumentParser(
        prog="pyexpert-gates",
        description="Strict Python code quality: merge a preset, then check every gate.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pyexpert-gates {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS.values():
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run pyexpert-gates with ``argv`` (default: the process's arguments).

    Args:
        argv: The arguments after the program name.

    Returns:
        The exit code.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return run_guarded(lambda: COMMANDS[args.command].run(args))
