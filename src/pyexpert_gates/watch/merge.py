"""Merge a file-level gate's result on the changed files into the results kept for the others.

Pure: a file-level gate's findings on a file depend only on that file and the configuration,
so after a change the kept findings of the unchanged files still stand. The docstrings gate
keeps each module's coverage too, and its verdict weighs the merged coverage of every module
against the threshold again, as one run on every file would.
"""

import dataclasses

from pyexpert_gates.config import FULL_COVERAGE
from pyexpert_gates.gates.base import GateOutcome
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.gates.verdict import spread
from pyexpert_gates.models import Diagnostic, GateResult, Severity, Status


def merge_file_level(
    kept: GateResult,
    fresh: GateResult,
    changed: tuple[str, ...],
    *,
    threshold: float = FULL_COVERAGE,
) -> GateResult:
    """The gate's result on every file: ``fresh`` for the ``changed`` files, ``kept`` for the rest.

    Args:
        kept: The gate's last complete result on all its paths (passed or failed).
        fresh: Its result on the changed files that still exist in its paths.
        changed: Every changed file, relative to the project; the findings and coverage kept
            for them (deleted files among them) are dropped.
        threshold: The docstring coverage, in percent, below which a gate measuring it fails.

    Returns:
        The merged result, or ``fresh`` when it could not run.
    """
    if fresh.status is not Status.PASSED and fresh.status is not Status.FAILED:
        return fresh
    stale = set(changed)
    diagnostics = (
        *(item for item in kept.diagnostics if item.path not in stale),
        *fresh.diagnostics,
    )
    rejudge = GATES[kept.name].rejudge
    if rejudge is not None and kept.coverage is not None:
        coverage = (
            *(module for module in kept.coverage if module.path not in stale),
            *(fresh.coverage or ()),
        )
        judged = rejudge(diagnostics, coverage, threshold)
    else:
        judged = _findings_alone(diagnostics)
    rechecked = f"{len(fresh.limited_to or ())} changed file(s) checked again"
    return dataclasses.replace(
        fresh,
        status=judged.status,
        summary=f"{judged.summary}; {rechecked}, the others' results kept",
        diagnostics=judged.diagnostics,
        coverage=judged.coverage,
        limited_to=None,
    )


def _findings_alone(diagnostics: tuple[Diagnostic, ...]) -> GateOutcome:
    """The verdict of a gate whose findings alone judge it: failed on any but a note."""
    failed = any(item.severity is not Severity.NOTE for item in diagnostics)
    return GateOutcome(
        status=Status.FAILED if failed else Status.PASSED,
        summary=spread(diagnostics, "finding") if diagnostics else "no findings",
        diagnostics=diagnostics,
    )
