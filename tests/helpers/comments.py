"""The comments of a TOML text, found by a scanner that knows TOML's four kinds of string.

The scanner is independent of the TOML editor under test: a ``#`` starts a comment only outside
basic (double-quoted), literal (single-quoted) and multi-line (tripled quotes) strings.
"""

from collections import Counter

_DELIMITERS = ('"""', "'''", '"', "'")


def comments(text: str) -> Counter[str]:
    """Every comment in ``text``, counted, each without the line ending after it.

    Args:
        text: A TOML document.

    Returns:
        The multiset of comments, each starting with ``#``.
    """
    found: Counter[str] = Counter()
    index = 0
    while index < len(text):
        if text[index] == "#":
            end = _line_end(text, index)
            found[text[index:end].rstrip()] += 1
            index = end
            continue
        delimiter = next((d for d in _DELIMITERS if text.startswith(d, index)), None)
        index = index + 1 if delimiter is None else _string_end(text, index, delimiter)
    return found


def _line_end(text: str, start: int) -> int:
    """The index of the newline ending the line that holds ``start`` (or the text's end)."""
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def _string_end(text: str, start: int, delimiter: str) -> int:
    """The index just past the string that opens at ``start`` with ``delimiter``."""
    index = start + len(delimiter)
    escapes = delimiter.startswith('"')
    while index < len(text):
        if escapes and text[index] == "\\":
            index += 2
        elif text.startswith(delimiter, index):
            return _past_closing_quotes(text, index + len(delimiter), delimiter)
        else:
            index += 1
    return index


def _past_closing_quotes(text: str, index: int, delimiter: str) -> int:
    """Skip up to two more quotes after a multi-line string's end: five in a row are legal."""
    if len(delimiter) == 1:
        return index
    extra = 0
    while extra < len(delimiter) - 1 and text.startswith(delimiter[0], index + extra):
        extra += 1
    return index + extra
