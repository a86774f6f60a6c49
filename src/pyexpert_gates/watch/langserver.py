"""A resident pyright, driven as editors drive it: ``pyright-langserver --stdio``.

The watch tells the language server of each change itself (``didChangeWatchedFiles``), so no file
watcher of pyright's waits for a write to settle, and the server's program stays warm between
cycles. Every file is analysed (``diagnosticMode = "workspace"``) and the server publishes the
diagnostics of each file it checks again. A cycle's analysis is over when every changed file in
the gate's paths has been published since the change, no progress is open, and the server has
answered a question asked after that (`lsp.question`): pyright opens its progress in the same
step that publishes a part of an analysis that leaves files to analyse, and closes it only when
none is left, so the answer, which follows all it wrote before, proves the analysis over. The
diagnostics are made into the document the command line prints, judged by the pyright gate's
own parser, for the gate's files only.
"""

import asyncio
import contextlib
import hashlib
import json
import os
import time

from pyexpert_gates.data.invocation import Command, ProcessFailure, ProcessOutput
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.paths import own_module
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.process import ResidentProcess, start_resident
from pyexpert_gates.watch import lsp

QUIET_S = 0.25
"""Seconds without a word from the server, and since the change was told, that an analysis must
also be quiet for when the change was told while an earlier one may still have been running (a
cycle cancelled by the next change): a file that analysis publishes late is not this change's."""
MIN_WAIT_S = 5.0
"""Seconds a cycle waits at least for the server to analyse a change before it runs pyright cold."""
WAIT_FACTOR = 2.0
"""A cycle waits at most this many times as long as the first analysis took: an incremental one
takes less than the first, cold one."""


