"""What the gates know of a project: its files, configuration and environment, read once.

The edge (`pyexpert_gates.check.snapshot`) reads a `ProjectSnapshot` before any gate runs; the
gates are functions of it, so none of them lists files, reads a configuration file or looks at
the environment on its own.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import NoReturn, Protocol

from pyexpert_gates.errors import InputError

SOURCE_SUFFIXES = (".py", ".pyi")
"""The files the Python tools read as source."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectFiles:
    """Every file of a project, relative to its root with POSIX separators.

    Attributes:
        files: The files, sorted, each once.
        from_git: True when git listed them, False when the project was walked.
    """

    files: tuple[str, ...]
    from_git: bool

    def under(self, paths: Iterable[str]) -> tuple[str, ...]:
        """The files inside ``paths`` (files or folders; ``.`` or none for every file).

        Args:
            paths: Paths relative to the project root.

        Returns:
            The files, sorted.
        """
        roots = tuple(PurePosixPath(path) for path in paths) or (PurePosixPath(),)
        return tuple(name for name in self.files if inside(name, roots))

    def sources(self, paths: Iterable[str]) -> tuple[str, ...]:
        """The Python source files inside ``paths``.

        Args:
            paths: Paths relative to the project root.

        Returns:
            The files, sorted.
        """
        return tuple(name for name in self.under(paths) if name.endswith(SOURCE_SUFFIXES))


def inside(name: str, roots: tuple[PurePosixPath, ...]) -> bool:
    """True when the file ``name`` is one of ``roots`` or lies under one.

    Args:
        name: A file, relative to the project root.
        roots: Files and folders relative to the project root; ``.`` is the whole project.

    Returns:
        Whether the file is inside.
    """
    path = PurePosixPath(name)
    return any(root == PurePosixPath() or path.is_relative_to(root) for root in roots)


