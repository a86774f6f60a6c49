"""PXG002 counts exactly: a multi-line literal is one line, wherever it is, once."""

from dataclasses import replace

import pytest

from pyexpert_gates.expert import default_settings
from tests.helpers.expert import lines_of, run

CODE = "PXG002"


def count_of(source: str) -> int:
    """The lines of code PXG002 counts in the one function of ``source`` (limit 1)."""
    settings = replace(default_settings(), max_function_lines=1)
    (found,) = [finding for finding in run(source, settings=settings) if finding.code == CODE]
    return int(found.message.split(" has ", 1)[1].split(" ", 1)[0])


@pytest.mark.parametrize(
    ("opening", "items", "closing"),
    [("[", "1,2,3", "]"), ("(", "1,2,3", ")"), ("{", "1,2,3", "}"), ("{", "'a': 1,'b': 2", "}")],
    ids=["list", "tuple", "set", "dict"],
)
def test_a_literal_over_several_lines_counts_as_one_line(
    opening: str, items: str, closing: str
) -> None:
    rows = "".join(f"        {item},\n" for item in items.split(","))
    source = f"def work():\n    cases = {opening}\n{rows}    {closing}\n    return cases\n"
    assert count_of(source) == 2


def test_a_literal_in_a_nested_function_is_left_out_once_with_that_function() -> None:
    inner = "    def inner():\n        return [\n            1,\n            2,\n        ]\n"
    source = f"def work():\n    first = 1\n{inner}    return inner\n"
    assert count_of(source) == 2


def test_a_function_with_only_a_docstring_has_no_line_of_code() -> None:
    source = 'def work():\n    """Nothing to do."""\n'
    assert lines_of(CODE, source, max_function_lines=0) == []
