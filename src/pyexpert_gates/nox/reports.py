"""What a nox run of the gates leaves: each session's results and nox's own report.

``check --nox`` runs every gate in a nox session of its own; each session writes the gate's
complete result (in the JSON report's shape, with what the baseline needs to judge it), and nox's
``--report`` says how every session ended. A gate whose report is missing or unreadable is an
``error`` that says what nox said about its session: a gate that could not run is never reported
as passed.
"""

from pathlib import Path

from pyexpert_gates.data.codec import read_gate, write_gate
from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    field,
    load,
    optional_text,
    text,
)
from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.textfile import write_atomic

ERROR_SUFFIX = ".error"
"""The suffix of the file, beside a gate's report, where its failed session says what failed."""


def write_unjudged(path: Path, report: Report) -> None:
    """Write a session's results before any baseline judged them, for `gate_from_report`.

    Args:
        path: The file, in ``check --nox``'s scratch folder.
        report: The session's report, the baseline not applied.
    """
    document = {
        "version": 1,
        "gates": [write_gate(gate, complete=True) for gate in report.gates],
    }
    # In the run's own scratch folder, named by check --nox.
    write_atomic(path, json_dumps(document) + "\n", within=None)


def gate_from_report(report_text: str, gate: GateName) -> GateResult:
    """The result of ``gate`` in the JSON report a session wrote.

    Args:
        report_text: The report, version 1.
        gate: The gate the session ran.

    Returns:
        The gate's result, or an ``error`` saying why the report cannot be read.
    """
    try:
        document = as_object(load(report_text), "the report")
        for item in as_list(field(document, "gates"), "gates"):
            entry = as_object(item, "a gate")
            if text(entry, "name") == gate:
                return read_gate(entry)
    except (ShapeError, ValueError) as error:
        return GateResult(
            name=gate, status=Status.ERROR, summary=f"unreadable report from nox: {error}"
        )
    return GateResult(name=gate, status=Status.ERROR, summary="the session's report lacks the gate")


def session_outcomes(report_text: str | None) -> dict[str, str]:
    """How nox says each session ended, from its ``--report`` file.

    Args:
        report_text: The file's text, or None when nox wrote none.

    Returns:
        Session name to ``success``, ``failed`` or ``skipped``, with nox's reason when it gave
        one (``failed: ...``); empty when the file is missing or unreadable.
    """
    if report_text is None:
        return {}
    outcomes: dict[str, str] = {}
    try:
        for item in as_list(
            field(as_object(load(report_text), "nox's report"), "sessions"), "sessions"
        ):
            session = as_object(item, "a session")
            reason = optional_text(session, "reason")
            result = text(session, "result")
            outcomes[text(session, "name")] = f"{result}: {reason}" if reason else result
    except ShapeError:
        return {}
    return outcomes
