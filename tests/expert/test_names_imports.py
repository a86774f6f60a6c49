"""Which imports bind the names the rules look for, and which do not."""

import pytest

from tests.helpers.expert import lines_of


@pytest.mark.parametrize(
    ("imports", "expected"),
    [
        # `import a.b` binds `a`.
        ("import typing.re\n\nvalue: typing.Any = 1\n", [3]),
        # A relative import names a module of the project, not the standard library's.
        ("from .typing import Any\n\nvalue: Any = 1\n", []),
    ],
)
def test_only_the_standard_librarys_typing_is_typing(imports: str, expected: list[int]) -> None:
    assert lines_of("PXG003", imports) == expected
