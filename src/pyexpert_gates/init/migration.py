"""``init --migrate`` as data: settings moved from each tool's own file into pyproject.toml.

The settings of mypy's, pytest's and pyright's own files move with their comments; the result is
the new ``pyproject.toml`` text and what becomes of each old file (a section removed, or the file
deleted once nothing else is left in it).

The moved text is proven like every merge: parsed, it must mean the old ``pyproject.toml`` plus
the moved tables. Nothing here writes.
"""

import copy
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import tomlkit
from tomlkit.items import AoT, Table

from pyexpert_gates.data.toml import Data, is_array
from pyexpert_gates.errors import ConfigError, GatesError
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.ini import IniEntry, IniSection, read_ini
from pyexpert_gates.init.targets import foreign_sources
from pyexpert_gates.init.toml_edit import separate_tables
from pyexpert_gates.init.translation import mypy_modules, mypy_value, pyright_table, pytest_value
from pyexpert_gates.textfile import TextFile, read_text, with_newlines
from pyexpert_gates.tools import PYPROJECT, mypy, pyright, pytest
from pyexpert_gates.tools.catalog import OWN_FILES, table_header

# Files a tool reads whenever they exist: they go once their settings have moved.
_OWN_FILES = frozenset(file.name for file in OWN_FILES if file.overrides_pyproject)
_JSON_COMMENT = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.DOTALL)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_ARRAY_ONE_LINE_MAX = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    """Everything ``--migrate`` moves.

    Attributes:
        text: ``pyproject.toml``'s text with the moved tables.
        retired: What becomes of each old file: its edit without the moved sections, or its
            deletion once nothing else is left in it.
        moved: One line per moved section, for the user.
        tools: The tools whose settings moved.
    """

    text: str
    retired: tuple[FileEdit, ...]
    moved: tuple[str, ...]
    tools: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Moved:
    """One tool's settings, ready to go into ``pyproject.toml``."""

    tool: str
    plain: Data
    table: Table
    origin: str
    spans: tuple[tuple[int, int], ...]


def plan_migration(
    project: Path, pyproject_file: TextFile, pyproject: Mapping[str, object], tools: Sequence[str]
) -> Migration:
    """Plan moving every foreign configuration of ``tools`` into ``pyproject.toml``.

    Args:
        project: The project folder.
        pyproject_file: ``pyproject.toml`` as it is (it may not exist yet).
        pyproject: Its parsed data.
        tools: The tools the preset configures.

    Returns:
        The migration; with nothing to move, ``text`` is the file's text and nothing retires.

    Raises:
        ConfigError: ``pyproject.toml`` also has the tool's table, or the old file holds
            settings the tool would keep reading.
    """
    sources = foreign_sources(project, pyproject, tools)
    files = {label: read_text(project / label, label) for label, _ in sources.values()}
    moved = [
        _move(tool, label, section, files[label]) for tool, (label, section) in sources.items()
    ]
    for item in moved:
        _refuse_clash(item.tool, item.origin, pyproject)
    retired = tuple(_retire(label, file, moved) for label, file in files.items())
    deleted = {r.label for r in retired if r.delete}
    # The comments at the top of a deleted file go with the first settings moved out of it.
    firsts = {label: tool for tool, (label, _) in reversed(sources.items())}
    moved = [
        _move(tool, label, section, files[label], preamble=firsts[label] == tool)
        if label in deleted
        else item
        for item, (tool, (label, section)) in zip(moved, sources.items(), strict=True)
    ]
    text = _render(pyproject_file, pyproject, moved)
    lines = tuple(f"moved {item.origin} into {table_header(item.tool)}" for item in moved)
    return Migration(text=text, retired=retired, moved=lines, tools=frozenset(sources))


