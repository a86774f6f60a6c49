"""The docstring coverage ratchet: per module, a floor that may only rise.

A module below the project's docstring coverage threshold gets a floor, its coverage when the
baseline was recorded. Its coverage may not fall below the floor; when it rises, the floor rises
with it, and once the module meets the threshold the floor is dropped. A module without a floor
(a new module, or one that met the threshold) is held to the threshold itself.
"""

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from pyexpert_gates.models import Diagnostic, ModuleCoverage

BELOW_FLOOR = "docstring-coverage-below-floor"
BELOW_THRESHOLD = "docstring-coverage-below-threshold"


@dataclass(frozen=True, slots=True, kw_only=True)
class FloorChange:
    """A floor the baseline should rise or drop.

    Attributes:
        path: The module.
        old: Its floor in the baseline, in percent.
        new: Its new floor, or None when it no longer needs one.
    """

    path: str
    old: float
    new: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Ratchet:
    """The ratchet's verdict on one run of the docstrings gate.

    Attributes:
        findings: One per module whose coverage fell below its floor or the threshold.
        floors: The floors the baseline should hold now.
        changes: The floors that rose or were dropped.
    """

    findings: tuple[Diagnostic, ...]
    floors: Mapping[str, float]
    changes: tuple[FloorChange, ...]


def percent(coverage: ModuleCoverage) -> float:
    """A module's coverage in percent, rounded down to a tenth (99.96% is not 100%).

    Args:
        coverage: The module's counts.

    Returns:
        The percentage; 100 for a module with no public API.
    """
    if coverage.total == 0:
        return 100.0
    return math.floor(coverage.documented * 1000 / coverage.total) / 10


def record_floors(coverage: Collection[ModuleCoverage], threshold: float) -> dict[str, float]:
    """The floors a new baseline records: the coverage of each module below the threshold.

    Args:
        coverage: Every module's counts.
        threshold: The project's docstring coverage threshold, in percent.

    Returns:
        The floors by module path.
    """
    measured = {module.path: percent(module) for module in coverage}
    return {path: value for path, value in sorted(measured.items()) if value < threshold}


def ratchet(
    coverage: Collection[ModuleCoverage],
    floors: Mapping[str, float],
    *,
    threshold: float,
    checked: Callable[[str], bool],
    explained: Collection[str] = (),
) -> Ratchet:
    """Hold each module checked to its floor, or to the threshold when it has none.

    Args:
        coverage: The counts of every module the gate checked.
        floors: The baseline's floors.
        threshold: The project's docstring coverage threshold, in percent.
        checked: Whether the gate checked a module; floors of others are kept as they are.
        explained: Modules with a new failing finding of their own (an undocumented object),
            which already fails the gate; they get no second finding for their coverage.

    Returns:
        The findings, the floors to keep, and the floors that changed.
    """
    measured = {module.path: percent(module) for module in coverage}
    changes: list[FloorChange] = []
    findings: list[Diagnostic] = []
    for path, current in sorted(measured.items()):
        floor = floors.get(path)
        limit = threshold if floor is None else min(floor, threshold)
        if current < limit:
            if path not in explained:
                findings.append(_below(path, current, floor, threshold))
        elif floor is not None:
            changes.extend(_risen(path, floor, current, threshold))
    changes.extend(
        FloorChange(path=path, old=floor, new=None)
        for path, floor in sorted(floors.items())
        if checked(path) and path not in measured
    )
    kept = dict(floors)
    for change in changes:
        if change.new is None:
            del kept[change.path]
        else:
            kept[change.path] = change.new
    return Ratchet(
        findings=tuple(findings), floors=dict(sorted(kept.items())), changes=tuple(changes)
    )


def _risen(path: str, floor: float, current: float, threshold: float) -> tuple[FloorChange, ...]:
    """The change to the floor of a module that is not below it: none, raised or dropped."""
    if current >= threshold:
        return (FloorChange(path=path, old=floor, new=None),)
    if current > floor:
        return (FloorChange(path=path, old=floor, new=current),)
    return ()


def _below(path: str, current: float, floor: float | None, threshold: float) -> Diagnostic:
    """The finding for a module whose coverage fell below what it must keep."""
    if floor is None:
        message = (
            f"docstring coverage of this module is {current:.1f}%, below the threshold "
            f"{threshold:g}% that every module without a floor in the baseline must meet"
        )
        return Diagnostic(path=path, line=None, code=BELOW_THRESHOLD, message=message)
    message = (
        f"docstring coverage of this module fell to {current:.1f}%, below its floor "
        f"{floor:.1f}% in the baseline; document its public API"
    )
    return Diagnostic(path=path, line=None, code=BELOW_FLOOR, message=message)
