"""Read an INI file the way mypy and pytest do, keeping the comments beside each setting.

Values come from `configparser` (what mypy itself uses; pytest's reader agrees on what init
moves: ``key = value``, indented continuation lines, whole-line ``#`` and ``;`` comments, inline
comments kept in the value). The comments come from a scan of the text: the comment lines above
a setting belong to it, those directly above a section header (no blank line between) to the
section, and those at the top of the file to the file.
"""

import configparser
from dataclasses import dataclass

from typing_extensions import override

from pyexpert_gates.errors import InputError

_COMMENT = ("#", ";")


@dataclass(frozen=True, slots=True, kw_only=True)
class IniEntry:
    """One setting of a section.

    Attributes:
        key: The setting's name, as written.
        value: Its value as the tools read it (continuation lines joined by new lines).
        line: The 1-based line of the key.
        comments: The comment lines above it, without their ``#``.
    """

    key: str
    value: str
    line: int
    comments: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IniSection:
    """One section and the lines it takes up.

    Attributes:
        name: The section's name, such as ``mypy`` or ``mypy-pkg.*``.
        line: The 1-based line of its header.
        entries: Its settings, in order.
        heading: The comments directly above its header.
        trailing: The comments after its last setting.
        start: The 0-based index of its first line (its comments above the header included).
        end: The 0-based index of the line after its last one.
    """

    name: str
    line: int
    entries: tuple[IniEntry, ...]
    heading: tuple[str, ...]
    trailing: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class IniFile:
    """A parsed INI file.

    Attributes:
        lines: The file's lines, with their line endings.
        preamble: The comments before the first section's own comments.
        sections: The sections, in order.
    """

    lines: tuple[str, ...]
    preamble: tuple[str, ...]
    sections: tuple[IniSection, ...]


class _KeysAsWritten(configparser.RawConfigParser):
    """An INI parser that keeps each key as written (configparser lowercases them)."""

    @override
    def optionxform(self, optionstr: str) -> str:
        """The key unchanged.

        Args:
            optionstr: The key as written.

        Returns:
            The same key.
        """
        return optionstr


def read_ini(text: str, label: str) -> IniFile:
    """Parse an INI file's text.

    Args:
        text: The file's text.
        label: The file's name, for messages.

    Returns:
        The file's sections with their settings and comments.

    Raises:
        InputError: The text is not INI that mypy and pytest can read.
    """
    parser = _KeysAsWritten(strict=True)
    try:
        parser.read_string(text, source=label)
    except configparser.Error as error:
        errors: list[tuple[int, str]] = getattr(error, "errors", [])
        line = getattr(error, "lineno", None) or (errors[0][0] if errors else None)
        where = f"{label}:{line}" if line else label
        what = f"unexpected line {errors[0][1].strip()}" if errors else error.message
        msg = f"{where}: cannot read it as an INI file ({what}); fix it and run init again"
        raise InputError(msg) from None
    lines = tuple(text.splitlines(keepends=True))
    headers = [n for n, line in enumerate(lines) if line.startswith("[")]
    starts = [_attached_start(lines, header) for header in headers]
    preamble = _comments(lines[: starts[0]] if starts else lines)
    ends = [*starts[1:], len(lines)] if starts else []
    sections = tuple(
        _section(lines, parser, header, start, end)
        for header, start, end in zip(headers, starts, ends, strict=True)
    )
    return IniFile(lines=lines, preamble=preamble, sections=sections)


def _attached_start(lines: tuple[str, ...], header: int) -> int:
    """The first line of the comment block directly above a header."""
    start = header
    while start > 0 and lines[start - 1].lstrip().startswith(_COMMENT):
        start -= 1
    return start


def _section(
    lines: tuple[str, ...], parser: configparser.RawConfigParser, header: int, start: int, end: int
) -> IniSection:
    """One section: its settings, with the comments above each."""
    name = lines[header].strip()[1:].split("]", 1)[0].strip()
    entries: list[IniEntry] = []
    pending: list[str] = []
    for number in range(header + 1, end):
        line = lines[number]
        if line.lstrip().startswith(_COMMENT):
            pending.append(_comment_text(line))
        elif line.strip() and not line[0].isspace():
            key = line.split("=", 1)[0].split(":", 1)[0].strip()
            entry = IniEntry(
                key=key, value=parser[name][key], line=number + 1, comments=tuple(pending)
            )
            entries.append(entry)
            pending = []
    return IniSection(
        name=name,
        line=header + 1,
        entries=tuple(entries),
        heading=_comments(lines[start:header]),
        trailing=tuple(pending),
        start=start,
        end=end,
    )


def _comments(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The comment lines among ``lines``, without their markers."""
    return tuple(_comment_text(line) for line in lines if line.lstrip().startswith(_COMMENT))


def _comment_text(line: str) -> str:
    """A comment line's text without its marker and the space after it."""
    text = line.strip()[1:]
    return text.removeprefix(" ")
