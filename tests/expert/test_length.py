import pytest

from tests.helpers.expert import lines_of, messages_of

CODE = "PXG002"


def statements(count: int, indent: str = "    ") -> str:
    return "".join(f"{indent}value_{index} = {index}\n" for index in range(count))


def function(body: str, *, name: str = "work", signature: str = "()") -> str:
    return f"def {name}{signature}:\n{body}"


DOCSTRING = '    """Summary.\n\n    More words.\n\n    Returns:\n        Nothing.\n    """\n'
# Blank and comment lines between the statements, where they fall inside the function's span.
STATEMENTS_AND_NOISE = "".join(
    f"    value_{index} = {index}\n\n    # step {index}\n" for index in range(30)
)
LONG_SIGNATURE = "(\n" + "".join(f"    argument_{index}: int,\n" for index in range(12)) + ")"
NESTED_SHORT = "    def inner():\n" + statements(20, "        ") + "    return inner\n"
NESTED_LONG = "    def inner():\n" + statements(31, "        ") + "    return inner\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(function(statements(30)), [], id="at-the-limit"),
        pytest.param(function(statements(31)), [1], id="one-over"),
        pytest.param(function(DOCSTRING + statements(30)), [], id="docstring-not-counted"),
        pytest.param(function(STATEMENTS_AND_NOISE), [], id="blank-and-comment-lines-not-counted"),
        pytest.param(
            function(statements(30), signature=LONG_SIGNATURE), [], id="signature-not-counted"
        ),
        pytest.param(function(statements(10) + NESTED_SHORT), [], id="nested-counted-separately"),
        pytest.param(function(statements(10) + NESTED_LONG), [12], id="long-nested-reported-alone"),
        pytest.param(
            "class Service:\n    async def run(self):\n" + statements(31, "        "),
            [2],
            id="async-method",
        ),
        pytest.param(
            function('    text = """\n' + "line\n" * 40 + '"""\n    return text\n'),
            [1],
            id="string-lines-are-code",
        ),
    ],
)
def test_counts_lines_of_code_in_the_body(source: str, expected: list[int]) -> None:
    assert lines_of(CODE, source) == expected


def test_limit_comes_from_the_settings() -> None:
    source = function(statements(6))
    assert lines_of(CODE, source, max_function_lines=5) == [1]
    assert lines_of(CODE, source, max_function_lines=6) == []


def test_message_names_the_function_and_its_count() -> None:
    [message] = messages_of(CODE, function(statements(42), name="load_everything"))
    assert "`load_everything` has 42 lines of code, more than 30" in message
    assert "split it" in message


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param('("a b", ["a", "b"])', [], id="a literal table is one line"),
        pytest.param('(make("a b"), ["a", "b"])', [1], id="a table with calls is code"),
    ],
)
def test_a_loop_over_a_literal_table_of_cases_counts_the_table_as_one_line(
    item: str, expected: list[int]
) -> None:
    rows = "".join(f"        {item},\n" for _ in range(40))
    source = (
        f"def test_split():\n    cases = [\n{rows}    ]\n"
        "    for text, words in cases:\n        assert split(text) == words\n"
    )
    assert lines_of("PXG002", source, path="tests/test_words.py") == expected
