"""The docstrings gate's verdict: coverage against the threshold, counted per module."""

import json
from pathlib import Path

import pytest

from pyexpert_gates.gates.docstrings import WorkerReport, judge, read_worker_report
from pyexpert_gates.models import Diagnostic, ModuleCoverage, Severity, Status


def undocumented(number: int) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(path="a.py", line=line, code="undocumented-public-function", message="m")
        for line in range(1, number + 1)
    )


@pytest.mark.parametrize(
    ("documented", "missing", "threshold", "status", "summary"),
    [
        (1999, 1, 100.0, Status.FAILED, "99.9% documented (1999/2000), threshold 100%"),
        (1999, 1, 99.95, Status.PASSED, "99.9% documented (1999/2000), threshold 99.95%"),
        (1, 1, 50.0, Status.PASSED, "50.0% documented (1/2), threshold 50%"),
        (1, 2, 50.0, Status.FAILED, "33.3% documented (1/3), threshold 50%"),
        (3, 0, 100.0, Status.PASSED, "100.0% documented (3/3), threshold 100%"),
        (0, 0, 100.0, Status.PASSED, "no public API to document in 1 file"),
    ],
)
def test_coverage_threshold(
    documented: int, missing: int, threshold: float, status: Status, summary: str
) -> None:
    report = WorkerReport(
        files=1,
        missing=(),
        documented=documented,
        undocumented=undocumented(missing),
        sections=(),
        problems=(),
    )
    outcome = judge(report, threshold)
    assert (outcome.status, outcome.summary) == (status, summary)
    expected_severity = Severity.NOTE if status is Status.PASSED else Severity.ERROR
    assert all(item.severity is expected_severity for item in outcome.diagnostics)
    assert len(outcome.diagnostics) == missing


def test_the_probe_report_counts_coverage_per_module() -> None:
    objects = [
        ("/p/src/a.py", "module", True),
        ("/p/src/a.py", "function", False),
        ("/p/src/b.py", "module", True),
        ("/p/src/a.py", "class", True),
    ]
    document = {
        "version": 1,
        "files": 2,
        "missing": [],
        "objects": [
            {"path": path, "line": 1, "name": "x", "kind": kind, "documented": documented}
            for path, kind, documented in objects
        ],
        "sections": [],
        "problems": [],
    }
    report = read_worker_report(json.dumps(document), Path("/p"))
    assert report.coverage == (
        ModuleCoverage(path="src/a.py", documented=2, total=3),
        ModuleCoverage(path="src/b.py", documented=1, total=1),
    )
    assert judge(report, 100.0).coverage == report.coverage
