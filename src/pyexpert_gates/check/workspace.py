"""Workspaces: which projects a command acts on.

A workspace is a root whose ``pyproject.toml`` lists its members, in ``[tool.pyexpert-gates]
projects`` or in uv's ``[tool.uv.workspace] members`` (folders or globs, less those its
``exclude`` globs match). A command pointed at a workspace root acts on every member; one given
``--project`` several times acts on each project named. Every command resolves its projects here,
so they all agree on what a member is.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.config import config_from_document, read_layout, workspace_projects
from pyexpert_gates.data.toml import Data, is_array, is_table
from pyexpert_gates.errors import ConfigError, UsageError
from pyexpert_gates.textfile import read_toml
from pyexpert_gates.tools import PYPROJECT

_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """One project a command acts on.

    Attributes:
        path: The project folder, as the user named it or joined to the workspace root.
        workspace: The root of the workspace that lists it; None for a project named on its own.
    """

    path: Path
    workspace: Path | None = None


def resolve_projects(named: Sequence[Path]) -> tuple[Member, ...]:
    """The projects a command acts on: each folder named, or every member of a workspace root.

    Args:
        named: The ``--project`` folders in the order given; empty for the current directory.

    Returns:
        Every project once, in order: a workspace root gives its members in the order it lists
        them, any other folder is a project of its own.

    Raises:
        UsageError: A named folder does not exist.
    """
    found: dict[Path, Member] = {}
    for folder in named or (Path(),):
        if not folder.is_dir():
            message = f"--project {folder}: no such directory"
            raise UsageError(message)
        for member in workspace_members(folder) or (Member(path=folder),):
            found.setdefault(member.path.resolve(), member)
    return tuple(found.values())


def several_projects(members: Sequence[Member]) -> bool:
    """Whether a run acts on several projects: more than one, or the members of a workspace.

    Args:
        members: The projects of the run.

    Returns:
        True when each project gets a report of its own and its own environment.
    """
    return len(members) > 1 or any(member.workspace is not None for member in members)


def workspace_members(root: Path) -> tuple[Member, ...]:
    """The members of the workspace at ``root``; none when ``root`` is not a workspace root.

    ``[tool.pyexpert-gates] projects`` wins over ``[tool.uv.workspace]``. A uv workspace's root
    is a member itself when it is a project (it has a ``[project]`` table), as in uv, with code
    of its own: a root without any (no configured ``paths``, and nothing the default paths
    find) is only a container of its members.

    Args:
        root: The folder whose ``pyproject.toml`` may list members.

    Returns:
        The members, in the order the file lists them, each once.

    Raises:
        ConfigError: Its list of members is malformed, names no folder, or leaves none (and,
            from reading it, `InputError` when the file cannot be read or parsed).
    """
    path = root / PYPROJECT
    if not path.is_file():
        return ()
    _, document = read_toml(path, str(path))
    own = workspace_projects(document, origin=str(path))
    if own is not None:
        key = "[tool.pyexpert-gates] projects"
        folders = _expand(root, own, origin=f"{path}: {key}")
    else:
        uv = _uv_workspace(document, origin=str(path))
        if uv is None:
            return ()
        key = "[tool.uv.workspace] members"
        listed = _expand(root, uv.members, origin=f"{path}: {key}")
        excluded = {folder.resolve() for folder in _globbed(root, uv.exclude)}
        itself = [root] if _has_own_code(root, document, origin=str(path)) else []
        folders = [*itself, *(folder for folder in listed if folder.resolve() not in excluded)]
    if not folders:
        message = f"{path}: {key} leaves no project; list at least one member folder"
        raise ConfigError(message)
    unique = {folder.resolve(): folder for folder in folders}
    return tuple(Member(path=folder, workspace=root) for folder in unique.values())


def _has_own_code(root: Path, document: Data, *, origin: str) -> bool:
    """Whether a uv workspace's root is a project with code of its own to check."""
    if not is_table(document.get("project")):
        return False
    try:
        config = config_from_document(document, origin=origin)
    except ConfigError:
        return True  # checking the root reports the settings that cannot be read
    return config.paths is not None or bool(read_layout(root).code_paths(config.project_name))


@dataclass(frozen=True, slots=True, kw_only=True)
class _UvWorkspace:
    """uv's ``[tool.uv.workspace]``: member globs and the globs excluded from them."""

    members: tuple[str, ...]
    exclude: tuple[str, ...]


def _uv_workspace(document: Data, *, origin: str) -> _UvWorkspace | None:
    """``[tool.uv.workspace]`` of ``document``; None without members."""
    table: object = document
    for key in ("tool", "uv", "workspace"):
        table = table.get(key) if is_table(table) else None
    if not is_table(table) or table.get("members") is None:
        return None
    return _UvWorkspace(
        members=_strings(table.get("members"), f"{origin}: [tool.uv.workspace] members"),
        exclude=_strings(table.get("exclude", []), f"{origin}: [tool.uv.workspace] exclude"),
    )


def _strings(value: object, where: str) -> tuple[str, ...]:
    """``value`` as a list of strings, or an error naming the file and key."""
    if not is_array(value) or not all(isinstance(item, str) for item in value):
        message = f"{where} = {value!r} is invalid: expected a list of folders or globs"
        raise ConfigError(message)
    return tuple(str(item) for item in value)


def _expand(root: Path, patterns: Iterable[str], *, origin: str) -> list[Path]:
    """The folders ``patterns`` name below ``root``; a pattern that names none is an error."""
    folders: list[Path] = []
    for pattern in patterns:
        matches = _globbed(root, (pattern,))
        if not matches:
            message = (
                f"{origin}: {pattern!r} names no folder in {root}; "
                "fix the entry or remove it, so that no project is silently left unchecked"
            )
            raise ConfigError(message)
        folders.extend(matches)
    return folders


def _globbed(root: Path, patterns: Iterable[str]) -> list[Path]:
    """The folders below ``root`` each pattern names (a folder or a glob), sorted per pattern."""
    folders: list[Path] = []
    for pattern in patterns:
        if _GLOB_CHARACTERS.isdisjoint(pattern):
            folder = root / pattern
            folders.extend([folder] if folder.is_dir() else [])
        else:
            folders.extend(sorted(found for found in root.glob(pattern) if found.is_dir()))
    return folders
