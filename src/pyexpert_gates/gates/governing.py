"""The ruff configurations below a project's root that govern files the project checks.

ruff reads, for each file, the closest ``.ruff.toml``, ``ruff.toml`` or ``pyproject.toml`` with a
``[tool.ruff]`` table. One in a sub-folder shadows the root's entirely, unless it says ``extend``
and so inherits what it does not set itself. A sub-folder's weak configuration would make the
ruff gate pass on rules that never ran, so the config gate checks each one that governs a checked
file: those between a checked path and the root, and those inside a checked path. ruff's
``extend`` and pyright's ``extends`` bring in more files, outside the project too: their chains
are followed here for the config gate to judge, through a `ConfigReader`: the snapshot's answers
in a gate, the disk at the edge.
"""

import dataclasses
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyexpert_gates.data.snapshot import ConfigReader, ProjectFiles
from pyexpert_gates.data.toml import Data, is_table
from pyexpert_gates.errors import InputError
from pyexpert_gates.textfile import decode, toml_from
from pyexpert_gates.tools import PYPROJECT, ruff

_MOST_EXTENDS = 32  # a longer chain is a loop ruff refuses anyway
_VARIABLE = re.compile(r"\$(\w+|\{[^}]*\})", re.ASCII)
# pyright reads JSON with comments and trailing commas: strings are kept, the rest removed.
_JSON_EXTRAS = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.DOTALL)
RUFF_FILES = ruff.CONFIG_FILES
"""The files ruff reads its settings from, in the order it prefers them within one folder."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NestedRuffConfig:
    """A ruff configuration in a sub-folder of the project.

    Attributes:
        folder: The sub-folder, relative to the project root, POSIX separators.
        extends: True when it says ``extend``: settings it leaves out come from another file.
    """

    folder: str
    extends: bool


def nested_ruff_configs(
    project: Path, paths: tuple[str, ...], files: ProjectFiles, reader: ConfigReader
) -> tuple[NestedRuffConfig, ...]:
    """Every ruff configuration below ``project`` that governs a file under ``paths``.

    Args:
        project: The project root.
        paths: What the gates check, relative to the project.
        files: The project's files.
        reader: Where the folders and files are looked at.

    Returns:
        The configurations, sorted by folder.

    Raises:
        InputError: A configuration file cannot be read or parsed.
    """
    found: dict[str, NestedRuffConfig] = {}
    for folder in sorted(set(_candidate_folders(project, paths, files, reader))):
        ruff = _ruff_table(project / folder, reader)
        if ruff is not None:
            found[folder] = NestedRuffConfig(folder=folder, extends="extend" in ruff)
    return tuple(found.values())


def _candidate_folders(
    project: Path, paths: tuple[str, ...], files: ProjectFiles, reader: ConfigReader
) -> Iterator[str]:
    """The sub-folders between each checked path and the root, and those that hold a config."""
    for path in paths:
        relative = PurePosixPath(path)
        for folder in (relative, *relative.parents):
            if folder != PurePosixPath() and reader.holds_folder(project / folder):
                yield folder.as_posix()
    # Named ruff's first: the edge asks this on every check, and most files are not.
    named = tuple(name for name in files.files if name.rpartition("/")[2] in RUFF_FILES)
    for name in dataclasses.replace(files, files=named).under(paths):
        file = PurePosixPath(name)
        if file.parent != PurePosixPath():
            yield file.parent.as_posix()


def _ruff_table(folder: Path, reader: ConfigReader) -> Data | None:
    """The ruff settings of the file ruff reads in ``folder``; None when it has none."""
    for name in RUFF_FILES:
        path = folder / name
        if not reader.holds_file(path):
            continue
        ruff = _ruff_settings(path, reader)
        if ruff is not None:
            return ruff
    return None


def _ruff_settings(path: Path, reader: ConfigReader) -> Data | None:
    """The ruff settings in one file: ``[tool.ruff]`` of a ``pyproject.toml``, else all of it."""
    _, document = toml_from(reader, path, str(path))
    if path.name != PYPROJECT:
        return document
    tool = document.get("tool")
    ruff = tool.get("ruff") if is_table(tool) else None
    return ruff if is_table(ruff) else None


def ruff_extends(
    config: Path, variables: Mapping[str, str], reader: ConfigReader
) -> list[tuple[Path, Data]]:
    """The files a ruff configuration extends, in ruff's order, nearest first.

    ruff applies each file's settings under those of the file that extends it, so a rule turned
    off or a file ignored there holds unless a nearer file undoes it. Paths in ``extend`` are
    relative to the file that names them, with ``~`` and environment variables expanded.

    Args:
        config: A ``pyproject.toml``, ``ruff.toml`` or ``.ruff.toml``.
        variables: The environment, for the variables an ``extend`` names.
        reader: Where the files are looked at.

    Returns:
        Each extended file, resolved, with its ruff settings; a missing file ends the chain
        (ruff reports it).

    Raises:
        InputError: An extended file cannot be read or parsed.
    """
    chain: list[tuple[Path, Data]] = []
    seen = {reader.real_path(config)}
    settings = _ruff_settings(config, reader) or {}
    while isinstance(extend := settings.get("extend"), str) and len(chain) < _MOST_EXTENDS:
        named = reader.real_path(config.parent / _expanded(extend, variables, reader))
        if named in seen or not reader.holds_file(named):
            break
        seen.add(named)
        config, settings = named, _ruff_settings(named, reader) or {}
        chain.append((named, settings))
    return chain


def _expanded(extend: str, variables: Mapping[str, str], reader: ConfigReader) -> str:
    """``extend`` with ``~`` and ``$NAME`` or ``${NAME}`` taken from ``variables``, as ruff does.

    An unknown variable stays as written; ``reader`` expands ``~user``.
    """
    home = variables.get("HOME")
    if home and (extend == "~" or extend.startswith("~/")):
        extend = (home.rstrip("/") or "/") + extend[1:]
    elif extend.startswith("~"):
        extend = reader.home_of(extend)

    def value(match: re.Match[str]) -> str:
        name = match[1].removeprefix("{").removesuffix("}")
        return variables.get(name, match[0])

    return _VARIABLE.sub(value, extend)


def pyright_extends(config: Path, settings: Data, reader: ConfigReader) -> list[tuple[Path, Data]]:
    """The files pyright's ``extends`` brings in, nearest first, each with its settings.

    Args:
        config: The file that holds ``settings``.
        settings: Its pyright settings (``[tool.pyright]`` of a ``pyproject.toml``).
        reader: Where the files are looked at.

    Returns:
        Each extended file, resolved, with its settings; a missing file ends the chain.

    Raises:
        InputError: An extended file cannot be read or parsed.
    """
    chain: list[tuple[Path, Data]] = []
    seen = {reader.real_path(config)}
    while isinstance(extends := settings.get("extends"), str) and len(chain) < _MOST_EXTENDS:
        named = reader.real_path(config.parent / extends)
        if named in seen or not reader.holds_file(named):
            break
        seen.add(named)
        config, settings = named, _pyright_settings(named, reader)
        chain.append((named, settings))
    return chain


def _pyright_settings(path: Path, reader: ConfigReader) -> Data:
    """The pyright settings of a ``pyrightconfig.json``-like file or a ``pyproject.toml``."""
    if path.suffix == ".toml":
        _, document = toml_from(reader, path, str(path))
        tool = document.get("tool")
        pyright = tool.get("pyright") if is_table(tool) else None
        return pyright if is_table(pyright) else {}
    # Only a regular file is followed, so something is there to read.
    text = decode(reader.content(path, str(path)) or b"", str(path))
    try:
        value: object = json.loads(_JSON_EXTRAS.sub(lambda match: match.group(1) or "", text))
    except json.JSONDecodeError as error:
        message = f"{path}:{error.lineno}: invalid JSON ({error.msg}); fix it and run again"
        raise InputError(message) from None
    return value if is_table(value) else {}
