"""Read a tool's JSON into typed values, refusing anything of another shape.

Tools change their output between releases; a gate that guessed at a missing field could report
a clean run that never happened. Every accessor here either returns the exact type asked for or
raises `ShapeError`, which the gates turn into an ``error`` status.
"""

import json
from typing import TypeVar, cast

_Scalar = TypeVar("_Scalar", str, int, bool)

_KINDS: tuple[tuple[type[object], str], ...] = (
    (bool, "a boolean"),  # before int: a bool is an int too
    (int, "a number"),
    (float, "a number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "an object"),
)


class ShapeError(ValueError):
    """A tool's output is not the JSON shape its gate expects."""


def load(text: str) -> object:
    """Parse JSON text.

    Args:
        text: The text a tool printed.

    Returns:
        The parsed value.

    Raises:
        ShapeError: When the text is not JSON.
    """
    try:
        value: object = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        message = f"not valid JSON ({error})"
        raise ShapeError(message) from error
    return value


def as_object(value: object, what: str) -> dict[str, object]:
    """Check that ``value`` is a JSON object.

    Args:
        value: A parsed JSON value.
        what: What the value is, for the error message.

    Returns:
        The same value, typed as an object.

    Raises:
        ShapeError: When the value is not an object.
    """
    if not isinstance(value, dict):
        message = f"{what} is {_kind(value)}, expected an object"
        raise ShapeError(message)
    return cast("dict[str, object]", value)


def as_list(value: object, what: str) -> list[object]:
    """Check that ``value`` is a JSON array.

    Args:
        value: A parsed JSON value.
        what: What the value is, for the error message.

    Returns:
        The same value, typed as a list.

    Raises:
        ShapeError: When the value is not an array.
    """
    if not isinstance(value, list):
        message = f"{what} is {_kind(value)}, expected an array"
        raise ShapeError(message)
    return cast("list[object]", value)


def field(record: dict[str, object], key: str) -> object:
    """The value of a field that must be present (it may be null).

    Args:
        record: A JSON object.
        key: The field's name.

    Returns:
        The field's value.

    Raises:
        ShapeError: When the field is missing.
    """
    if key not in record:
        message = f"field {key!r} is missing"
        raise ShapeError(message)
    return record[key]


def text(record: dict[str, object], key: str) -> str:
    """A string field that must be present.

    Args:
        record: A JSON object.
        key: The field's name.

    Returns:
        The string.

    Raises:
        ShapeError: When the field is missing or not a string.
    """
    return _expect(field(record, key), key, str, "a string")


def optional_text(record: dict[str, object], key: str) -> str | None:
    """A string field that may be null or absent.

    Args:
        record: A JSON object.
        key: The field's name.

    Returns:
        The string, or None.

    Raises:
        ShapeError: When the field holds something other than a string or null.
    """
    value = record.get(key)
    return None if value is None else _expect(value, key, str, "a string or null")


def integer(record: dict[str, object], key: str) -> int:
    """An integer field that must be present.

    Args:
        record: A JSON object.
        key: The field's name.

    Returns:
        The integer.

    Raises:
        ShapeError: When the field is missing or not an integer.
    """
    return _expect(field(record, key), key, int, "an integer")


def optional_integer(record: dict[str, object], key: str) -> int | None:
    """An integer field that may be null or absent.

    Args:
        record: A JSON object.
        key: The field's name.

    Returns:
        The integer, or None.

    Raises:
        ShapeError: When the field holds something other than an integer or null.
    """
    value = record.get(key)
    return None if value is None else _expect(value, key, int, "an integer or null")


def boolean(record: dict[str, object], key: str) -> bool:
    """A boolean field that must be present.

    Args:
        record: A JSON object.
        key: The field's name.

    Returns:
        The boolean.

    Raises:
        ShapeError: When the field is missing or not a boolean.
    """
    return _expect(field(record, key), key, bool, "true or false")


def _expect(value: object, key: str, kind: type[_Scalar], expected: str) -> _Scalar:
    """``value`` if it is of type ``kind``, else the error naming the field and both types."""
    # bool is a subclass of int, but a JSON true is never a count or a position.
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    message = f"field {key!r} is {_kind(value)}, expected {expected}"
    raise ShapeError(message)


def _kind(value: object) -> str:
    """Name a JSON value's type for an error message."""
    if value is None:
        return "null"
    return next((name for kind, name in _KINDS if isinstance(value, kind)), type(value).__name__)
