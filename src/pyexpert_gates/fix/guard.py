"""Keep the fix groups under which every passing test still passes, and say which broke one.

A fix group is a rule code, or ``format``. Trying every group together first costs one test run
when nothing breaks, the usual case; otherwise the groups are halved until each group that
breaks a test on its own, or together with those already kept, is found.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class TestRun:
    """The project's tests with some fix groups applied.

    Attributes:
        passed: True when every test that passed before still passes.
        failed: The tests that failed, as pytest names them (empty when it could not tell).
    """

    __test__ = False  # pytest: a result, not a test class

    passed: bool
    failed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Guarded:
    """Which fix groups keep the tests passing.

    Attributes:
        kept: The groups applied, sorted.
        held_back: Each group left out, with the tests that failed under it.
        runs: How many test runs it took.
    """

    kept: tuple[str, ...]
    held_back: dict[str, tuple[str, ...]]
    runs: int


def guard(groups: Sequence[str], run_tests: Callable[[Sequence[str]], TestRun]) -> Guarded:
    """Find the fix groups that keep every passing test passing.

    Args:
        groups: The fix groups that change something.
        run_tests: Applies the groups given (to a project whose tests passed with none), runs
            the tests, and takes the groups back.

    Returns:
        The groups kept and those held back.
    """
    held: dict[str, tuple[str, ...]] = {}
    runs = 0

    def keep(base: list[str], trying: list[str]) -> list[str]:
        """The groups of ``trying`` that keep the tests passing on top of ``base``."""
        nonlocal runs
        if not trying:
            return []
        runs += 1
        tests = run_tests([*base, *trying])
        if tests.passed:
            return trying
        if len(trying) == 1:
            held[trying[0]] = tests.failed
            return []
        half = len(trying) // 2
        first = keep(base, trying[:half])
        return [*first, *keep([*base, *first], trying[half:])]

    kept = keep([], sorted(groups))
    return Guarded(kept=tuple(sorted(kept)), held_back=held, runs=runs)
