"""The two ways ``watch`` shows its reports: a live screen, or one JSON document per line."""

import time
from dataclasses import dataclass
from typing import TextIO

from pyexpert_gates.models import GateName, Report
from pyexpert_gates.report.json import render_json
from pyexpert_gates.report.text import TextOptions, error_text, render_text
from pyexpert_gates.watch.changes import Changes

CLEAR = "\x1b[2J\x1b[H"
"""Clears a terminal and moves the cursor to its top left corner."""
WAITING = "watching for changes; Ctrl-C to stop\n"
SHOWN_CHANGES = 3
"""How many changed files the screen names before it only counts the rest."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveScreen:
    """The text report of each cycle, on a cleared terminal, under a line that says what ran.

    Attributes:
        stream: Where the text goes (standard output).
        live: True on a terminal: clear it before each report and colour the statuses.
    """

    stream: TextIO
    live: bool

    def show(self, report: Report, changes: Changes) -> None:
        """Show one cycle's report.

        Args:
            report: The cycle's report.
            changes: What changed since the cycle before; nothing for the first cycle.
        """
        text = render_text(report, options=TextOptions(color=self.live))
        header = f"[{time.strftime('%H:%M:%S')}] {describe(changes)}\n\n"
        footer = f"\n{WAITING}"
        self.stream.write((CLEAR if self.live else "") + header + text + footer)
        self.stream.flush()

    def problem(self, message: str) -> None:
        """Say why no cycle can run until the next change.

        Args:
            message: The reason and its fix.
        """
        self.stream.write(f"{error_text(message)}\nwatching for changes; Ctrl-C to stop\n")
        self.stream.flush()

    def running(self, changes: Changes, gates: tuple[GateName, ...]) -> None:
        """Say at once that a cycle runs, and which gates.

        Args:
            changes: What changed since the cycle before.
            gates: The gates the cycle runs.
        """
        header = f"[{time.strftime('%H:%M:%S')}] {describe(changes)}\n\n"
        self.stream.write((CLEAR if self.live else "") + header + _running(gates))
        self.stream.flush()

    def partial(self, report: Report, changes: Changes, running: tuple[GateName, ...]) -> None:
        """Show the gates that have finished, and which still run.

        Args:
            report: The finished gates' results.
            changes: What changed since the cycle before.
            running: The gates still running.
        """
        text = render_text(report, options=TextOptions(color=self.live))
        header = f"[{time.strftime('%H:%M:%S')}] {describe(changes)}\n\n"
        self.stream.write((CLEAR if self.live else "") + header + text + "\n" + _running(running))
        self.stream.flush()


@dataclass(frozen=True, slots=True, kw_only=True)
class JsonLines:
    """One single-project JSON report per line on ``stdout``; problems on ``stderr``.

    Attributes:
        stdout: Where the reports go.
        stderr: Where the problems go.
    """

    stdout: TextIO
    stderr: TextIO

    def show(self, report: Report, changes: Changes) -> None:  # noqa: ARG002 - the protocol's
        """Print one cycle's report on one line, and flush it for the reader that follows.

        Args:
            report: The cycle's report.
            changes: What changed since the cycle before (not part of the report).
        """
        self.stdout.write(render_json(report, one_line=True))
        self.stdout.flush()

    def problem(self, message: str) -> None:
        """Say on standard error why no cycle can run until the next change.

        Args:
            message: The reason and its fix.
        """
        self.stderr.write(f"{error_text(message)}\n")
        self.stderr.flush()

    def running(self, changes: Changes, gates: tuple[GateName, ...]) -> None:
        """Nothing: a reader of the lines learns of a cycle from its first partial report.

        Args:
            changes: What changed since the cycle before.
            gates: The gates the cycle runs.
        """

    def partial(self, report: Report, changes: Changes, running: tuple[GateName, ...]) -> None:  # noqa: ARG002 - the protocol's
        """Print the finished gates' report on one line, marked ``"partial": true``.

        Args:
            report: The finished gates' results.
            changes: What changed since the cycle before (not part of the report).
            running: The gates still running (absent from the report).
        """
        self.stdout.write(render_json(report, one_line=True, partial=True))
        self.stdout.flush()


def _running(gates: tuple[GateName, ...]) -> str:
    """The line that names the gates still running."""
    return f"running: {', '.join(gates)}...\n"


def describe(changes: Changes) -> str:
    """What started a cycle, in a few words.

    Args:
        changes: The changes since the cycle before.

    Returns:
        ``first run``, ``configuration changed``, or the changed files.
    """
    if not changes.files:
        return "every gate, every file"
    if changes.configuration:
        return "configuration changed: every gate, every file"
    names = ", ".join(changes.files[:SHOWN_CHANGES])
    more = len(changes.files) - SHOWN_CHANGES
    return f"changed: {names}" + (f" and {more} more" if more > 0 else "")
