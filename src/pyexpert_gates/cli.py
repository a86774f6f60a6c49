"""The command line: parse arguments and hand each command to its module."""

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from pyexpert_gates import __version__
from pyexpert_gates.commands import SUMMARIES, Subparsers
from pyexpert_gates.error_handler import run_guarded

EPILOG = """\
examples:
  pyexpert-gates init                      merge the strict preset into ./pyproject.toml
  pyexpert-gates init --dry-run            show the diff init would write, change nothing
  pyexpert-gates init --project ../api     work on another project
  pyexpert-gates adopt                     init, fix and baseline an existing project in one
  pyexpert-gates check                     run every gate concurrently
  pyexpert-gates check --gate mypy --format json
  pyexpert-gates check --project api --project web   several projects, one report
  pyexpert-gates fix --dry-run             show what fix would change: ruff fixes, format, codemods
  pyexpert-gates baseline                  accept today's findings; check fails only on new ones
  pyexpert-gates check --locked            in CI: never rewrite the baseline, fail if it is stale
  pyexpert-gates presets --changes         the installed presets and what each version changed
  pyexpert-gates watch --format json       a JSON report per line after every change

exit codes: 0 success, 1 findings, 2 usage, configuration or tool error, 130 interrupted
"""


class Subcommand(Protocol):
    """A subcommand module: it declares its arguments and runs from the parsed namespace."""

    def add_parser(self, subparsers: Subparsers) -> None:
        """Add the subcommand's parser, with its arguments.

        Args:
            subparsers: The top-level parser's subcommand group.
        """
        ...

    def run(self, args: argparse.Namespace) -> int:
        """Run the subcommand.

        Args:
            args: The parsed command line.

        Returns:
            The exit code.
        """
        ...


# Each command's module is imported only when the command runs (or for help and usage errors,
# which list them all), so `--version` and each command start without the others' imports.
COMMANDS: dict[str, str] = {
    "init": "pyexpert_gates.commands.init",
    "adopt": "pyexpert_gates.commands.adopt",
    "rules": "pyexpert_gates.commands.rules",
    "check": "pyexpert_gates.commands.check",
    "baseline": "pyexpert_gates.commands.baseline",
    "presets": "pyexpert_gates.commands.presets",
    "fix": "pyexpert_gates.commands.fix",
    "watch": "pyexpert_gates.commands.watch",
}


def load_command(name: str) -> Subcommand:
    """Import the module of the command ``name``.

    Args:
        name: A key of `COMMANDS`.

    Returns:
        The command's module.
    """
    return cast("Subcommand", importlib.import_module(COMMANDS[name]))


def needed_commands(argv: Sequence[str]) -> list[str]:
    """The commands whose parsers the arguments need.

    Args:
        argv: The arguments after the program name.

    Returns:
        The command named (the first argument that is not an option, as the top-level parser
        takes no option values); none for ``--help``, ``--version`` and a usage error, which
        only list the commands (see `build_parser`).
    """
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    return [named] if named in COMMANDS else []


def build_parser(commands: Sequence[str] = tuple(COMMANDS)) -> argparse.ArgumentParser:
    """Build the parser with the subcommands ``commands``, and every other one by name only.

    Args:
        commands: The subcommands whose arguments to add (default: every one); the others
            are listed with their summary, so that their modules stay unimported.

    Returns:
        The top-level argument parser.
    """
    parser = argparse.ArgumentParser(
        prog="pyexpert-gates",
        description="Strict Python code quality: merge a preset, then check every gate.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-V", "--version", action="version", version=f"pyexpert-gates {__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if name in commands or name not in SUMMARIES:
            load_command(name).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=SUMMARIES[name])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run pyexpert-gates with ``argv`` (default: the process's arguments).

    Args:
        argv: The arguments after the program name.

    Returns:
        The exit code.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(needed_commands(arguments))
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return 2
    return run_guarded(lambda: load_command(args.command).run(args))
