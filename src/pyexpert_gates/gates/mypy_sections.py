"""mypy's ``unused section(s)`` note, read as findings at the overrides it names.

With ``warn_unused_configs`` (the preset turns it on) mypy ends its run with one plain-text line
such as ``pyproject.toml: note: unused section(s): module = ['docs_src.*']`` (or ``[mypy-docs.*]``
for an INI file), even under ``--output json``. Each pattern it names is an override for modules
that the checked paths never import: one finding at the line of the override that names it.
"""

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pyexpert_gates.data.snapshot import ProjectSnapshot
from pyexpert_gates.gates.paths import relative_path
from pyexpert_gates.models import Diagnostic, Severity

CODE = "unused-configs"
"""The findings' code: the mypy setting that asks for them, ``warn_unused_configs``."""

_NOTE = re.compile(r"^(?P<file>.+?): note: unused section\(s\): (?P<sections>.+)$")
_TOML_PATTERN = re.compile(r"'([^']*)'")
_INI_SECTION = re.compile(r"\[mypy-([^\]]+)\]")
_CONFIG_LIMIT = 1 << 20
_OVERRIDES = "[[tool.mypy.overrides]]"

ConfigReader = Callable[[str], str | None]
"""Reads a configuration file by its project-relative path; None when it cannot be read."""


def is_unused_note(line: str) -> bool:
    """Tell whether a line of mypy's output is its ``unused section(s)`` note.

    Args:
        line: One line of mypy's standard output.

    Returns:
        True for the note.
    """
    return _NOTE.match(line.strip()) is not None


def unused_sections(
    lines: Sequence[str], project: Path, read: ConfigReader
) -> tuple[Diagnostic, ...]:
    """One finding per override pattern that mypy's notes call unused.

    Args:
        lines: The notes (lines for which `is_unused_note` holds).
        project: The project root, for relative paths.
        read: Reads the configuration file, to find each override's line.

    Returns:
        The findings, at the line that names each pattern (no line when it cannot be found).
    """
    found: list[Diagnostic] = []
    for line in lines:
        note = _NOTE.match(line.strip())
        if note is not None:
            path = relative_path(note["file"], project)
            found.extend(_findings(path, note["sections"], read(path)))
    return tuple(found)


def _findings(path: str, sections: str, config: str | None) -> Iterator[Diagnostic]:
    """The findings of one note about the configuration file at ``path``."""
    ini = path.endswith((".ini", ".cfg"))
    patterns = _INI_SECTION.findall(sections) if ini else _TOML_PATTERN.findall(sections)
    config_lines = (config or "").splitlines()
    for pattern in patterns:
        written = f"[mypy-{pattern}]" if ini else f"module = {pattern!r}"
        yield Diagnostic(
            path=path,
            line=_line_of(config_lines, pattern, ini=ini),
            code=CODE,
            message=(
                f"the override {written} matches no module that the checked paths import "
                "(warn_unused_configs): remove it, or add the code it is for to "
                "[tool.pyexpert-gates] paths"
            ),
            severity=Severity.ERROR,
        )


def _line_of(lines: Sequence[str], pattern: str, *, ini: bool) -> int | None:
    """The 1-based line that names ``pattern`` in an override, or None."""
    if ini:
        wanted: tuple[str, ...] = (f"[mypy-{pattern}]",)
        start = 0
    else:
        wanted = (f'"{pattern}"', f"'{pattern}'")
        tables = (n for n, text in enumerate(lines) if text.strip().startswith(_OVERRIDES))
        start = next(tables, 0)
    for number, text in enumerate(lines[start:], start=start + 1):
        if any(item in text for item in wanted):
            return number
    return None


def read_config(snapshot: ProjectSnapshot) -> ConfigReader:
    """A reader of the project's configuration files: regular files inside it, up to 1 MiB.

    Args:
        snapshot: The configuration files the edge read.

    Returns:
        The reader.
    """

    def read(relative: str) -> str | None:
        data = snapshot.configs.get(relative)
        if data is None or relative in snapshot.linked_out or len(data) > _CONFIG_LIMIT:
            return None
        return data.decode("utf-8", errors="replace")

    return read
