"""The SARIF 2.1.0 report: one run per gate, with its tool's rules and one result per finding.

GitHub code scanning and other SARIF viewers read it. Each run names a tool of its own and an
automation category of its own, because code scanning no longer merges runs of one tool.
"""

import shlex
from pathlib import Path
from urllib.parse import quote

from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.models import Diagnostic, GateResult, Report, Severity, Status
from pyexpert_gates.report.ruledocs import TOOLS, RuleDoc, rule_doc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
SOURCE_ROOT = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def render_sarif(report: Report) -> str:
    """Render ``report`` as one SARIF 2.1.0 log.

    Args:
        report: The outcome of a ``check``.

    Returns:
        The JSON document, ending with a newline.
    """
    return render_sarif_runs(sarif_runs(report))


def render_sarif_runs(runs: list[dict[str, object]]) -> str:
    """One SARIF 2.1.0 log of ``runs``.

    Args:
        runs: The runs, as `sarif_runs` makes them.

    Returns:
        The JSON document, ending with a newline.
    """
    document = {"$schema": SCHEMA, "version": VERSION, "runs": runs}
    return json_dumps(document, indent=2) + "\n"


def sarif_runs(report: Report, category: str = "") -> list[dict[str, object]]:
    """One run per gate of ``report`` that was not skipped.

    Args:
        report: The outcome of a ``check``; paths are relative to its project.
        category: What leads each run's automation category after ``pyexpert-gates/``, such
            as a project's folder followed by ``/``; empty for none.

    Returns:
        The runs.
    """
    root = Path(report.project).as_uri().rstrip("/") + "/"
    return [
        _run(gate, root, category) for gate in report.gates if gate.status is not Status.SKIPPED
    ]


def _run(gate: GateResult, root: str, category: str) -> dict[str, object]:
    """One gate's run: its tool and rules, how it ran, and its results."""
    tool = TOOLS[gate.name]
    rules = _rules(gate)
    driver: dict[str, object] = {"name": tool.name, "informationUri": tool.information_uri}
    if tool.version:
        driver["version"] = tool.version
    driver["rules"] = [_rule(doc) for doc in rules]
    index = {doc.code: position for position, doc in enumerate(rules)}
    return {
        "tool": {"driver": driver},
        "automationDetails": {"id": f"pyexpert-gates/{category}{gate.name}/"},
        "invocations": [_invocation(gate)],
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(item, index) for item in gate.diagnostics],
        "properties": _properties(gate),
    }


def _rules(gate: GateResult) -> list[RuleDoc]:
    """The documentation of every code the gate reported, in order of first appearance."""
    codes = dict.fromkeys(item.code for item in gate.diagnostics if item.code)
    return [rule_doc(gate.name, code) for code in codes]


def _rule(doc: RuleDoc) -> dict[str, object]:
    """A reporting descriptor: the rule's id, name, descriptions and help."""
    rule: dict[str, object] = {"id": doc.code}
    if doc.name:
        rule["name"] = doc.name
    if doc.summary:
        rule["shortDescription"] = {"text": doc.summary}
    if doc.help_text:
        rule["help"] = {"text": doc.help_text}
    if doc.help_uri:
        rule["helpUri"] = doc.help_uri
    return rule


def _invocation(gate: GateResult) -> dict[str, object]:
    """How the gate ran; a gate that could not run says why."""
    invocation: dict[str, object] = {"executionSuccessful": gate.status is not Status.ERROR}
    if gate.command:
        invocation["commandLine"] = shlex.join(gate.command)
    if gate.status is Status.ERROR:
        notification = {"level": "error", "message": {"text": gate.summary or "could not run"}}
        invocation["toolExecutionNotifications"] = [notification]
    return invocation


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, object]:
    """One finding as a result at its place in the code."""
    result: dict[str, object] = {}
    if diagnostic.code:
        result |= {"ruleId": diagnostic.code, "ruleIndex": index[diagnostic.code]}
    result["level"] = _LEVELS[diagnostic.severity]
    result["message"] = {"text": diagnostic.message.strip() or "(no message)"}
    artifact = {"uri": uri_reference(diagnostic.path), "uriBaseId": SOURCE_ROOT}
    physical = {"artifactLocation": artifact, "region": _region(diagnostic)}
    result["locations"] = [{"physicalLocation": physical}]
    return result


def uri_reference(path: str) -> str:
    """A finding's POSIX path as a URI reference: each byte outside the unreserved set escaped.

    The bytes are the file system's (a name that is not UTF-8 keeps its bytes), so a viewer
    that decodes the reference finds the very file; ``:`` is escaped too, so that a first
    segment such as ``c:x.py`` is not read as a scheme.

    Args:
        path: The path, relative to the project root or absolute.

    Returns:
        The percent-encoded reference.
    """
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def _region(diagnostic: Diagnostic) -> dict[str, int]:
    """The finding's region; a whole-file finding points at the first line, as viewers need one."""
    region = {"startLine": diagnostic.line or 1}
    if diagnostic.line is not None and diagnostic.column is not None:
        region["startColumn"] = diagnostic.column
    if diagnostic.line is not None and diagnostic.end_line is not None:
        region["endLine"] = diagnostic.end_line
        if diagnostic.end_column is not None:
            region["endColumn"] = diagnostic.end_column
    return region


def _properties(gate: GateResult) -> dict[str, object]:
    """What the run says about its gate beyond its results."""
    properties: dict[str, object] = {
        "gate": gate.name.value,
        "status": gate.status.value,
        "summary": gate.summary,
        "durationSeconds": round(gate.duration_s, 3),
        "cached": gate.cached,
    }
    if gate.baselined is not None:
        properties["baselined"] = gate.baselined
    return properties
