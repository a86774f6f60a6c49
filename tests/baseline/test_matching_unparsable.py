"""A file a gate could not parse or read keeps its baseline entries: its findings were hidden."""

import pytest

from pyexpert_gates.baseline.matching import MatchOptions, apply_baseline
from pyexpert_gates.baseline.model import Baseline
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from tests.helpers.baselines import SOURCES, accepting, at, gate

OPTIONS = MatchOptions(sources=SOURCES, threshold=0.0)


def report(*gates: GateResult) -> Report:
    return Report(project="/p", duration_s=1.0, gates=gates)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        (GateName.RUFF, "invalid-syntax"),
        (GateName.FORMAT, "invalid-syntax"),
        (GateName.DOCSTRINGS, "invalid-syntax"),
        (GateName.DOCSTRINGS, "unreadable"),
        (GateName.EXPERT, "unreadable"),
    ],
)
def test_a_file_the_gate_could_not_read_keeps_its_entries(name: GateName, code: str) -> None:
    old = gate(name, at("a.py", 2, "some-finding"), at("b.py", 1, "some-finding"))
    hidden = Diagnostic(path="a.py", line=None, code=code, message="cannot be read")
    applied = apply_baseline(report(gate(name, hidden)), accepting(old), OPTIONS)
    assert [entry.fingerprint.path for entry in applied.fixed] == ["b.py"]
    assert [entry.fingerprint.path for entry in applied.baseline.entries] == ["a.py"]
    assert applied.report.gates[0].status is Status.FAILED


def test_a_readable_file_without_its_findings_has_them_fixed() -> None:
    old = gate(GateName.DOCSTRINGS, at("a.py", 2, "some-finding"))
    other = Diagnostic(path="a.py", line=None, code="unreadable-ish", message="not a read error")
    applied = apply_baseline(report(gate(GateName.DOCSTRINGS, other)), accepting(old), OPTIONS)
    assert [entry.fingerprint.path for entry in applied.fixed] == ["a.py"]
    assert applied.baseline == Baseline()
