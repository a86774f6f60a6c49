"""The comment scanner that the corpus test relies on to prove no comment is lost."""

from collections import Counter

import pytest

from tests.helpers.comments import comments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# a\nkey = 1  # b\n", ["# a", "# b"], id="line-and-trailing"),
        pytest.param("# same\n# same\n", ["# same", "# same"], id="counted-twice"),
        pytest.param('key = "a # b"  # c\n', ["# c"], id="hash-in-basic-string"),
        pytest.param("key = 'a # b'  # c\n", ["# c"], id="hash-in-literal-string"),
        pytest.param('key = "a \\" # b"\n', [], id="escaped-quote-in-basic-string"),
        pytest.param('key = """\n# no\n"""  # yes\n', ["# yes"], id="multi-line-basic"),
        pytest.param("key = '''\n# no\n'''\n# yes\n", ["# yes"], id="multi-line-literal"),
        pytest.param('key = """ends with quotes"""""  # c\n', ["# c"], id="quotes-before-closing"),
        pytest.param("key = 'C:\\path'  # c\n", ["# c"], id="backslash-in-literal-string"),
        pytest.param("#x\r\nkey = 1 #y  \r\n", ["#x", "#y"], id="crlf-and-trailing-spaces"),
        pytest.param('key = "open', [], id="unterminated-string"),
    ],
)
def test_comments_are_found_outside_strings_only(text: str, expected: list[str]) -> None:
    assert comments(text) == Counter(expected)
