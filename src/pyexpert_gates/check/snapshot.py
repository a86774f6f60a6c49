"""Read a project's snapshot at the edge, once per run, before any gate runs.

Everything a gate knows of the project beyond its context's options comes from here: the one
list of files, the configuration files at the root, which named paths are files, the special
files and the Python files whose names are not UTF-8, what init's planner and the config gate
read of the configuration from there, and the environment; a source file is read when a gate
checks it, through the snapshot. The gates themselves read nothing.
"""

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pyexpert_gates.data.snapshot import (
    SOURCE_SUFFIXES,
    FollowedFiles,
    ProjectFiles,
    ProjectSnapshot,
)
from pyexpert_gates.data.toml import is_table
from pyexpert_gates.errors import InputError
from pyexpert_gates.files import list_files, project_files, special_files, walk_paths
from pyexpert_gates.gates.governing import (
    RUFF_FILES,
    nested_ruff_configs,
    pyright_extends,
    ruff_extends,
)
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.init.plan import ask_planner
from pyexpert_gates.textfile import DiskReader, read_regular, toml_from
from pyexpert_gates.tools import PYPROJECT

CONFIG_NAMES = tuple(
    sorted({name for gate in GATES.values() for name in gate.config_files if "/" not in name})
)
"""The configuration files at the project root that the gates read."""


async def read_snapshot(
    project: Path, paths: tuple[str, ...], environ: Mapping[str, str]
) -> ProjectSnapshot:
    """Read what the gates need to know of ``project``, for a check of ``paths``.

    Args:
        project: The project root, absolute.
        paths: The paths the gates check, relative to the project root.
        environ: The environment pyexpert-gates runs in.

    Returns:
        The snapshot.
    """
    files = await list_files(project)
    return await asyncio.to_thread(_snapshot_of, project, paths, environ, files)


def take_snapshot(
    project: Path, paths: tuple[str, ...], environ: Mapping[str, str]
) -> ProjectSnapshot:
    """`read_snapshot` for callers outside an event loop (``adopt``, tests).

    Args:
        project: The project root, absolute.
        paths: The paths the gates check, relative to the project root.
        environ: The environment pyexpert-gates runs in.

    Returns:
        The snapshot.
    """
    return _snapshot_of(project, paths, environ, project_files(project))


def _snapshot_of(
    project: Path, paths: tuple[str, ...], environ: Mapping[str, str], files: ProjectFiles
) -> ProjectSnapshot:
    """The snapshot of ``project``, whose files are listed already: the rest is read here."""
    configs = {name: data for name in CONFIG_NAMES if (data := _bytes(project / name)) is not None}
    root = project.resolve()
    on_disk = {name for name in walk_paths(project, paths) if name.endswith(SOURCE_SUFFIXES)}
    return ProjectSnapshot(
        files=files,
        configs=MappingProxyType(configs),
        variables=MappingProxyType(dict(environ)),
        named=frozenset(path for path in paths if (project / path).is_file()),
        special=special_files(project, paths),
        undecodable=tuple(sorted(name for name in on_disk if not _decodes(name))),
        unlisted=tuple(sorted(on_disk.difference(files.files))),
        linked_out=frozenset(
            name for name in configs if not (project / name).resolve().is_relative_to(root)
        ),
        real_project=root,
        followed=_followed(project, paths, files, environ),
        sources=ProjectSources(project),
    )


@dataclass(frozen=True, slots=True)
class ProjectSources:
    """The `SourceReader` of a project on disk: it reads a file when a gate asks for it.

    Attributes:
        project: The project root.
    """

    project: Path

    def real_path(self, name: str) -> Path:
        """The real path of the file ``name``: absolute, its symlinks resolved.

        Args:
            name: The file, relative to the project root, POSIX separators.

        Returns:
            The real path.
        """
        return (self.project / name).resolve()

    def source(self, name: str) -> bytes:
        """The bytes of the regular file ``name``, under the read limit.

        Args:
            name: The file, relative to the project root, POSIX separators.

        Returns:
            The bytes.

        Raises:
            InputError: The file cannot be read, is not regular or is too large.
        """
        return read_regular(self.project / name, name)


def _followed(
    project: Path, paths: tuple[str, ...], files: ProjectFiles, environ: Mapping[str, str]
) -> FollowedFiles:
    """Ask the disk what the config gate asks of the files it follows, and keep the answers.

    The gate plans init's merge at the root and in each sub-folder whose ruff configuration
    governs a checked file, follows ruff's ``extend`` from every ruff configuration file there,
    and pyright's ``extends`` from ``pyproject.toml``. A file that cannot be read ends its walk
    here; the gate, asking the same questions, meets the same answer and reports it.
    """
    reader = DiskReader()
    folders = [project]
    with contextlib.suppress(InputError):
        nested = nested_ruff_configs(project, paths, files, reader)
        folders += [project / config.folder for config in nested]
    for folder in folders:
        reader.real_path(folder)
        ask_planner(folder, reader)
        for name in RUFF_FILES:
            with contextlib.suppress(InputError):
                ruff_extends(folder / name, environ, reader)
    with contextlib.suppress(InputError):
        _, document = toml_from(reader, project / PYPROJECT, PYPROJECT)
        tool = document.get("tool")
        pyright = tool.get("pyright") if is_table(tool) else None
        if is_table(pyright):
            pyright_extends(project / PYPROJECT, pyright, reader)
    return reader.answers()


def _bytes(path: Path) -> bytes | None:
    """A regular file's bytes; None when it is missing or cannot be read."""
    try:
        return read_regular(path, path.name) if path.is_file() else None
    except InputError:
        return None


def _decodes(name: str) -> bool:
    """True when ``name`` was valid UTF-8 on disk (reading it needed no escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
