"""The fix groups that broke a passing test: ``fix`` leaves them out, ``check`` stops offering them.

``adopt`` runs the project's tests before and after fixing and records here each fix group
(a rule code, or ``format``) it held back, with the tests that failed under it. The record lives
in ``.pyexpert-gates/fix-held-back.json`` beside the baseline, and is meant to be committed: it
describes the code, not a machine. ``fix --unsafe`` still applies the groups it lists.
"""

import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path

from pyexpert_gates.data.json_shape import ShapeError, as_object, field, integer, load
from pyexpert_gates.errors import InputError
from pyexpert_gates.gates.registry import GATES, FixStep
from pyexpert_gates.models import Diagnostic, GateResult
from pyexpert_gates.textfile import read_regular, write_atomic

HELD_BACK_FILE = ".pyexpert-gates/fix-held-back.json"
FORMAT_GROUP = "format"
"""The fix group of ``ruff format`` (the format gate's findings); other groups are rule codes."""
_FORMAT_VERSION = 1


def read_held_back(project: Path) -> dict[str, str]:
    """The fix groups held back in ``project``, each with why; none when there is no record.

    Args:
        project: The project root.

    Returns:
        The reason by fix group.

    Raises:
        InputError: The record is damaged; the message names the file and the fix.
    """
    path = project / HELD_BACK_FILE
    if not (path.exists() or path.is_symlink()):
        return {}
    data = read_regular(path, HELD_BACK_FILE).decode("utf-8", errors="replace")
    try:
        record = as_object(load(data), HELD_BACK_FILE)
        version = integer(record, "version")
        groups = as_object(field(record, "held_back"), "field 'held_back'")
    except ShapeError as problem:
        message = f"{HELD_BACK_FILE}: {problem}; delete the file and run `pyexpert-gates adopt`"
        raise InputError(message) from None
    if version != _FORMAT_VERSION:
        message = f"{HELD_BACK_FILE}: format version {version} is not {_FORMAT_VERSION}"
        raise InputError(message)
    return {str(group): str(reason) for group, reason in groups.items()}


def write_held_back(project: Path, held: Mapping[str, str]) -> None:
    """Record the fix groups held back, sorted, one per line.

    Args:
        project: The project root.
        held: The reason by fix group.
    """
    record = {"version": _FORMAT_VERSION, "held_back": dict(sorted(held.items()))}
    path = project / HELD_BACK_FILE
    path.parent.mkdir(exist_ok=True)
    write_atomic(path, json.dumps(record, indent=2, ensure_ascii=False) + "\n", within=project)


def without_held_back(
    results: tuple[GateResult, ...], held: Mapping[str, str]
) -> tuple[GateResult, ...]:
    """The results with no fix offered for a finding whose fix group is held back.

    Args:
        results: The gates' results.
        held: The fix groups held back.

    Returns:
        The results, each finding of a held-back rule (or format) without its fix mark.
    """
    if not held:
        return results
    return tuple(
        dataclasses.replace(
            result,
            diagnostics=tuple(
                dataclasses.replace(item, fix=None) if _group(result, item) in held else item
                for item in result.diagnostics
            ),
        )
        for result in results
    )


def _group(result: GateResult, finding: Diagnostic) -> str | None:
    """The fix group that resolves ``finding``: its rule, or `FORMAT_GROUP` for the formatter's."""
    return FORMAT_GROUP if GATES[result.name].fix is FixStep.FORMAT else finding.code
