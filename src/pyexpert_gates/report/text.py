"""The text report for people: findings grouped by gate, then a table of every gate.

Colour is used only when asked for (a terminal without ``NO_COLOR``); otherwise the text is plain,
so logs and files never hold escape codes.
"""

from collections.abc import Callable
from typing import TypeAlias

from pyexpert_gates.models import Diagnostic, GateResult, Report, Status

Paint: TypeAlias = Callable[[str, Status], str]
"""Colours a piece of text by the status it shows."""

_COLOURS = {
    Status.PASSED: "32",
    Status.FAILED: "31",
    Status.ERROR: "33",
    Status.SKIPPED: "2",
}


def render_text(report: Report, *, color: bool = False) -> str:
    """Render the whole report: each gate's findings, then the summary.

    Args:
        report: The outcome of a ``check``.
        color: True to colour statuses with ANSI escape codes.

    Returns:
        The text, ending with a newline.
    """
    paint = _painter(color=color)
    blocks = [_gate_block(gate, paint) for gate in report.gates if _has_details(gate)]
    return "".join(f"{block}\n" for block in blocks) + render_summary(report, color=color)


def render_summary(report: Report, *, color: bool = False) -> str:
    """Render only the summary: one row per gate, the interpreter and the verdict.

    Args:
        report: The outcome of a ``check``.
        color: True to colour statuses with ANSI escape codes.

    Returns:
        The text, ending with a newline.
    """
    paint = _painter(color=color)
    lines = [*_table(report.gates, paint)]
    if report.python:
        lines.append(f"python: {report.python}")
    lines.append(_verdict(report, paint))
    return "\n".join(lines) + "\n"


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """One finding as ``path:line:col code message``.

    Args:
        diagnostic: The finding.

    Returns:
        The line; later lines of a multi-line message are indented under it.
    """
    where = diagnostic.path
    if diagnostic.line is not None:
        where += f":{diagnostic.line}"
        if diagnostic.column is not None:
            where += f":{diagnostic.column}"
    code = f" {diagnostic.code}" if diagnostic.code else ""
    message = diagnostic.message.strip().replace("\n", "\n    ")
    return f"{where}{code} {message}"


def _has_details(gate: GateResult) -> bool:
    """True when a gate has findings or did not pass, so it gets a block of its own."""
    return bool(gate.diagnostics) or gate.status in {Status.FAILED, Status.ERROR}


def _gate_block(gate: GateResult, paint: Paint) -> str:
    """A gate's heading and its findings."""
    heading = f"{gate.name}: {paint(gate.status.value, gate.status)}"
    if summary := _summary(gate):
        heading += f" - {summary}"
    return "\n".join([heading, *(f"  {format_diagnostic(item)}" for item in gate.diagnostics)])


def _table(gates: tuple[GateResult, ...], paint: Paint) -> list[str]:
    """The summary table: gate, status, findings, seconds and the gate's own summary."""
    width = max((len(gate.name) for gate in gates), default=4)
    rows = [f"{'gate':<{width}}  {'status':<7}  {'findings':>8}  {'time':>7}  summary"]
    for gate in gates:
        status = paint(f"{gate.status.value:<7}", gate.status)
        rows.append(
            f"{gate.name.value:<{width}}  {status}  {_findings(gate):>8}  "
            f"{_duration(gate):>7}  {_summary(gate)}".rstrip()
        )
    return rows


def _summary(gate: GateResult) -> str:
    """The gate's summary, marked when it was replayed from the cache or limited to some files."""
    marks = ["(cached)"] if gate.cached else []
    if gate.limited_to is not None:
        files = len(gate.limited_to)
        marks.append(f"(limited to {files} changed file{'s' * (files != 1)})")
    return " ".join([gate.summary, *marks]).strip()


def _findings(gate: GateResult) -> str:
    """How many findings count, or ``-`` when the gate did not judge the project."""
    if gate.status in {Status.ERROR, Status.SKIPPED}:
        return "-"
    return str(len(gate.diagnostics))


def _duration(gate: GateResult) -> str:
    """The gate's wall-clock time, or ``-`` when it did not run."""
    return "-" if gate.status is Status.SKIPPED else f"{gate.duration_s:.2f}s"


def _verdict(report: Report, paint: Paint) -> str:
    """The last line: did the project pass, and if not, how many gates did not."""
    counts = {status: sum(gate.status is status for gate in report.gates) for status in Status}
    seconds = f"({report.duration_s:.2f} s)"
    if counts[Status.ERROR]:
        parts = [f"{counts[Status.ERROR]} could not run", f"{counts[Status.FAILED]} failed"]
        return f"{paint('ERROR', Status.ERROR)}: {', '.join(parts)} {seconds}"
    if counts[Status.FAILED]:
        return f"{paint('FAILED', Status.FAILED)}: {counts[Status.FAILED]} failed {seconds}"
    return f"{paint('PASSED', Status.PASSED)}: {counts[Status.PASSED]} passed {seconds}"


def _painter(*, color: bool) -> Paint:
    """A function that colours text by status, or leaves it plain."""
    return _ansi if color else _plain


def _plain(text: str, _: Status) -> str:
    """``text`` unchanged."""
    return text


def _ansi(text: str, status: Status) -> str:
    """``text`` in the colour of ``status``."""
    return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m"
