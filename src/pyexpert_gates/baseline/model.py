"""What a baseline holds: the accepted findings of the static gates and the docstring floors."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from pyexpert_gates.gates.registry import GATE_TRAITS
from pyexpert_gates.models import GateName

BASELINE_FILE = ".pyexpert-gates/baseline.json"
"""Where the baseline lives, relative to the project root."""

BASELINED_GATES = tuple(gate for gate in GateName if GATE_TRAITS[gate].baselined)
"""The gates whose findings a baseline may accept, in gate order."""


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Fingerprint:
    """A finding's identity, which survives edits elsewhere in its file: it has no line number.

    Attributes:
        path: The file, relative to the project root, with POSIX separators.
        gate: The gate that reported it.
        code: The tool's rule code; empty when the tool gives none.
        source: The text of the finding's line, whitespace collapsed; empty for a whole file.
        occurrence: How many findings with the same path, gate, code and source come earlier
            in the file, so that a second copy of the same fault is a new finding.
    """

    path: str
    gate: GateName
    code: str
    source: str
    occurrence: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One accepted finding.

    Attributes:
        fingerprint: What identifies it.
        message: The tool's message when it was accepted, for the people reading the file.
    """

    fingerprint: Fingerprint
    message: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Baseline:
    """Everything a project accepts today.

    Attributes:
        entries: The accepted findings, sorted by fingerprint.
        floors: Per module below the docstring coverage threshold, the coverage in percent it
            may not fall below.
    """

    entries: tuple[Entry, ...] = ()
    floors: Mapping[str, float] = field(default_factory=dict[str, float])

    def sorted(self) -> "Baseline":
        """The same baseline in its canonical order: entries by fingerprint, floors by path.

        Returns:
            The sorted baseline.
        """
        return Baseline(
            entries=tuple(sorted(self.entries, key=lambda entry: entry.fingerprint)),
            floors=dict(sorted(self.floors.items())),
        )
