"""Whether an entry of a rule list covers another (a prefix selects every rule it starts)."""

import pytest

from pyexpert_gates.init.rulelists import covers


@pytest.mark.parametrize(
    ("have", "item", "expected"),
    [
        ("ALL", "E501", True),
        ("D", "D1", True),
        ("D", "DTZ", False),
        ("PL", "PLR", True),
        ("E", "E501", True),
        ("E501", "E", False),
        ("--strict-markers", "--strict-markers", True),
        ("redundant", "redundant-expr", False),
    ],
)
def test_covers(*, have: str, item: str, expected: bool) -> None:
    assert covers(have, item) is expected
