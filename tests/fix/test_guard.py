"""The tests' guard: all groups kept in one run, or just the groups that break a test held back."""

from collections.abc import Sequence

import pytest

from pyexpert_gates.fix.guard import TestRun, guard


class FakeTests:
    """Fake test runs: a run fails when it applies a breaking group; every run is recorded."""

    def __init__(self, breaking: set[str]) -> None:
        self.breaking = breaking
        self.tried: list[list[str]] = []

    def __call__(self, groups: Sequence[str]) -> TestRun:
        self.tried.append(list(groups))
        broken = sorted(self.breaking.intersection(groups))
        return TestRun(passed=not broken, failed=tuple(f"test_{group}" for group in broken))


def test_guard_keeps_every_group_in_one_run_when_the_tests_pass() -> None:
    tests = FakeTests(breaking=set())
    guarded = guard(["I001", "F401", "format"], tests)
    assert guarded.kept == ("F401", "I001", "format")
    assert guarded.held_back == {}
    assert tests.tried == [["F401", "I001", "format"]]


@pytest.mark.parametrize(
    "breaking", [{"D212"}, {"format"}, {"D212", "format"}, {"C408", "D212", "F401", "format"}]
)
def test_guard_holds_back_exactly_the_groups_that_break_a_test(breaking: set[str]) -> None:
    groups = ["C408", "D212", "E711", "F401", "I001", "UP006", "format"]
    tests = FakeTests(breaking=breaking)
    guarded = guard(groups, tests)
    assert set(guarded.held_back) == breaking
    assert set(guarded.kept) == set(groups) - breaking
    assert guarded.held_back["D212" if "D212" in breaking else "format"]
    assert guarded.runs == len(tests.tried) < 2 * len(groups)
    # What is kept was tried together, and passed.
    assert any(sorted(tried) == sorted(guarded.kept) for tried in tests.tried) or not breaking
