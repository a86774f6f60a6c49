"""The copies ``fix`` works on, and the atomic write-back of the files that changed.

Every step runs on copies in a scratch folder, so no byte of the project changes before the last
step has succeeded, and ``--dry-run`` changes none at all. Each copy keeps its path relative to
the project and its permissions, beside the configuration files ruff reads on the way up to the
project root and the project's other Python files (empty), so ruff sees what it sees in place.
"""

import shutil
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from pyexpert_gates.fix.outcome import FileChange, Problem
from pyexpert_gates.textfile import UnwritableFileError, require_writable, write_bytes_atomic
from pyexpert_gates.tools import ruff


def own_files(
    project: Path, listed: Iterable[str], *, suffixes: tuple[str, ...] = (".py", ".pyi")
) -> list[str]:
    """The listed files that ``fix`` may rewrite: regular files inside the project.

    Args:
        project: The project root, absolute.
        listed: Paths relative to the project.
        suffixes: The endings of the files to keep.

    Returns:
        The files with those endings that are neither symlinks nor outside the project, sorted.
    """
    root = project.resolve()
    return sorted(
        {
            name
            for name in listed
            if name.endswith(suffixes)
            and not (project / name).is_symlink()
            and (project / name).is_file()
            and (project / name).resolve().is_relative_to(root)
        }
    )


def copy_into(
    project: Path, scratch: Path, files: Iterable[str], *, layout: Iterable[str] = ()
) -> dict[str, bytes]:
    """Copy ``files`` and the ruff configuration around them into ``scratch``.

    Each copy keeps its file's permissions (ruff's EXE rules read the executable bit), and can
    be written. The project's other Python files are laid out as empty files, because ruff tells
    the project's own modules from third-party ones by what its ``src`` folders hold: without
    them, ``fix`` would sort a ``scripts`` import among third-party ones, and ``check`` in the
    project would call that unsorted.

    Args:
        project: The project root.
        scratch: An empty folder.
        files: Paths relative to the project.
        layout: The project's Python files, relative to it; those not copied are made empty.

    Returns:
        Each file's bytes as they were when copied.
    """
    originals: dict[str, bytes] = {}
    folders: set[PurePosixPath] = set()
    for name in files:
        data = (project / name).read_bytes()
        (scratch / name).parent.mkdir(parents=True, exist_ok=True)
        (scratch / name).write_bytes(data)
        mode = stat.S_IMODE((project / name).stat().st_mode)
        (scratch / name).chmod(mode | stat.S_IRUSR | stat.S_IWUSR)
        originals[name] = data
        folders.update(PurePosixPath(name).parents)
    for name in set(layout) - set(originals):
        (scratch / name).parent.mkdir(parents=True, exist_ok=True)
        (scratch / name).touch()
    for folder in folders:
        for config in ruff.CONFIG_FILES:
            source = project / folder / config
            if source.is_file() and not source.is_symlink():
                (scratch / folder).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, scratch / folder / config)
    return originals


def write_back(project: Path, changes: Iterable[FileChange]) -> list[Problem]:
    """Replace each changed file atomically, unless it changed on disk during the run.

    Args:
        project: The project root.
        changes: The files to write.

    Returns:
        The files that were left as they were, and why: every file when one is refused (a
        read-only file, a link out of the project), so that nothing else is written.
    """
    changes = list(changes)
    refused: list[Problem] = []
    for change in changes:
        try:
            require_writable(project / change.path, within=project)
        except UnwritableFileError as error:
            reason = f"cannot be written: {error.strerror}; no file was written"
            refused.append(Problem(path=change.path, line=None, column=None, reason=reason))
    if refused:
        return refused
    problems: list[Problem] = []
    for change in changes:
        target = project / change.path
        try:
            if target.read_bytes() != change.before:
                reason = "the file changed while fix ran; it was left as it is now, run fix again"
                problems.append(Problem(path=change.path, line=None, column=None, reason=reason))
                continue
            write_bytes_atomic(target, change.after, within=project)
        except OSError as error:
            reason = f"cannot write the file ({error.strerror or error}); it was left as it was"
            problems.append(Problem(path=change.path, line=None, column=None, reason=reason))
    return problems


def read_copies(scratch: Path, files: Iterable[str]) -> Mapping[str, bytes]:
    """The bytes of each copy as the steps left them.

    Args:
        scratch: The scratch folder.
        files: Paths relative to it.

    Returns:
        The bytes by path.
    """
    return {name: (scratch / name).read_bytes() for name in files}
