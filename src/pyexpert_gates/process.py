"""The one place that starts processes: run a gate's command with a deadline, leave nothing behind.

Every command starts in a session of its own, so it and everything it spawns form one process
group. When the deadline passes or the run is cancelled (Ctrl-C), the whole group gets SIGTERM,
a short grace period, then SIGKILL; when the command ends normally, whatever it left running in
its group is killed too. What left the group (``setsid``, a double fork) is found and killed by
`pyexpert_gates.strays`. A command that cannot start is a `ProcessFailure`, never an exception.

A resident process (`start_resident`: a type checker's language server) also leads a group of
its own; it is written to and read from while it runs, and `ResidentProcess.stop` ends the whole
group.
"""

import asyncio
import contextlib
import fcntl
import os
import secrets
import signal
import tempfile
from collections.abc import Coroutine, Mapping
from pathlib import Path
from typing import TextIO, TypeVar

from pyexpert_gates.data.invocation import Command, ProcessFailure, ProcessOutput
from pyexpert_gates.errors import GatesError

__all__ = [
    "GIT_TIME_LIMIT_S",
    "GRACE_S",
    "LOCK_POLL_S",
    "Command",
    "ProcessFailure",
    "ProcessOutput",
    "ResidentProcess",
    "run_command",
    "run_isolated",
    "run_until_terminated",
    "start_resident",
]
from pyexpert_gates.strays import MARKER, become_subreaper, end_strays

_T = TypeVar("_T")
EXIT_TERMINATED = 128 + signal.SIGTERM
"""The exit code after SIGTERM, as shells report a process the signal ended."""
GRACE_S = 1.0
"""Seconds a process group has to exit after SIGTERM before it gets SIGKILL."""
LOCK_POLL_S = 0.05
"""Seconds between two tries to take a command's lock while another run holds it."""
GIT_TIME_LIMIT_S = 60.0
"""Seconds a git command that lists files may take; git answers in well under one."""
EXIT_POLL_S = 0.02
"""Seconds between two looks at whether a command's process has exited."""
_RUNNING: set[int] = set()
"""The leaders of the commands running now, which their own runs wait for."""
_ACTIVE: list[str] = []
"""The markers of the commands starting or running now."""
_RESIDENTS: set[int] = set()
"""The leaders of the resident processes running now, which stray-hunting leaves alone."""
LINE_LIMIT = 256 * 1024 * 1024
"""Bytes one line of a resident process may hold: a JSON report on one line can be large."""


async def run_command(
    command: Command, *, time_limit: float, grace: float = GRACE_S
) -> ProcessOutput | ProcessFailure:
    """Run ``command`` to the end or to its deadline, whichever comes first.

    Args:
        command: What to run, where, with which environment.
        time_limit: Seconds the command may take before its process group is killed.
        grace: Seconds between SIGTERM and SIGKILL when the group is ended early.

    Returns:
        The process output, or why there is none (could not start, timed out).

    Raises:
        asyncio.CancelledError: When the caller is cancelled; the process group is ended first.
    """
    if not command.cwd.is_dir():
        return ProcessFailure(reason=f"working directory {command.cwd} does not exist")
    deadline = asyncio.get_running_loop().time() + time_limit
    if command.lock is None:
        return await _run(command, deadline, time_limit, grace)
    with command.lock.open("a") as lock:
        try:
            async with asyncio.timeout_at(deadline):
                await _acquire(lock)
        except TimeoutError:
            return ProcessFailure(
                reason=f"timed out after {time_limit:g} s waiting for another run of "
                f"{command.argv[0]} on this project to finish"
            )
        # Closing the file at the end of this block releases the lock.
        return await _run(command, deadline, time_limit, grace)


async def run_isolated(
    python: Path, arguments: tuple[str, ...], *, time_limit: float
) -> ProcessOutput | ProcessFailure:
    """Run ``python -I`` with ``arguments`` in an empty folder of its own, then remove the folder.

    A probe of the project's interpreter must run none of the project's code: ``-I`` keeps the
    working folder, ``PYTHONPATH`` and the user's site folder off ``sys.path``, and the empty
    folder gives a tool that looks around it (pytest's configuration and ``conftest.py``)
    nothing of the project to find.

    Args:
        python: The interpreter.
        arguments: What follows ``-I``: ``-c CODE ...`` or ``-m MODULE ...``.
        time_limit: Seconds the process may take.

    Returns:
        The process output, or why there is none.
    """
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-probe-") as neutral:
        command = Command(argv=(str(python), "-I", *arguments), cwd=Path(neutral))
        return await run_command(command, time_limit=time_limit)


