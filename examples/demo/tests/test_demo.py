import pytest

from demo import Feel, Reading, feel


@pytest.mark.parametrize(
    ("celsius", "expected"),
    [(-5.0, Feel.COLD), (18.0, Feel.MILD), (30.0, Feel.HOT)],
)
def test_feel(celsius: float, expected: Feel) -> None:
    assert feel(Reading(celsius=celsius)) is expected


def test_fahrenheit() -> None:
    assert Reading(celsius=100.0).fahrenheit == 212.0
