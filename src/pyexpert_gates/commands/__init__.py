"""One module per subcommand: each has ``add_parser`` and ``run``."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from pyexpert_gates.errors import UsageError

if TYPE_CHECKING:
    from pyexpert_gates.check.workspace import Member

# argparse names the group that `add_subparsers` returns only privately.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # noqa: SLF001 # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it


def add_project_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--project DIR``, repeatable: the projects a command acts on (default: ``.``).

    Args:
        parser: The subcommand's parser.
    """
    parser.add_argument(
        "--project",
        action="append",
        type=Path,
        default=[],
        dest="projects",
        metavar="DIR",
        help="a project folder, or a workspace root for all its members; repeat it for several "
        "projects (default: .)",
    )


def add_gate_selection(parser: argparse.ArgumentParser) -> None:
    """Add ``--project``, ``--gate NAME`` and ``--skip NAME``: the projects and gates a run covers.

    Args:
        parser: The subcommand's parser (``check`` or ``watch``).
    """
    # Loaded on use: the gate names come with the models, which `--version` does not need.
    from pyexpert_gates.models import GateName  # noqa: PLC0415 - loaded on use, see above

    add_project_argument(parser)
    parser.add_argument(
        "--gate",
        action="append",
        default=[],
        dest="gates",
        metavar="NAME",
        help=f"run only this gate (repeatable): {', '.join(GateName)}",
    )
    parser.add_argument(
        "--skip", action="append", default=[], metavar="NAME", help="leave a gate out (repeatable)"
    )


def project_members(args: argparse.Namespace) -> "tuple[Member, ...]":
    """Every project the command acts on: each ``--project``, a workspace's members included.

    Args:
        args: The parsed command line.

    Returns:
        The projects, each once, in the order named.
    """
    # Loaded on use: reading a workspace root loads the configuration and TOML modules.
    from pyexpert_gates.check.workspace import resolve_projects  # noqa: PLC0415 - loaded on use, see above

    return resolve_projects(args.projects)


def project_folder(args: argparse.Namespace) -> Path:
    """The one ``--project`` folder of a command that acts on a single project.

    Args:
        args: The parsed command line.

    Returns:
        The folder, as given.

    Raises:
        UsageError: There is no such folder, or several were named.
    """
    named: list[Path] = args.projects
    if len(named) > 1:
        message = f"this command acts on one project; --project was given {len(named)} times"
        raise UsageError(message)
    project = named[0] if named else Path()
    if not project.is_dir():
        message = f"--project {project}: no such directory"
        raise UsageError(message)
    return project
