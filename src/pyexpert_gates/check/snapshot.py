"""Read a project's snapshot at the edge, once per run, before any gate runs.

Everything a gate knows of the project beyond its context's options comes from here: the one
list of files, the configuration files at the root, which named paths are files, the special
files and the Python files whose names are not UTF-8, and the environment. The gates
themselves read nothing.
"""

import asyncio
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from pyexpert_gates.data.snapshot import SOURCE_SUFFIXES, ProjectFiles, ProjectSnapshot
from pyexpert_gates.errors import InputError
from pyexpert_gates.files import list_files, project_files, special_files, walk_paths
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.textfile import read_regular

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
    )


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
