"""Fingerprints: a finding's gate, code, path, source line text and occurrence, never its line.

A finding about a whole file is recognized from the finding itself: it has no line, or it has
the empty range at the very start of the file that tools give such findings (ruff's ``D100``,
``INP001``, ``EXE002``, ``N999``, ``CPY001``...), or it is one the docstrings gate documents as
being about a module. Its fingerprint has no source text, so adding a line at the top of the
file does not make it new. A ``format`` finding says the whole file's layout is wrong, so its
fingerprint holds the digest of the file's content: any later change to the file, and so any
new formatting fault, makes it a new finding.
"""

import io
import tokenize
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from pyexpert_gates.baseline.model import Entry, Fingerprint
from pyexpert_gates.gates.docstrings import MODULE_CODES
from pyexpert_gates.gates.registry import GATES, Anchor
from pyexpert_gates.models import Diagnostic, GateName

_FILE_START = (1, 1, 1, 1)


class Sources(Protocol):
    """The project's files as fingerprints read them."""

    def line(self, path: str, number: int) -> str:
        """The text of a line.

        Args:
            path: The file, relative to the project root.
            number: The 1-based line number.

        Returns:
            The line without its line break; empty when unknown.
        """
        ...

    def content(self, path: str) -> str:
        """The digest of a file's content.

        Args:
            path: The file, relative to the project root.

        Returns:
            A hexadecimal digest; empty when the file cannot be read.
        """
        ...


def normalise(text: str) -> str:
    """A line's text with its indentation and runs of whitespace collapsed.

    Re-indenting code (moving a function into a class) keeps its findings' fingerprints.

    Args:
        text: The line as it is in the file.

    Returns:
        The words of the line, separated by single spaces.
    """
    return " ".join(text.split())


def without_comment(source: str) -> str:
    """A fingerprint's line text without its comment: the code alone.

    A comment added to a line, such as the justification of an ``Any`` or of a suppression,
    leaves the line's code as it was, so its accepted findings stay accepted.

    Args:
        source: A line's text, as a fingerprint holds it.

    Returns:
        The text before the line's comment, stripped; the text itself when the line holds no
        comment or is not Python on its own (a line inside a string, say).
    """
    if "#" not in source:
        return source
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    comment = next((token for token in tokens if token.type == tokenize.COMMENT), None)
    return source if comment is None else source[: comment.start[1]].rstrip()


def fingerprints(
    gate: GateName, diagnostics: Sequence[Diagnostic], sources: Sources
) -> tuple[Fingerprint, ...]:
    """The fingerprint of each of one gate's findings.

    Occurrences are counted in the order of the findings' positions in their file, so the
    fingerprints do not depend on the order the tool printed them in.

    Args:
        gate: The gate that reported the findings.
        diagnostics: The findings.
        sources: Reads the project's files.

    Returns:
        One fingerprint per finding, in the order of ``diagnostics``.
    """
    order = sorted(range(len(diagnostics)), key=lambda index: _position(diagnostics[index]))
    seen: Counter[tuple[str, str, str]] = Counter()
    found: dict[int, Fingerprint] = {}
    for index in order:
        diagnostic = diagnostics[index]
        source = _source(gate, diagnostic, sources)
        key = (diagnostic.path, diagnostic.code or "", source)
        found[index] = Fingerprint(
            path=key[0], gate=gate, code=key[1], source=source, occurrence=seen[key]
        )
        seen[key] += 1
    return tuple(found[index] for index in range(len(diagnostics)))


def entries(
    gate: GateName, diagnostics: Sequence[Diagnostic], sources: Sources
) -> tuple[Entry, ...]:
    """The baseline entries that accept ``diagnostics``.

    Args:
        gate: The gate that reported the findings.
        diagnostics: The findings.
        sources: Reads the project's files.

    Returns:
        One entry per finding, with the tool's message (its first line) for people.
    """
    return tuple(
        Entry(fingerprint=fingerprint, message=_first_line(diagnostic.message))
        for fingerprint, diagnostic in zip(
            fingerprints(gate, diagnostics, sources), diagnostics, strict=True
        )
    )


def whole_file(diagnostic: Diagnostic) -> bool:
    """True for a finding about a whole file rather than a place in it.

    Args:
        diagnostic: The finding.

    Returns:
        Whether it has no line, the empty range at the start of the file, or a module code.
    """
    span = (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)
    return diagnostic.line is None or span == _FILE_START or diagnostic.code in MODULE_CODES


def _source(gate: GateName, diagnostic: Diagnostic, sources: Sources) -> str:
    """What ties a finding to its code: its line's text, or the file's content for ``format``."""
    if GATES[gate].anchor is Anchor.CONTENT:
        return f"content {sources.content(diagnostic.path)}"
    line = diagnostic.line
    if line is None or whole_file(diagnostic):
        return ""
    return normalise(sources.line(diagnostic.path, line))


def _position(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """Where a finding is, for counting occurrences in file order."""
    return (diagnostic.path, diagnostic.line or 0, diagnostic.column or 0, diagnostic.message)


def _first_line(message: str) -> str:
    """A message's first line, stripped."""
    lines = message.strip().splitlines()
    return lines[0].strip() if lines else ""
