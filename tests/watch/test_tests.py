"""Which tests a cycle runs (every one, the record, the affected), and how many of how many."""

import pytest

from pyexpert_gates.gates.base import SelectedTests
from pyexpert_gates.models import GateName, GateResult, Status
from pyexpert_gates.watch.tests import selection, with_total


@pytest.mark.parametrize(
    ("testmon", "recorded", "full", "expected"),
    [
        (False, True, False, SelectedTests.EVERY),
        (True, False, False, SelectedTests.RECORD),
        (True, True, True, SelectedTests.RECORD),
        (True, True, False, SelectedTests.AFFECTED),
    ],
)
def test_selection(*, testmon: bool, recorded: bool, full: bool, expected: SelectedTests) -> None:
    assert selection(testmon=testmon, recorded=recorded, full=full) is expected


def test_the_summary_of_affected_tests_says_of_how_many() -> None:
    result = GateResult(
        name=GateName.PYTEST, status=Status.PASSED, summary="12 passed, affected by the change"
    )
    shown = with_total(result, 1180)
    assert shown.summary == "12 passed: 12 of 1,180 tests, affected by the change"
