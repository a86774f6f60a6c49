"""A resident pyright: ``pyright --watch --outputjson`` keeps its program graph between cycles.

In watch mode pyright prints one JSON document per analysis, after a blank line; each document
is judged by the pyright gate's own parser. A cycle takes the first document that pyright
finishes after the cycle's last change was seen; a cycle whose changes hold no Python file in
pyright's paths takes the latest one, as pyright does not analyse again for them.
"""

import asyncio
import contextlib
import dataclasses
import time

from pyexpert_gates.data.invocation import ProcessFailure, ProcessOutput
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.process import ResidentProcess, start_resident

WATCH_FLAG = "--watch"
MIN_WAIT_S = 5.0
"""Seconds a cycle waits at least for pyright to analyse a change before it runs pyright cold."""
WAIT_FACTOR = 2.0
"""A cycle waits for an analysis at most this many times as long as pyright's first one took:
pyright may miss a change (its file watchers start after its first report), and an incremental
analysis takes less than the first, cold one."""
DOCUMENT_END = "}"
"""pyright indents its JSON, so a document ends with a closing brace alone on its line."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One analysis pyright printed.

    Attributes:
        text: The JSON document.
        arrived: When its last line was read, in `time.monotonic` seconds.
    """

    text: str
    arrived: float


class ResidentPyright:
    """A running ``pyright --watch`` and the documents it printed."""

    __slots__ = ("_arrival", "_context", "_documents", "_process", "_reader", "_started", "missed")

    def __init__(self, process: ResidentProcess, context: GateContext) -> None:
        """Start reading what ``process`` prints.

        Args:
            process: The running pyright.
            context: The project it checks, for the gate's parser.
        """
        self._process = process
        self._context = context
        self._documents: list[Document] = []
        self._arrival = asyncio.Event()
        self._started = time.monotonic()
        self.missed = False
        """True once pyright did not analyse a change in time: its program may be stale."""
        self._reader = asyncio.create_task(self._read())

    @property
    def command(self) -> tuple[str, ...]:
        """The command line pyright runs with."""
        return (*PyrightGate().command(self._context).argv, WATCH_FLAG)

    async def outcome(self, *, since: float, wait: bool, time_limit: float) -> GateOutcome | None:
        """The verdict of the first analysis finished after ``since``, or of the latest one.

        Args:
            since: When the cycle's last change was seen (`time.monotonic` seconds).
            wait: True when pyright analyses again for the change: wait for a new document.
            time_limit: Seconds the gate may take; once pyright analysed the project, a cycle
                waits at most `WAIT_FACTOR` times as long as that took (at least `MIN_WAIT_S`).

        Returns:
            The verdict, or None when pyright ended or printed nothing in time (run it cold).
        """
        if self._documents:
            cold = self._documents[0].arrived - self._started
            time_limit = min(time_limit, max(MIN_WAIT_S, WAIT_FACTOR * cold))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(time_limit):
                while True:
                    document = self._pick(since, wait=wait)
                    if document is not None:
                        output = ProcessOutput(
                            returncode=_returncode(document), stdout=document, stderr=""
                        )
                        return PyrightGate().parse(output, self._context)
                    if self._reader.done():
                        return None
                    self._arrival.clear()
                    await self._arrival.wait()
        self.missed = True
        return None

    def _pick(self, since: float, *, wait: bool) -> str | None:
        """The document a cycle takes, if it has arrived."""
        fresh = [document for document in self._documents if document.arrived >= since]
        if fresh:
            return fresh[0].text
        if not wait and self._documents:
            return self._documents[-1].text
        return None

    async def stop(self) -> None:
        """End pyright and everything it started."""
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self._process.stop()

    async def _read(self) -> None:
        """Collect each document pyright prints, until it exits."""
        lines: list[str] = []
        try:
            while (line := await self._process.readline()) is not None:
                if line.startswith("{"):
                    lines = []
                lines.append(line)
                if line == DOCUMENT_END and lines[0].startswith("{"):
                    self._documents.append(
                        Document(text="\n".join(lines), arrived=time.monotonic())
                    )
                    self._arrival.set()
        finally:
            self._arrival.set()


def _returncode(document: str) -> int:
    """The exit code pyright would have had: 1 when the document counts an error."""
    return 0 if '"errorCount": 0,' in document else 1


async def start_pyright(context: GateContext) -> ResidentPyright | ProcessFailure:
    """Start ``pyright --watch --outputjson`` on the context's paths.

    Args:
        context: The project, its interpreter and paths, as the pyright gate takes them.

    Returns:
        The resident pyright, or why it could not start.
    """
    command = PyrightGate().command(context)
    resident = dataclasses.replace(command, argv=(*command.argv, WATCH_FLAG))
    match await start_resident(resident):
        case ProcessFailure() as failure:
            return failure
        case process:
            return ResidentPyright(process, context)
