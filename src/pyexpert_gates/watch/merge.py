"""Merge a file-level gate's result on the changed files into the results kept for the others.

Pure: a file-level gate's verdict on a file depends only on that file and the configuration,
so after a change the kept findings of the unchanged files still stand. (The docstrings gate is
not merged: its verdict weighs the coverage of every file against one threshold.)
"""

import dataclasses

from pyexpert_gates.gates.verdict import spread
from pyexpert_gates.models import GateResult, Severity, Status


def merge_file_level(kept: GateResult, fresh: GateResult, changed: tuple[str, ...]) -> GateResult:
    """The gate's result on every file: ``fresh`` for the ``changed`` files, ``kept`` for the rest.

    Args:
        kept: The gate's last complete result on all its paths (passed or failed).
        fresh: Its result on the changed files that still exist in its paths.
        changed: Every changed file, relative to the project; the findings kept for them
            (deleted files among them) are dropped.

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
    rechecked = len(fresh.limited_to or ())
    found = spread(diagnostics, "finding") if diagnostics else "no findings"
    return dataclasses.replace(
        fresh,
        status=Status.FAILED
        if any(item.severity is not Severity.NOTE for item in diagnostics)
        else Status.PASSED,
        summary=f"{found}; {rechecked} changed file(s) checked again, the others' results kept",
        diagnostics=diagnostics,
        limited_to=None,
    )
