"""The project's files: the one list that every gate, the cache key and ``--changed-since`` use.

In a git work tree the project's files are those git tracks or would track (tracked, plus
untracked files it does not ignore), whatever their folders are called: a tracked ``build/``
package or ``tests/.fixtures/`` folder is as much the project as ``src/``. A listed entry that is
a folder (a symlink to a folder, a submodule) stands for its content, walked as below.

Outside git, the project is walked, and a folder is skipped only when every tool skips it by
default (`SKIPPED_FOLDERS`: ruff's default ``exclude`` that mypy and pyright, which skip every
hidden folder, skip too), or when it is a virtual environment (it holds ``pyvenv.cfg``). Folders
that only some tools skip (``build``, ``dist``, ``site-packages``...) are walked: a file that one
gate reads must be in that gate's key. Symlinked folders are followed, each real folder once.
"""

import asyncio
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.process import Command, ProcessOutput, run_command

SKIPPED_FOLDERS = frozenset(
    {
        ".bzr",
        ".direnv",
        ".eggs",
        ".git",
        ".git-rewrite",
        ".hg",
        ".ipynb_checkpoints",
        ".mypy_cache",
        ".nox",
        ".pants.d",
        ".pyenv",
        ".pytest_cache",
        ".pytype",
        ".ruff_cache",
        ".svn",
        ".tox",
        ".venv",
        ".vscode",
        "__pycache__",
        "node_modules",
    }
)
"""Folders that ruff, mypy and pyright all skip by default, outside git."""
GIT_TIME_LIMIT_S = 60.0


async def list_files(project: Path) -> ProjectFiles:
    """The project's files: git's list in a git work tree, else (or when git lists none) a walk.

    Args:
        project: The project root.

    Returns:
        The files.
    """
    command = Command(
        argv=("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"),
        cwd=project,
    )
    found: set[str] = set()
    match await run_command(command, time_limit=GIT_TIME_LIMIT_S):
        case ProcessOutput(returncode=0, stdout=listing):
            names = (name for name in listing.split("\0") if name)
            found = {name for listed in names for name in _expand(project, listed)}
        case _:
            pass
    if found:
        return ProjectFiles(files=tuple(sorted(found)), from_git=True)
    # Outside git, or a project git ignores as a whole (inside another repository's ignored
    # folder): the project is what is on disk.
    return ProjectFiles(files=tuple(sorted(set(walk(project, "")))), from_git=False)


def project_files(project: Path) -> ProjectFiles:
    """`list_files` for callers outside an event loop (an in-process gate, the worker).

    Args:
        project: The project root.

    Returns:
        The files.
    """
    return asyncio.run(list_files(project))


def _expand(project: Path, listed: str) -> Iterator[str]:
    """A file git listed, or the content of a folder it listed; nothing for a missing one."""
    path = project / listed
    if path.is_dir():
        if not _around(path, project):
            yield from walk(project, listed)
    elif path.is_file():
        yield listed


def walk(project: Path, start: str) -> Iterator[str]:
    """Every file under the folder ``start``, outside the folders every tool skips.

    Symlinked folders are followed; a real folder reached twice (a symlink loop) is walked once.

    Args:
        project: The project root.
        start: The folder, relative to the project root (empty for the root).

    Yields:
        The files, relative to the project root, POSIX separators.
    """
    seen: set[tuple[int, int]] = set()
    for folder, folders, names in os.walk(project / start, followlinks=True):
        base = Path(folder)
        try:
            status = base.stat()
        except OSError:  # removed while the walk ran
            continue
        if (status.st_dev, status.st_ino) in seen:
            folders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        folders[:] = [
            name
            for name in folders
            if not skipped(base / name) and not _around(base / name, project)
        ]
        for name in names:
            # Not only regular files: a FIFO or a device where a source should be is listed,
            # so that the gates that read it say so instead of passing over it.
            if not (base / name).is_dir():
                yield (base / name).relative_to(project).as_posix()


def _around(folder: Path, project: Path) -> bool:
    """True for a symlinked folder that holds the project (``/``, a parent): never walked.

    Args:
        folder: A folder reached inside the project.
        project: The project root.

    Returns:
        Whether walking it would walk the project again, or far more than the project.
    """
    return folder.is_symlink() and project.resolve().is_relative_to(folder.resolve())


def skipped(folder: Path) -> bool:
    """True for a folder that no walk looks into: one every tool skips, or an environment.

    Args:
        folder: The folder.

    Returns:
        Whether it is skipped.
    """
    return folder.name in SKIPPED_FOLDERS or (folder / "pyvenv.cfg").is_file()


def unreadable(project: Path, paths: Iterable[str]) -> tuple[str, ...]:
    """The files and folders inside ``paths`` that cannot be read, relative to the project.

    A gate cannot check what it cannot read, and some tools pass silently over such a file, so
    the caller makes every gate an error instead.

    Args:
        project: The project root.
        paths: The configured paths, relative to the project root.

    Returns:
        The paths that cannot be read, sorted; empty when everything can be.
    """
    found: set[str] = set()
    for path in paths:
        root = project / path
        if not root.exists():
            continue
        if not os.access(root, os.R_OK) or (root.is_dir() and not os.access(root, os.X_OK)):
            found.add(PurePosixPath(path).as_posix())
            continue
        for folder, folders, names in os.walk(root):
            base = Path(folder)
            folders[:] = [name for name in folders if not skipped(base / name)]
            for name in (*folders, *names):
                entry = base / name
                if not entry.exists():  # a dangling symlink: nothing there to read
                    continue
                readable = os.access(entry, os.R_OK)
                if not readable or (entry.is_dir() and not os.access(entry, os.X_OK)):
                    found.add(entry.relative_to(project).as_posix())
    return tuple(sorted(found))


def special_files(project: Path, paths: Iterable[str]) -> tuple[str, ...]:
    """The FIFOs, sockets and devices inside ``paths``, relative to the project, sorted.

    git lists none of them, but a tool walking a folder opens every ``*.py`` in it, and opening
    a FIFO waits for a writer that never comes: the gates keep such files from every tool and
    report them. The walk follows the rules of `walk` (symlinked folders once, skipped folders).

    Args:
        project: The project root.
        paths: The configured paths, relative to the project root (none for the whole project).

    Returns:
        The paths of the special files, a symlink to one included.
    """
    return tuple(sorted({name for name in walk_paths(project, paths) if _special(project / name)}))


def walk_paths(project: Path, paths: Iterable[str]) -> Iterator[str]:
    """Every file inside ``paths`` on disk, walked as `walk` does; a path that is no folder: itself.

    Args:
        project: The project root.
        paths: The configured paths, relative to the project root (none for the whole project).

    Yields:
        The files, relative to the project root; one inside two of the paths comes twice.
    """
    for path in tuple(paths) or (".",):
        if (project / path).is_dir():
            yield from walk(project, "" if path == "." else path)
        else:
            yield path


def _special(path: Path) -> bool:
    """True for a FIFO, socket or device (followed through symlinks); False for a missing one."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)
