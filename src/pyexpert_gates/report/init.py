"""What ``init`` has to say, as text: its edits, warnings, notes, checked paths and impact."""

from pathlib import PurePosixPath

from pyexpert_gates.check.init_run import (
    CheckedPaths,
    InitEvent,
    InitImpact,
    ProjectEdits,
    PytestNote,
    PytestWarning,
)
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.init.edit import describe
from pyexpert_gates.tools import PYPROJECT


def render(event: InitEvent, *, dry_run: bool) -> str:
    """One thing init has to say, as the text it prints.

    Args:
        event: What to say.
        dry_run: True when nothing was written: diffs are shown and the verbs say "would".

    Returns:
        The text, each line ending with a newline; empty for nothing to say.
    """
    match event:
        case ProjectEdits():
            header = f"== project {event.label} ==\n" if event.label else ""
            return header + "".join(describe(edit, dry_run=dry_run) for edit in event.edits)
        case PytestWarning():
            where = f"{PYPROJECT}:{event.line}" if event.line else PYPROJECT
            return f"  warning: {where}: {event.message}\n"
        case PytestNote():
            return f"  note: {event.text}\n"
        case CheckedPaths():
            return _render_checked(event)
        case InitImpact():
            return _render_impact(event)


def _render_checked(checked: CheckedPaths) -> str:
    """What the paths leave out, and which sub-folder's own ruff settings shadow ours."""
    lines: list[str] = []
    if checked.left_out:
        lines.append(
            f"  the gates check {', '.join(checked.paths)}; not {', '.join(checked.left_out)} "
            "(add them to [tool.pyexpert-gates] paths to check them too)"
        )
    for config in checked.nested:
        if not config.extends:
            up = "/".join([".."] * len(PurePosixPath(config.folder).parts))
            lines.append(
                f"{config.folder}: its own ruff settings govern the files checked there "
                "instead of these; the config gate checks them against the preset. List the "
                "folder in [tool.pyexpert-gates] projects so that init merges the preset into "
                f'it, or add extend = "{up}/{PYPROJECT}" to its ruff settings'
            )
    return "".join(f"{line}\n" for line in lines)


def _render_impact(measured: InitImpact) -> str:
    """How many new findings each setting init would add or tighten brings."""
    gates = ", ".join(measured.gates) or "none"
    lines = [f"impact: the gates these settings concern ({gates}), run as it is and after init:"]
    for line in measured.impact.settings:
        codes = ", ".join(f"{code} {count}" for code, count in line.codes.items())
        detail = f" ({codes})" if codes else ""
        lines.append(
            f"  {' + '.join(line.names)}: {count(line.new_findings, 'new finding')}{detail}"
        )
        if line.quiet_rules:
            lines.append(f"    rules with no finding here: {', '.join(line.quiet_rules)}")
    lines.extend(f"  not measured: {reason}" for reason in measured.impact.unmeasured)
    return "".join(f"{text}\n" for text in lines)
