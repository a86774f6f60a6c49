"""Which configuration lists are unioned rather than compared whole, and how.

Rule lists (ruff ``select``, mypy ``enable_error_code``, pytest ``addopts``...) merge by union:
the project keeps its items and its order, and the preset's missing items are added. A preset
item counts as present when the project already has something that selects it: ruff's ``ALL``,
a shorter prefix such as ``D`` for ``D1``, or pytest's ``--strict`` for ``--strict-markers``.
"""

import shlex
from enum import StrEnum
from typing import TypeAlias

KeyPath: TypeAlias = tuple[str, ...]

# Keys whose list values are sets of rule codes or options, by the key's own name.
_UNION_KEYS = frozenset(
    {
        "select",
        "extend-select",
        "ignore",
        "extend-ignore",
        "enable_error_code",
        "disable_error_code",
    }
)
# pytest options that turn on several others, as pytest 9 defines them.
_UMBRELLA_OPTIONS = {"--strict": frozenset({"--strict-markers", "--strict-config"})}
_PYLINT_PREFIX = "PL"


class ListStyle(StrEnum):
    """How one list-valued key merges."""

    WHOLE = "whole"
    UNION = "union"
    PREPEND = "prepend"
    OPTIONS = "options"


def list_style(path: KeyPath) -> ListStyle:
    """How the list at ``path`` merges.

    Args:
        path: The key's path from the document root.

    Returns:
        UNION for rule lists; PREPEND for pytest ``filterwarnings`` (pytest gives later entries
        precedence, so the preset's ``error`` must come first for the project's own filters to
        win); OPTIONS for pytest ``addopts``; WHOLE for every other list.
    """
    key = path[-1] if path else ""
    parent = path[-2] if len(path) > 1 else ""
    if key in _UNION_KEYS or parent in {"per-file-ignores", "extend-per-file-ignores"}:
        return ListStyle.UNION
    if key == "filterwarnings":
        return ListStyle.PREPEND
    if key == "addopts":
        return ListStyle.OPTIONS
    return ListStyle.WHOLE


def missing_items(
    theirs: list[object] | str, wanted: list[object], style: ListStyle
) -> list[object]:
    """The preset items the project's list does not already provide, in preset order.

    Args:
        theirs: The project's list, or its option string (pytest ``addopts`` may be a string).
        wanted: The preset's list.
        style: How the list merges.

    Returns:
        The items to add.
    """
    present = split_words(theirs, style) if isinstance(theirs, str) else [str(i) for i in theirs]
    if style is ListStyle.OPTIONS:
        present = [*present, *(o for u in present for o in _UMBRELLA_OPTIONS.get(u, ()))]
    return [item for item in wanted if not any(covers(have, str(item)) for have in present)]


def covers(have: str, item: str) -> bool:
    """Whether the selector ``have`` already selects the rule or option ``item``.

    Args:
        have: A selector the project has, such as ``ALL``, ``D``, ``PL`` or ``E501``.
        item: A selector the preset wants.

    Returns:
        True when ``have`` selects everything ``item`` selects.
    """
    if have in {item, "ALL"}:
        return True
    if not have.isalnum() or not item.startswith(have) or have == item[:1] == "-":
        return False
    rest = item[len(have) :]
    # A prefix selects more codes of the same linter ("D" covers "D1", not "DTZ"); pylint's
    # "PL" also covers its categories PLC, PLE, PLR and PLW.
    return rest[:1].isdigit() or (have == _PYLINT_PREFIX and rest[:1] in {"C", "E", "R", "W"})


def split_words(text: str, style: ListStyle) -> list[str]:
    """The items of a list written as one string.

    Args:
        text: The string.
        style: How the list merges.

    Returns:
        The items: mypy splits its error-code strings on commas; option strings split like a
        shell command line.
    """
    if style is ListStyle.UNION:
        return [word.strip() for word in text.split(",") if word.strip()]
    return shlex.split(text)


def join_words(words: list[str], style: ListStyle) -> str:
    """A list written as one string, the way :func:`split_words` reads it back.

    Args:
        words: The items.
        style: How the list merges.

    Returns:
        The string.
    """
    separator = ", " if style is ListStyle.UNION else " "
    return separator.join(word.strip() for word in words if word.strip())
