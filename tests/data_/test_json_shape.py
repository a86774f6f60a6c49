"""Reading the tools' JSON: wrong shapes are named, deep nesting is refused."""

from collections.abc import Callable

import pytest

from pyexpert_gates.data import json_shape

Reader = Callable[[dict[str, object], str], object]


def list_field(record: dict[str, object], key: str) -> object:
    return json_shape.as_list(record[key], key)


def object_field(record: dict[str, object], key: str) -> object:
    return json_shape.as_object(record[key], key)


@pytest.mark.parametrize(
    ("read", "record", "message"),
    [
        (json_shape.text, {}, "field 'k' is missing"),
        (json_shape.text, {"k": None}, "field 'k' is null, expected a string"),
        (json_shape.integer, {"k": True}, "is a boolean, expected an integer"),
        (json_shape.optional_integer, {"k": 1.5}, "is a number, expected an integer or null"),
        (json_shape.optional_text, {"k": []}, "is an array, expected a string or null"),
        (json_shape.boolean, {"k": 0}, "is a number, expected true or false"),
        (list_field, {"k": {}}, "k is an object, expected an array"),
        (object_field, {"k": "x"}, "k is a string, expected an object"),
    ],
)
def test_wrong_shapes_are_named(read: Reader, record: dict[str, object], message: str) -> None:
    with pytest.raises(json_shape.ShapeError, match=message):
        read(record, "k")


@pytest.mark.parametrize(
    ("read", "record", "expected"),
    [
        (json_shape.optional_integer, {"k": 3}, 3),
        (json_shape.optional_integer, {"k": None}, None),
        (json_shape.optional_integer, {}, None),
        (json_shape.optional_text, {"k": "x"}, "x"),
        (json_shape.optional_text, {}, None),
        (json_shape.integer, {"k": 0}, 0),
        (json_shape.boolean, {"k": False}, False),
    ],
)
def test_fields_of_the_right_shape(
    read: Reader, record: dict[str, object], expected: object
) -> None:
    assert read(record, "k") == expected


def test_load_rejects_deep_nesting() -> None:
    with pytest.raises(json_shape.ShapeError, match="not valid JSON"):
        json_shape.load("[" * 100_000)
