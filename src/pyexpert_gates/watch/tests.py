"""The tests a cycle runs: every test, recorded, at first; then only those a change can affect."""

import dataclasses
import re

from pyexpert_gates.gates.base import SelectedTests
from pyexpert_gates.gates.pytest import AFFECTED
from pyexpert_gates.models import GateResult

RECORDING_COST = 3
"""How many times a plain run a test costs while pytest-testmon records what it executes (21k
of 27k tests selected, and recorded, took 227% of a plain run of every test): a selection pays
only while it runs at most a third of the tests."""
UNKNOWN_SHARE = (
    "every test ran, plainly: pytest-testmon's record cannot be read, so the cost of a "
    "selection is unknown"
)

_COUNTS = re.compile(r"(\d+) (?:failed|errors?|passed|skipped)\b")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Share:
    """How many of the recorded tests a selection would run.

    Attributes:
        affected: The recorded tests pytest-testmon would select: failed, or ran a changed block.
        total: Every recorded test.
    """

    affected: int
    total: int


def counted_tests(result: GateResult) -> int:
    """How many tests a pytest result counts, from its summary (``2 failed, 5 passed``).

    Args:
        result: The pytest gate's result.

    Returns:
        The sum of its counts; 0 when it counts none.
    """
    return sum(int(number) for number in _COUNTS.findall(result.summary))


def with_total(result: GateResult, total: int | None) -> GateResult:
    """``result`` of a run of the affected tests, its summary saying of how many.

    Args:
        result: The pytest gate's result on the affected tests.
        total: How many tests the last run of every test counted, or None if unknown.

    Returns:
        The result, its summary such as ``1 passed: 1 of 12 tests, affected by the change``.
    """
    ran = counted_tests(result)
    if total is None or not result.summary.endswith(AFFECTED) or ran == 0:
        return result
    counts = result.summary.removesuffix(AFFECTED).rstrip(", ")
    summary = f"{counts}: {ran} of {max(total, ran):,} tests, {AFFECTED}"
    return dataclasses.replace(result, summary=summary)


def selection(*, testmon: bool, recorded: bool, full: bool) -> SelectedTests:
    """Which tests the next cycle runs.

    Args:
        testmon: True when pytest-testmon is importable in the project's environment.
        recorded: True when a run of every test has recorded what each one executes.
        full: True when the configuration, the environment or a non-Python file under the
            test paths changed, which coverage cannot see.

    Returns:
        Every test without pytest-testmon; every test, recorded, when nothing is recorded yet
        or after such a change; else the affected tests.
    """
    if not testmon:
        return SelectedTests.EVERY
    if full or not recorded:
        return SelectedTests.RECORD
    return SelectedTests.AFFECTED


def plain_instead(share: Share | None) -> str | None:
    """Why the affected tests would cost more than a plain run of every test, if they would.

    Args:
        share: How many of the recorded tests the selection may run; None when unknown.

    Returns:
        What the pytest summary says when every test runs plainly instead, or None to select.
    """
    if share is None:
        return UNKNOWN_SHARE
    if share.affected * RECORDING_COST <= share.total:
        return None
    return (
        f"every test ran, plainly: the changes may affect {share.affected:,} of "
        f"{share.total:,} tests, more than 1/{RECORDING_COST}, and recording what they "
        "execute would cost more than a plain run"
    )
