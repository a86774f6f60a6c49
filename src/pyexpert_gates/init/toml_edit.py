"""Apply a merge plan to a tomlkit document, leaf by leaf, keeping the project's layout.

Tables are never assigned whole over existing ones (that drops comments). A new table under a
table that the project wrote with dotted keys (``lint.select = [...]`` under ``[tool.ruff]``) is
written as dotted keys too: tomlkit renders a sub-table of a dotted table under the wrong parent.
Whatever is written is checked afterwards against the plain-data merge by the caller.
"""

import itertools
from collections.abc import Mapping
from typing import TypeAlias, cast

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import Array, InlineTable, Item, Key, String, Table

from pyexpert_gates.data.toml import is_array, is_table
from pyexpert_gates.init.merge import Change, ChangeKind, extended

Container: TypeAlias = tomlkit.TOMLDocument | Table | InlineTable | OutOfOrderTableProxy
KeyPath: TypeAlias = tuple[str, ...]

# Arrays up to this many items stay on one line, like a person would write them.
_INLINE_ARRAY_MAX = 3
# A one-line array that grows past this many characters is rewritten one item per line.
_ONE_LINE_MAX = 88


def apply_changes(
    document: tomlkit.TOMLDocument,
    changes: tuple[Change, ...],
    comments: Mapping[str, str],
    *,
    dotted: bool = False,
) -> None:
    """Apply every change to ``document`` in place.

    Args:
        document: The parsed file.
        changes: The planned changes.
        comments: Comments for new array items, by item (a preset explains its exclusions).
        dotted: Write every new table under an existing one as dotted keys (the fallback when
            tomlkit misplaces a table header).
    """
    for change in changes:
        match change.kind:
            case ChangeKind.MOVE:
                _move(document, change)
            case ChangeKind.ADD:
                _add(document, change.path, change.value, comments, dotted=dotted)
            case ChangeKind.REPLACE:
                parent = _container(document, change.path[:-1])
                parent[change.path[-1]] = _new_item(change.value, comments)
            case ChangeKind.EXTEND:
                _extend(_container(document, change.path[:-1]), change, comments)
            case ChangeKind.REMOVE:
                del _container(document, change.path[:-1])[change.path[-1]]


def _container(document: tomlkit.TOMLDocument, path: KeyPath) -> Container:
    """The table at ``path``; every step exists because the plan was made against the file."""
    container: Container = document
    for key in path:
        child = container[key]
        if not isinstance(child, Table | InlineTable | OutOfOrderTableProxy):
            msg = f"{'.'.join(path)} is not a table"
            raise TypeError(msg)
        container = child
    return container


def _add(
    document: tomlkit.TOMLDocument,
    path: KeyPath,
    value: object,
    comments: Mapping[str, str],
    *,
    dotted: bool,
) -> None:
    """Add a new key, as a table, an inline table or dotted keys as its parent is written."""
    parent = _container(document, path[:-1])
    if isinstance(parent, InlineTable):
        parent[path[-1]] = _new_inline(value) if is_table(value) else _new_item(value, comments)
        return
    anchor = _dotted_anchor(document, path[:-1])
    if anchor is None and dotted and is_table(value) and isinstance(parent, Table):
        anchor = None if parent.is_super_table() else (parent, ())
    if anchor is not None:
        # Continue in the dotted style, from the nearest table that has a header of its own.
        table, below = anchor
        if not is_table(value):
            table.add(tomlkit.key([*below, path[-1]]), _new_item(value, comments))
        for leaf_path, leaf in _leaves(value, (*below, path[-1])) if is_table(value) else []:
            table.add(tomlkit.key(list(leaf_path)), _new_item(leaf, comments))
    elif is_table(value):
        parent[path[-1]] = _new_table(value, comments, super_table=_only_tables(value))
    else:
        parent[path[-1]] = _new_item(value, comments)


def _new_inline(value: Mapping[str, object]) -> InlineTable:
    """A new inline table, for a key added inside an inline table."""
    table = tomlkit.inline_table()
    for key, child in value.items():
        table[key] = child
    return table


def _dotted_anchor(
    document: tomlkit.TOMLDocument, path: KeyPath
) -> tuple[Table | tomlkit.TOMLDocument, KeyPath] | None:
    """For a table written with dotted keys, the nearest table above it that is not.

    Returns:
        That table and the path from it down to ``path``; None when the table at ``path`` is
        not dotted, or when an out-of-order table is in the way (then tomlkit adds the key
        itself, and the caller's check confirms the result).
    """
    if not _is_dotted(document, path):
        return None
    for depth in range(len(path) - 1, -1, -1):
        table = document if depth == 0 else _container(document, path[:depth])
        if isinstance(table, OutOfOrderTableProxy | InlineTable):
            return None
        if isinstance(table, tomlkit.TOMLDocument) or not _is_dotted(document, path[:depth]):
            return table, path[depth:]
    return None


