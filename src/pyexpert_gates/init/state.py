"""What ``init`` wrote last time, so that a preset upgrade updates it and keeps the user's edits.

After writing, init records, for every setting the preset has, a digest of the value the file
then held and, for a rule list, the items the preset put there. On the next run, a setting whose
value still has that digest is the preset's to update: a changed preset value replaces it, and a
rule the preset dropped leaves the list. A setting the user edited since no longer matches its
digest; it stays theirs, reported as a conflict as before.

The record lives in ``.pyexpert-gates/preset-state.json`` beside the baseline, and is meant to be
committed: it describes the project's configuration, not a machine.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    field,
    integer,
    load,
    text,
)
from pyexpert_gates.data.snapshot import ConfigReader
from pyexpert_gates.data.toml import Data, KeyPath, is_array, is_table
from pyexpert_gates.errors import InputError
from pyexpert_gates.init.names import setting_name
from pyexpert_gates.textfile import DiskReader

STATE_FILE = ".pyexpert-gates/preset-state.json"
_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    """One setting as init left it.

    Attributes:
        digest: The digest of the value the file held after init wrote it.
        added: For a list, the items the preset put there (as JSON), which it may take back.
    """

    digest: str
    added: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class PresetState:
    """What init wrote into each file, by file name and key.

    Attributes:
        preset: The preset's name.
        version: The preset's version; None for an unversioned preset.
        files: For each file, its settings as init left them, by key path.
    """

    preset: str
    version: int | None
    files: Mapping[str, Mapping[KeyPath, Written]]


def digest(value: object) -> str:
    """A digest of a parsed TOML value that does not depend on key order.

    Args:
        value: The value.

    Returns:
        A hex SHA-256.
    """
    canonical = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def owned_settings(
    state: PresetState | None, label: str, data: Data
) -> dict[KeyPath, tuple[object, ...]]:
    """The settings of one file that still hold what init wrote: the preset's to update.

    Args:
        state: The record of the last init, or None.
        label: The file's name.
        data: The file's parsed data now.

    Returns:
        Each unchanged setting, with the list items the preset put there (none for a scalar).
    """
    written = state.files.get(label, {}) if state is not None else dict[KeyPath, Written]()
    return {
        path: tuple(json.loads(item) for item in sorted(entry.added))
        for path, entry in written.items()
        if _digest_at(data, path) == entry.digest
    }


def retired_settings(
    label: str, data: Data, patch: Data, retired: Mapping[str, tuple[object, ...]]
) -> list[KeyPath]:
    """The settings of one file that the preset wrote once and no longer sets: init removes them.

    A setting is the preset's when it holds exactly one of the values an earlier version of the
    preset wrote there (``retired``); any other value is the project's own. The record cannot
    tell: an upgrade rewrites it, and a setting tailored to the project (ruff's line-length from
    black's) leaves the patch when the project sets it itself.

    Args:
        label: The file's name.
        data: The file's parsed data now.
        patch: The preset's settings for this file now.
        retired: The values earlier versions of the preset wrote, by setting name.

    Returns:
        The key paths to remove.
    """
    now = {path for path, _ in _leaves(patch, ())}
    return [
        path
        for path, value in _leaves(data, ())
        if path not in now and value in retired.get(setting_name(label, path), ())
    ]


def record(
    before: Data, after: Data, patch: Data, previous: Mapping[KeyPath, Written]
) -> dict[KeyPath, Written]:
    """What init wrote into one file: every setting of the patch as the file now holds it.

    Args:
        before: The file's data before init.
        after: The file's data after init.
        patch: The preset's settings for this file.
        previous: The last record of this file (an item the preset added before stays its own).

    Returns:
        The record of each setting, by key path.
    """
    written: dict[KeyPath, Written] = {}
    for path, wanted in _leaves(patch, ()):
        value = _value_at(after, path)
        if value is _MISSING or (not is_array(wanted) and value != wanted):
            continue  # a value of the project's own that init kept: never the preset's to update
        added: frozenset[str] = frozenset()
        if is_array(wanted) and is_array(value):
            had = _value_at(before, path)
            had_items = {_item(item) for item in had} if is_array(had) else set[str]()
            mine = {_item(item) for item in wanted} - had_items
            mine |= previous[path].added if path in previous else frozenset()
            added = frozenset(mine & {_item(item) for item in value})
        written[path] = Written(digest=digest(value), added=added)
    return written


def read_state(project: Path, reader: ConfigReader | None = None) -> PresetState | None:
    """The record of the last init, if there is one.

    Args:
        project: The project folder.
        reader: Where the record is read; the disk when None.

    Returns:
        The record, or None when init never recorded one.

    Raises:
        InputError: The record is damaged.
    """
    try:
        data = (reader or DiskReader()).content(project / STATE_FILE, STATE_FILE)
        return None if data is None else _parse(load(data.decode("utf-8")))
    except InputError as error:
        msg = f"{error.message}; delete the file and run init again"
        raise InputError(msg) from None
    except (UnicodeDecodeError, ShapeError) as error:
        msg = (
            f"{STATE_FILE}: cannot read the record of what init wrote ({error}); delete the "
            "file and run init again (your values are then kept as conflicts)"
        )
        raise InputError(msg) from None


def render_state(state: PresetState) -> str:
    """The record as the JSON text init writes: one line per setting, for readable diffs.

    Args:
        state: The record.

    Returns:
        The text, settings sorted, with a final newline.
    """
    head = {"version": _FORMAT_VERSION, "preset": state.preset, "preset_version": state.version}
    lines = ["{", *(f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items())]
    lines.append('  "files": {')
    for index, (label, settings) in enumerate(sorted(state.files.items())):
        entries = [
            json.dumps({"key": list(path), "digest": entry.digest, "added": sorted(entry.added)})
            for path, entry in sorted(settings.items())
        ]
        lines.append(f"    {json.dumps(label)}: [")
        lines.extend(f"      {entry}," for entry in entries[:-1])
        lines.extend(f"      {entry}" for entry in entries[-1:])
        lines.append("    ]," if index < len(state.files) - 1 else "    ]")
    lines.extend(("  }", "}"))
    return "\n".join(lines) + "\n"


def _parse(document: object) -> PresetState:
    """The record from its JSON document; any other shape raises `ShapeError`."""
    record = as_object(document, "the record")
    if integer(record, "version") != _FORMAT_VERSION:
        msg = f"expected a record of version {_FORMAT_VERSION}"
        raise ShapeError(msg)
    files: dict[str, dict[KeyPath, Written]] = {}
    for label, entries in as_object(field(record, "files"), "files").items():
        settings = files.setdefault(label, {})
        for item in as_list(entries, label):
            entry = as_object(item, "a setting")
            key = tuple(_strings(field(entry, "key")))
            added = frozenset(_strings(field(entry, "added")))
            settings[key] = Written(digest=text(entry, "digest"), added=added)
    unversioned = field(record, "preset_version") is None
    version = None if unversioned else integer(record, "preset_version")
    return PresetState(preset=text(record, "preset"), version=version, files=files)


def _strings(value: object) -> list[str]:
    """A JSON array of strings."""
    items = as_list(value, "a list")
    if not all(isinstance(item, str) for item in items):
        msg = "expected a list of strings"
        raise ShapeError(msg)
    return [str(item) for item in items]


_MISSING = object()


def _value_at(data: Mapping[str, object], path: KeyPath) -> object:
    """The value at ``path``, or `_MISSING`."""
    value: object = data
    for key in path:
        if not is_table(value) or key not in value:
            return _MISSING
        value = value[key]
    return value


def _digest_at(data: Mapping[str, object], path: KeyPath) -> str | None:
    """The digest of the value at ``path``, or None where there is none."""
    value = _value_at(data, path)
    return None if value is _MISSING else digest(value)


def _leaves(patch: Mapping[str, object], at: KeyPath) -> list[tuple[KeyPath, object]]:
    """Every setting of the patch: its non-table values, with their paths."""
    leaves: list[tuple[KeyPath, object]] = []
    for key, value in patch.items():
        if is_table(value):
            leaves.extend(_leaves(value, (*at, key)))
        else:
            leaves.append(((*at, key), value))
    return leaves


def _item(item: object) -> str:
    """A list item as JSON, so that items of any type compare and store alike."""
    return json.dumps(item, sort_keys=True, default=str)
