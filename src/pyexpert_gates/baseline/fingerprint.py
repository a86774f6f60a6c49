"""Fingerprints: a finding's gate, code, path, source line text and occurrence, never its line."""

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeAlias

from pyexpert_gates.baseline.model import Entry, Fingerprint
from pyexpert_gates.models import Diagnostic, GateName

ABOUT_THE_FILE = frozenset(
    {"D100", "D104", "INP001", "undocumented-public-module", "undocumented-public-package"}
)
"""Codes of findings about a whole file that tools still place on line 1: their fingerprint
has no source text, so adding an import at the top of the file does not make them new. The
format gate's findings are about whole files too, whatever line ruff points at."""

SourceLine: TypeAlias = Callable[[str, int], str]
"""The text of line ``number`` (1-based) of the project file ``path``; empty when unknown."""


def normalise(text: str) -> str:
    """A line's text with its indentation and runs of whitespace collapsed.

    Re-indenting code (moving a function into a class) keeps its findings' fingerprints.

    Args:
        text: The line as it is in the file.

    Returns:
        The words of the line, separated by single spaces.
    """
    return " ".join(text.split())


def fingerprints(
    gate: GateName, diagnostics: Sequence[Diagnostic], source_line: SourceLine
) -> tuple[Fingerprint, ...]:
    """The fingerprint of each of one gate's findings.

    Occurrences are counted in the order of the findings' positions in their file, so the
    fingerprints do not depend on the order the tool printed them in.

    Args:
        gate: The gate that reported the findings.
        diagnostics: The findings.
        source_line: Reads a line of a project file.

    Returns:
        One fingerprint per finding, in the order of ``diagnostics``.
    """
    order = sorted(range(len(diagnostics)), key=lambda index: _position(diagnostics[index]))
    seen: Counter[tuple[str, str, str]] = Counter()
    found: dict[int, Fingerprint] = {}
    for index in order:
        diagnostic = diagnostics[index]
        source = _source(gate, diagnostic, source_line)
        key = (diagnostic.path, diagnostic.code or "", source)
        found[index] = Fingerprint(
            path=key[0], gate=gate, code=key[1], source=source, occurrence=seen[key]
        )
        seen[key] += 1
    return tuple(found[index] for index in range(len(diagnostics)))


def entries(
    gate: GateName, diagnostics: Sequence[Diagnostic], source_line: SourceLine
) -> tuple[Entry, ...]:
    """The baseline entries that accept ``diagnostics``.

    Args:
        gate: The gate that reported the findings.
        diagnostics: The findings.
        source_line: Reads a line of a project file.

    Returns:
        One entry per finding, with the tool's message (its first line) for people.
    """
    return tuple(
        Entry(fingerprint=fingerprint, message=_first_line(diagnostic.message))
        for fingerprint, diagnostic in zip(
            fingerprints(gate, diagnostics, source_line), diagnostics, strict=True
        )
    )


def _source(gate: GateName, diagnostic: Diagnostic, source_line: SourceLine) -> str:
    """The normalised text of a finding's line; empty for a finding about a whole file."""
    line = diagnostic.line
    if line is None or gate is GateName.FORMAT or diagnostic.code in ABOUT_THE_FILE:
        return ""
    return normalise(source_line(diagnostic.path, line))


def _position(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """Where a finding is, for counting occurrences in file order."""
    return (diagnostic.path, diagnostic.line or 0, diagnostic.column or 0, diagnostic.message)


def _first_line(message: str) -> str:
    """A message's first line, stripped."""
    lines = message.strip().splitlines()
    return lines[0].strip() if lines else ""
