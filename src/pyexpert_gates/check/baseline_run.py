"""``baseline`` as data: run the static gates of every project, then record each one's findings.

A baseline records what the gates find now, per-module coverage included, which the result cache
does not keep: every gate runs. A project whose gate could not run stops them all before any
baseline is written.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.baseline.model import BASELINED_GATES, Baseline
from pyexpert_gates.baseline.record import record, refuse_partial
from pyexpert_gates.baseline.store import read_baseline, write_baseline
from pyexpert_gates.check.request import Request, ShortcutOptions
from pyexpert_gates.check.workspace import Member, several_projects
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import InputError
from pyexpert_gates.models import GateName, Report


@dataclass(frozen=True, slots=True, kw_only=True)
class Recorded:
    """The baseline written for one project.

    Attributes:
        project: The project folder, as named.
        several: True when the run recorded several projects.
        baseline: What was written.
        previous: The baseline it replaced; None when there was none (or it was damaged).
    """

    project: Path
    several: bool
    baseline: Baseline
    previous: Baseline | None


def record_baselines(members: Sequence[Member], python: str | None) -> Iterator[Recorded]:
    """Run the static gates of every project and write each one's baseline.

    Args:
        members: The projects.
        python: The ``--python`` interpreter, or None.

    Yields:
        What was written for each project, in order, as soon as it is.

    Raises:
        GatesError: A gate could not run or a file cannot be parsed; nothing was written.
    """
    several = several_projects(members)
    reports = _run_gates(members, python, several=several)
    for member, report in zip(members, reports, strict=True):
        refuse_partial(report, f"{member.path}: " if several else "")
    for member, report in zip(members, reports, strict=True):
        project = member.path
        previous = _previous(project)
        threshold = load_config(project).docstring_coverage
        baseline = record(report, project, threshold=threshold, previous=previous)
        write_baseline(project, baseline)
        yield Recorded(project=project, several=several, baseline=baseline, previous=previous)


def _run_gates(members: Sequence[Member], python: str | None, *, several: bool) -> list[Report]:
    """Run the static gates of every project, each in its own environment when there are several."""
    # The engine loads only when gates run, as for check.
    from pyexpert_gates.check.engine import check_project  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.check.members import check_members  # noqa: PLC0415 - loaded on use, see above

    not_baselined = tuple(gate for gate in GateName if gate not in BASELINED_GATES)
    request = Request(skip=not_baselined, shortcuts=ShortcutOptions(use_cache=False))
    if several:
        return list(check_members(tuple(members), request, python=python, baselines=None))
    return [check_project(members[0].path, request, python=python)]


def _previous(project: Path) -> Baseline | None:
    """The baseline being replaced, to say what changed; none when absent or damaged."""
    try:
        return read_baseline(project)
    except InputError:
        return None
