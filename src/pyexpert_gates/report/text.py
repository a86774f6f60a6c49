"""The text report for people: findings by gate as ruff prints them, counts by rule, every gate.

A report of thousands of findings stays readable: each gate lists its first findings only
(``--verbose`` lists them all) and the counts by rule show which few rules make most of them.

Colour is used only when asked for (a terminal without ``NO_COLOR``); otherwise the text is plain,
so logs and files never hold escape codes.
"""

import re
import shlex
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from pyexpert_gates.data.encodable import printable
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.models import Diagnostic, FixSafety, GateResult, Report, Status
from pyexpert_gates.report.problems import Listing, list_findings
from pyexpert_gates.report.statistics import (
    render_rule_links,
    render_statistics,
    rule_counts,
)

Paint: TypeAlias = Callable[[str, Status], str]
"""Colours a piece of text by the status it shows."""

_COMMAND_START = re.compile(r"(?P<blank>\s*)(?:::|##\[)")
"""The start of a line that GitHub's runner reads as a workflow command."""
_FIX_MARKS = {None: "", FixSafety.SAFE: " [fix]", FixSafety.UNSAFE: " [fix --unsafe]"}
"""What a finding's line ends with: whether ``pyexpert-gates fix`` resolves it, and how."""
_COLOURS = {
    Status.PASSED: "32",
    Status.FAILED: "31",
    Status.ERROR: "33",
    Status.SKIPPED: "2",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class TextOptions:
    """How much the text report says, and how.

    Attributes:
        color: True to colour statuses with ANSI escape codes.
        quiet: Only the gates that did not pass and the verdict; nothing when all passed.
        verbose: Every gate's block, with the command it ran, and every finding.
        statistics: Only the counts of findings by rule.
        base: The project folder relative to the current one (``../../``), put before each
            finding's path so that terminals and editors open it; empty in the project root.
    """

    color: bool = False
    quiet: bool = False
    verbose: bool = False
    statistics: bool = False
    base: str = ""


LISTING_LIMIT = 25
"""The findings listed per gate unless verbose; the counts by rule cover the rest."""


def render_text(report: Report, *, color: bool = False, options: TextOptions | None = None) -> str:
    """Render the whole report: each gate's findings, then the summary.

    Args:
        report: The outcome of a ``check``.
        color: True to colour statuses with ANSI escape codes (when no ``options``).
        options: How much to say; overrides ``color``.

    Returns:
        The text, ending with a newline; empty when quiet and every gate passed.
    """
    options = options or TextOptions(color=color)
    by_rule = rule_counts(report)
    counts = render_statistics(by_rule)
    if options.statistics:
        return printable(counts)
    counts += render_rule_links(by_rule)
    paint = _painter(color=options.color)
    listing = list_findings(report.gates, merge=not options.verbose)
    shown = [gate for gate in report.gates if options.verbose or _has_details(gate)]
    blocks = "".join(f"{_gate_block(gate, paint, listing, options)}\n" for gate in shown)
    if options.quiet:
        return "" if report.passed else printable(blocks + _verdict(report, paint) + "\n")
    counts = f"{counts}\n" if counts else ""
    return printable(blocks + counts + render_summary(report, color=options.color))


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
    if hint := _fix_hint(report):
        lines.append(hint)
    lines.append(_verdict(report, paint))
    return printable("\n".join(lines) + "\n")


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """One finding as ``path:line:col code message``.

    Args:
        diagnostic: The finding.

    Returns:
        The line; later lines of a multi-line message are indented under it.
    """
    return f"{location(diagnostic)}{_described(diagnostic, indent='    ')}"


def location(diagnostic: Diagnostic, *, with_path: bool = True) -> str:
    """Where a finding is: ``path:line:col``, as editors and terminals link it.

    Args:
        diagnostic: The finding.
        with_path: False to leave the path out (``line:col``, or empty for a whole file).

    Returns:
        The location.
    """
    parts = [visible(diagnostic.path)] if with_path else []
    if diagnostic.line is not None:
        parts.append(str(diagnostic.line))
        if diagnostic.column is not None:
            parts.append(str(diagnostic.column))
    return ":".join(parts)


def _described(diagnostic: Diagnostic, *, indent: str) -> str:
    """`` code message``, later lines of the message indented by ``indent``."""
    code = f" {visible(diagnostic.code)}" if diagnostic.code else ""
    lines = diagnostic.message.strip().splitlines() or [""]
    message = f"\n{indent}".join(inert(visible(line)) for line in lines)
    return f"{code} {message}"


def visible(text: str) -> str:
    r"""``text`` with control characters shown as escapes, so that it stays on its line.

    A file name or message may hold a newline, a carriage return or a terminal escape code;
    printed as they are, they would forge lines of the report (or CI workflow commands) and
    change the terminal.

    Args:
        text: A name or one line of a message.

    Returns:
        The text, each control character written as ``\\n``, ``\\x1b`` and so on.
    """
    if text.isprintable():
        return text
    # A byte that is not UTF-8 in a file name shows as the byte (\xff), not as its stand-in;
    # a space of another width (pyright indents with no-break spaces) is a space.
    return "".join(
        char
        if char.isprintable() or unicodedata.category(char) == "Zs"
        else char.encode("unicode_escape").decode()
        for char in printable(text)
    )


def safe_text(text: str) -> str:
    r"""Text from a repository or a preset, safe to print on a terminal or in a CI log.

    Every line is shown with `visible` (tabs kept), so a terminal escape or a carriage return
    shows as ``\x1b`` or ``\r``; a line that would start a CI workflow command (``::`` or
    ``##[`` after blanks) shows its first character escaped.

    Args:
        text: Any text; it may span lines.

    Returns:
        The text, its line breaks kept.
    """
    return "\n".join(inert("\t".join(map(visible, line.split("\t")))) for line in text.split("\n"))


def inert(line: str) -> str:
    r"""``line`` with the ``:`` or ``#`` that would start a CI workflow command shown as an escape.

    GitHub's runner reads a line that starts, after blanks, with ``::`` or ``##[`` as a command.

    Args:
        line: One line of output.

    Returns:
        The line, its first character escaped (``\x3a``) when it would start a command.
    """
    found = _COMMAND_START.match(line)
    if found is None:
        return line
    blank = found["blank"]
    return f"{blank}\\x{ord(line[len(blank)]):02x}{line[len(blank) + 1 :]}"


def error_text(message: str) -> str:
    """A message of an error, as ``pyexpert-gates: error: ...``, with its own line breaks.

    Each line is shown with `visible`, and every line after the first starts with a space, so
    that a newline inside a name cannot make a line pass for another message or a CI command.

    Args:
        message: The message; it may span lines.

    Returns:
        The text, without a final newline.
    """
    first, *rest = [visible(line) for line in message.splitlines()] or [""]
    later = [inert(line) if line[:1].isspace() else f"  {inert(line)}" for line in rest]
    return "\n".join([f"pyexpert-gates: error: {first}", *later])


def _has_details(gate: GateResult) -> bool:
    """True when a gate has findings or did not pass, so it gets a block of its own."""
    return bool(gate.diagnostics) or gate.status in {Status.FAILED, Status.ERROR}


def _gate_block(gate: GateResult, paint: Paint, listing: Listing, options: TextOptions) -> str:
    """A gate's heading, its command when verbose, and its findings in ruff's concise order."""
    verbose = options.verbose
    heading = f"{gate.name}: {paint(gate.status.value, gate.status)}"
    if notes := _notes(gate):
        heading += f" - {notes}"
    lines = [heading]
    if verbose and gate.command:
        lines.append(f"  $ {shlex.join(gate.command)}")
    ordered = listing.listed[gate.name]
    listed = ordered if verbose else ordered[:LISTING_LIMIT]
    lines.extend(
        finding_line(item, also=listing.also.get(item, ()), base=options.base) for item in listed
    )
    if hidden := len(ordered) - len(listed):
        lines.append(
            f"  ... and {hidden} more: `pyexpert-gates check --gate {gate.name} --verbose` "
            "lists them all; `--format json` reports every finding"
        )
    if merged := listing.merged(gate):
        lines.append(
            f"  ... and {count(merged, 'finding')} named on the line of a finding above on "
            "the same problem (`--verbose` lists them here)"
        )
    return "\n".join(lines)


def finding_line(diagnostic: Diagnostic, *, also: Sequence[str] = (), base: str = "") -> str:
    """One finding as ``path:line:col: CODE message``, and how ``fix`` fixes it.

    A finding without a column points at its line's first column, and one without a line at
    the file's first line, as ruff's whole-file findings do, so that every first line links.

    Args:
        diagnostic: The finding.
        also: The other findings at its place, which it stands for (``pyright reportX``).
        base: What leads the path: the project folder relative to the current one.

    Returns:
        The finding; later lines of a multi-line message are indented under it.
    """
    line = diagnostic.line or 1
    column = diagnostic.column or 1
    # The path starts the line: a name such as ``::error::x.py`` must not start a CI command.
    where = f"{inert(visible(base + diagnostic.path))}:{line}:{column}:"
    others = f" (also {', '.join(visible(name) for name in also)})" if also else ""
    described = _described(diagnostic, indent="    ")
    return f"{where}{described}{others}{_FIX_MARKS[diagnostic.fix]}"


def _fix_hint(report: Report) -> str:
    """How many findings ``pyexpert-gates fix`` would resolve; empty when none."""
    fixes = Counter(item.fix for gate in report.gates for item in gate.diagnostics if item.fix)
    if not fixes:
        return ""
    safe, unsafe = fixes[FixSafety.SAFE], fixes[FixSafety.UNSAFE]
    parts = [f"{safe} with `pyexpert-gates fix`"] if safe else []
    if unsafe:
        more = " more" if safe else ""
        parts.append(f"{unsafe}{more} with `pyexpert-gates fix --unsafe` (may change behaviour)")
    total = safe + unsafe
    return f"fixable: {total} finding{'s' * (total != 1)}, {' and '.join(parts)}"


def _table(gates: tuple[GateResult, ...], paint: Paint) -> list[str]:
    """The summary table: gate, status, findings that count, seconds, summary."""
    width = max((len(gate.name) for gate in gates), default=4)
    rows = [f"{'gate':<{width}}  {'status':<7}  {'findings':>8}  {'time':>7}  summary"]
    for gate in gates:
        status = paint(f"{gate.status.value:<7}", gate.status)
        rows.append(
            f"{gate.name.value:<{width}}  {status}  {_findings(gate):>8}  "
            f"{_duration(gate):>7}  {_notes(gate)}".rstrip()
        )
    return rows


def gate_notes(gate: GateResult, *, baselined: bool = True) -> str:
    """The gate's own summary, marked with what the baseline hid, a replay and a limit.

    Args:
        gate: The gate's result.
        baselined: False where a column of its own already shows the baselined findings.

    Returns:
        The summary followed by its marks in parentheses.
    """
    marks = [f"({gate.baselined} baselined)"] if baselined and gate.baselined else []
    return " ".join([visible(gate.summary), *marks, *_replay_marks(gate)]).strip()


def _notes(gate: GateResult) -> str:
    """A gate's summary for people: what counts after the baseline, when it accepted some.

    The tool's own summary counts the findings the baseline accepted, so beside ``passed``
    and ``0`` it would read as findings; ``--format json`` keeps it.
    """
    if not gate.baselined:
        return gate_notes(gate)
    new = len(gate.diagnostics)
    counts = [count(new, "new finding")] if new else []
    counts.append(f"{gate.baselined} baselined")
    return " ".join([", ".join(counts), *_replay_marks(gate)])


def _replay_marks(gate: GateResult) -> list[str]:
    """``(cached)`` for a replayed result, and the files a run was limited to."""
    marks = ["(cached)"] if gate.cached else []
    if gate.limited_to is not None:
        marks.append(f"(limited to {count(len(gate.limited_to), 'changed file')})")
    return marks


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
    baselined = [gate.baselined for gate in report.gates if gate.baselined is not None]
    accepted = f", {sum(baselined)} baselined" if baselined else ""
    tail = f"{accepted} ({report.duration_s:.2f} s)"
    if counts[Status.ERROR]:
        parts = [f"{counts[Status.ERROR]} could not run", f"{counts[Status.FAILED]} failed"]
        return f"{paint('ERROR', Status.ERROR)}: {', '.join(parts)}{tail}"
    if counts[Status.FAILED]:
        return f"{paint('FAILED', Status.FAILED)}: {counts[Status.FAILED]} failed{tail}"
    return f"{paint('PASSED', Status.PASSED)}: {counts[Status.PASSED]} passed{tail}"


def _painter(*, color: bool) -> Paint:
    """A function that colours text by status, or leaves it plain."""
    return _ansi if color else _plain


def _plain(text: str, _: Status) -> str:
    """``text`` unchanged."""
    return text


def _ansi(text: str, status: Status) -> str:
    """``text`` in the colour of ``status``."""
    return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m"
