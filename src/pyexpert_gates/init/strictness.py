"""The pytest settings init adds that a project's passing tests may fail under, and their undoing.

The preset makes every test run strict (``filterwarnings = ["error"]``, ``--strict-markers``,
``--strict-config``, ``xfail_strict``). Tests that passed without them may fail under one: a
warning becomes an error, a marker is unknown. ``adopt`` tries them as it tries fix groups, and
where one breaks a passing test it takes that one back and keeps the project's own value, as a
relaxation. Each is named by its setting, and by the item init added to a list
(``tool.pytest.ini_options.addopts --strict-markers``). A marker ``--strict-markers`` refuses
only because the project never registered it is a fault with a fix: adopt registers it.
"""

import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyexpert_gates.data.toml import Data, KeyPath, is_array, is_table
from pyexpert_gates.init.merge import Change, ChangeKind, MergePlan, value_at
from pyexpert_gates.init.names import setting_name
from pyexpert_gates.init.pytest_risks import pytest_settings
from pyexpert_gates.init.rulelists import ListStyle, list_style
from pyexpert_gates.tools import PYPROJECT

_PYTEST = ("tool", "pytest")
STRICT_MARKERS = "--strict-markers"
# pytest's message for a marker --strict-markers refuses (a collection error of the test file).
_UNKNOWN_MARKER = re.compile(r"'(?P<name>[^'\s]+)' not found in `markers` configuration option")


@dataclass(frozen=True, slots=True, kw_only=True)
class StrictSetting:
    """One pytest setting, or one item of a list setting, that init added.

    Attributes:
        path: The setting's key path in ``pyproject.toml``.
        item: The item init added to the list there; None for the whole setting.
    """

    path: KeyPath
    item: object = None

    @property
    def name(self) -> str:
        """The setting's name, as relaxations name it."""
        return setting_name(PYPROJECT, self.path)

    @property
    def label(self) -> str:
        """The setting and the item, for people and as a fix group's name."""
        return self.name if self.item is None else f"{self.name} {self.item}"


def added_strictness(plan: MergePlan) -> list[StrictSetting]:
    """The pytest settings, and list items, that a merge into ``pyproject.toml`` adds.

    Args:
        plan: init's merge into ``pyproject.toml``.

    Returns:
        One per scalar setting added, and one per item added to ``addopts`` or
        ``filterwarnings``, in the merge's order.
    """
    found: list[StrictSetting] = []
    for change in plan.changes:
        if change.kind is ChangeKind.EXTEND:
            found.extend(StrictSetting(path=change.path, item=i) for i in _items(change.value))
        elif change.kind is ChangeKind.ADD:
            # A new table (``[tool]`` itself, in a project without one) holds pytest's too.
            found.extend(_added(change.path, change.value))
    return [setting for setting in found if setting.path[: len(_PYTEST)] == _PYTEST]


def _added(path: KeyPath, value: object) -> list[StrictSetting]:
    """The settings a new key brings: each leaf, and each item of an option or filter list."""
    if is_table(value):
        return [item for key, child in value.items() for item in _added((*path, key), child)]
    if is_array(value) and list_style(path) in {ListStyle.OPTIONS, ListStyle.PREPEND}:
        return [StrictSetting(path=path, item=item) for item in value]
    return [StrictSetting(path=path)]


def taken_back(data: Data, settings: Sequence[StrictSetting]) -> MergePlan:
    """The changes to ``pyproject.toml`` that take these settings back to the project's own.

    Args:
        data: ``pyproject.toml``'s parsed data, with the settings in it.
        settings: The settings to take back.

    Returns:
        A plan: each whole setting, and each list left with no item, removed; each list
        without the items taken back.
    """
    changes: list[Change] = []
    for path in dict.fromkeys(setting.path for setting in settings):
        current = value_at(data, path)
        items = [s.item for s in settings if s.path == path]
        if current is None:
            continue
        if None in items:
            changes.append(Change(kind=ChangeKind.REMOVE, path=path, previous=current))
            continue
        left = _without(current, items)
        kind = ChangeKind.REPLACE if left else ChangeKind.REMOVE
        changes.append(Change(kind=kind, path=path, value=left or None, previous=current))
    return MergePlan(changes=tuple(changes), conflicts=())


def unknown_markers(failures: Iterable[str]) -> list[str]:
    """The markers pytest refused as unregistered in these failure messages.

    Args:
        failures: The failed tests' messages.

    Returns:
        Each marker's name, once, sorted.
    """
    return sorted({found["name"] for text in failures for found in _UNKNOWN_MARKER.finditer(text)})


def registered_markers(data: Data, names: Sequence[str]) -> MergePlan | None:
    """The change to ``pyproject.toml`` that registers these markers in pytest's ``markers``.

    Args:
        data: ``pyproject.toml``'s parsed data.
        names: The markers.

    Returns:
        The plan; None when ``markers`` is there but not a list, which adopt does not rewrite.
    """
    settings = pytest_settings(data)
    table = tuple(settings.table.split(".")) if settings else (*_PYTEST, "ini_options")
    current = value_at(data, (*table, "markers"))
    entries = [f"{name}: registered at adoption, as the tests use it" for name in names]
    if current is not None and not is_array(current):
        return None
    kind = ChangeKind.ADD if current is None else ChangeKind.EXTEND
    change = Change(kind=kind, path=(*table, "markers"), value=entries)
    return MergePlan(changes=(change,), conflicts=())


def _without(current: object, items: Sequence[object]) -> object:
    """A list, or an option string, without ``items``; empty when nothing is left."""
    if isinstance(current, str):
        return shlex.join(word for word in shlex.split(current) if word not in items)
    return [item for item in _items(current) if item not in items]


def _items(value: object) -> list[object]:
    """A list's items; an option string's words."""
    if isinstance(value, str):
        return list(shlex.split(value))
    return list(value) if is_array(value) else [value]
