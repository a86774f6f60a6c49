"""Processes a gate left behind outside its process group, and how they are ended.

A test that starts a server with ``setsid``, or a daemon that double-forks, leaves the gate's
process group: killing the group misses it. On Linux, pyexpert-gates makes itself a child
subreaper, so such orphans become its children instead of init's and stay findable. Each
command's processes carry a marker in their environment (`MARKER`); when the command ends, every
process still carrying its marker is killed, and when no command runs any more, every remaining
descendant is. Elsewhere, and for a process that both leaves the tree and clears its environment
while other gates still run, this is best effort (see the README).
"""

import contextlib
import ctypes
import functools
import os
import signal
import sys
import time
from collections.abc import Iterator

MARKER = "PYEXPERT_GATES_RUN"
"""The environment variable that tells a command's processes from the others'."""
_PR_SET_CHILD_SUBREAPER = 36
_ROUNDS = 50
"""Sweeps before giving up on processes that keep forking; each kill reparents their children."""
_PAUSE_S = 0.01
_PROC = "/proc"
_CHUNK = 65536


@functools.cache
def become_subreaper() -> bool:
    """Make this process adopt its orphaned descendants (Linux); once per process.

    Returns:
        True when orphans are now reparented to this process.
    """
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)


def end_strays(
    marker: str | None,
    *,
    running: frozenset[int] = frozenset(),
    residents: frozenset[int] = frozenset(),
) -> int:
    """Kill and reap the processes a command left behind.

    Args:
        marker: The command's marker value: its processes are ended. None for every descendant
            of this process, when no command runs any more.
        running: Processes started by commands still running, never touched.
        residents: The leaders of resident processes: they and their descendants are never
            touched, looked up again in each sweep, as they start children at any moment.

    Returns:
        How many processes were killed.
    """
    killed = 0
    for _ in range(_ROUNDS):
        table = _table()
        kept = running | _family(residents, table)
        found = [pid for pid in _strays(marker, table) if pid not in kept]
        if not found:
            break
        for pid in found:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        killed += len(found)
        time.sleep(_PAUSE_S)
        reap(running | _family(residents, _table()))
    return killed


def reap(running: frozenset[int] = frozenset()) -> None:
    """Collect the exit status of every dead orphan adopted by this process.

    Args:
        running: The processes that their own starters wait for.
    """
    me = os.getpid()
    for pid, (state, parent) in _table().items():
        if parent == me and state == "Z" and pid not in running:
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(pid, os.WNOHANG)


def _family(leaders: frozenset[int], table: dict[int, tuple[str, int]]) -> frozenset[int]:
    """The processes ``leaders`` and every descendant of theirs in ``table``."""
    return leaders | {
        pid for pid in table if any(_descends(pid, leader, table) for leader in leaders)
    }


def _strays(marker: str | None, table: dict[int, tuple[str, int]]) -> Iterator[int]:
    """Living processes of ``table`` that carry ``marker``, or every living descendant when None."""
    me = os.getpid()
    for pid, (state, _) in table.items():
        if state == "Z" or pid == me:
            continue
        found = _descends(pid, me, table) if marker is None else _carries(pid, marker)
        if found:
            yield pid


def _descends(pid: int, ancestor: int, table: dict[int, tuple[str, int]]) -> bool:
    """True when ``ancestor`` is among ``pid``'s parents."""
    seen: set[int] = set()
    while pid in table and pid not in seen:
        seen.add(pid)
        pid = table[pid][1]
        if pid == ancestor:
            return True
    return False


def _carries(pid: int, marker: str) -> bool:
    """True when process ``pid`` started with ``MARKER=marker`` in its environment."""
    try:
        environment = _read_proc(f"{pid}/environ")
    except OSError:
        return False
    return f"{MARKER}={marker}".encode() in environment.split(b"\0")


def _table() -> dict[int, tuple[str, int]]:
    """Every visible process: its state letter and its parent."""
    table: dict[int, tuple[str, int]] = {}
    with contextlib.suppress(OSError), os.scandir(_PROC) as entries:
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                fields = _read_proc(f"{entry.name}/stat").rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            table[int(entry.name)] = (fields[0].decode(), int(fields[1]))
    return table


def _read_proc(name: str) -> bytes:
    """The content of ``/proc/NAME``."""
    # Plain file descriptors, not pathlib: this runs for every process of the machine after
    # every command, beside the gates still running.
    descriptor = os.open(f"{_PROC}/{name}", os.O_RDONLY)
    try:
        chunks: list[bytes] = []
        while chunk := os.read(descriptor, _CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)
