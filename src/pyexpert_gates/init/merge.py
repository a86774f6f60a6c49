"""Plan how a preset merges into a configuration, on plain data, with no I/O.

The plan is a list of `Change` values computed from the parsed file (`tomllib`) and the preset
patch. It is applied twice, independently: once to plain dictionaries (what the result must mean)
and once to the tomlkit document (what is written); init writes only when the two agree.

Merge rules: absent keys are added; equal values are left alone; a differing value is kept and
reported as a `Conflict` unless forced; rule lists are unioned with the project's order first.
A setting the project relaxes by name is the project's: nothing is added to it, except the
preset's rules to a rule list.
"""

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias, TypedDict, Unpack

from pyexpert_gates.data.toml import Data, KeyPath, is_array, is_table
from pyexpert_gates.init.rulelists import ListStyle, join_words, list_style, missing_items

# Whether the project's differing value at a key is replaced rather than kept.
Forced: TypeAlias = Callable[[KeyPath], bool]
# Why a tool refuses the project's value at a key, or None when it accepts it.
Refusal: TypeAlias = Callable[[KeyPath, object], str | None]


class ChangeKind(StrEnum):
    """What a change does to one key."""

    ADD = "add"
    EXTEND = "extend"
    REPLACE = "replace"
    MOVE = "move"
    REMOVE = "remove"


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One edit of the configuration.

    Attributes:
        kind: What the change does.
        path: The key it changes, from the document root.
        value: The new value (ADD, REPLACE), the items to add (EXTEND), or None (MOVE, REMOVE).
        source: For MOVE, the key the value comes from.
        prepend: For EXTEND, whether the items go before the project's own.
        previous: For REPLACE and REMOVE, the project's value it replaces.
        reason: For REPLACE of a value the tool refuses, why it was not kept.
    """

    kind: ChangeKind
    path: KeyPath
    value: object = None
    source: KeyPath = ()
    prepend: bool = False
    previous: object = None
    reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """A key where the project's value differs from the preset's and is kept.

    Attributes:
        path: The key, from the document root.
        theirs: The project's value; None where it is not set (a setting relaxed by name).
        preset: The preset's value.
    """

    path: KeyPath
    theirs: object
    preset: object


@dataclass(frozen=True, slots=True, kw_only=True)
class MergePlan:
    """Everything a merge would do to one document.

    Attributes:
        changes: The edits, in the order they are applied.
        conflicts: The keys kept at the project's value.
    """

    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]


class Replacing(TypedDict, total=False):
    """Which of the project's differing values `plan_merge` replaces rather than keeps.

    Attributes:
        force: Every differing value (True), or those at the keys for which it returns True.
        refusal: Why a tool refuses a value; a refused value is replaced, never kept.
        owned: Settings that still hold what init last wrote, so the preset may update them,
            each with the list items the preset put there (which it may take back).
        relaxed: The keys the project relaxes by name: nothing is added there, not even a
            missing list item (a relaxation keeps the project's own value), except the
            preset's rules to a rule list.
        removed: Keys to remove where the file has them (what an older preset wrote, a
            relaxation ``--force`` ends).
    """

    force: bool | Forced
    refusal: Refusal | None
    owned: Mapping[KeyPath, Sequence[object]] | None
    relaxed: Forced | None
    removed: Sequence[KeyPath] | None


def plan_merge(
    current: Mapping[str, object],
    patch: Mapping[str, object],
    *,
    moves: Sequence[tuple[KeyPath, KeyPath]] = (),
    **replacing: Unpack[Replacing],
) -> MergePlan:
    """Plan the merge of ``patch`` into ``current``.

    Args:
        current: The parsed configuration file.
        patch: The preset's values, nested the way the file nests them.
        moves: Keys to move first, as (source, destination) pairs.
        **replacing: Which differing values are replaced (``force``, ``refusal``, ``owned``,
            see `Replacing`), and which keys are left alone (``relaxed``); by default each
            differing value is kept and reported as a conflict.

    Returns:
        The changes and the conflicts.
    """
    moved = apply_plain(current, [Change(kind=ChangeKind.MOVE, path=d, source=s) for s, d in moves])
    force = replacing.get("force", False)
    forced: Forced = force if callable(force) else _always(force)
    refusal = replacing.get("refusal") or _accepts_all
    planner = _Planner(
        force=forced,
        refusal=refusal,
        owned=replacing.get("owned") or {},
        relaxed=replacing.get("relaxed") or _always(answer=False),
    )
    planner.visit(moved, patch, ())
    move_changes = [Change(kind=ChangeKind.MOVE, path=d, source=s) for s, d in moves]
    removals = [
        Change(kind=ChangeKind.REMOVE, path=path, previous=previous)
        for path in replacing.get("removed") or ()
        if (previous := value_at(moved, path)) is not None
    ]
    changes = (*move_changes, *planner.changes, *removals)
    return MergePlan(changes=changes, conflicts=tuple(planner.conflicts))


def value_at(data: Mapping[str, object], path: KeyPath) -> object:
    """The value at ``path`` in nested tables.

    Args:
        data: The parsed file.
        path: The key path.

    Returns:
        The value, or None where there is none.
    """
    value: object = data
    for key in path:
        value = value.get(key) if is_table(value) else None
    return value


def _always(answer: bool) -> Forced:  # noqa: FBT001  # the answer is the point
    """A ``force`` that gives the same answer for every key."""

    def forced(_path: KeyPath) -> bool:
        return answer

    return forced


def _accepts_all(_path: KeyPath, _value: object) -> str | None:
    """The refusal of a planner that checks no value: none is refused."""
    return None


@dataclass(slots=True, kw_only=True)
class _Planner:
    """Walks the patch beside the current data, collecting changes and conflicts."""

    force: Forced
    refusal: Refusal
    owned: Mapping[KeyPath, Sequence[object]]
    relaxed: Forced
    changes: list[Change] = field(default_factory=list[Change])
    conflicts: list[Conflict] = field(default_factory=list[Conflict])

    def visit(
        self, current: Mapping[str, object], patch: Mapping[str, object], at: KeyPath
    ) -> None:
        """Plan every key of ``patch`` under the table ``current`` at path ``at``."""
        for key, wanted in patch.items():
            path = (*at, key)
            if key not in current:
                value = self.unrelaxed(wanted, path)
                if value is not None:
                    self.changes.append(Change(kind=ChangeKind.ADD, path=path, value=value))
                continue
            self.compare(current[key], wanted, path)

    def unrelaxed(self, wanted: object, path: KeyPath) -> object:
        """``wanted`` without the settings the project relaxes by name; None when none is left.

        Each setting left out is kept at the project's value (unset), as a conflict.
        """
        if self.relaxed(path):
            self.conflicts.append(Conflict(path=path, theirs=None, preset=wanted))
            return None
        if not is_table(wanted):
            return wanted
        kept = {key: self.unrelaxed(value, (*path, key)) for key, value in wanted.items()}
        left = {key: value for key, value in kept.items() if value is not None}
        return left if left or not wanted else None

    def compare(self, theirs: object, wanted: object, path: KeyPath) -> None:
        """Plan one key that exists on both sides."""
        if is_table(wanted) and is_table(theirs):
            self.visit(theirs, wanted, path)
            return
        style = list_style(path)
        if style is not ListStyle.WHOLE and is_array(wanted):
            self.extend(theirs, wanted, path, style)
            return
        if not _same(theirs, wanted, path):
            self.differ(theirs, wanted, path)

    def extend(self, theirs: object, wanted: list[object], path: KeyPath, style: ListStyle) -> None:
        """Plan a union of the preset's rule list into the project's."""
        if not (is_array(theirs) or isinstance(theirs, str)):
            self.differ(theirs, wanted, path)
            return
        # A rule list's relaxation covers the rules the project turns off; the preset's join it.
        missing = missing_items(theirs, wanted, style)
        if missing and style is not ListStyle.UNION and self.relaxed(path):
            self.conflicts.append(Conflict(path=path, theirs=theirs, preset=wanted))
            missing = []
        current = theirs if is_array(theirs) else []
        dropped = [i for i in self.owned.get(path, ()) if i not in wanted and i in current]
        if dropped:
            # The preset took back rules it had added: the list is the preset's to rewrite.
            kept = [item for item in current if item not in dropped]
            self.changes.append(
                Change(kind=ChangeKind.REPLACE, path=path, value=kept + missing, previous=theirs)
            )
            return
        if missing:
            prepend = style is ListStyle.PREPEND
            self.changes.append(
                Change(kind=ChangeKind.EXTEND, path=path, value=missing, prepend=prepend)
            )

    def differ(self, theirs: object, wanted: object, path: KeyPath) -> None:
        """Record a differing value as a replacement or a conflict."""
        reason = self.refusal(path, theirs) or ""
        if reason or self.force(path) or path in self.owned:
            replace = Change(
                kind=ChangeKind.REPLACE, path=path, value=wanted, previous=theirs, reason=reason
            )
            self.changes.append(replace)
        else:
            self.conflicts.append(Conflict(path=path, theirs=theirs, preset=wanted))


def _same(theirs: object, wanted: object, path: KeyPath) -> bool:
    """Whether two values mean the same setting (pyright's ``true`` is ``"error"``)."""
    if theirs == wanted and type(theirs) is type(wanted):
        return True
    if path and path[-1].startswith("report"):
        aliases: dict[object, str] = {True: "error", False: "none"}
        return aliases.get(theirs, theirs) == aliases.get(wanted, wanted)
    return False


def apply_plain(data: Mapping[str, object], changes: Sequence[Change]) -> Data:
    """Apply changes to plain data: what the merged file must parse to.

    Args:
        data: The parsed configuration; it is not modified.
        changes: The changes to apply, in order.

    Returns:
        A new nested dictionary with the changes applied.
    """
    result: Data = copy.deepcopy(dict(data))
    for change in changes:
        match change.kind:
            case ChangeKind.MOVE:
                parent = _table_at(result, change.source[:-1])
                value = parent.pop(change.source[-1])
                _table_at(result, change.path[:-1], create=True)[change.path[-1]] = value
            case ChangeKind.ADD | ChangeKind.REPLACE:
                parent = _table_at(result, change.path[:-1], create=True)
                parent[change.path[-1]] = copy.deepcopy(change.value)
            case ChangeKind.EXTEND:
                parent = _table_at(result, change.path[:-1])
                parent[change.path[-1]] = extended(parent[change.path[-1]], change)
            case ChangeKind.REMOVE:
                del _table_at(result, change.path[:-1])[change.path[-1]]
    return result


def extended(theirs: object, change: Change) -> object:
    """The project's list (or option string) with the change's items added.

    Args:
        theirs: The project's current value: a list, or a string of command-line options.
        change: An EXTEND change.

    Returns:
        The value after the change.
    """
    items = _as_list(change.value)
    if isinstance(theirs, str):
        words = [str(item) for item in items]
        return join_words(
            [*words, theirs] if change.prepend else [theirs, *words], list_style(change.path)
        )
    current = _as_list(theirs)
    return [*items, *current] if change.prepend else [*current, *items]


def _table_at(data: Data, path: KeyPath, *, create: bool = False) -> Data:
    """The nested table at ``path``, created on the way when ``create`` is set."""
    table = data
    for key in path:
        if key not in table and create:
            table[key] = {}
        child = table[key]
        if not is_table(child):
            msg = f"{'.'.join(path)} is not a table"
            raise TypeError(msg)
        table = child
    return table


def _as_list(value: object) -> list[object]:
    """The value as a list: an array as it is, anything else as a one-item list."""
    return value if is_array(value) else [value]


__all__ = [
    "Change",
    "ChangeKind",
    "Conflict",
    "Forced",
    "MergePlan",
    "Replacing",
    "apply_plain",
    "extended",
    "plan_merge",
    "value_at",
]
