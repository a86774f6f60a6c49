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


@pytest.mark.parametrize(
    "source",
    [
        "from typing import Any\n\nvalue: Any = 1\n",
        "import typing as t\n\nvalue: t.Any = 1\n",
        # A renamed Any is found on lines that do not say Any.
        "from typing import Any as Loose\n\nvalue: Loose = 1\n",
        'from typing import Any, NewType\n\nHandle = NewType("Handle", Any)\n',
        'from typing_extensions import Any, TypeVar\n\nT = TypeVar("T", bound=Any)\n',
    ],
)
def test_an_imported_name_is_known_under_the_name_it_is_bound_to(source: str) -> None:
    assert lines_of("PXG003", source) == [3]
