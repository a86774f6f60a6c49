import ast
import textwrap
from collections.abc import Hashable

import pytest

from pyexpert_gates.expert.shapes import is_literal, shape_of


def key_of(source: str) -> tuple[Hashable, ...]:
    """The shape key of a dedented body."""
    return shape_of(ast.parse(textwrap.dedent(source)).body).key


@pytest.mark.parametrize(
    "expression",
    ["1", "-2.5", "+3", "-1j", "'a'", "None", "(1, 'a')", "[]", "{1, -2}", "{'k': [1]}"],
)
def test_constants_and_displays_of_them_are_literals(expression: str) -> None:
    assert is_literal(ast.parse(expression, mode="eval").body) is True


@pytest.mark.parametrize(
    "expression",
    ["x", "-x", "not 1", "-'a'", "(1, x)", "[f()]", "{x: 1}", "{'k': x}", "{**base}", "1 + 2"],
)
def test_names_calls_and_operations_are_not_literals(expression: str) -> None:
    assert is_literal(ast.parse(expression, mode="eval").body) is False


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("return grow(-1)", "return grow(2)", id="signed-number"),
        pytest.param("return join((1, 2))", "return join(('a', 'b', 'c'))", id="tuple-of-any-size"),
        pytest.param("return pick({1, 2})", "return pick({3})", id="set-of-any-size"),
        pytest.param("return {'a': [1]}", "return {}", id="dict-of-literals"),
        pytest.param(
            """
            size = 1
            return grow(size)
            """,
            """
            amount = 100
            return grow(amount)
            """,
            id="name-bound-to-a-literal",
        ),
        pytest.param(
            """
            size: int = 1
            return grow(size)
            """,
            """
            amount: int = 100
            return grow(amount)
            """,
            id="annotated-name-bound-to-a-literal",
        ),
    ],
)
def test_bodies_that_differ_only_in_literals_have_one_shape(first: str, second: str) -> None:
    assert key_of(first) == key_of(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("return total + 1", "return total - 1", id="operator"),
        pytest.param("return point.x", "return point.y", id="attribute"),
        pytest.param("return items[1:]", "return items[:1]", id="slice-bound"),
        pytest.param("return {'a': one()}", "return {'a': two()}", id="dict-value-call"),
        pytest.param("return {first(): 1}", "return {second(): 1}", id="dict-key-call"),
        pytest.param(
            """
            if ready():
                start()
                stop()
            """,
            """
            if ready():
                start()
            else:
                stop()
            """,
            id="statement-in-else",
        ),
        pytest.param(
            """
            first = 1
            second = 2
            return pair(first, first)
            """,
            """
            first = 1
            second = 2
            return pair(first, second)
            """,
            id="literal-bound-name-used-twice",
        ),
        pytest.param("return grow(size)", "return grow(amount)", id="name-not-bound-here"),
        pytest.param(
            """
            size = 1
            size = measure()
            return grow(size)
            """,
            """
            amount = 1
            amount = measure()
            return grow(amount)
            """,
            id="name-also-bound-to-a-call",
        ),
    ],
)
def test_bodies_that_differ_in_more_than_literals_have_different_shapes(
    first: str, second: str
) -> None:
    assert key_of(first) != key_of(second)


@pytest.mark.parametrize(
    ("source", "hints"),
    [
        pytest.param("size = 1", ["size"], id="assigned"),
        pytest.param("size: int = 1", ["size"], id="annotated"),
        pytest.param("first, second = 1, 2", [None], id="unpacked"),
        pytest.param("check(1, mode='fast')", [None, "mode"], id="keyword"),
        pytest.param("assert split('a b') == ['a', 'b']", [None, "expected"], id="compared"),
    ],
)
def test_each_literal_is_named_after_the_parameter_it_would_become(
    source: str, hints: list[str | None]
) -> None:
    assert [slot.hint for slot in shape_of(ast.parse(source).body).slots] == hints
