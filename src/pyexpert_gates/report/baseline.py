"""What ``baseline`` wrote, as text: the findings per gate, what changed, what to do next."""

from collections import Counter

from pyexpert_gates.baseline.model import BASELINE_FILE, BASELINED_GATES, Baseline
from pyexpert_gates.check.baseline_run import Recorded
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.report.text import safe_text


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