def _move(
    tool: str, label: str, section: str | None, file: TextFile, *, preamble: bool = False
) -> _Moved:
    """Translate one tool's settings from its file, with the file's top comments if asked."""
    if tool == "pyright":
        table, plain = _pyright(file.text, label)
        return _Moved(tool=tool, plain=plain, table=table, origin=label, spans=())
    ini = read_ini(file.text, label)
    top = ini.preamble if preamble else ()
    if tool == "mypy":
        chosen = [
            s
            for s in ini.sections
            if s.name == mypy.SECTION or s.name.startswith(mypy.MODULE_SECTION_PREFIX)
        ]
        table, plain = _mypy(chosen, top)
    else:
        # pytest.ini is pytest's own file: its settings are in [pytest].
        chosen = [s for s in ini.sections if s.name == (section or pytest.SECTION)]
        entries = chosen[0].entries if chosen else ()
        rows = [(e.key, pytest_value(e.key, e.value), e) for e in entries]
        table, plain = _table(rows, comments=(*top, *(s for c in chosen for s in c.heading)))
        _trailing(table, [line for c in chosen for line in c.trailing])
        table, plain = _wrap(table, plain, pytest.INI_OPTIONS)
    names = ", ".join(f"[{s.name}]" for s in chosen)
    spans = tuple((s.start, s.end) for s in chosen)
    return _Moved(tool=tool, plain=plain, table=table, origin=f"{label} {names}", spans=spans)


def _mypy(sections: Sequence[IniSection], top: Sequence[str]) -> tuple[Table, Data]:
    """The global mypy section as a table, its per-module sections as ``overrides``."""
    main = next((s for s in sections if s.name == mypy.SECTION), None)
    entries = main.entries if main else ()
    heading = (*top, *(main.heading if main else ()))
    table, plain = _table([(e.key, mypy_value(e.key, e.value), e) for e in entries], heading)
    _trailing(table, main.trailing if main else ())
    overrides = [s for s in sections if s.name != mypy.SECTION]
    if overrides:
        array = AoT([])
        plain_overrides: list[Data] = []
        for section in overrides:
            module = ("module", mypy_modules(section.name), None)
            rows = [(e.key, mypy_value(e.key, e.value), e) for e in section.entries]
            entry, entry_plain = _table([module, *rows], comments=section.heading)
            _trailing(entry, section.trailing)
            cast("list[Table]", array).append(entry)
            plain_overrides.append(entry_plain)
        table.append("overrides", array)
        plain["overrides"] = plain_overrides
    return table, plain


def _table(
    rows: Sequence[tuple[str, object, IniEntry | None]], comments: Sequence[str] = ()
) -> tuple[Table, Data]:
    """A TOML table of the rows, each setting after the comments that were above it."""
    table = tomlkit.table()
    for line in comments:
        table.add(tomlkit.comment(line))
    plain: Data = {}
    for key, value, entry in rows:
        for line in entry.comments if entry else ():
            table.add(tomlkit.comment(line))
        table.add(key, _item(value))
        plain[key] = value
    return table, plain


def _item(value: object) -> object:
    """A TOML value; a list of more than a few items goes one item per line."""
    if is_array(value) and len(value) > _ARRAY_ONE_LINE_MAX:
        array = tomlkit.array()
        cast("list[object]", array).extend(value)
        return array.multiline(multiline=True)
    return value


def _trailing(table: Table, comments: Sequence[str]) -> None:
    """Keep a section's comments that are not above a setting, at the table's end."""
    for line in comments:
        table.add(tomlkit.comment(line))


def _wrap(table: Table, plain: Data, key: str) -> tuple[Table, Data]:
    """The table under a parent with no header of its own (``[tool.pytest.ini_options]``)."""
    parent = tomlkit.table(is_super_table=True)
    parent.append(key, table)
    return parent, {key: plain}


