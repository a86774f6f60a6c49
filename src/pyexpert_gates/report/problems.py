"""One problem, one line: findings of several gates at one place, merged for the text report.

Tools overlap: a missing annotation is ruff's ANN001 and pyright's reportMissingParameterType
and reportUnknownParameterType at the same column, an unused import ruff's F401 and pyright's
reportUnusedImport. Findings at the same file, line and column describe one problem, so the
text report lists the first (in gate order) and names the others on its line; so does a known
echo elsewhere on the line (mypy's ``no-untyped-def`` at the ``def`` beside ruff's ANN
findings, pyright's ``reportDeprecated`` beside ruff's DTZ or mypy's ``deprecated``). Whole-file
findings, ``format`` and ``pytest`` findings and notes (which explain the finding before them)
are never merged; the counts, the JSON report and the baseline keep every finding.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyexpert_gates.gates.registry import GATES, Anchor
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Severity

_UNPLACED = frozenset(name for name, gate in GATES.items() if gate.anchor is not Anchor.LINE)
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
    lines: defaultdict[tuple[str, int], list[Diagnostic]] = defaultdict(list)
    also: dict[Diagnostic, list[str]] = {}
    listed: dict[GateName, tuple[Diagnostic, ...]] = {}
    for gate in gates:
        kept: list[Diagnostic] = []
        for item in sorted(gate.diagnostics, key=concise_order):
            place = _place(gate.name, item) if merge else None
            if place is None:
                kept.append(item)
                continue
            owner = _line_owner(gate.name, item, lines[place[:2]]) or owners.setdefault(place, item)
            if owner is item:
                kept.append(item)
                lines[place[:2]].append(item)
            else:
                also.setdefault(owner, []).append(f"{gate.name} {item.code or '-'}")
        listed[gate.name] = tuple(kept)
    return Listing(listed=listed, also={owner: tuple(names) for owner, names in also.items()})


def _line_owner(
    gate: GateName, diagnostic: Diagnostic, on_line: Sequence[Diagnostic]
) -> Diagnostic | None:
    """The listed finding on the same line that a known echo belongs to, if any."""
    owners = dict(GATES[gate].line_echoes).get(diagnostic.code or "", ())
    return next(
        (item for item in on_line if any((item.code or "").startswith(c) for c in owners)), None
    )


def _place(gate: GateName, diagnostic: Diagnostic) -> tuple[str, int, int] | None:
    """Where a finding's problem is, or None for a finding that is never merged."""
    if gate in _UNPLACED or diagnostic.severity is Severity.NOTE:
        return None
    if diagnostic.line is None or diagnostic.column is None:
        return None
    return (diagnostic.path, diagnostic.line, diagnostic.column)
