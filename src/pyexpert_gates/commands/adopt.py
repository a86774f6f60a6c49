"""``pyexpert-gates adopt``: init, fix and baseline in one, ending where ``check`` passes.

`pyexpert_gates.fix.adoption` does the adopting; this module prints what it did.
"""

import argparse
import sys
from pathlib import Path

from pyexpert_gates.baseline.model import BASELINE_FILE
from pyexpert_gates.check.baseline_run import Recorded
from pyexpert_gates.check.held_back import HELD_BACK_FILE
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.fix.adoption import Adopted, adopt, broke
from pyexpert_gates.init.state import STATE_FILE
from pyexpert_gates.presets import DEFAULT_PRESET
from pyexpert_gates.report.baseline import render_recorded
from pyexpert_gates.report.init import render
from pyexpert_gates.report.text import safe_text
from pyexpert_gates.tools import PYPROJECT


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``adopt`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "adopt",
        help=SUMMARIES["adopt"],
        description="Adopt a preset in an existing project: merge it (moving the settings of "
        "mypy.ini, setup.cfg, tox.ini... into pyproject.toml), keep each of your settings "
        "that is weaker than the preset as a relaxation whose reason adopt writes, apply the "
        "safe fixes that keep every test passing (holding back, per rule, those that break "
        "one), and record the findings left in the baseline. Prints one summary, with the "
        "command that undoes each relaxation and the command that commits it all. "
        "Exit codes: 0 adopted, 1 the project's tests fail (no fix was applied), 2 bad input.",
    )
    add_project_argument(parser)
    parser.add_argument(
        "--preset",
        default=DEFAULT_PRESET,
        metavar="NAME",
        help=f"the preset to adopt (default: {DEFAULT_PRESET})",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter or virtual environment the tests and type checkers use (as for check)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``adopt`` on every project named.

    Args:
        args: The parsed command line.

    Returns:
        0 when every project was adopted, 1 when a project's tests fail.
    """
    members = project_members(args)
    worst = 0
    for member in members:
        if len(members) > 1:
            print(f"== project {member.path} ==")
        for event in adopt(member.path, args.preset, args.python):
            match event:
                case Adopted():
                    sys.stdout.write(_summary(member.path, event))
                    worst = max(worst, 1 if event.failing else 0)
                case Recorded():
                    sys.stdout.write(render_recorded(event))
                case _:
                    # The values init kept are listed once, in the summary, with what undoes each.
                    lines = safe_text(render(event, dry_run=False)).splitlines(keepends=True)
                    sys.stdout.write(
                        "".join(ln for ln in lines if not ln.startswith("  kept your "))
                    )
    return worst


def _summary(project: Path, adopted: Adopted) -> str:
    """What adopt replaced, kept and held back, what undoes each, and the steps that follow."""
    lines = [
        "adopted: the preset applies wherever the project did not set a weaker value",
        *_kept_lines(adopted),
    ]
    if adopted.failing:
        lines.append(
            "no fix was applied: the tests fail, so no fix can be shown to keep them passing:"
        )
        lines.extend(f"  {test}" for test in adopted.failing[:10])
    elif adopted.kept:
        lines.append(f"fixed, with every test still passing: {', '.join(adopted.kept)}")
    if adopted.held:
        lines.append(
            f"held back, recorded in {HELD_BACK_FILE} (`pyexpert-gates fix --unsafe` applies "
            "them; check no longer offers them):"
        )
        lines.extend(f"  {group}: {reason}" for group, reason in sorted(adopted.held.items()))
    return "\n".join([*lines, *next_steps(project)]) + "\n"


def _kept_lines(adopted: Adopted) -> list[str]:
    """Every relaxation the project records, and what adopt did about its tests' pytest settings."""
    lines: list[str] = []
    if adopted.relaxations:
        lines.append(
            "kept from your configuration, each recorded with its reason in "
            "[tool.pyexpert-gates.relaxations]:"
        )
        lines.extend(f"  {name}: {undo}" for name, undo in sorted(adopted.relaxations.items()))
    if adopted.registered:
        lines.append(
            "registered the markers your tests use, which --strict-markers refused: "
            + ", ".join(adopted.registered)
        )
    if adopted.loosened:
        lines.append("kept at your pytest value, as a passing test failed under the preset's:")
        lines.extend(
            f"  {label}: {broke(tests, 'under it')}" for label, tests in adopted.loosened.items()
        )
    return lines


def next_steps(project: Path) -> list[str]:
    """The commit of init's files, fix's changes and the baseline; then the checks.

    The files are named and forced: many a ``.gitignore`` ignores every dot-folder (``.*``),
    which would leave the baseline out of the commit, and the folder's scratch stays out.

    Args:
        project: The adopted project.

    Returns:
        The lines to print, the commit first.
    """
    written = (PYPROJECT, "noxfile.py", STATE_FILE, BASELINE_FILE, HELD_BACK_FILE)
    created = [name for name in written if (project / name).is_file()]
    commit = (
        f"git add --update . && git add --force {' '.join(created)} && "
        'git commit -m "Adopt pyexpert-gates: preset, safe fixes, baseline"'
    )
    return [
        "next:",
        f"  {commit}",
        "  pyexpert-gates check            # passes; fails on any new finding",
        "  pyexpert-gates check --locked   # in CI (CI=true does the same)",
    ]
