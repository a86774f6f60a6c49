"""Suppression comments: what they silence and whether they say why.

Recognised: ``# noqa`` and ``# noqa: CODES`` (ruff, flake8 and the expert rules), file-level
``# ruff: noqa`` and ``# flake8: noqa``, ``# type: ignore[codes]`` (mypy) and
``# pyright: ignore[rules]``, and the inline configuration that turns checks off for a whole
file (``# mypy: ignore-errors``, ``# pyright: basic``, ``# pyright: strict, reportX=false``,
any option weaker than strict in any place of the comment). A
suppression is explained when words follow it on its line:
right after its codes (``# noqa: BLE001 - last line of defence``) or in a later comment
(``# type: ignore[arg-type]  # stub is wrong``). Other suppressions in between are not words.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from pyexpert_gates.expert.comments import Comment
from pyexpert_gates.expert.weakening import mypy_comment_weakens, pyright_comment_weakens

_CODE = r"[A-Z]+[0-9]+"
_CODES = rf"{_CODE}(?:[\s,]+{_CODE})*"
# A directive quoted in prose ("# type: ignore" comments ...) follows a quote: not a directive.
_UNQUOTED = r"(?<![\"'`])#\s*"
# As pyright reads them: after `ignore` and its optional [codes] comes a space, `#` or the end.
_IGNORE = r"ignore(?:\s*\[(?P<{}_codes>[^\]]*)\])?(?=\s|#|$)"
# Inline configuration, judged by `weakening`: a comment that checks less than strict turns
# checks off for the whole file, whichever option of the comment does it.
_FILE_CONFIG = r"(?P<config_tool>mypy|pyright):(?P<config_options>.*)"
_DIRECTIVE = re.compile(
    rf"(?P<noqa>{_UNQUOTED}(?i:noqa)(?:\s*:\s*(?P<noqa_codes>{_CODES}))?)"
    rf"|(?P<file>{_UNQUOTED}(?i:ruff\s*:|flake8\s*[:=])\s*(?i:noqa)"
    rf"(?:\s*:\s*(?P<file_codes>{_CODES}))?)"
    rf"|(?P<type>{_UNQUOTED}type:\s*{_IGNORE.format('type')})"
    rf"|(?P<pyright>{_UNQUOTED}pyright:\s*{_IGNORE.format('pyright')})"
    rf"|(?P<config>{_UNQUOTED}(?:{_FILE_CONFIG}))"
)
_WORD = re.compile(r"[^\W\d_]{2,}")


class Kind(StrEnum):
    """The sort of suppression comment."""

    NOQA = "noqa"
    FILE_NOQA = "file"
    TYPE_IGNORE = "type"
    PYRIGHT_IGNORE = "pyright"
    FILE_CONFIG = "config"


@dataclass(frozen=True, slots=True, kw_only=True)
class Suppression:
    """One suppression directive inside a comment.

    Attributes:
        kind: Which tool's syntax it uses.
        line: The 1-based line.
        column: The 1-based column of the ``#`` that starts it.
        end_column: The 1-based column just after it.
        codes: The codes or rules it names; empty when it names none.
        explained: True when words follow it on the line.
        written: The directive as written, for messages.
    """

    kind: Kind
    line: int
    column: int
    end_column: int
    codes: tuple[str, ...]
    explained: bool
    written: str


def parse_suppressions(comment: Comment) -> list[Suppression]:
    """Return the suppression directives in one comment.

    Args:
        comment: The comment, from its ``#`` to the end of its line.

    Returns:
        The directives, left to right.
    """
    # mypy and pyright read their inline configuration only from a comment alone on its line.
    alone = comment.column == 0
    found = [
        match
        for match in _DIRECTIVE.finditer(comment.text)
        if match.lastgroup != Kind.FILE_CONFIG or (alone and match.start() == 0 and _weakens(match))
    ]
    if not found:
        return []
    ends = [match.start() for match in found[1:]] + [len(comment.text)]
    worded = [
        bool(_WORD.search(comment.text, match.end(), end))
        for match, end in zip(found, ends, strict=True)
    ]
    return [
        Suppression(
            kind=Kind(match.lastgroup or Kind.NOQA),
            line=comment.line,
            column=comment.column + match.start() + 1,
            end_column=comment.column + match.end() + 1,
            codes=_codes(match),
            explained=any(worded[index:]),
            written=match.group().lstrip("#").strip(),
        )
        for index, match in enumerate(found)
    ]


def _weakens(match: re.Match[str]) -> bool:
    """Whether an inline configuration comment checks less than strict."""
    options = match.group("config_options")
    if match.group("config_tool") == "mypy":
        # mypy reads only a line that starts with exactly "# mypy: ", and ignores the others.
        return match.group().startswith("# mypy: ") and mypy_comment_weakens(options)
    return pyright_comment_weakens(options)


def _codes(match: re.Match[str]) -> tuple[str, ...]:
    kind = match.lastgroup
    if kind == Kind.FILE_CONFIG:
        return ()
    listed = match.group(f"{kind}_codes") or ""
    if kind in {Kind.TYPE_IGNORE, Kind.PYRIGHT_IGNORE}:
        return tuple(code.strip() for code in listed.split(",") if code.strip())
    return tuple(re.findall(_CODE, listed))


@dataclass(frozen=True, slots=True, kw_only=True)
class SuppressionIndex:
    """The suppressions of one module, by line.

    Attributes:
        by_line: Each line's suppressions, left to right.
    """

    by_line: Mapping[int, tuple[Suppression, ...]]

    @classmethod
    def build(cls, comments: Iterable[Comment]) -> "SuppressionIndex":
        """Parse every comment's suppressions.

        Args:
            comments: The comments that may hold suppressions.

        Returns:
            The index.
        """
        by_line = {comment.line: tuple(parse_suppressions(comment)) for comment in comments}
        return cls(by_line={line: found for line, found in by_line.items() if found})

    def all(self) -> Iterable[Suppression]:
        """Return every suppression, line by line.

        Returns:
            The suppressions.
        """
        return (found for line in sorted(self.by_line) for found in self.by_line[line])

    def names(self, line: int, accepted: Iterable[tuple[Kind, str]]) -> bool:
        """Tell whether an explained suppression on a line names one of some codes.

        Args:
            line: The 1-based line.
            accepted: Pairs of a suppression kind and a code it must name.

        Returns:
            True when such a suppression stands on the line with a reason after it.
        """
        wanted = set(accepted)
        return any(
            (found.kind, code) in wanted
            for found in self.by_line.get(line, ())
            if found.explained
            for code in found.codes
        )
