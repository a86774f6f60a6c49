"""Which existing files ``--output`` may replace: only reports, never a project's own files.

A report file is rewritten on every run, so the file ``--output`` names usually exists: it is
replaced when it holds a report of one of the formats pyexpert-gates writes (or nothing). Any
other file (``pyproject.toml``, a source file, a log) is refused, so that a typo cannot turn a
project's configuration into a report.
"""

import re

from pyexpert_gates.data.json_shape import ShapeError, as_list, as_object, load

_TABLE_HEADER = re.compile(r"^gate +status +findings", re.MULTILINE)
_VERDICT = re.compile(r"^(?:PASSED|FAILED|ERROR): ", re.MULTILINE)


def is_report(text: str) -> bool:
    """Whether ``text`` is a report that ``check`` may write again.

    Args:
        text: An existing file's content.

    Returns:
        True for an empty file and for a JSON, SARIF, JUnit, GitHub, GitLab or text report.
    """
    content = text.strip()
    if not content:
        return True
    match content[0]:
        case "{":
            return _is_json_report(content)
        case "[":
            return _is_code_quality_report(content)
        case "<":
            return content.startswith("<?xml") and "<testsuites" in content[:1000]
        case ":":
            return all(line.startswith("::") for line in content.splitlines() if line.strip())
        case _:
            return bool(_TABLE_HEADER.search(content) and _VERDICT.search(content))


def _is_json_report(content: str) -> bool:
    """True for the JSON report (one project or several) and for a SARIF log."""
    try:
        document = as_object(load(content), "the file")
    except ShapeError:
        return False
    keys = set(document)
    if {"version", "passed"} <= keys and keys & {"gates", "projects"}:
        return True
    return {"version", "runs"} <= keys and "sarif" in str(document.get("$schema", ""))


def _is_code_quality_report(content: str) -> bool:
    """True for a GitLab Code Quality report: an array of issues with fingerprints."""
    try:
        document = load(content)
    except ShapeError:
        return False
    try:
        issues = [as_object(item, "an issue") for item in as_list(document, "the file")]
    except ShapeError:
        return False
    return all({"check_name", "fingerprint"} <= set(issue) for issue in issues)