def _is_dotted(document: tomlkit.TOMLDocument, path: KeyPath) -> bool:
    """Whether the table at ``path`` is written with dotted keys, such as ``lint.select``.

    A table split across the file (an out-of-order table) is not: tomlkit adds a new table to
    it as a header of its own, which the caller's check confirms.
    """
    if not path:
        return False
    parent = document if len(path) == 1 else _container(document, path[:-1])
    body = parent.body if isinstance(parent, tomlkit.TOMLDocument) else _body(parent)
    return any(key is not None and key.key == path[-1] and key.is_dotted() for key, _ in body)


def _body(container: Container) -> list[tuple[Key | None, Item]]:
    """The key-item pairs of a table's own text."""
    if isinstance(container, Table | InlineTable):
        return container.value.body
    return []


def _leaves(value: Mapping[str, object], at: KeyPath) -> list[tuple[KeyPath, object]]:
    """Every non-table value under ``value``, with its path below the parent."""
    leaves: list[tuple[KeyPath, object]] = []
    for key, child in value.items():
        if is_table(child):
            leaves.extend(_leaves(child, (*at, key)))
        else:
            leaves.append(((*at, key), child))
    return leaves


def _only_tables(value: Mapping[str, object]) -> bool:
    """Whether a new table holds only tables, so it needs no header of its own."""
    return all(is_table(child) for child in value.values())


def _new_table(
    value: Mapping[str, object], comments: Mapping[str, str], *, super_table: bool
) -> Table:
    """A new table for ``value``: plain keys first, then sub-tables, as TOML requires."""
    table = tomlkit.table(is_super_table=super_table)
    for key, child in value.items():
        if not is_table(child):
            table.add(key, _new_item(child, comments))
    for key, child in value.items():
        if is_table(child):
            table.add(key, _new_table(child, comments, super_table=_only_tables(child)))
    return table


def _new_item(value: object, comments: Mapping[str, str]) -> Item:
    """A tomlkit item for a plain value; long or commented arrays go one item per line."""
    if not is_array(value):
        return tomlkit.item(value)
    if len(value) <= _INLINE_ARRAY_MAX and not any(str(v) in comments for v in value):
        return tomlkit.item(value)
    array = tomlkit.array()
    for element in value:
        array.add_line(element, comment=comments.get(str(element)))
    array.add_line(indent="")
    return array


def _extend(parent: Container, change: Change, comments: Mapping[str, str]) -> None:
    """Add the change's items to an existing list, in the list's own layout."""
    key = change.path[-1]
    current = parent[key]
    if isinstance(current, String):
        parent[key] = extended(current.value, change)
        return
    if not isinstance(current, Array):
        msg = f"{'.'.join(change.path)} is not a list"
        raise TypeError(msg)
    items = list(change.value) if is_array(change.value) else [change.value]
    if change.prepend:
        for position, item in enumerate(items):
            current.insert(position, item)
    elif "\n" in current.as_string():
        indent = _array_indent(current)
        for item in items:
            current.add_line(item, comment=comments.get(str(item)), indent=indent)
    else:
        # tomlkit's Array is a list; its own append is untyped.
        cast("list[object]", current).extend(items)
        if len(f"{key} = {current.as_string()}") > _ONE_LINE_MAX:
            current.multiline(multiline=True)


def _array_indent(array: Array) -> str:
    """The indentation of a multi-line array's items."""
    for line in array.as_string().splitlines()[1:]:
        stripped = line.lstrip(" \t")
        if stripped and not stripped.startswith("]"):
            return line[: len(line) - len(stripped)]
    return "    "


def _move(document: tomlkit.TOMLDocument, change: Change) -> None:
    """Move a key (a legacy top-level ruff setting) into its new table."""
    source = _container(document, change.source[:-1])
    item = source[change.source[-1]]
    del source[change.source[-1]]
    destination_path = change.path[:-1]
    parent = _container(document, destination_path[:-1])
    if destination_path[-1] not in parent:
        parent[destination_path[-1]] = tomlkit.table()
    anchor = _dotted_anchor(document, destination_path)
    if anchor is not None and isinstance(item, Table):
        # Under a dotted table (``lint.preview = true``) tomlkit gives a moved table the wrong
        # header, so its leaves go in as dotted keys, each item with its own comments.
        table, below = anchor
        for leaf_path, leaf in _leaves(item, (*below, change.path[-1])):
            table.add(tomlkit.key(list(leaf_path)), cast("Item", leaf))
        return
    _container(document, destination_path)[change.path[-1]] = item


def separate_tables(old: str, new: str) -> str:
    """``new`` with a blank line before each table header that the edit put under a setting.

    tomlkit writes a new table, or a new key at the end of a table, flush against the next
    header. A header that directly follows a setting in ``old`` stays as the project wrote it.

    Args:
        old: The file's text before the edit.
        new: The text tomlkit wrote.

    Returns:
        The text with those headers set apart.
    """
    before = old.splitlines()
    kept = set(itertools.pairwise(before))
    lines = new.splitlines(keepends=True)
    out: list[str] = []
    for previous, line in zip(["", *lines], lines, strict=False):
        header = line.startswith("[")
        setting = previous.strip() and not previous.lstrip().startswith(("#", "["))
        if header and setting and (previous.rstrip("\r\n"), line.rstrip("\r\n")) not in kept:
            out.append("\n")
        out.append(line)
    return "".join(out)
