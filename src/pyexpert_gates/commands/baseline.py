"""``pyexpert-gates baseline``: accept the current findings; check then fails only on new ones.

`pyexpert_gates.baseline.update` is the other half, which ``check`` uses.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

from pyexpert_gates.baseline.fingerprint import entries
from pyexpert_gates.baseline.floors import record_floors
from pyexpert_gates.baseline.matching import unparsable
from pyexpert_gates.baseline.model import BASELINE_FILE, BASELINED_GATES, Baseline
from pyexpert_gates.baseline.sources import ProjectSources
from pyexpert_gates.baseline.store import read_baseline, write_baseline
from pyexpert_gates.commands import Subparsers, add_project_argument, project_folder
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import GatesError, InputError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.models import GateName, Report, Status

_NOT_BASELINED = (GateName.PYTEST, GateName.CONFIG)


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``baseline`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "baseline",
        help=f"accept the current findings of the static gates in {BASELINE_FILE}",
        description="Run the static gates (every gate but pytest and config) and record each "
        f"current finding, and the docstring coverage of each module, in {BASELINE_FILE}. "
        "Afterwards check fails only on findings that are not in it; commit the file.",
    )
    add_project_argument(parser)
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter or virtual environment the type checkers use (as for check)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``baseline`` with the parsed arguments.

    When a gate cannot run or a file cannot be parsed, nothing is written and the
    `GatesError` that says why exits 2.

    Args:
        args: The parsed command line.

    Returns:
        0 when the baseline was written.

    Raises:
        UsageError: The project folder or the interpreter does not exist.
    """
    project = project_folder(args)
    # The engine loads only when gates run, as for check.
    from pyexpert_gates.check.engine import check_project  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.check.plan import Request  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.check.shortcuts import ShortcutOptions  # noqa: PLC0415 - loaded on use, see above

    # A baseline records what the gates find now, per-module coverage included, which the
    # result cache does not keep: every gate runs.
    request = Request(skip=tuple(_NOT_BASELINED), shortcuts=ShortcutOptions(use_cache=False))
    report = check_project(project, request, python=args.python)
    _refuse_partial(report)
    previous = _previous(project)
    threshold = load_config(project).docstring_coverage
    baseline = record(report, project, threshold=threshold, previous=previous)
    write_baseline(project, baseline)
    sys.stdout.write(_recorded(baseline, previous))
    return 0


def _refuse_partial(report: Report) -> None:
    """Refuse to record a baseline that would miss findings the gates did not see."""
    broken = [gate for gate in report.gates if gate.status is Status.ERROR]
    reasons = [f"the {gate.name} gate could not run: {gate.summary}" for gate in broken]
    unreadable = sorted(
        {item.path for gate in report.gates for item in gate.diagnostics if unparsable(item)}
    )
    if unreadable:
        reasons.append(
            f"{', '.join(unreadable)} cannot be parsed, which hides the file's other findings "
            "(and stops mypy); fix the syntax or leave the file out of `paths`"
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
            for entry in entries(gate.name, gate.diagnostics, sources.line)
        ),
    ]
    if GateName.DOCSTRINGS in skipped:
        return Baseline(entries=tuple(accepted), floors=kept.floors).sorted()
    coverage = next(
        (gate.coverage for gate in report.gates if gate.name is GateName.DOCSTRINGS), None
    )
    floors = record_floors(coverage or (), threshold)
    return Baseline(entries=tuple(accepted), floors=floors).sorted()


def _previous(project: Path) -> Baseline | None:
    """The baseline being replaced, to say what changed; none when absent or damaged."""
    try:
        return read_baseline(project)
    except InputError:
        return None


def _recorded(baseline: Baseline, previous: Baseline | None) -> str:
    """What ``baseline`` wrote, per gate, what changed, and what to do next."""
    per_gate = Counter(entry.fingerprint.gate for entry in baseline.entries)
    gates = ", ".join(f"{gate} {per_gate[gate]}" for gate in BASELINED_GATES if per_gate[gate])
    lines = [
        f"recorded {count(len(baseline.entries), 'finding')} in {BASELINE_FILE}"
        + (f" ({gates})" if gates else ""),
        f"docstring coverage floors: {count(len(baseline.floors), 'module')} below the threshold",
    ]
    if previous is not None:
        now = {entry.fingerprint for entry in baseline.entries}
        before = {entry.fingerprint for entry in previous.entries}
        lines.append(
            f"since the previous baseline: {len(now - before)} newly accepted, "
            f"{len(before - now)} no longer listed"
        )
    lines.append("commit the file; check now fails only on new findings, and removes fixed ones")
    return "\n".join(lines) + "\n"