async def _acquire(lock: TextIO) -> None:
    """Wait until this process holds the exclusive lock on ``lock``."""
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            await asyncio.sleep(LOCK_POLL_S)
        else:
            return


async def _run(
    command: Command, deadline: float, time_limit: float, grace: float
) -> ProcessOutput | ProcessFailure:
    """Start ``command`` and collect its output, ending its process group past ``deadline``."""
    marker = secrets.token_hex(8)
    become_subreaper()
    _ACTIVE.append(marker)
    try:
        return await _run_marked(command, marker, (deadline, time_limit, grace))
    finally:
        _ACTIVE.remove(marker)


async def _run_marked(
    command: Command, marker: str, limits: tuple[float, float, float]
) -> ProcessOutput | ProcessFailure:
    """Start ``command`` with ``marker`` in its environment; end its strays when it ends."""
    try:
        process = await _start(command, marker)
    except OSError as error:
        return ProcessFailure(reason=_start_failure(command.argv[0], error))
    _RUNNING.add(process.pid)
    try:
        return await _collect(command, process, marker, limits)
    finally:
        _RUNNING.discard(process.pid)
        _end_strays(marker, process.pid)


async def _collect(
    command: Command,
    process: asyncio.subprocess.Process,
    marker: str,
    limits: tuple[float, float, float],
) -> ProcessOutput | ProcessFailure:
    """Wait for ``process`` until the deadline; past it, or when cancelled, end its group."""
    deadline, time_limit, grace = limits
    reading = asyncio.ensure_future(process.communicate(command.stdin))
    try:
        async with asyncio.timeout_at(deadline):
            # Not process.wait(): asyncio waits there for the output pipes to close as well.
            while process.returncode is None:  # noqa: ASYNC110 - asyncio has no event for the exit alone
                await asyncio.sleep(EXIT_POLL_S)
            # What the command left running may hold its output open: end it, then read.
            _signal_group(process.pid, signal.SIGKILL)
            _end_strays(marker, process.pid)
            stdout, stderr = await reading
    except TimeoutError:
        await _end_group(process, grace)
        return ProcessFailure(
            reason=f"timed out after {time_limit:g} s; the process group was killed"
        )
    except asyncio.CancelledError:
        await _end_group(process, grace)
        raise
    finally:
        reading.cancel()
    return _output(command, process.returncode, stdout, stderr)


def _end_strays(marker: str, leader: int) -> None:
    """Kill what the command of ``leader`` left outside its group; all strays once none runs."""
    # A resident process (watch's type checker) and its children are never strays.
    residents = frozenset(_RESIDENTS)
    end_strays(marker, running=frozenset(_RUNNING - {leader}), residents=residents)
    if len(_ACTIVE) == 1:
        # Orphans that cleared their environment can only be told apart when no other command
        # runs, or is starting.
        end_strays(None, residents=residents)


async def _start(command: Command, marker: str) -> asyncio.subprocess.Process:
    """Start ``command`` as the leader of a new session, its output captured, marked."""
    return await asyncio.create_subprocess_exec(
        *command.argv,
        cwd=command.cwd,
        env=_environment({**command.env, MARKER: marker}, command.unset_env),
        stdin=asyncio.subprocess.DEVNULL if command.stdin is None else asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,
    )


def _environment(extra: Mapping[str, str], unset: tuple[str, ...]) -> dict[str, str]:
    """The inherited environment with ``extra`` set and ``unset`` removed."""
    environment = {**os.environ, **extra}
    for name in unset:
        environment.pop(name, None)
    return environment


def _start_failure(program: str, error: OSError) -> str:
    """Say why ``program`` could not start, and what to do about it."""
    match error:
        case FileNotFoundError():
            return (
                f"{program}: executable not found; "
                "install it or activate the environment that has it"
            )
        case PermissionError():
            return f"{program}: permission denied; the file is not executable"
        case _:
            return f"{program}: could not start: {error.strerror or error}"


async def _end_group(process: asyncio.subprocess.Process, grace: float) -> None:
    """End the process group led by ``process``: SIGTERM, up to ``grace`` seconds, SIGKILL."""
    _signal_group(process.pid, signal.SIGTERM)
    try:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(grace):
                await process.wait()
    finally:
        # Children may outlive the leader or ignore SIGTERM, and a second Ctrl-C may cut the
        # grace period short: whatever happens, the group as a whole ends here.
        _signal_group(process.pid, signal.SIGKILL)
    await process.wait()


