"""The JSON report, version 1: the contract CI scripts and other tools read."""

from pyexpert_gates.data.codec import write_gate
from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.models import Report

VERSION = 1


def render_json(report: Report, *, one_line: bool = False, partial: bool = False) -> str:
    """Render ``report`` as one JSON document.

    Args:
        report: The outcome of a ``check``.
        one_line: True for the document on one line, as ``watch`` prints it (NDJSON).
        partial: True for a report of some gates while the others still run (``watch``): the
            document says ``"partial": true``.

    Returns:
        The document, ending with a newline.
    """
    document = report_document(report)
    if partial:
        document["partial"] = True
    return json_dumps(document, indent=None if one_line else 2) + "\n"


def report_document(report: Report) -> dict[str, object]:
    """The single-project document of ``report``, as JSON values.

    Args:
        report: The outcome of a ``check`` of one project.

    Returns:
        The document's top-level object.
    """
    return {
        "version": VERSION,
        "passed": report.passed,
        "project": report.project,
        "duration_s": round(report.duration_s, 3),
        "python": report.python,
        "gates": [write_gate(gate) for gate in report.gates],
    }
