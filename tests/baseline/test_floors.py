"""The docstring coverage ratchet: floors only rise, and new modules meet the threshold."""

import pytest

from pyexpert_gates.baseline.floors import (
    BELOW_FLOOR,
    BELOW_THRESHOLD,
    FloorChange,
    percent,
    ratchet,
    record_floors,
)
from pyexpert_gates.models import ModuleCoverage


def module(path: str, documented: int, total: int) -> ModuleCoverage:
    return ModuleCoverage(path=path, documented=documented, total=total)


def everything(_: str) -> bool:
    return True


@pytest.mark.parametrize(
    ("documented", "total", "expected"),
    [(1, 3, 33.3), (2, 3, 66.6), (1999, 2000, 99.9), (0, 0, 100.0), (4, 4, 100.0)],
)
def test_percent_rounds_down_to_a_tenth(documented: int, total: int, expected: float) -> None:
    assert percent(module("a.py", documented, total)) == expected


def test_record_floors_only_for_modules_below_the_threshold() -> None:
    coverage = [module("b.py", 1, 4), module("a.py", 9, 10), module("c.py", 4, 4)]
    assert record_floors(coverage, 100.0) == {"a.py": 90.0, "b.py": 25.0}
    assert record_floors(coverage, 80.0) == {"b.py": 25.0}


@pytest.mark.parametrize(
    ("documented", "floors", "codes", "kept", "changes"),
    [
        pytest.param(2, {"a.py": 50.0}, [], {"a.py": 50.0}, [], id="steady"),
        pytest.param(
            3, {"a.py": 50.0}, [], {"a.py": 75.0}, [FloorChange(path="a.py", old=50.0, new=75.0)],
            id="rises",
        ),
        pytest.param(
            4, {"a.py": 50.0}, [], {}, [FloorChange(path="a.py", old=50.0, new=None)],
            id="meets-the-threshold",
        ),
        pytest.param(1, {"a.py": 50.0}, [BELOW_FLOOR], {"a.py": 50.0}, [], id="falls"),
        pytest.param(3, {}, [BELOW_THRESHOLD], {}, [], id="new-module-below-threshold"),
        pytest.param(4, {}, [], {}, [], id="new-module-documented"),
    ],
)  # fmt: skip
def test_ratchet(
    documented: int,
    floors: dict[str, float],
    codes: list[str],
    kept: dict[str, float],
    changes: list[FloorChange],
) -> None:
    result = ratchet([module("a.py", documented, 4)], floors, threshold=100.0, checked=everything)
    assert [finding.code for finding in result.findings] == codes
    assert all(finding.path == "a.py" and finding.line is None for finding in result.findings)
    assert dict(result.floors) == kept
    assert list(result.changes) == changes


def test_a_module_with_its_own_new_finding_gets_no_second_one() -> None:
    result = ratchet(
        [module("a.py", 1, 4)],
        {"a.py": 50.0},
        threshold=100.0,
        checked=everything,
        explained={"a.py"},
    )
    assert result.findings == ()
    assert dict(result.floors) == {"a.py": 50.0}


def test_floors_of_modules_not_checked_are_kept_and_of_gone_modules_dropped() -> None:
    floors = {"gone.py": 10.0, "other.py": 20.0}
    result = ratchet([], floors, threshold=100.0, checked=lambda path: path != "other.py")
    assert dict(result.floors) == {"other.py": 20.0}
    assert list(result.changes) == [FloorChange(path="gone.py", old=10.0, new=None)]


def test_a_lowered_threshold_drops_floors_above_it() -> None:
    result = ratchet([module("a.py", 3, 4)], {"a.py": 75.0}, threshold=70.0, checked=everything)
    assert result.findings == ()
    assert dict(result.floors) == {}
