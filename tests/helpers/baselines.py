"""Findings, gate results and baselines on two tiny in-memory files, for the matching tests."""

from pyexpert_gates.baseline.fingerprint import entries
from pyexpert_gates.baseline.matching import MatchOptions
from pyexpert_gates.baseline.model import Baseline
from pyexpert_gates.models import Diagnostic, GateName, GateResult, ModuleCoverage, Report, Status

LINES = {
    "a.py": ["import os", "def f(x):", "    pass", "def f(x):", "x = [1,2]"],
    "b.py": ["import sys"],
}


class Lines:
    """The files of `LINES`."""

    def line(self, path: str, number: int) -> str:
        """Line ``number`` of ``path``, or nothing past its end."""
        lines = LINES.get(path, [])
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def content(self, path: str) -> str:
        """A digest of the whole file at ``path``."""
        return str(hash(tuple(LINES.get(path, []))))


SOURCES = Lines()
OPTIONS = MatchOptions(sources=SOURCES, threshold=100.0)


def at(path: str, line: int, code: str = "F401") -> Diagnostic:
    """A finding ``code`` at ``line`` of ``path``."""
    return Diagnostic(path=path, line=line, code=code, message=f"{code} at {line}")


def gate(
    name: GateName,
    *found: Diagnostic,
    status: Status = Status.FAILED,
    coverage: tuple[ModuleCoverage, ...] | None = None,
) -> GateResult:
    """The result of gate ``name`` with the findings ``found``."""
    return GateResult(name=name, status=status, diagnostics=found, coverage=coverage)


def report(*gates: GateResult) -> Report:
    """A report of ``gates``."""
    return Report(project="/p", duration_s=1.0, gates=gates)


def accepting(*gates: GateResult, floors: dict[str, float] | None = None) -> Baseline:
    """The baseline that accepts every finding of ``gates``, with docstring ``floors``."""
    accepted = tuple(
        entry for result in gates for entry in entries(result.name, result.diagnostics, SOURCES)
    )
    return Baseline(entries=accepted, floors=floors or {}).sorted()


def docstrings(documented: int, *found: Diagnostic) -> GateResult:
    """The docstrings gate with ``documented`` of four objects of ``a.py`` documented."""
    coverage = (ModuleCoverage(path="a.py", documented=documented, total=4),)
    return gate(GateName.DOCSTRINGS, *found, coverage=coverage)
