"""Apply the project's baseline to a check, and keep the file up to date.

``check`` reads the baseline before any gate runs (a damaged file stops it early), then hands
the report here: accepted findings are counted, and unless the baseline is locked, fixed ones
are removed from the file and docstring floors raised.
"""

import sys
from collections.abc import Mapping
from pathlib import Path

from pyexpert_gates.baseline.matching import Applied, MatchOptions, Scope, apply_baseline, rebase
from pyexpert_gates.baseline.model import BASELINE_FILE, Baseline
from pyexpert_gates.baseline.sources import ProjectSources
from pyexpert_gates.baseline.store import read_baseline, write_baseline
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import InputError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.models import Report

_CI_TRUE = frozenset({"true", "1", "yes"})


def apply_to_check(
    report: Report,
    baseline: Baseline,
    *,
    project: Path,
    locked: bool,
    scope: Scope | None = None,
) -> Report:
    """Judge a check's report against the project's baseline, and shrink the file.

    Args:
        report: The outcome of ``check``.
        baseline: The project's baseline.
        project: The project root.
        locked: True to leave the file as it is and fail when it is out of date.
        scope: Which files each gate checked; None to read it from the report (a gate limited
            to changed files by ``--changed-since`` checked only those).

    Returns:
        The report with only new findings, each static gate with its ``baselined`` count.
    """
    options = MatchOptions(
        sources=ProjectSources(project),
        threshold=load_config(project).docstring_coverage,
        scope=scope or _checked_scope(report),
        locked=locked,
    )
    applied = apply_baseline(report, baseline, options)
    if applied.outdated:
        sys.stderr.write(_settle_file(project, baseline, applied, locked=locked))
    return applied.report


def _settle_file(project: Path, read: Baseline, applied: Applied, *, locked: bool) -> str:
    """Write the shrunk baseline unless locked; the line that says what happened.

    The check's verdict does not depend on the file, so a file that cannot be written (a
    read-only checkout) is reported rather than allowed to lose the report.
    """
    fixed, floors = len(applied.fixed), len(applied.floors)
    pending = _changes(fixed, floors, done=False)
    if locked:
        return (
            f"baseline: {pending}, but the baseline is locked (--locked or CI=true), so "
            f"{BASELINE_FILE} was left as it is; run `pyexpert-gates baseline` and commit "
            "the file\n"
        )
    try:
        write_baseline(project, _latest(project, read, applied))
    except InputError as error:
        return f"baseline: {pending}, but {error.message}\n"
    done = _changes(fixed, floors, done=True)
    return f"baseline: updated {BASELINE_FILE} ({done}); commit the file\n"


def _latest(project: Path, read: Baseline, applied: Applied) -> Baseline:
    """What to write: the applied baseline, or its changes made to the file as it is now.

    Another run (a check of other gates at the same time) may have changed the file meanwhile.
    """
    current = read_baseline(project)
    if current is None or current == read:
        return applied.baseline
    return rebase(applied, current)


def is_locked(*, flag: bool, environ: Mapping[str, str]) -> bool:
    """Whether the baseline may not be rewritten: ``--locked``, or ``CI=true`` in the environment.

    Args:
        flag: The ``--locked`` flag.
        environ: The environment variables.

    Returns:
        True when locked.
    """
    return flag or environ.get("CI", "").strip().lower() in _CI_TRUE


def _changes(fixed: int, floors: int, *, done: bool) -> str:
    """``2 fixed findings removed, 1 docstring floor changed`` (or ``to remove``, ``to change``)."""
    remove, change = ("removed", "changed") if done else ("to remove", "to change")
    parts = [f"{count(fixed, 'fixed finding')} {remove}"] if fixed else []
    if floors:
        parts.append(f"{count(floors, 'docstring coverage floor')} {change}")
    return ", ".join(parts)


def _checked_scope(report: Report) -> Scope:
    """The files each gate of ``report`` checked, from what ``--changed-since`` limited."""
    return Scope(
        limited={
            gate.name: frozenset(gate.limited_to)
            for gate in report.gates
            if gate.limited_to is not None
        }
    )
