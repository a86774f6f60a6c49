"""Record a baseline from a report: every finding of the static gates, and the docstring floors.

Nothing is recorded from a report with a gap in it: a gate that could not run or a file that
could not be parsed would hide findings that then count as new on the next check.
"""

from pathlib import Path

from pyexpert_gates.baseline.fingerprint import entries
from pyexpert_gates.baseline.floors import record_floors
from pyexpert_gates.baseline.matching import unparsable
from pyexpert_gates.baseline.model import BASELINED_GATES, Baseline
from pyexpert_gates.baseline.sources import ProjectSources
from pyexpert_gates.errors import GatesError
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.models import Report, Status


def refuse_partial(report: Report, where: str = "") -> None:
    """Refuse to record a baseline that would miss findings the gates did not see.

    Args:
        report: The outcome of the static gates.
        where: What leads each reason, such as ``"api: "`` for one of several projects.

    Raises:
        GatesError: A gate could not run, or a file could not be parsed; the message names
            each and says that nothing was written.
    """
    broken = [gate for gate in report.gates if gate.status is Status.ERROR]
    reasons = [f"{where}the {gate.name} gate could not run: {gate.summary}" for gate in broken]
    unreadable = sorted(
        {item.path for gate in report.gates for item in gate.diagnostics if unparsable(item)}
    )
    if unreadable:
        reasons.append(
            f"{where}{', '.join(unreadable)} cannot be parsed, which hides the file's other "
            "findings (and stops mypy); fix the syntax or leave the file out of `paths`"
        )
    if reasons:
        message = f"{'; '.join(reasons)}. Nothing was written: fix that and run baseline again"
        raise GatesError(message)


def record(
    report: Report, project: Path, *, threshold: float, previous: Baseline | None = None
) -> Baseline:
    """The baseline that accepts every finding of the report's static gates.

    A gate the configuration skips keeps what ``previous`` accepted for it (its floors, for
    the docstrings gate), as ``check`` keeps them: skipping a gate for a while must not throw
    away the findings its project accepted.

    Args:
        report: The outcome of the static gates, none of them an error.
        project: The project root, whose files give the findings' source lines.
        threshold: The docstring coverage threshold, in percent.
        previous: The baseline being replaced, if any.

    Returns:
        The baseline: every finding, and a floor for each module below the threshold.
    """
    sources = ProjectSources(project)
    skipped = {gate.name for gate in report.gates if gate.status is Status.SKIPPED}
    kept = previous or Baseline()
    accepted = [
        *(entry for entry in kept.entries if entry.fingerprint.gate in skipped),
        *(
            entry
            for gate in report.gates
            if gate.name in BASELINED_GATES and gate.name not in skipped
            for entry in entries(gate.name, gate.diagnostics, sources)
        ),
    ]
    if any(GATES[gate].coverage for gate in skipped):
        return Baseline(entries=tuple(accepted), floors=kept.floors).sorted()
    coverage = next((gate.coverage for gate in report.gates if GATES[gate.name].coverage), None)
    floors = record_floors(coverage or (), threshold)
    return Baseline(entries=tuple(accepted), floors=floors).sorted()
