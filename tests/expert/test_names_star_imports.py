"""The rules know what ``from typing import *`` and its like bind, as a named import does."""

import pytest

from tests.helpers.expert import lines_of


@pytest.mark.parametrize("module", ["typing", "typing_extensions"])
@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("value: Any = 1\n", [3]),
        ("value = cast(Any, other)\n", [3]),
        ('mode: Literal["Any"] = "Any"\n', []),
        ('size: Annotated[int, "Any"] = 1\n', []),
        ('Loose: TypeAlias = "Any"\n', [3]),
    ],
)
def test_a_star_import_of_typing_binds_the_names_pxg003_reads(
    module: str, statement: str, expected: list[int]
) -> None:
    assert lines_of("PXG003", f"from {module} import *\n\n{statement}") == expected


@pytest.mark.parametrize("module", ["typing", "typing_extensions"])
def test_a_star_import_binds_dataclass_transform(module: str) -> None:
    source = (
        f"from {module} import *\n\n\n@dataclass_transform()\n"
        "def model(cls=None, *, slots: bool = False): ...\n\n\n@model\nclass A:\n    x: int\n"
    )
    assert lines_of("PXG001", source) == [8]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from dataclasses import *\n\n\n@dataclass\nclass Point:\n    x: int\n", [4]),
        # A cached_property cannot live with slots: the dataclass is left alone.
        (
            (
                "from dataclasses import dataclass\nfrom functools import *\n\n\n@dataclass\n"
                "class Point:\n    x: int\n\n    @cached_property\n    def norm(self) -> int:\n"
                "        return self.x\n"
            ),
            [],
        ),
    ],
)
def test_a_star_import_binds_what_pxg001_reads(source: str, expected: list[int]) -> None:
    assert lines_of("PXG001", source) == expected
