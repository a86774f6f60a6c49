"""Gather the parts of a cache key: which files a gate reads, their contents, the tools' versions.

A gate's key must change whenever its result could, so the file lists err on the side of too
much. The project's files are those `pyexpert_gates.files` lists for every gate. A file-level gate
reads every project file under its paths (not only Python files) and every configuration file:
nested ones, those in the folders above the project, the user's own. A whole-program gate (mypy,
pyright, pytest) reads every file of the project, the configuration files, and the sources of
the editable installs in the project's environment.
"""

import functools
import hashlib
import importlib.metadata
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pyexpert_gates.cache.key import digest_files
from pyexpert_gates.cache.references import referenced_files
from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.files import list_files
from pyexpert_gates.gates.registry import GATE_TRAITS, GATES
from pyexpert_gates.models import GateName
from pyexpert_gates.presets import preset_contents
from pyexpert_gates.tools import mypy, ruff

CONFIG_FILES = frozenset(name for gate in GATES.values() for name in gate.config_files)
"""The names of the files where the tools read their settings (or pytest its fixtures)."""

OWN_FOLDER = ".pyexpert-gates"
"""The tool's own folder in a project: the baseline, init's record, scratch files."""

VARIABLE_PREFIXES = ("PYTHON", "MYPY", "PYRIGHT", "RUFF", "PYTEST", "VIRTUAL_ENV", "CI")
"""Environment variables with these prefixes can change a tool's result, so they are in the key."""

_ENGINE_SUFFIXES = frozenset({".py", ".toml", ".json"})


@dataclass(slots=True)
class ContentDigests:
    """The content digest of each file, each file read at most once per run.

    It is a memo that fills as the run reads files, so it is mutable on purpose.

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
        return digest_files((path, self._content(project / path)) for path in paths)

    def _content(self, path: Path) -> str:
        """The digest of one file's content, read in chunks; anything else has its own digest.

        A file that cannot be read, or is not a regular file (a FIFO or a device put where a
        file was), is never read: it gets a digest that says so.
        """
        if path not in self.known:
            try:
                descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
                with os.fdopen(descriptor, "rb") as stream:
                    if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                        self.known[path] = "not a regular file"
                        return self.known[path]
                    digest = hashlib.file_digest(stream, _content_digest)
            except OSError as error:
                self.known[path] = f"unreadable: {error.errno}"
            else:
                self.known[path] = digest.hexdigest()
        return self.known[path]


def _content_digest() -> hashlib.blake2b:
    """A new digest of a file's content."""
    return hashlib.blake2b(digest_size=20)


def config_files(project: Path, files: ProjectFiles, environ: Mapping[str, str]) -> list[str]:
    """Every configuration file the tools may read for this project, wherever it lives.

    Args:
        project: The project root, absolute.
        files: The project's files.
        environ: The environment, for the user's configuration folder.

    Returns:
        Those inside the project (at any depth: ruff and pytest read nested ones) relative to
        its root; those in the folders above it and the user's own, as absolute paths; and
        the files these name as more configuration (see `references`).
    """
    nested = [
        name for name in files.files if CONFIG_FILES.intersection({name, PurePosixPath(name).name})
    ]
    above = (folder / name for folder in project.resolve().parents for name in CONFIG_FILES)
    outside = (path for path in (*above, *user_config_files(environ)) if path.is_file())
    found = [*nested, *(path.as_posix() for path in outside)]
    return [*found, *referenced_files(project, found)]


def without_own_state(paths: Iterable[str]) -> list[str]:
    """The paths less the tool's own files, which only the config gate and the baseline read.

    Recording a baseline or init's record must not make mypy, pyright or pytest run again.

    Args:
        paths: Files relative to the project (or absolute), POSIX separators.

    Returns:
        Those outside every ``.pyexpert-gates`` folder, in order.
    """
    return [path for path in paths if OWN_FOLDER not in PurePosixPath(path).parts]


def user_config_files(environ: Mapping[str, str]) -> tuple[Path, ...]:
    """The user-level configuration files of ruff and mypy.

    Args:
        environ: The environment (``XDG_CONFIG_HOME``, ``HOME``).

    Returns:
        The files each tool looks for, present or not.
    """
    home = Path(environ.get("HOME", "~")).expanduser()
    configured = environ.get("XDG_CONFIG_HOME", "")
    config = Path(configured) if Path(configured).is_absolute() else home / ".config"
    return (*ruff.user_config_files(config), *mypy.user_config_files(home, config))


async def editable_files(folders: Iterable[str], project: Path) -> list[str]:
    """The files of the editable installs outside the project, as absolute paths.

    Args:
        folders: The source folders of the environment's editable installs.
        project: The project root, whose own files are in the key already.

    Returns:
        Every file of each folder, as `pyexpert_gates.files` lists a project's files.
    """
    outside = [folder for folder in map(Path, folders) if _outside(folder, project)]
    found: list[str] = []
    for folder in outside:
        listed = await list_files(folder)
        found.extend((folder / name).as_posix() for name in listed.files)
    return found


def _outside(folder: Path, project: Path) -> bool:
    """True for an existing folder outside the project."""
    return folder.is_dir() and not folder.resolve().is_relative_to(project.resolve())


def tool_versions(gate: GateName) -> tuple[str, ...]:
    """The versions of the distributions ``gate`` runs from our own interpreter.

    Args:
        gate: The gate.

    Returns:
        ``name==version`` for each; ``name==missing`` for one that is not installed.
    """
    return tuple(f"{name}=={_version(name)}" for name in GATE_TRAITS[gate].distributions)


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
    package = Path(__file__).parents[1]  # the whole pyexpert_gates package
    code = (
        (path.relative_to(package).as_posix(), path.read_bytes())
        for path in sorted(package.rglob("*"))
        if path.suffix in _ENGINE_SUFFIXES and "__pycache__" not in path.parts
    )
    presets = ((f"presets/{name}", data) for name, data in preset_contents())
    return digest_files(
        (name, hashlib.blake2b(data, digest_size=20).hexdigest())
        for name, data in (*code, *presets)
    )
