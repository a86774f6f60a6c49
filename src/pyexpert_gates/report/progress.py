"""Live progress on a terminal: one line per gate, with its status and counts once it ends.

While a gate runs its line shows a spinner and the time so far. Only for a terminal that takes
colour: rich redraws the lines in place with escape codes, which a log or a pipe must never
receive. The engine reports each gate through `GateObserver` from its
event loop while rich redraws from a thread of its own, so the state is shared under a lock.
"""

import threading
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Self, TextIO

from rich.console import Console, RenderableType
from rich.live import Live
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text

from pyexpert_gates.gates.verdict import count
from pyexpert_gates.models import GateName, GateResult, Status

_STYLES = {
    Status.PASSED: ("✔", "green"),
    Status.FAILED: ("✘", "red"),
    Status.ERROR: ("!", "yellow"),
    Status.SKIPPED: ("-", "dim"),
}


@dataclass(slots=True, kw_only=True)
class _Line:
    """One gate's line: when it started (None while it waits), and its result once it has one."""

    spinner: Spinner
    started: float | None = None
    result: GateResult | None = None


class LiveProgress:
    """The live display; a `GateObserver` that is also a rich renderable."""

    def __init__(self, stream: TextIO) -> None:
        """Prepare the display on ``stream``, a terminal.

        Args:
            stream: Where the lines are drawn.
        """
        self._lines: dict[GateName, _Line] = {}
        self._lock = threading.Lock()
        console = Console(file=stream, highlight=False)
        self._live = Live(self, console=console, refresh_per_second=8, transient=False)

    def __enter__(self) -> Self:
        """Start drawing.

        Returns:
            The display.
        """
        self._live.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Draw the last state and stop, leaving the lines on the terminal.

        Args:
            kind: The type of the exception that ends the run, if any.
            error: The exception, if any.
            traceback: Its traceback, if any.
        """
        self._live.stop()

    def waiting(self, name: GateName) -> None:
        """Show the gate ``name`` as waiting for a job.

        Args:
            name: The gate.
        """
        with self._lock:
            self._lines[name] = _Line(spinner=Spinner("dots"))
        self._live.refresh()

    def started(self, name: GateName) -> None:
        """Show a spinner and the time so far for the gate ``name``.

        Args:
            name: The gate.
        """
        with self._lock:
            self._line(name).started = time.monotonic()
        self._live.refresh()

    def finished(self, result: GateResult) -> None:
        """Replace a gate's spinner by its status and counts.

        Args:
            result: The gate's result.
        """
        with self._lock:
            self._line(result.name).result = result
        self._live.refresh()

    def _line(self, name: GateName) -> _Line:
        """The line of the gate ``name``, added if the gate was not seen waiting."""
        return self._lines.setdefault(name, _Line(spinner=Spinner("dots")))

    def __rich__(self) -> RenderableType:
        """The lines as they are now.

        Returns:
            A grid with one row per gate, in gate order.
        """
        grid = Table.grid(padding=(0, 1))
        now = time.monotonic()
        with self._lock:
            lines = sorted(self._lines.items(), key=lambda item: list(GateName).index(item[0]))
            for name, line in lines:
                grid.add_row(*_row(name, line, now))
        return grid


def _row(name: GateName, line: _Line, now: float) -> tuple[RenderableType, ...]:
    """A gate's cells: mark, name, time and what it found."""
    if line.result is None and line.started is None:
        return (
            Text("·", style="dim"),
            Text(f"{name:<10}"),
            Text("      "),
            Text("waiting", style="dim"),
        )
    if line.result is None:
        elapsed = Text(f"{now - (line.started or now):5.1f}s", style="dim")
        return (line.spinner, Text(f"{name:<10}"), elapsed, Text("running", style="dim"))
    result = line.result
    mark, style = _STYLES[result.status]
    seconds = Text(f"{result.duration_s:5.1f}s", style="dim")
    return (Text(mark, style=style), Text(f"{name:<10}"), seconds, _outcome(result, style))


def _outcome(result: GateResult, style: str) -> Text:
    """The status, with the number of findings or the reason it could not run."""
    text = Text(result.status.value, style=style)
    if result.status is Status.FAILED:
        text.append(f"  {count(len(result.diagnostics), 'finding')}")
    elif result.status is Status.ERROR and result.summary:
        text.append(f"  {result.summary.splitlines()[0]}")
    if result.cached:
        text.append("  (cached)", style="dim")
    return text
