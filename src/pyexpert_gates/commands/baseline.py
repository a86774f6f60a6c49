"""``pyexpert-gates baseline``: accept the current findings; check then fails only on new ones.

`pyexpert_gates.baseline.update` is the other half, which ``check`` uses.
"""

import argparse
import sys
from collections import Counter

from pyexpert_gates.baseline.model import BASELINE_FILE, BASELINED_GATES, Baseline
from pyexpert_gates.check.baseline_run import Recorded, record_baselines
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.report.text import safe_text


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
    for recorded in record_baselines(project_members(args), args.python):
        sys.stdout.write(render_recorded(recorded))
    return 0


def render_recorded(recorded: Recorded) -> str:
    """What ``baseline`` wrote for one project, headed when there are several.

    Args:
        recorded: The baseline written.

    Returns:
        The text to print.
    """
    heading = f"== project {recorded.project} ==\n" if recorded.several else ""
    return safe_text(heading + _recorded(recorded.baseline, recorded.previous))


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
