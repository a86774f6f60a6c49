"""Findings on a docstring's sections, only on the lines asked about, in the standard's words."""

import ast

import pytest

from pyexpert_gates.gates.sections import section_findings

SECTIONS = '''\
"""Doc."""


def add(a: int, b: int) -> int:
    """Add.

    Args:
        a: First.
    """
    return a + b


def total(values: list[int]) -> int:
    """Sum.

    Args:
        values: The values.

    Returns:
        The sum.
    """
    return sum(values)


def parse(text: str) -> int:
    """Parse.

    Args:
        text: The text.

    Returns:
        The number.

    Raises:
        ValueError: When the text is not a number (raised by ``int``).
    """
    return int(text)
'''


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ({4, 13, 25}, [(4, "DOC103"), (4, "DOC201")]),  # DOC101 echoes DOC103
        ({13}, []),
        ({25}, []),  # DOC502: exceptions raised by callees may be documented
    ],
)
def test_section_findings_only_on_given_lines(
    lines: set[int], expected: list[tuple[int, str]]
) -> None:
    found = section_findings(ast.parse(SECTIONS), lines)
    assert [(item.line, item.code) for item in found] == expected


TYPE_HINTS = '''\
def add(a, b):
    """Add.

    Args:
        a: First.
        b: Second.

    Returns:
        The sum.
    """
    return a + b


def scale(value: int, factor: int) -> int:
    """Scale.

    Args:
        value (int): The value.
        factor (int): The factor.

    Returns:
        The product.
    """
    return value * factor
'''


def test_a_missing_annotation_is_left_to_ruff_and_type_hints_speak_of_the_standard() -> None:
    found = section_findings(ast.parse(TYPE_HINTS), {1, 14})
    assert [(item.line, item.code) for item in found] == [(14, "DOC111")]
    assert found[0].message == (
        "Function `scale`: the docstring's Args repeat argument types; the standard keeps "
        "types in the signature only: remove them from the docstring"
    )
    assert "--" not in found[0].message
