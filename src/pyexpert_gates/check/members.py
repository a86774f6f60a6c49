"""Check several projects in one run, each with its own configuration, environment and baseline.

Each project is planned on its own. One whose plan cannot be made (an invalid configuration, a
damaged baseline, a configured path that is gone) gets a report of its own with that error, and
the others still run. The gates of every project then run concurrently under one job limit.
"""

import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pyexpert_gates.baseline.model import Baseline
from pyexpert_gates.baseline.store import read_baseline
from pyexpert_gates.baseline.update import apply_to_check
from pyexpert_gates.check.engine import plan_check, run_plans
from pyexpert_gates.check.interpreter import choose_member_interpreter
from pyexpert_gates.check.plan import Plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.check.workspace import Member
from pyexpert_gates.errors import ConfigError, InputError
from pyexpert_gates.gates.registry import configuration_gate
from pyexpert_gates.models import GateName, GateResult, Report, Status


class Locking(StrEnum):
    """Whether ``check`` may rewrite a project's baseline (``--locked`` or CI says no)."""

    UNLOCKED = "unlocked"
    LOCKED = "locked"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Ready:
    """A project whose gates will run: its plan, and its baseline if it has one."""

    member: Member
    plan: Plan
    baseline: Baseline | None


def check_members(
    members: Sequence[Member], request: Request, *, python: str | None, baselines: Locking | None
) -> tuple[Report, ...]:
    """Check every project of ``members`` in one run.

    Args:
        members: The projects, in the order they are reported.
        request: What the command line asks for, the same for every project.
        python: The ``--python`` argument, or None for each project's own environment.
        baselines: How each project's baseline judges its report (``--locked`` or not);
            None to leave baselines out, as ``baseline`` does to record every finding.

    Returns:
        One report per project, in order. A project that cannot be checked has one ``config``
        gate in ``error`` saying why; one with no file changed since ``--changed-since`` has
        every gate skipped.

    Raises:
        UsageError: The command line is wrong for every project alike (an unknown gate, a
            ``--python`` or ``--changed-since`` that cannot be used).
    """
    prepared = [_prepare(member, request, python, baselines) for member in members]
    ready = [item for item in prepared if isinstance(item, _Ready)]
    ran = iter(run_plans([item.plan for item in ready]) if ready else ())
    reports: list[Report] = []
    for item in prepared:
        if isinstance(item, Report):
            reports.append(item)
            continue
        reports.append(judged(next(ran), item.baseline, item.member.path, baselines))
    return tuple(reports)


def _prepare(
    member: Member, request: Request, python: str | None, baselines: Locking | None
) -> _Ready | Report:
    """Plan one project, or the report that says why it cannot be checked or need not be."""
    try:
        baseline = None if baselines is None else read_baseline(member.path)
        interpreter = choose_member_interpreter(
            project=member.path, workspace=member.workspace, override=python, environ=os.environ
        )
        plan = plan_check(member.path, request, interpreter)
    except (ConfigError, InputError) as error:
        return cannot_check(member.path, error.message)
    since = request.shortcuts.changed_since
    if since is not None and plan.shortcuts.changed == ():
        reason = f"no file of this project changed since {since}"
        return Report(
            project=str(plan.project),
            duration_s=0.0,
            gates=tuple(
                GateResult(name=name, status=Status.SKIPPED, summary=reason)
                for name in GateName
                if name in {gate.name for gate in plan.gates}
            ),
            python=str(plan.interpreter.path),
        )
    return _Ready(member=member, plan=plan, baseline=baseline)


def judged(
    report: Report, baseline: Baseline | None, project: Path, baselines: Locking | None
) -> Report:
    """``report`` judged by the project's baseline, when it has one and baselines apply.

    Args:
        report: The project's report.
        baseline: The project's baseline, or None when it has none.
        project: The project root.
        baselines: How the baseline judges the report (``--locked`` or not); None for not at all.

    Returns:
        The report, judged.
    """
    if baseline is None or baselines is None:
        return report
    return apply_to_check(report, baseline, project=project, locked=baselines is Locking.LOCKED)


def cannot_check(project: Path, reason: str) -> Report:
    """The report of a project that cannot be checked: its ``config`` gate is an error.

    Args:
        project: The project root.
        reason: Why, with the file and the fix.

    Returns:
        A report that never passes.
    """
    gate = GateResult(name=configuration_gate(), status=Status.ERROR, summary=reason)
    return Report(project=str(project.absolute()), duration_s=0.0, gates=(gate,))
