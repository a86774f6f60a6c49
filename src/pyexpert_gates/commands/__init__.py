"""One module per subcommand: each has ``add_parser`` and ``run``."""

import argparse
from pathlib import Path
from typing import TypeAlias

from pyexpert_gates.errors import UsageError

# argparse names the group that `add_subparsers` returns only privately.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # noqa: SLF001 # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it


def add_project_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--project DIR``, the project a command acts on (default: the current directory).

    Args:
        parser: The subcommand's parser.
    """
    parser.add_argument(
        "--project",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="the project folder (default: .)",
    )


def project_folder(args: argparse.Namespace) -> Path:
    """The ``--project`` folder, which must exist.

    Args:
        args: The parsed command line.

    Returns:
        The folder, as given.

    Raises:
        UsageError: There is no such folder.
    """
    project: Path = args.project
    if not project.is_dir():
        message = f"--project {project}: no such directory"
        raise UsageError(message)
    return project