class ConfigReader(Protocol):
    """Answers the questions the config gate asks of the files it follows, by path."""

    def holds_folder(self, path: Path) -> bool:
        """Whether ``path`` is a folder (or a symlink to one).

        Args:
            path: The path.

        Returns:
            True for a folder.
        """
        ...

    def holds_file(self, path: Path) -> bool:
        """Whether ``path`` is a regular file (or a symlink to one).

        Args:
            path: The path.

        Returns:
            True for a regular file.
        """
        ...

    def real_path(self, path: Path) -> Path:
        """``path`` absolute, with its symlinks resolved.

        Args:
            path: The path.

        Returns:
            The real path.
        """
        ...

    def content(self, path: Path, label: str) -> bytes | None:
        """The bytes of the regular file ``path``.

        Args:
            path: The path.
            label: The file's name in messages.

        Returns:
            The bytes; None when nothing, not even a link, is there.

        Raises:
            InputError: The file cannot be read, is not regular or is too large; the message
                names it by ``label`` and says the fix.
        """
        ...

    def home_of(self, path: str) -> str:
        """``path`` with a leading ``~`` or ``~user`` replaced by that user's home folder.

        Args:
            path: A path that starts with ``~``.

        Returns:
            The path expanded; as written when the user is unknown.
        """
        ...

    def entries(self, folder: Path) -> tuple[str, ...] | None:
        """The names in ``folder``.

        Args:
            folder: The folder.

        Returns:
            The names, sorted; None when the folder cannot be listed.
        """
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowedFiles:
    """What the edge found at each path the config gate follows: a `ConfigReader` of answers.

    The config gate reads ruff's configurations in sub-folders and the files ruff's ``extend``
    and pyright's ``extends`` name, outside the project too; the edge asks the same questions
    of the disk first and keeps the answers here, so the gate reads nothing itself.

    Attributes:
        folders: The paths that are folders.
        files: The paths that are regular files.
        real: Each path the gate resolves, with its symlinks resolved.
        contents: The bytes of each file read; a path with nothing there is absent.
        unreadable: Why each file that could not be read was not, by path (the message
            without the file's name, which the reader's caller chooses).
        listings: The names in each folder listed.
        homes: Each path that starts with ``~``, expanded.
    """

    folders: frozenset[Path] = frozenset()
    files: frozenset[Path] = frozenset()
    real: Mapping[Path, Path] = field(default_factory=lambda: MappingProxyType({}))
    contents: Mapping[Path, bytes] = field(default_factory=lambda: MappingProxyType({}))
    unreadable: Mapping[Path, str] = field(default_factory=lambda: MappingProxyType({}))
    listings: Mapping[Path, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    homes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def holds_folder(self, path: Path) -> bool:
        """Whether the edge found a folder at ``path``.

        Args:
            path: The path.

        Returns:
            True for a folder.
        """
        return path in self.folders

    def holds_file(self, path: Path) -> bool:
        """Whether the edge found a regular file at ``path``.

        Args:
            path: The path.

        Returns:
            True for a regular file.
        """
        return path in self.files

    def real_path(self, path: Path) -> Path:
        """``path`` as the edge resolved it.

        Args:
            path: The path.

        Returns:
            The real path; ``path`` itself when the edge did not resolve it.
        """
        return self.real.get(path, path)

    def content(self, path: Path, label: str) -> bytes | None:
        """The bytes the edge read at ``path``.

        Args:
            path: The path.
            label: The file's name in messages.

        Returns:
            The bytes; None when nothing was there.

        Raises:
            InputError: The edge could not read the file; the message names it by ``label``.
        """
        if path in self.unreadable:
            msg = f"{label}: {self.unreadable[path]}"
            raise InputError(msg)
        return self.contents.get(path)

    def home_of(self, path: str) -> str:
        """``path`` as the edge expanded it.

        Args:
            path: A path that starts with ``~``.

        Returns:
            The path expanded; as written when the edge did not expand it.
        """
        return self.homes.get(path, path)

    def entries(self, folder: Path) -> tuple[str, ...] | None:
        """The names the edge found in ``folder``.

        Args:
            folder: The folder.

        Returns:
            The names, sorted; None when the edge could not list it.
        """
        return self.listings.get(folder)


class SourceReader(Protocol):
    """Reads a source file when a gate checks it: a check replayed from cache reads none."""

    def real_path(self, name: str) -> Path:
        """The real path of the file ``name``: absolute, its symlinks resolved.

        Args:
            name: The file, relative to the project root, POSIX separators.

        Returns:
            The real path.
        """
        ...

    def source(self, name: str) -> bytes:
        """The bytes of the regular file ``name``.

        Args:
            name: The file, relative to the project root, POSIX separators.

        Returns:
            The bytes.

        Raises:
            InputError: The file cannot be read, is not regular or is too large; the message
                names it and says the fix.
        """
        ...


@dataclass(frozen=True, slots=True)
class NoSources:
    """The `SourceReader` of a snapshot not read from a project: it holds no source."""

    def real_path(self, name: str) -> Path:
        """``name`` as it is: there is no project to resolve it in.

        Args:
            name: The file, relative to the project root, POSIX separators.

        Returns:
            The path as given.
        """
        return Path(name)

    def source(self, name: str) -> NoReturn:
        """Refuse: there is no project to read ``name`` from.

        Args:
            name: The file, relative to the project root, POSIX separators.

        Raises:
            InputError: Always.
        """
        msg = f"{name}: cannot read the file: no project was read; check a project on disk"
        raise InputError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectSnapshot:
    """A project as the gates see it, read once at the edge.

    Attributes:
        files: The project's one list of files (`pyexpert_gates.files`).
        configs: The bytes of each configuration file at the project root that a gate reads,
            by name; a missing or unreadable one is absent.
        variables: The environment pyexpert-gates runs in (``PYTEST_ADDOPTS``; a ruff
            ``extend`` may name any variable).
        named: The checked paths that are regular files on disk: a file named on its own is
            checked even when git ignores it, so it is not always in ``files``.
        special: The FIFOs, sockets and devices inside the checked paths, sorted: git lists
            none of them, so they are walked for.
        undecodable: The Python files inside the checked paths whose names are not UTF-8 (as
            read with ``surrogateescape``): git lists none of them, so they are walked for.
        unlisted: The Python files inside the checked paths that ``files`` leaves out, sorted:
            those git ignores (the ``version.py`` a build back end writes), which mypy, pyright
            and pytest read all the same, so they are in those gates' cache keys.
        linked_out: The names among ``configs`` that are symlinks to a file outside the project.
        real_project: The project root with its symlinks resolved, where a tool may print
            paths; None when it is the root as given.
        followed: The sub-folders' ruff configurations and the files the configurations
            extend, as the edge found them.
        sources: Reads each source file a gate checks, when it checks it.
    """

    files: ProjectFiles
    configs: Mapping[str, bytes]
    variables: Mapping[str, str]
    named: frozenset[str] = frozenset()
    special: tuple[str, ...] = ()
    undecodable: tuple[str, ...] = ()
    unlisted: tuple[str, ...] = ()
    linked_out: frozenset[str] = frozenset()
    real_project: Path | None = None
    followed: ConfigReader = FollowedFiles()
    sources: SourceReader = NoSources()
