"""PXG003 tells a type position from a runtime one in the less common shapes of code."""

import pytest

from tests.helpers.expert import lines_of, messages_of

CODE = "PXG003"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # `|` writes a type on either side, at run time too.
        ("Loose = Any | None\n", [3]),
        # Subscripting a capitalised name writes a type; subscripting a call's result does not.
        ("Handlers = Registry[Any]\n", [3]),
        ("handler = lookup()[Any]\n", []),
        *(
            (f"Alias = {name}[Any]\n", [3])
            for name in ("list", "set", "frozenset", "tuple", "type")
        ),
        # The head of a subscript is read too.
        ("value: Registry[Any][int] = {}\n", [3]),
        ("Registry[Any].default = Loader\n", [3]),
        # The type of `Annotated` is a type, its metadata is not.
        ('size: Annotated[Any, "bytes"] = 0\n', [3]),
        ("size: Annotated[()] | Any = 0\n", [3]),
        ("size: Annotated[Any] = 0\n", [3]),
        # A type written inside the metadata is still a type.
        ("size: Annotated[int, Registry[Any]] = 0\n", [3]),
        ("size: Annotated[int, Any] = 0\n", []),
    ],
)
def test_an_any_is_reported_only_where_it_is_a_type(source: str, expected: list[int]) -> None:
    header = "from typing import Annotated, Any\n\n"
    assert lines_of(CODE, header + source) == expected


def test_an_assignment_to_a_name_of_typing_is_not_a_use_of_any() -> None:
    assert lines_of(CODE, "import typing\n\ntyping.Any = Loader\n") == []


def test_a_justification_on_the_line_of_the_any_counts_in_a_statement_of_several_lines() -> None:
    source = """\
        from typing import Any


        def load(
            target: Any,  # type: ignore[explicit-any]  # the plugin API passes anything
        ) -> None: ...
        """
    assert lines_of(CODE, source) == []


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # Only the first argument of `cast` is a type; the value cast is not.
        ("value = cast(object, Any)\n", []),
        # Every constraint of a TypeVar is a type, the first as the others.
        ('T = TypeVar("T", Any, int)\n', [3]),
        ('T = TypeVar("T", int, Any)\n', [3]),
    ],
)
def test_the_arguments_of_cast_and_typevar_that_are_types(call: str, expected: list[int]) -> None:
    header = "from typing import Any, TypeVar, cast\n\n"
    assert lines_of(CODE, header + call) == expected


@pytest.mark.parametrize(
    "annotation",
    ['"Any\\x00"', '"Any\\ud800"', '"' + "a." * 100_000 + 'Any"'],
    ids=["a NUL character", "a lone surrogate", "nested too deep for the parser"],
)
def test_a_string_annotation_python_cannot_parse_is_no_finding(annotation: str) -> None:
    assert lines_of(CODE, f"from typing import Any\n\nvalue: {annotation} = 1\n") == []


@pytest.mark.parametrize(
    "justification",
    [
        "# noqa: PXG003 - the plugin API passes anything",
        "# type: ignore[explicit-any]  # the plugin API passes anything",
        "# pyright: ignore[reportExplicitAny]  # the plugin API passes anything",
    ],
)
def test_a_justification_on_the_first_line_of_the_statement_covers_its_other_lines(
    justification: str,
) -> None:
    header = "from typing import Any\n\n\n"
    source = f"{header}def load(  {justification}\n    target: Any,\n) -> None: ...\n"
    assert lines_of(CODE, source) == []


def test_an_unjustified_any_says_what_to_use_instead_and_how_to_justify_it() -> None:
    (message,) = messages_of(CODE, "from typing import Any\n\nvalue: Any = 1\n")
    assert message == (
        "explicit `Any` without a justification: use a precise type, `object` or a Protocol, or "
        "say why on this line: `# type: ignore[explicit-any]  # <why Any is needed>`"
    )
