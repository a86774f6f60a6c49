"""The comments of a module, read with ``tokenize`` only where a suppression may stand.

Tokenizing a whole module costs more than parsing it, and only comments that hold a
suppression matter. So a cheap search finds the lines where one may stand, and only those are
tokenized: each from the first line of the innermost statement that contains it (a safe
starting point for the tokenizer, known from the syntax tree). A line outside every statement
holds no code and no string, so its comment simply starts at its first ``#``.
"""

import re
import tokenize
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

_SUPPRESSION_HINT = re.compile(
    r"#\s*(?:noqa|type:\s*ignore|pyright:|mypy:|ruff\s*:\s*noqa|flake8[:=]\s*noqa)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Comment:
    """One comment.

    Attributes:
        line: The 1-based line it stands on.
        column: The 0-based column of its ``#``.
        text: The comment, from its ``#`` to the end of the line.
    """

    line: int
    column: int
    text: str


def matching_lines(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Return the lines where a pattern matches.

    Args:
        text: The module's source, with newline (LF) line ends.
        pattern: What to search for.

    Returns:
        The 1-based line numbers, ascending, each once.
    """
    numbers: list[int] = []
    line, seen = 1, 0
    for found in pattern.finditer(text):
        line += text.count("\n", seen, found.start())
        seen = found.start()
        if not numbers or numbers[-1] != line:
            numbers.append(line)
    return numbers


def suppression_lines(text: str) -> list[int]:
    """Return the lines that may hold a suppression comment (or a string that looks like one).

    Args:
        text: The module's source, with newline (LF) line ends.

    Returns:
        The 1-based line numbers, ascending.
    """
    return matching_lines(text, _SUPPRESSION_HINT)


def read_comments(
    lines: Sequence[str], wanted: Sequence[int], origins: Mapping[int, int]
) -> list[Comment]:
    """Return the comments that stand on the wanted lines.

    Args:
        lines: The module's lines, without line ends.
        wanted: The 1-based lines whose comments are needed.
        origins: For a wanted line inside a statement, the first line of the innermost
            statement (or compound statement header) containing it.

    Returns:
        The comments found, at most one per line.
    """
    comments: list[Comment] = []
    groups: dict[int, list[int]] = {}
    for number in wanted:
        origin = origins.get(number)
        if origin is not None:
            groups.setdefault(origin, []).append(number)
            continue
        text = lines[number - 1]
        column = text.find("#")
        if column >= 0:
            comments.append(Comment(line=number, column=column, text=text[column:]))
    for origin, group in groups.items():
        comments.extend(_tokenized(lines, origin, frozenset(group)))
    return comments


def _tokenized(lines: Sequence[str], origin: int, wanted: frozenset[int]) -> Iterator[Comment]:
    last = max(wanted)
    chunk = iter([f"{line}\n" for line in lines[origin - 1 : last]])
    tokens = tokenize.generate_tokens(lambda: next(chunk, ""))
    try:
        for token in tokens:
            number = token.start[0] + origin - 1
            if number > last:
                return
            if token.type == tokenize.COMMENT and number in wanted:
                yield Comment(line=number, column=token.start[1], text=token.string)
    except (tokenize.TokenError, SyntaxError):
        # The chunk stops at the last wanted line, maybe inside a statement; every comment up to
        # there has been read by the time the tokenizer reaches the cut.
        return
