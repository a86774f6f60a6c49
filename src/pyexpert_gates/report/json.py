"""The JSON report, version 1: the contract CI scripts and other tools read."""

from pyexpert_gates.encodable import json_dumps
from pyexpert_gates.models import Diagnostic, GateResult, Report

VERSION = 1


def render_json(report: Report) -> str:
    """Render ``report`` as one JSON document.

    Args:
        report: The outcome of a ``check``.

    Returns:
        The document, ending with a newline.
    """
    document = {
        "version": VERSION,
        "passed": report.passed,
        "project": report.project,
        "duration_s": _seconds(report.duration_s),
        "python": report.python,
        "gates": [_gate(gate) for gate in report.gates],
    }
    return json_dumps(document, indent=2) + "\n"


def _gate(gate: GateResult) -> dict[str, object]:
    """One gate's entry; ``baselined`` and ``limited_to`` only when they apply."""
    entry: dict[str, object] = {
        "name": gate.name.value,
        "status": gate.status.value,
        "duration_s": _seconds(gate.duration_s),
        "command": list(gate.command),
        "summary": gate.summary,
        "diagnostics": [_diagnostic(item) for item in gate.diagnostics],
        "cached": gate.cached,
    }
    if gate.limited_to is not None:
        entry["limited_to"] = list(gate.limited_to)
    if gate.baselined is not None:
        entry["baselined"] = gate.baselined
    return entry


def _diagnostic(diagnostic: Diagnostic) -> dict[str, object]:
    """One finding's entry."""
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "severity": diagnostic.severity.value,
    }


def _seconds(duration: float) -> float:
    """A duration rounded to milliseconds."""
    return round(duration, 3)
