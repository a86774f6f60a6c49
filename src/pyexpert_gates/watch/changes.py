"""What a batch of changed files means for the next cycle: which are sources, configuration.

Pure: the watcher hands over paths, this module sorts them. Nothing here reads a file.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyexpert_gates.cache.inputs import CONFIG_FILES
from pyexpert_gates.files import SKIPPED_FOLDERS, SOURCE_SUFFIXES

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """The files changed since the last cycle started, sorted by what they touch.

    Attributes:
        files: Every changed file, relative to the project root, POSIX separators, sorted.
        configuration: True when a tool's configuration changed: the gates are planned again
            and the resident tools restart.
        environment: True when a lock or requirements file changed: every test runs.
        seen: When the watcher handed the last of them over, in `time.monotonic` seconds.
    """

    files: tuple[str, ...]
    configuration: bool = False
    environment: bool = False
    seen: float = 0.0

    @property
    def sources(self) -> tuple[str, ...]:
        """The changed Python files."""
        return tuple(name for name in self.files if name.endswith(SOURCE_SUFFIXES))


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


def watched(project: Path, path: str | Path) -> bool:
    """Whether a change to ``path`` concerns the gates.

    Args:
        project: The project root, absolute and resolved.
        path: A path the watcher saw change.

    Returns:
        False for paths in hidden, cache and build folders (the tools' own caches among them),
        except the configuration files kept in ``.pyexpert-gates``.
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
    if SKIPPED_FOLDERS.intersection(name.parts[:-1]) or hidden:
        return None
    return text
