"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
from pathlib import Path


def add_parser(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``init`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "init",
        help="merge a preset into pyproject.toml, keeping every comment and value",
        description="Merge a preset into the project's pyproject.toml (or the file each tool "
        "really reads), keeping every comment, value and layout the project already has.",
    )
    parser.add_argument("--project", type=Path, default=Path(), metavar="DIR")
    parser.add_argument("--preset", default="strict", metavar="NAME")
    parser.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    parser.add_argument("--force", action="store_true", help="replace differing values")


def run(args: argparse.Namespace) -> int:
    """Run ``init`` with the parsed arguments.

    Args:
        args: The parsed command line.

    Returns:
        The exit code.
    """
    raise NotImplementedError(str(args))
