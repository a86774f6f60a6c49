"""Gather the parts of a cache key: which files a gate reads, their contents, the tools' versions.

A gate's key must change whenever its result could, so the file lists err on the side of too
much: a file-level gate reads every file under its paths (not only Python files) and the tools'
configuration files at the project root; a whole-program gate (mypy, pyright, pytest) reads every
file of the project that git knows (tracked or untracked, not ignored) and everything under the
paths, or, outside git, every file of the project outside hidden, cache and build folders.
"""

import functools
import hashlib
import importlib.metadata
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from pyexpert_gates.cache.key import digest_files
from pyexpert_gates.errors import InputError
from pyexpert_gates.gates.expert import skipped_folder
from pyexpert_gates.models import GateName
from pyexpert_gates.presets import preset_folder
from pyexpert_gates.process import Command, ProcessOutput, run_command
from pyexpert_gates.textfile import read_regular

CONFIG_FILES = (
    "pyproject.toml",
    "ruff.toml",
    ".ruff.toml",
    "mypy.ini",
    ".mypy.ini",
    "pyrightconfig.json",
    "setup.cfg",
    "tox.ini",
    "pytest.ini",
    ".pytest.ini",
    "conftest.py",
)
"""The files at the project root where the tools read their settings (or pytest its fixtures)."""

WHOLE_PROGRAM = frozenset({GateName.MYPY, GateName.PYRIGHT, GateName.PYTEST})
"""Gates whose result depends on the whole project and on the installed distributions."""

TOOLS = {
    GateName.RUFF: ("ruff",),
    GateName.FORMAT: ("ruff",),
    GateName.MYPY: ("mypy",),
    GateName.PYRIGHT: ("pyright",),
    GateName.DOCSTRINGS: ("pydoclint",),
}
"""The distributions each gate runs from the interpreter of pyexpert-gates. pytest runs in the
project's environment, whose distributions are part of its key already."""

VARIABLE_PREFIXES = ("PYTHON", "MYPY", "PYRIGHT", "RUFF", "PYTEST", "VIRTUAL_ENV", "CI")
"""Environment variables with these prefixes can change a tool's result, so they are in the key."""

GIT_TIME_LIMIT_S = 60.0
_ENGINE_SUFFIXES = frozenset({".py", ".toml", ".json"})


@dataclass(frozen=True, slots=True)
class ContentDigests:
    """The content digest of each file, each file read at most once per run.

    Attributes:
        known: The digests computed so far, by path.
    """

    known: dict[Path, str] = field(default_factory=dict[Path, str])

    def digest(self, project: Path, paths: Iterable[str]) -> str:
        """One digest of the paths and contents of ``paths``.

        Args:
            project: The project root.
            paths: Files relative to the project, POSIX separators.

        Returns:
            A hexadecimal digest.
        """
        return digest_files((path, self._content(project, project / path)) for path in paths)

    def _content(self, project: Path, path: Path) -> str:
        """The digest of one file's content; an unreadable file has a digest of its own."""
        if path not in self.known:
            try:
                data = read_regular(path, path.relative_to(project).as_posix())
            except InputError as error:
                # A FIFO would hang every tool and /dev/zero would never end: refuse the run.
                if not path.is_file() and path.exists():
                    raise
                self.known[path] = f"unreadable: {error.message}"
            else:
                self.known[path] = hashlib.blake2b(data, digest_size=20).hexdigest()
        return self.known[path]


def config_files(project: Path) -> list[str]:
    """The configuration files that exist at the project root.

    Args:
        project: The project root.

    Returns:
        Their names.
    """
    return [name for name in CONFIG_FILES if (project / name).is_file()]


def files_under(project: Path, paths: Iterable[str]) -> Iterator[str]:
    """Every file under ``paths``, outside hidden, cache and build folders and environments.

    Args:
        project: The project root.
        paths: Files and folders relative to the project.

    Yields:
        The files, relative to the project, POSIX separators.
    """
    for path in paths:
        root = project / path
        if root.is_file():
            yield PurePosixPath(path).as_posix()
        for folder, folders, names in os.walk(root) if root.is_dir() else ():
            base = Path(folder)
            folders[:] = [name for name in folders if not _ignored(base / name)]
            for name in names:
                yield (base / name).relative_to(project).as_posix()


def _ignored(folder: Path) -> bool:
    """True for a folder no key looks into: hidden, caches, build output, a virtual environment."""
    return skipped_folder(folder.name) or (folder / "pyvenv.cfg").is_file()


async def project_files(project: Path) -> list[str]:
    """Every file of the project that its tests or type checkers could read.

    Args:
        project: The project root.

    Returns:
        In a git work tree: the files git tracks or would track (not ignored), outside the
        folders `files_under` skips; elsewhere: every file `files_under` finds.
    """
    command = Command(
        argv=("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"),
        cwd=project,
    )
    match await run_command(command, time_limit=GIT_TIME_LIMIT_S):
        case ProcessOutput(returncode=0, stdout=listing):
            listed = (name for name in listing.split("\0") if name)
            return [name for name in listed if _kept(project, name)]
        case _:
            return list(files_under(project, (".",)))


def _kept(project: Path, name: str) -> bool:
    """True for a file git listed that exists and lies outside the skipped folders."""
    folders = PurePosixPath(name).parts[:-1]
    return not any(skipped_folder(folder) for folder in folders) and (project / name).is_file()


def tool_versions(gate: GateName) -> tuple[str, ...]:
    """The versions of the distributions ``gate`` runs from our own interpreter.

    Args:
        gate: The gate.

    Returns:
        ``name==version`` for each; ``name==missing`` for one that is not installed.
    """
    return tuple(f"{name}=={_version(name)}" for name in TOOLS.get(gate, ()))


def _version(distribution: str) -> str:
    """The installed version of ``distribution``, or ``missing``."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def tool_variables(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment variables that can change a tool's result.

    Args:
        environ: The environment pyexpert-gates runs with.

    Returns:
        The variables whose names start with one of `VARIABLE_PREFIXES`.
    """
    return {name: value for name, value in environ.items() if name.startswith(VARIABLE_PREFIXES)}


@functools.cache
def engine_digest() -> str:
    """The digest of pyexpert-gates itself: its code and its presets, as installed.

    A version number is not enough: an editable install changes without one.

    Returns:
        A hexadecimal digest.
    """
    package = Path(__file__).parent
    code = (
        (path.relative_to(package).as_posix(), path.read_bytes())
        for path in sorted(package.rglob("*"))
        if path.suffix in _ENGINE_SUFFIXES and "__pycache__" not in path.parts
    )
    presets = ((f"presets/{item.name}", item.read_bytes()) for item in _files(preset_folder()))
    return digest_files(
        (name, hashlib.blake2b(data, digest_size=20).hexdigest())
        for name, data in (*code, *presets)
    )


def _files(folder: Traversable) -> Iterator[Traversable]:
    """The files directly in ``folder``."""
    return (item for item in folder.iterdir() if item.is_file())