class PyrightServer:
    """A running ``pyright-langserver`` and what it has published."""

    __slots__ = (
        "_active",
        "_answered",
        "_arrival",
        "_context",
        "_digests",
        "_first",
        "_idle",
        "_last",
        "_process",
        "_published",
        "_questions",
        "_reader",
        "_seen",
        "_started",
        "missed",
    )

    def __init__(self, process: ResidentProcess, context: GateContext) -> None:
        """Start reading what ``process`` says.

        Args:
            process: The running language server, not yet initialised.
            context: The project, its interpreter and paths, as the pyright gate takes them.
        """
        self._process = process
        self._context = context
        self._published: dict[str, list[object]] = {}
        self._seen: dict[str, float] = {}
        self._digests: dict[str, bytes] = {}
        self._active = False
        self._arrival = asyncio.Event()
        self._started = self._last = time.monotonic()
        self._first: float | None = None
        self._questions = self._answered = 0
        self._idle = True
        """True while no analysis of an earlier change can be running: the last was seen over."""
        self.missed = False
        """True once the server did not analyse a change in time (its program may be stale), or
        ended."""
        self._reader = asyncio.create_task(self._read())

    @property
    def command(self) -> tuple[str, ...]:
        """The command line the server runs with."""
        return langserver_command(self._context).argv

    async def outcome(
        self,
        *,
        changed: tuple[str, ...],
        sources: "tuple[str, ...] | asyncio.Future[tuple[str, ...]]",
        time_limit: float,
    ) -> GateOutcome | None:
        """Tell the server of ``changed``, then the verdict on ``sources`` once it has analysed.

        Args:
            changed: The changed Python files, relative to the project (deleted ones too).
            sources: The gate's files now, or their listing under way (the server is told of
                the change first); the first call waits for every one of them, later calls
                for those of ``changed``.
            time_limit: Seconds the gate may take; once the server analysed the project, a
                cycle waits at most `WAIT_FACTOR` times as long as that took.

        Returns:
            The verdict, or None when the server ended or did not answer in time (run cold).
        """
        since = time.monotonic() if self._first is not None else self._started
        quiet, self._idle = not self._idle, False
        # Told before anything else is done: the analysis is the longest part of a cycle.
        if changed and not await self._send(lsp.changed(self._context.project, changed)):
            self.missed = True
            return None
        self._last = time.monotonic()  # what the change starts comes after it
        told = changed if self._first else await _listed(sources)
        edited = await asyncio.to_thread(self._edited, told)
        listed = await _listed(sources)
        expected = set(listed) if self._first is None else edited & set(listed)
        if self._first is not None:
            time_limit = min(time_limit, max(MIN_WAIT_S, WAIT_FACTOR * self._first))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(time_limit):
                if await self._settled(expected, since, quiet=quiet):
                    return self._verdict(listed)
        # Not in time, or the server ended: the watch starts another before its next cycle.
        self.missed = True
        return None

    async def begin(self) -> bool:
        """Initialise the server, which then analyses every file.

        Returns:
            False when the server exited as it started.
        """
        project = self._context.project.resolve()
        opening: tuple[lsp.JsonObject, ...] = (
            lsp.initialize(project, os.getpid()),
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        )
        return all([await self._send(message) for message in opening])

    def _edited(self, names: tuple[str, ...]) -> set[str]:
        """The files of ``names`` whose content differs from when the server last read them.

        pyright analyses a file again, and publishes its diagnostics, only when its content
        changed: a file saved unchanged is not waited for.
        """
        edited: set[str] = set()
        for name in names:
            try:
                digest = hashlib.blake2b((self._context.project / name).read_bytes()).digest()
            except OSError:
                digest = b""
            if self._digests.get(name) != digest:
                edited.add(name)
            self._digests[name] = digest
        return edited

    async def stop(self) -> None:
        """End the server and everything it started."""
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self._process.stop()

    async def _settled(self, expected: set[str], since: float, *, quiet: bool) -> bool:
        """Wait until the analysis after ``since`` is over; False when the server ended.

        With ``quiet``, the server must also have been quiet for `QUIET_S`.
        """
        while not await self._finished(expected, since, quiet=quiet):
            if self._reader.done():
                return False
            self._arrival.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(QUIET_S):
                    await self._arrival.wait()
        if self._first is None:
            self._first = time.monotonic() - self._started
        self._idle = True
        return True

    async def _finished(self, expected: set[str], since: float, *, quiet: bool) -> bool:
        """True when the analysis looks over, and still does once the server answered a question.

        What the server sent with the last part it published (a progress it opened) has then been
        read.
        """
        return (
            self._over(expected, since, quiet=quiet)
            and await self._caught_up()
            and self._over(expected, since, quiet=quiet)
        )

    def _over(self, expected: set[str], since: float, *, quiet: bool) -> bool:
        """True when every expected file was published after ``since`` and no progress is open."""
        published = all(self._seen.get(name, -1.0) >= since for name in expected)
        silent = not quiet or time.monotonic() - self._last >= QUIET_S
        return published and silent and not self._active

    async def _caught_up(self) -> bool:
        """Ask the server a question and read all it says until its answer; False once it ended."""
        self._questions += 1
        if not await self._send(lsp.question(self._questions)):
            return False
        while self._answered < self._questions and not self._reader.done():
            self._arrival.clear()
            await self._arrival.wait()
        return self._answered == self._questions

    def _verdict(self, sources: tuple[str, ...]) -> GateOutcome:
        """The pyright gate's verdict on what the server published for ``sources``."""
        returncode, document = lsp.command_line_document(
            self._published, sources, self._context.project
        )
        output = ProcessOutput(returncode=returncode, stdout=document, stderr="")
        return PyrightGate().parse(output, self._context)

    async def _send(self, message: lsp.JsonObject) -> bool:
        """Send one message; False when the server no longer reads."""
        return await self._process.write(lsp.frame(message))

    async def _read(self) -> None:
        """Answer the server's requests and keep what it publishes, until it exits."""
        try:
            while (message := await self._message()) is not None:
                await self._handle(message)
                self._arrival.set()
        finally:
            self._arrival.set()

    async def _message(self) -> dict[str, object] | None:
        """The next message from the server; None once its output ended."""
        length: int | None = None
        while (line := await self._process.readline()) is not None:
            if line:
                length = lsp.content_length(line) or length
            elif length is not None:
                body = await self._process.read(length)
                return None if body is None else lsp.members(json.loads(body))
        return None

    async def _handle(self, message: dict[str, object]) -> None:
        """Act on one message: answer a request, note progress, keep published diagnostics."""
        if (number := lsp.answered(message)) is not None:
            self._answered = max(self._answered, number)
            return  # the answer to a question is no word about the analysis
        self._last = time.monotonic()
        method = message.get("method")
        params = lsp.members(message.get("params"))
        if "id" in message and isinstance(method, str):
            self._active = self._active or method == "window/workDoneProgress/create"
            await self._send(lsp.answer(message, self._context.python))
        elif method == "$/progress":
            self._active = lsp.members(params.get("value")).get("kind") != "end"
        elif method == "textDocument/publishDiagnostics":
            self._keep(params)

    def _keep(self, params: dict[str, object]) -> None:
        """Keep the diagnostics published for one file."""
        name = lsp.relative_name(params.get("uri"), self._context.project.resolve())
        if name is not None:
            self._published[name] = lsp.elements(params.get("diagnostics"))
            self._seen[name] = time.monotonic()


async def _listed(
    sources: "tuple[str, ...] | asyncio.Future[tuple[str, ...]]",
) -> tuple[str, ...]:
    """The gate's files, once listed."""
    return sources if isinstance(sources, tuple) else await sources


def langserver_command(context: GateContext) -> Command:
    """The command that runs pyright's language server for the context's project.

    Args:
        context: The project, its interpreter and paths, as the pyright gate takes them.

    Returns:
        The command: the pyright the gate runs, its language server on standard input and output.
    """
    gate = PyrightGate().command(context)
    return Command(
        argv=(*own_module("pyright.langserver"), "--stdio"),
        cwd=gate.cwd,
        env=gate.env,
        unset_env=gate.unset_env,
    )


async def start_pyright(context: GateContext) -> PyrightServer | ProcessFailure:
    """Start pyright's language server on the context's project and begin its first analysis.

    Args:
        context: The project, its interpreter and paths, as the pyright gate takes them.

    Returns:
        The server, or why it could not start.
    """
    match await start_resident(langserver_command(context), talk=True):
        case ProcessFailure() as failure:
            return failure
        case process:
            server = PyrightServer(process, context)
    if not await server.begin():
        await server.stop()
        return ProcessFailure(reason="pyright's language server exited as it started")
    return server
