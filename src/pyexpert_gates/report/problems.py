"""One problem, one line: findings of several gates at one place, merged for the text report.

Tools overlap: a missing annotation is ruff's ANN001 and pyright's reportMissingParameterType
and reportUnknownParameterType at the same column, an unused import ruff's F401 and pyright's
reportUnusedImport. Findings at the same file, line and column describe one problem, so the
text report lists the first (in gate order) and names the others on its line. Whole-file
findings, ``format`` and ``pytest`` findings and notes (which explain the finding before them)
are never merged; the counts, the JSON report and the baseline keep every finding.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Severity

_UNPLACED = frozenset({GateName.FORMAT, GateName.PYTEST})
"""Gates whose positions say nothing about a problem: a whole file's layout, a failing test."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    """What the text report lists per gate.

    Attributes:
        listed: Each gate's findings to list, in ruff's concise order, less those merged into
            another's line.
        also: For a listed finding that stands for others at its place, their names
            (``pyright reportUnusedImport``).
    """

    listed: Mapping[GateName, tuple[Diagnostic, ...]]
    also: Mapping[Diagnostic, tuple[str, ...]]

    def merged(self, gate: GateResult) -> int:
        """How many of the gate's findings another finding's line names instead.

        Args:
            gate: A gate of the report.

        Returns:
            The number of its findings not listed on their own.
        """
        return len(gate.diagnostics) - len(self.listed.get(gate.name, gate.diagnostics))


def concise_order(diagnostic: Diagnostic) -> tuple[str, int, int]:
    """Sort by file, then position, as ruff's ``concise`` output does.

    Args:
        diagnostic: A finding.

    Returns:
        Its sort key.
    """
    # No code in the key: a tie keeps the tool's order, so a note follows the error it explains.
    return (diagnostic.path, diagnostic.line or 0, diagnostic.column or 0)


def list_findings(gates: Sequence[GateResult], *, merge: bool) -> Listing:
    """The findings each gate lists, with findings at one place merged when ``merge``.

    Args:
        gates: The report's gates, in report order (the first at a place owns it).
        merge: False to list every finding on its own (``--verbose``).

    Returns:
        The listing.
    """
    owners: dict[tuple[str, int, int], Diagnostic] = {}
    also: dict[Diagnostic, list[str]] = {}
    listed: dict[GateName, tuple[Diagnostic, ...]] = {}
    for gate in gates:
        kept: list[Diagnostic] = []
        for item in sorted(gate.diagnostics, key=concise_order):
            place = _place(gate.name, item) if merge else None
            owner = item if place is None else owners.setdefault(place, item)
            if owner is item:
                kept.append(item)
            else:
                also.setdefault(owner, []).append(f"{gate.name} {item.code or '-'}")
        listed[gate.name] = tuple(kept)
    return Listing(listed=listed, also={owner: tuple(names) for owner, names in also.items()})


def _place(gate: GateName, diagnostic: Diagnostic) -> tuple[str, int, int] | None:
    """Where a finding's problem is, or None for a finding that is never merged."""
    if gate in _UNPLACED or diagnostic.severity is Severity.NOTE:
        return None
    if diagnostic.line is None or diagnostic.column is None:
        return None
    return (diagnostic.path, diagnostic.line, diagnostic.column)
