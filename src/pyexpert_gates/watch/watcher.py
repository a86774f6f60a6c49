"""The watcher (watchfiles) and its fence: proof that every change before a moment has arrived.

The watcher puts each batch of changes under the project on a queue, sorted (`sort_changes`).
A cycle's report may be shown only when no file changed while the cycle ran, but the watcher
hands a change over some milliseconds after it happens: a change in a cycle's last moments could
arrive after its report was shown. So at the end of each cycle the watch writes a small file of
its own, the fence, inside the project. The kernel reports changes to the watcher in the order
they happened, so once the fence's change has arrived, every earlier change has arrived too.

The fence lives in the watch's own folder, ``.pyexpert-gates/cache``, beside pytest-testmon's
record; the folder holds a ``.gitignore`` so that git leaves both alone.
"""

import asyncio
import contextlib
import dataclasses
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath

import watchfiles

from pyexpert_gates.errors import InputError
from pyexpert_gates.files import list_files
from pyexpert_gates.gates.pytest import TESTMON_DATA
from pyexpert_gates.watch.changes import Changes, listed_only, sort_changes, watched

OWN_FOLDER = PurePosixPath(TESTMON_DATA).parent.as_posix()
"""The folder the watch writes to inside the project, where pytest-testmon keeps its record:
out of git, never through a link."""
OWN_FOLDER_PARENT = PurePosixPath(OWN_FOLDER).parent.as_posix()
FENCE = f"{OWN_FOLDER}/watch-fence"
_RECORD_ENDS = ("", "-journal", "-wal", "-shm")
"""The record's SQLite file and the journals SQLite keeps beside it."""
WAIT_S = 2.0
"""Seconds the watch waits for the fence to arrive before it shows the report anyway."""
DEBOUNCE_MS = 1600
"""Milliseconds watchfiles gathers changes for at most before it hands over a batch."""
STEP_MS = 50
"""Milliseconds without a new change after which watchfiles hands over the batch."""
GRACE_S = 0.25
"""Seconds the watch waits instead when it cannot write a fence: longer than the watcher's
step, so that a change from a cycle's last moments has mostly arrived."""
_IGNORE_EVERYTHING = "# Written by pyexpert-gates watch: its working files, never committed.\n*\n"


def own_folder(project: Path) -> Path | None:
    """The watch's folder in ``project``, created with its ``.gitignore`` if missing.

    Args:
        project: The project root.

    Returns:
        The folder; None when a part of it is a link (it might lead out of the project), is not
        a folder, or cannot be created.
    """
    folder = project / OWN_FOLDER
    for part in (folder.parent, folder):
        if part.is_symlink() or (part.exists() and not part.is_dir()):
            return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_new(folder / ".gitignore", _IGNORE_EVERYTHING)
    except FileExistsError:
        pass
    except OSError:
        return None
    return folder


def require_own_record(project: Path) -> None:
    """Refuse to let pytest-testmon write its record where a link or a special file would lead it.

    testmon writes the record (an SQLite file and its journals) itself, inside the pytest
    process, following links: so each is checked before the run.

    Args:
        project: The project root.

    Raises:
        InputError: The watch's folder, a folder above it, or a file of the record is a link,
            or a file of the record is not a regular file; the message names it.
    """
    names = (OWN_FOLDER_PARENT, OWN_FOLDER, *(f"{TESTMON_DATA}{end}" for end in _RECORD_ENDS))
    for name in names:
        path = project / name
        if path.is_symlink():
            message = (
                f"{name}: a symlink (to {path.resolve()}); pytest-testmon would write its record "
                "through it. Remove the link and run again"
            )
            raise InputError(message)
        if name.startswith(TESTMON_DATA) and path.exists() and not path.is_file():
            message = f"{name}: not a regular file; remove it and run again"
            raise InputError(message)


def _write_new(path: Path, text: str, *, replace: bool = False) -> None:
    """Write ``path``, never through a link; unless ``replace``, only when it does not exist."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (os.O_TRUNC if replace else os.O_EXCL)
    with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as stream:
        stream.write(text)


class Fence:
    """The fence of one watch: raised at the end of each cycle, passed when the watcher saw it."""

    __slots__ = ("_passed", "_project", "_raised")

    def __init__(self, project: Path) -> None:
        """Prepare the fence of a watch of ``project``; nothing is written yet.

        Args:
            project: The project root, absolute and resolved.
        """
        self._project = project
        self._passed = asyncio.Event()
        self._raised = 0

    @property
    def path(self) -> Path:
        """Where the fence is written."""
        return self._project / FENCE

    def seen(self) -> None:
        """Note that the watcher handed the fence's change over (every earlier one before it)."""
        self._passed.set()

    async def raise_and_pass(self) -> bool:
        """Write the fence and wait until the watcher hands its change over.

        Where the fence cannot be written (a linked or read-only folder), wait `GRACE_S`
        instead: a change from the last moments has then most likely arrived.

        Returns:
            True when the watcher handed the fence over; False when it could not be written, or
            did not arrive within `WAIT_S` (the watcher is not running yet, or is overloaded).
        """
        self._passed.clear()
        self._raised += 1
        if not self._write():
            await asyncio.sleep(GRACE_S)
            return False
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(WAIT_S):
                await self._passed.wait()
                return True
        return False

    def _write(self) -> bool:
        """Write the fence; False where it cannot be written."""
        if own_folder(self._project) is None:
            return False
        try:
            _write_new(self.path, f"{self._raised}\n", replace=True)
        except OSError:
            return False
        return True


async def watch_changes(project: Path, fence: Fence, queue: "asyncio.Queue[Changes]") -> None:
    """Put every batch of changes to the project's files on ``queue``; pass the ``fence``.

    Args:
        project: The project root, absolute and resolved.
        fence: The watch's fence, told when its change arrives (after the changes before it).
        queue: Where the batches go, sorted, each with the moment it arrived; changes to files
            no gate reads (editors' temporary files, files git ignores) are left out.
    """
    mark = str(fence.path)
    known = set((await list_files(project)).files)
    async for batch in _batches(project, mark):
        paths = {path for _, path in batch}
        changes = sort_changes(project, paths - {mark}, seen=time.monotonic())
        if changes.files and not _edited_in_place(project, changes.files, known):
            # A file git ignores (a build output, a log) is read by no gate: no cycle for it.
            listed = set((await list_files(project)).files)
            changes = dataclasses.replace(
                listed_only(changes, known | listed), listing=listed != known
            )
            known = listed
        if changes.files:
            queue.put_nowait(changes)
        if mark in paths:
            fence.seen()


def _edited_in_place(project: Path, names: tuple[str, ...], known: set[str]) -> bool:
    """True when every changed file was listed and still is a file: the list stays as it was.

    Git lists the same files until one is added or removed, so an ordinary save starts its
    cycle without asking git again.
    """
    return all(name in known and (project / name).is_file() for name in names)


def _batches(project: Path, fence: str) -> AsyncIterator[set[tuple[watchfiles.Change, str]]]:
    """The watcher's batches of changes in ``project``: skipped folders left out, the fence in."""
    # awatch's stop_event may be trio's Event, which pyright cannot resolve without trio.
    return watchfiles.awatch(  # pyright: ignore[reportUnknownMemberType]  # trio is optional
        project,
        watch_filter=lambda _, path: path == fence or watched(project, path),
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        recursive=True,
    )
