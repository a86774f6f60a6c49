"""GitHub Actions: workflow commands that annotate the code, and a Markdown job summary.

A workflow command is one line, ``::error file=PATH,line=N,col=N,title=TITLE::MESSAGE``; GitHub
shows it on the line of the pull request's diff. Values are escaped as the runner expects.
"""

from pyexpert_gates.data.encodable import printable
from pyexpert_gates.models import Diagnostic, GateResult, Report, Severity, Status
from pyexpert_gates.report.text import gate_notes, location, visible

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
_MARKS = {Status.PASSED: "✅", Status.FAILED: "❌", Status.ERROR: "⚠️", Status.SKIPPED: "⏭️"}
SUMMARY_LIMIT = 50
"""Findings listed per gate in the job summary; the rest are counted."""


def render_github(report: Report) -> str:
    """Render ``report`` as workflow commands: one annotation per finding or failed gate.

    Args:
        report: The outcome of a ``check``.

    Returns:
        One command per line; empty when every gate passed.
    """
    lines: list[str] = []
    for gate in report.gates:
        if gate.status is Status.FAILED and gate.diagnostics:
            lines.extend(_annotation(gate, item) for item in gate.diagnostics)
        elif gate.status in {Status.FAILED, Status.ERROR}:
            title = f"pyexpert-gates {gate.name} {gate.status}"
            lines.append(f"::error title={_property(title)}::{_data(gate.summary or title)}")
    return printable("".join(f"{line}\n" for line in lines))


def _annotation(gate: GateResult, diagnostic: Diagnostic) -> str:
    """The workflow command for one finding."""
    fields = [("file", diagnostic.path)]
    if diagnostic.line is not None:
        fields.append(("line", str(diagnostic.line)))
        if diagnostic.end_line is not None:
            fields.append(("endLine", str(diagnostic.end_line)))
        if diagnostic.column is not None:
            fields.append(("col", str(diagnostic.column)))
            if diagnostic.end_column is not None and diagnostic.end_line == diagnostic.line:
                fields.append(("endColumn", str(diagnostic.end_column)))
    title = f"{gate.name} {diagnostic.code}" if diagnostic.code else gate.name.value
    fields.append(("title", title))
    properties = ",".join(f"{key}={_property(value)}" for key, value in fields)
    command = _COMMANDS[diagnostic.severity]
    return f"::{command} {properties}::{_data(diagnostic.message.strip())}"


def _data(text: str) -> str:
    """A command's message, escaped so that it stays one line, other controls shown as escapes."""
    one_line = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return "\t".join(visible(part) for part in one_line.split("\t"))


def _property(text: str) -> str:
    """A command's property value, escaped so that ``,`` and ``:`` do not end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_step_summary(report: Report) -> str:
    """Render ``report`` as Markdown for the job summary page.

    Args:
        report: The outcome of a ``check``.

    Returns:
        A heading with the verdict, a table of the gates, then each failing gate's findings.
    """
    verdict = "passed" if report.passed else "did not pass"
    lines = [
        f"## pyexpert-gates: {verdict}",
        "",
        "| gate | status | findings | time | summary |",
        "|---|---|---:|---:|---|",
    ]
    lines.extend(_row(gate) for gate in report.gates)
    for gate in report.gates:
        if gate.diagnostics and gate.status is not Status.PASSED:
            lines.extend(["", f"### {gate.name}", "", *_findings(gate)])
    return printable("\n".join(lines) + "\n")


def _row(gate: GateResult) -> str:
    """A gate's row in the summary table."""
    judged = gate.status in {Status.PASSED, Status.FAILED}
    count = str(len(gate.diagnostics)) if judged else "-"
    seconds = "-" if gate.status is Status.SKIPPED else f"{gate.duration_s:.2f} s"
    cells = [gate.name.value, f"{_MARKS[gate.status]} {gate.status}", count, seconds]
    cells.append(_cell(gate_notes(gate)))
    return f"| {' | '.join(cells)} |"


def _findings(gate: GateResult) -> list[str]:
    """A gate's findings as a Markdown list, at most `SUMMARY_LIMIT` of them."""
    shown = gate.diagnostics[:SUMMARY_LIMIT]
    lines = [
        f"- `{_cell(location(item))}`"
        + (f" `{_cell(item.code)}`" if item.code else "")
        + f" {_cell(item.message)}"
        for item in shown
    ]
    if len(gate.diagnostics) > len(shown):
        lines.append(f"- … and {len(gate.diagnostics) - len(shown)} more")
    return lines


def _cell(text: str) -> str:
    """Text on one Markdown line, with table separators escaped."""
    return " ".join(text.split()).replace("|", "\\|")
