"""Find the file each tool really reads its settings from.

Each tool looks for its own files before ``pyproject.toml``, and some fall back to another file
after it, which a new table in ``pyproject.toml`` would silently replace: which files, in which
order, is each tool's module of `pyexpert_gates.tools`. TOML files are merged where they are;
for the others, init stops and says what to do.
"""

import configparser
import io
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.data.snapshot import ConfigReader
from pyexpert_gates.data.toml import is_table
from pyexpert_gates.errors import ConfigError, InputError
from pyexpert_gates.textfile import DiskReader
from pyexpert_gates.tools import PYPROJECT, OwnFile, ruff
from pyexpert_gates.tools.catalog import OWN_FILES, table_header


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfigTarget:
    """Where one tool's settings are written.

    Attributes:
        file: The file's name in the project folder.
        prefix: The table that holds the tool's settings in that file.
    """

    file: str
    prefix: tuple[str, ...]


def foreign_sources(
    project: Path, pyproject: Mapping[str, object], tools: Collection[str]
) -> dict[str, tuple[str, str | None]]:
    """The file (and section) each tool reads instead of what init writes to pyproject.toml.

    Args:
        project: The project folder.
        pyproject: The parsed ``pyproject.toml`` (empty when there is none).
        tools: The tools the preset configures.

    Returns:
        For each such tool, the first file in its own order, and the section of a shared file.
    """
    sources: dict[str, tuple[str, str | None]] = {}
    for winner in OWN_FILES:
        wanted = winner.tool in tools and winner.tool not in sources
        if wanted and _wins(project / winner.name, winner, _tables(pyproject), DiskReader()):
            sources[winner.tool] = (winner.name, _section(winner))
    return sources


def _tables(pyproject: Mapping[str, object]) -> set[str]:
    """The tools that have a table in ``pyproject.toml``."""
    configured = pyproject.get("tool")
    return set(configured) if is_table(configured) else set[str]()


def locate(
    project: Path,
    pyproject: Mapping[str, object],
    tools: Collection[str],
    *,
    migrated: Collection[str] = (),
    reader: ConfigReader | None = None,
) -> dict[str, ConfigTarget]:
    """Where to write each tool's settings.

    Args:
        project: The project folder.
        pyproject: The parsed ``pyproject.toml`` (empty when there is none).
        tools: The tools the preset configures.
        migrated: The tools whose own file this run moves into ``pyproject.toml``.
        reader: Where the tools' own files are looked at; the disk when None.

    Returns:
        The target of every tool.

    Raises:
        ConfigError: A tool reads a file that init cannot edit safely; the message names every
            such file and what to do.
    """
    in_pyproject = _tables(pyproject)
    reader = reader or DiskReader()
    blockers = [
        _blocker_message(winner)
        for winner in OWN_FILES
        if winner.tool in tools
        and winner.tool not in migrated
        and _wins(project / winner.name, winner, in_pyproject, reader)
    ]
    if blockers:
        advice = (
            "  `pyexpert-gates init --migrate` moves them into pyproject.toml, comments and all, "
            "and merges the preset in the same step (--dry-run shows every file's diff)."
        )
        raise ConfigError("\n".join(["init changed nothing:", *blockers, advice]))
    ruff_file = next((name for name in ruff.OWN_FILES if reader.holds_file(project / name)), None)
    targets = {tool: ConfigTarget(file=PYPROJECT, prefix=("tool", tool)) for tool in tools}
    if "ruff" in tools and ruff_file is not None:
        targets["ruff"] = ConfigTarget(file=ruff_file, prefix=())
    return targets


def _wins(path: Path, winner: OwnFile, in_pyproject: Collection[str], reader: ConfigReader) -> bool:
    """Whether the tool reads ``winner`` at ``path`` instead of what init writes to pyproject."""
    if not reader.holds_file(path):
        return False
    if winner.overrides_pyproject:
        return True
    # A fallback file only loses to pyproject.toml once pyproject.toml has the tool's table;
    # writing that table would silently drop the settings the fallback file holds.
    return winner.tool not in in_pyproject and winner.section in _ini_sections(path, reader)


def _ini_sections(path: Path, reader: ConfigReader) -> list[str]:
    """The sections of an INI file; an unreadable file has none that a tool could use."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        data = reader.content(path, path.name)
    except InputError:
        return []  # configparser skips a file it cannot open
    # Decoded as a file opened in text mode is, so a message reads as it did from the disk.
    stream = io.TextIOWrapper(io.BytesIO(data or b""), encoding="utf-8")
    try:
        parser.read_file(stream, source=str(path))
    except (configparser.Error, UnicodeDecodeError, OSError) as error:
        msg = f"{path.name}: cannot read it as an INI file ({error}); fix it and run init again"
        raise ConfigError(msg) from None
    return parser.sections()


def _section(winner: OwnFile) -> str | None:
    """The section of a file the tool shares with others; None for a file of the tool's own."""
    return None if winner.overrides_pyproject else winner.section


def _blocker_message(winner: OwnFile) -> str:
    """What to tell the user about a file that init cannot merge into."""
    section = _section(winner)
    where = f"{winner.name} [{section}]" if section else winner.name
    table = table_header(winner.tool)
    if winner.overrides_pyproject:
        why = f"{winner.tool} reads {where} instead of {table} in pyproject.toml"
    else:
        why = (
            f"{winner.tool} reads {where}, and adding {table} to pyproject.toml would "
            "silently replace it"
        )
    return (
        f"  {why}. Move those settings into {table} in pyproject.toml, remove them from "
        f"{winner.name}, and run init again."
    )
