"""The GitLab Code Quality report: a JSON array of issues, one per finding.

GitLab shows the issues in merge requests and compares them with the target branch's by
fingerprint, so each fingerprint is the finding's line-independent identity: a finding stays
the same issue when code above it moves, and the widget lists only the new ones. GitLab does
not show ``check_name``, so the description starts with it. A gate that could not run is one
``critical`` issue on the project's ``pyproject.toml``: an empty report must never look clean.
"""

import hashlib
import json

from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.models import Diagnostic, GateResult, Report, Severity, Status
from pyexpert_gates.report.identity import Checkout, digest, identities
from pyexpert_gates.tools import PYPROJECT

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}
"""GitLab's severity for each severity of a finding."""

COULD_NOT_RUN = "critical"
"""GitLab's severity for a gate that could not run."""


def render_gitlab(report: Report, checkout: Checkout | None = None) -> str:
    """Render ``report`` as a GitLab Code Quality report.

    Args:
        report: The outcome of a ``check``.
        checkout: The project's files, for the findings' identities and repository paths.

    Returns:
        The JSON array, ending with a newline.
    """
    return render_issues(gitlab_issues(report, checkout or Checkout()))


def render_issues(issues: list[dict[str, object]]) -> str:
    """A Code Quality report of ``issues``.

    Args:
        issues: The issues, as `gitlab_issues` makes them.

    Returns:
        The JSON array, ending with a newline.
    """
    return json_dumps(issues, indent=2) + "\n"


def gitlab_issues(report: Report, checkout: Checkout) -> list[dict[str, object]]:
    """One Code Quality issue per finding of ``report``, and one per gate that could not run.

    Args:
        report: The outcome of a ``check``.
        checkout: The project's files, for the findings' identities and repository paths.

    Returns:
        The issues.
    """
    issues: list[dict[str, object]] = []
    for gate in report.gates:
        if gate.status is Status.ERROR:
            issues.append(_could_not_run(gate, checkout))
        fingerprints = identities(gate, checkout)
        issues.extend(
            _issue(gate, item, digest(fingerprint, checkout), checkout)
            for item, fingerprint in zip(gate.diagnostics, fingerprints, strict=True)
        )
    return issues


def check_name(gate: GateResult, diagnostic: Diagnostic) -> str:
    """The check that found ``diagnostic``: the gate, then the tool's code.

    Args:
        gate: The gate.
        diagnostic: One of its findings.

    Returns:
        Such as ``ruff/F401``; the gate alone when the finding has no code.
    """
    return f"{gate.name}/{diagnostic.code}" if diagnostic.code else gate.name.value


def _issue(
    gate: GateResult, diagnostic: Diagnostic, fingerprint: str, checkout: Checkout
) -> dict[str, object]:
    """One finding as a Code Quality issue."""
    name = check_name(gate, diagnostic)
    message = diagnostic.message.strip() or "(no message)"
    return {
        "description": f"{name}: {message}",
        "check_name": name,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[diagnostic.severity],
        "location": {
            "path": checkout.prefix + diagnostic.path,
            "lines": {"begin": diagnostic.line or 1},
        },
    }


def _could_not_run(gate: GateResult, checkout: Checkout) -> dict[str, object]:
    """A gate that could not run, as a critical issue on the project's configuration."""
    name = f"{gate.name}/could-not-run"
    key = json.dumps((gate.name.value, checkout.prefix, "could not run"))
    return {
        "description": f"{name}: {gate.summary or 'the gate could not run'}",
        "check_name": name,
        "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
        "severity": COULD_NOT_RUN,
        "location": {"path": f"{checkout.prefix}{PYPROJECT}", "lines": {"begin": 1}},
    }
