"""What the gates know of a project: its files, configuration and environment, read once.

The edge (`pyexpert_gates.check.snapshot`) reads a `ProjectSnapshot` before any gate runs; the
gates are functions of it, so none of them lists files, reads a configuration file or looks at
the environment on its own.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

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
