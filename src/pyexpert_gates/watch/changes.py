"""What a batch of changed files means for the next cycle: which are sources, configuration.

Pure: the watcher hands over paths, this module sorts them. Nothing here reads a file.
"""

import dataclasses
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyexpert_gates.cache.inputs import CONFIG_FILES
from pyexpert_gates.data.snapshot import SOURCE_SUFFIXES
from pyexpert_gates.files import SKIPPED_FOLDERS

ENVIRONMENT_FILES = (
    "uv.lock",
    "poetry.lock",
    "pdm.lock",
    "Pipfile.lock",
    "requirements.txt",
    "constraints.txt",
)
"""Files at the project root that say which distributions the environment holds."""

BASELINE_FILE = ".pyexpert-gates/baseline.json"
"""The baseline is read again by every cycle, so a change to it starts one."""

EDITOR_SCRATCH = re.compile(
    r"""(?x)
    ~$                                  # backups: emacs, vim's backupext, gedit
    | \.(swp|swo|swx|swn|kate-swp|tmp|bak|orig|rej)$   # swap, temporary, backup, patch leftovers
    | \.tmp\.[0-9A-Za-z]+$               # atomic-save temporaries (file.py.tmp.1234)
    | ^4913$                             # vim's probe that a folder is writable
    | ^\#.*\#$                            # emacs auto-save
    | ___jb_(tmp|old)___$                # JetBrains safe write
    | ^\.goutputstream-                  # GNOME safe write
    | ^sed[0-9A-Za-z]{6}$                # sed -i's temporary
    """
)
"""Names of the files editors and tools write beside the one being saved: no gate reads them."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """The files changed since the last cycle started, sorted by what they touch.

    Attributes:
        files: Every changed file, relative to the project root, POSIX separators, sorted.
        configuration: True when a tool's configuration changed: the gates are planned again
            and the resident tools restart.
        environment: True when a lock or requirements file changed: every test runs.
        seen: When the watcher handed the last of them over, in `time.monotonic` seconds.
        listing: True when a file was added to the project's files or removed from them.
    """

    files: tuple[str, ...]
    configuration: bool = False
    environment: bool = False
    seen: float = 0.0
    listing: bool = False

    @property
    def sources(self) -> tuple[str, ...]:
        """The changed Python files."""
        return tuple(name for name in self.files if name.endswith(SOURCE_SUFFIXES))

    @property
    def sources_only(self) -> bool:
        """True when the changes can alter no setting: Python files edited in place, no more.

        The settings, and which files each one governs, are then what they were, so a verdict
        on the settings alone (the config gate's) still stands.
        """
        return not (self.configuration or self.environment or self.listing) and all(
            name.endswith(SOURCE_SUFFIXES) for name in self.files
        )


def sort_changes(project: Path, paths: Iterable[str | Path], *, seen: float = 0.0) -> Changes:
    """Sort the absolute ``paths`` the watcher reported under ``project``.

    Args:
        project: The project root, absolute and resolved.
        paths: The changed paths, as the watcher reports them.
        seen: When the watcher handed them over, in `time.monotonic` seconds.

    Returns:
        The changes, relative to the project.
    """
    names: set[str] = set()
    for path in paths:
        relative = _relative(project, Path(path))
        if relative is not None:
            names.add(relative)
    files = tuple(sorted(names))
    return Changes(
        files=files,
        configuration=any(name in CONFIG_FILES for name in files),
        environment=any(name in ENVIRONMENT_FILES for name in files),
        seen=seen,
    )


def listed_only(changes: Changes, listed: Collection[str]) -> Changes:
    """``changes`` without the files no gate reads: those the project's file list leaves out.

    Args:
        changes: A batch of changes.
        listed: The project's files before and after the batch (a deleted file was listed
            before), as the one file walker lists them (git's list: ignored files are out).

    Returns:
        The changes to files a gate reads, configuration and the baseline always among them.
    """
    kept = tuple(
        name
        for name in changes.files
        if name in listed or name in CONFIG_FILES or name == BASELINE_FILE
    )
    return dataclasses.replace(
        changes,
        files=kept,
        configuration=any(name in CONFIG_FILES for name in kept),
        environment=any(name in ENVIRONMENT_FILES for name in kept),
    )


def watched(project: Path, path: str | Path) -> bool:
    """Whether a change to ``path`` concerns the gates.

    Args:
        project: The project root, absolute and resolved.
        path: A path the watcher saw change.

    Returns:
        False for paths in hidden, cache and build folders (the tools' own caches among them),
        except the configuration files kept in ``.pyexpert-gates``, and for the temporary and
        backup files editors write beside the file they save.
    """
    return _relative(project, Path(path)) is not None


def _relative(project: Path, path: Path) -> str | None:
    """``path`` relative to ``project``, or None when it is outside or in a skipped folder."""
    try:
        name = PurePosixPath(path.relative_to(project).as_posix())
    except ValueError:
        return None
    text = name.as_posix()
    if text in CONFIG_FILES or text == BASELINE_FILE:
        return text
    hidden = any(part.startswith(".") for part in name.parts)
    if SKIPPED_FOLDERS.intersection(name.parts[:-1]) or hidden or EDITOR_SCRATCH.search(name.name):
        return None
    return text