def _pyright(text: str, label: str) -> tuple[Table, Data]:
    """The pyright JSON settings (comments and trailing commas allowed, as pyright allows)."""
    bare = _TRAILING_COMMA.sub(r"\1", _JSON_COMMENT.sub(lambda m: m.group(1) or "", text))
    try:
        data = json.loads(bare)
    except json.JSONDecodeError as error:
        msg = f"{label}:{error.lineno}:{error.colno}: not valid JSON ({error.msg}); fix it first"
        raise ConfigError(msg) from None
    plain = pyright_table(data, label)
    notes = _json_comments(text, plain)
    table = tomlkit.table()
    for key, value in plain.items():
        for line in notes.get(key, ()):
            table.add(tomlkit.comment(line))
        table.add(key, _item(value))
    return table, plain


def _json_comments(text: str, settings: Mapping[str, object]) -> dict[str, list[str]]:
    """The ``//`` comment lines directly above each top-level setting of a JSON file."""
    notes: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        key = re.match(r'"([^"]+)"\s*:', stripped)
        if stripped.startswith("//"):
            pending.append(stripped[2:].removeprefix(" "))
        elif key and key[1] in settings and key[1] not in notes:
            notes[key[1]], pending = pending, []
        elif stripped:
            pending = []
    return notes


def _refuse_clash(tool: str, origin: str, pyproject: Mapping[str, object]) -> None:
    """Refuse to move settings over a table ``pyproject.toml`` already has.

    The tool ignores one of the two, and which values the user means is theirs to say.
    """
    configured = pyproject.get("tool")
    if isinstance(configured, Mapping) and tool in configured:
        msg = (
            f"{PYPROJECT}: has {table_header(tool)} as well as {origin}, which {tool} reads "
            "instead; "
            "keep the settings you mean in one of them, delete the other, and run init again"
        )
        raise ConfigError(msg)


def _retire(label: str, file: TextFile, moved: Sequence[_Moved]) -> FileEdit:
    """The old file without the moved sections; deleted when nothing else is left."""
    if label == pyright.OWN_FILE:
        return _deletion(label, file)
    spans = [span for item in moved if item.origin.split(" ")[0] == label for span in item.spans]
    lines = file.text.splitlines(keepends=True)
    kept = [line for n, line in enumerate(lines) if not any(a <= n < b for a, b in spans)]
    rest = {s.name for s in read_ini("".join(kept), label).sections}
    if not rest:
        return _deletion(label, file)
    if label in _OWN_FILES:
        staying = [s for s in read_ini(file.text, label).sections if s.name in rest]
        names = ", ".join(f"[{s.name}] (line {s.line})" for s in staying)
        msg = (
            f"{label}: {names} would stay, and the tool reads {label} whenever it exists; "
            "move or remove those sections and run init --migrate again"
        )
        raise ConfigError(msg)
    return FileEdit(
        label=label, file=file, new_text="".join(kept), summary="the moved sections removed"
    )


def _deletion(label: str, file: TextFile) -> FileEdit:
    """The deletion of an old file whose settings all moved."""
    return FileEdit(label=label, file=file, new_text="", summary="its settings moved", delete=True)


def _render(file: TextFile, pyproject: Mapping[str, object], moved: Sequence[_Moved]) -> str:
    """``pyproject.toml``'s text with the moved tables, proven to mean exactly that."""
    if not moved:
        return file.text
    document = tomlkit.parse(file.text)
    expected: Data = copy.deepcopy(dict(pyproject))
    if "tool" not in document:
        document.append("tool", tomlkit.table(is_super_table=True))
    tools = document["tool"]
    for item in moved:
        tools[item.tool] = item.table
        expected.setdefault("tool", {})
        tool_table = expected["tool"]
        if isinstance(tool_table, dict):
            tool_table[item.tool] = item.plain
    text = with_newlines(separate_tables(file.text, tomlkit.dumps(document)), file.newline)
    if tomllib.loads(text) != expected:
        msg = f"{PYPROJECT}: the moved settings would not mean what they meant; nothing was written"
        raise GatesError(msg)
    return text
