"""One module per subcommand: each has ``add_parser`` and ``run``."""

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from pyexpert_gates.errors import InputError, UsageError
from pyexpert_gates.tools import PYPROJECT

if TYPE_CHECKING:
    from pyexpert_gates.check.workspace import Member

COLOR_CHOICES = ("auto", "always", "never")
SUMMARIES: dict[str, str] = {
    "init": "merge a preset into pyproject.toml, keeping every comment and value",
    "adopt": "init, fix and baseline in one: check passes after it, and fails on new faults",
    "rules": "list the expert rules (PXG###) with their rationale and fixes",
    "check": "run every gate concurrently; exit 1 on findings, 2 when a gate cannot run",
    "baseline": "accept the current findings of the static gates in .pyexpert-gates/baseline.json",
    "presets": "list every installed preset: version, distribution, what it extends",
    "fix": "apply ruff's safe fixes, ruff format and the expert codemods",
    "watch": "run the gates, then again after every change to the project; Ctrl-C to stop",
}
"""Each command's line in ``--help``: here, so the top-level help imports no command module."""

# argparse names the group that `add_subparsers` returns only privately.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # noqa: SLF001 # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it


def add_color_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--color auto|always|never``: whether the command's output is coloured.

    Args:
        parser: The subcommand's parser.
    """
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the output: auto (default: on a terminal, unless NO_COLOR is set; "
        "FORCE_COLOR turns it on), always or never",
    )


def add_project_argument(parser: argparse.ArgumentParser, *, verbose: bool = True) -> None:
    """Add ``--project DIR`` (repeatable), ``--color`` and, unless the command has its own, ``-v``.

    Without ``--project`` a command acts on the project that holds the current folder, found
    upward (see `discover_project`); ``-v`` says which.

    Args:
        parser: The subcommand's parser.
        verbose: False for a command that adds its own ``-v``.
    """
    parser.add_argument(
        "--project",
        action="append",
        type=Path,
        default=[],
        dest="projects",
        metavar="DIR",
        help="a project folder, or a workspace root for all its members; repeat it for several "
        "projects (default: the nearest folder upward with a pyproject.toml)",
    )
    add_color_argument(parser)
    if verbose:
        parser.add_argument(
            "-v", "--verbose", action="store_true", help="say which project root was found upward"
        )


def add_gate_selection(parser: argparse.ArgumentParser, *, verbose: bool = True) -> None:
    """Add ``--project``, ``--gate NAME`` and ``--skip NAME``: the projects and gates a run covers.

    Args:
        parser: The subcommand's parser (``check`` or ``watch``).
        verbose: False for a command that adds its own ``-v``.
    """
    # Loaded on use: the gate names come with the models, which `--version` does not need.
    from pyexpert_gates.models import GateName  # noqa: PLC0415 - loaded on use, see above

    add_project_argument(parser, verbose=verbose)
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

    Raises:
        InputError: A workspace member lies outside its workspace's root (a symlinked member,
            a member ``../neighbour``): every command may write there (the baseline, a fix).
    """
    # Loaded on use: reading a workspace root loads the configuration and TOML modules.
    from pyexpert_gates.check.workspace import resolve_projects  # noqa: PLC0415 - loaded on use, see above

    members = resolve_projects(args.projects or [found_project(args)])
    for member in members:
        root = member.workspace
        if root is not None and not member.path.resolve().is_relative_to(root.resolve()):
            message = (
                f"{member.path}: the workspace member lies outside the workspace root {root} "
                f"(at {member.path.resolve()}), where pyexpert-gates writes nothing; move it "
                "inside the root, or name it with its own --project"
            )
            raise InputError(message)
    return members


def found_project(args: argparse.Namespace) -> Path:
    """The project of the current folder, said on standard error with ``-v`` when found upward.

    Args:
        args: The parsed command line.

    Returns:
        ``.`` for the current folder, else the project root, absolute.
    """
    start = Path.cwd()
    root = discover_project(start)
    if root == start:
        return Path()
    if args.verbose:
        relative = Path(os.path.relpath(root, start)).as_posix()
        print(f"project root: {relative} ({root})", file=sys.stderr)
    return root


def discover_project(start: Path) -> Path:
    """The project that holds ``start``: the nearest folder upward with a ``pyproject.toml``.

    As ruff and uv do, a command run in ``src/pkg/`` acts on the project, and one run in a
    workspace's folder outside every member acts on the workspace root. The search stops at
    the repository's root (the folder with ``.git``), so it never leaves the checkout.

    Args:
        start: The current folder, absolute.

    Returns:
        The project root; ``start`` itself when no folder up to the repository root has a
        ``pyproject.toml``.
    """
    for folder in (start, *start.parents):
        if (folder / PYPROJECT).is_file():
            return folder
        if (folder / ".git").exists():
            break
    return start


def wants_color(args: argparse.Namespace, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether to colour the text written to ``stream``.

    Args:
        args: The parsed command line (``--color``).
        stream: Where the text goes.
        environ: The environment variables (``NO_COLOR``, ``FORCE_COLOR``, ``TERM``).

    Returns:
        ``--color always`` or ``never`` as said; for ``auto``, False when ``NO_COLOR`` is set,
        True when ``FORCE_COLOR`` is, else True for a terminal that is not dumb.
    """
    match getattr(args, "color", "auto"):
        case "always":
            return True
        case "never":
            return False
        case _ if environ.get("NO_COLOR"):
            return False
        case _ if environ.get("FORCE_COLOR"):
            return True
        case _:
            return stream.isatty() and environ.get("TERM") != "dumb"


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
    project = named[0] if named else found_project(args)
    if not project.is_dir():
        message = f"--project {project}: no such directory"
        raise UsageError(message)
    return project
