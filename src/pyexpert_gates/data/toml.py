"""TOML as plain data: the parsed document's tables and arrays, and values as TOML writes them.

Init's merge planner, the configuration readers and the gates all walk what `tomllib` parsed;
these are the types and checks they share.
"""

from typing import TypeAlias, TypeGuard

KeyPath: TypeAlias = tuple[str, ...]
Data: TypeAlias = dict[str, object]


def is_table(value: object) -> TypeGuard[Data]:
    """Whether a parsed TOML value is a table (TOML keys are always strings).

    Args:
        value: A value parsed by tomllib.

    Returns:
        True for a table.
    """
    return isinstance(value, dict)


def is_array(value: object) -> TypeGuard[list[object]]:
    """Whether a parsed TOML value is an array.

    Args:
        value: A value parsed by tomllib.

    Returns:
        True for an array.
    """
    return isinstance(value, list)


def toml_value(value: object) -> str:
    """A value the way TOML writes it, for messages.

    Args:
        value: A parsed TOML value.

    Returns:
        ``true``, ``"text"``, ``[1, 2]``; a table is shown as ``a table``, None (no value)
        as ``not set``.
    """
    match value:
        case None:
            return "not set"
        case bool():
            return "true" if value else "false"
        case str():
            return f'"{value}"'
        case dict():
            return "a table"
        case _ if is_array(value):
            return "[" + ", ".join(toml_value(item) for item in value) + "]"
        case _:
            return str(value)


__all__ = ["Data", "KeyPath", "is_array", "is_table", "toml_value"]