def _signal_group(group: int, signal_number: signal.Signals) -> None:
    """Send ``signal_number`` to every process in ``group``, if any is left."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal_number)


def run_until_terminated(main: Coroutine[None, None, _T], *, ended: str) -> _T:
    """Run ``main`` in a new event loop, cancelling it on SIGTERM as asyncio does on Ctrl-C.

    A CI system cancels a job with SIGTERM; the processes run in sessions of their own, so
    without this they would outlive pyexpert-gates. Cancelling ends every group they lead.

    Args:
        main: What to run: check's gates, or a watch.
        ended: What the message says was ended, such as ``every gate's processes were ended``.

    Returns:
        What ``main`` returns.

    Raises:
        GatesError: SIGTERM ended the run (exit 143), after ``main`` was cancelled.
    """

    async def until_terminated() -> _T:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        if task is not None:
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
        try:
            return await main
        finally:
            loop.remove_signal_handler(signal.SIGTERM)

    try:
        return asyncio.run(until_terminated())
    except asyncio.CancelledError:
        message = f"terminated (SIGTERM); {ended}"
        raise GatesError(message, exit_code=EXIT_TERMINATED) from None


def _output(
    command: Command, returncode: int | None, stdout: bytes, stderr: bytes
) -> ProcessOutput:
    """Collect what the finished ``command`` left: exit code, streams and report file."""
    report = command.report_file
    return ProcessOutput(
        returncode=-1 if returncode is None else returncode,
        stdout=stdout.decode("utf-8", errors="replace"),
        stderr=stderr.decode("utf-8", errors="replace"),
        report_text=report.read_text(encoding="utf-8", errors="replace")
        if report is not None and report.is_file()
        else None,
    )


class ResidentProcess:
    """A process that keeps running, in a process group of its own: read its lines, then stop it.

    Its standard error is merged into its standard output, so nothing it says is lost and no
    pipe fills up unread.
    """

    __slots__ = ("_grace", "_process")

    def __init__(self, process: asyncio.subprocess.Process, grace: float) -> None:
        """Wrap the started ``process``.

        Args:
            process: The process, leader of its own session.
            grace: Seconds between SIGTERM and SIGKILL when it is stopped.
        """
        self._process = process
        self._grace = grace

    async def readline(self) -> str | None:
        """The next line it prints, without its line ending.

        Returns:
            The line, or None once its output ended (it exited).
        """
        stream = self._process.stdout
        line = b"" if stream is None else await stream.readline()
        if not line:
            return None
        return line.decode("utf-8", errors="replace").rstrip("\r\n")

    async def read(self, size: int) -> bytes | None:
        """Exactly the next ``size`` bytes it prints.

        Args:
            size: How many bytes.

        Returns:
            The bytes, or None once its output ended before them (it exited).
        """
        stream = self._process.stdout
        if stream is None:
            return None
        try:
            return await stream.readexactly(size)
        except asyncio.IncompleteReadError:
            return None

    async def write(self, data: bytes) -> bool:
        """Send ``data`` to its standard input (started with ``talk``).

        Args:
            data: The bytes.

        Returns:
            False when it no longer reads them (it exited).
        """
        stream = self._process.stdin
        if stream is None or stream.is_closing():
            return False
        try:
            stream.write(data)
            await stream.drain()
        except (BrokenPipeError, ConnectionResetError):
            return False
        return True

    async def stop(self) -> None:
        """End its whole process group: SIGTERM, the grace period, then SIGKILL."""
        await _end_group(self._process, self._grace)
        _RESIDENTS.discard(self._process.pid)


async def start_resident(
    command: Command, *, grace: float = GRACE_S, talk: bool = False
) -> ResidentProcess | ProcessFailure:
    """Start ``command`` to keep running, as the leader of a new session.

    Args:
        command: What to run, where, with which environment (its lock and report file unused).
        grace: Seconds between SIGTERM and SIGKILL when it is stopped.
        talk: True for a process spoken to on its standard input whose standard output is a
            protocol (a language server): its standard error is then thrown away, not merged.

    Returns:
        The running process, or why it could not start.
    """
    if not command.cwd.is_dir():
        return ProcessFailure(reason=f"working directory {command.cwd} does not exist")
    # Until it counts as resident, a command ending meanwhile must not take it for a stray.
    starting = secrets.token_hex(8)
    _ACTIVE.append(starting)
    try:
        process = await asyncio.create_subprocess_exec(
            *command.argv,
            cwd=command.cwd,
            env=_environment(command.env, command.unset_env),
            stdin=asyncio.subprocess.PIPE if talk else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL if talk else asyncio.subprocess.STDOUT,
            start_new_session=True,
            limit=LINE_LIMIT,
        )
    except OSError as error:
        return ProcessFailure(reason=_start_failure(command.argv[0], error))
    else:
        _RESIDENTS.add(process.pid)
    finally:
        _ACTIVE.remove(starting)
    return ResidentProcess(process, grace)
