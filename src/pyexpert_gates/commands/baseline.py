"""``pyexpert-gates baseline``: accept the current findings; check then fails only on new ones.

`pyexpert_gates.baseline.update` is the other half, which ``check`` uses.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from pyexpert_gates.baseline.model import BASELINE_FILE, BASELINED_GATES, Baseline
from pyexpert_gates.baseline.record import record, refuse_partial
from pyexpert_gates.baseline.store import read_baseline, write_baseline
from pyexpert_gates.check.request import Request, ShortcutOptions
from pyexpert_gates.check.workspace import several_projects
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import InputError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.models import GateName, Report
from pyexpert_gates.report.text import safe_text

if TYPE_CHECKING:
    from pyexpert_gates.check.workspace import Member


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``baseline`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "baseline",
        help=SUMMARIES["baseline"],
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
    members = project_members(args)
    several = several_projects(members)
    reports = _run_gates(members, args.python, several=several)
    for member, report in zip(members, reports, strict=True):
        refuse_partial(report, f"{member.path}: " if several else "")
    for member, report in zip(members, reports, strict=True):
        project = member.path
        previous = _previous(project)
        threshold = load_config(project).docstring_coverage
        baseline = record(report, project, threshold=threshold, previous=previous)
        write_baseline(project, baseline)
        heading = f"== project {project} ==\n" if several else ""
        sys.stdout.write(safe_text(heading + _recorded(baseline, previous)))
    return 0


def _run_gates(members: "tuple[Member, ...]", python: str | None, *, several: bool) -> list[Report]:
    """Run the static gates of every project, each in its own environment when there are several."""
    # The engine loads only when gates run, as for check.
    from pyexpert_gates.check.engine import check_project  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.check.members import check_members  # noqa: PLC0415 - loaded on use, see above

    # A baseline records what the gates find now, per-module coverage included, which the
    # result cache does not keep: every gate runs.
    not_baselined = tuple(gate for gate in GateName if gate not in BASELINED_GATES)
    request = Request(skip=not_baselined, shortcuts=ShortcutOptions(use_cache=False))
    if several:
        return list(check_members(members, request, python=python, baselines=None))
    return [check_project(members[0].path, request, python=python)]


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
