"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import sys
from pathlib import PurePosixPath

from pyexpert_gates.check.init_run import (
    CheckedPaths,
    InitEvent,
    InitImpact,
    ProjectEdits,
    PytestNote,
    PytestWarning,
    run_init,
)
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.errors import UsageError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.init.edit import describe
from pyexpert_gates.init.projects import InitChoices
from pyexpert_gates.init.workflow import CI_PATHS, CiSystem
from pyexpert_gates.report.text import safe_text
from pyexpert_gates.tools import PYPROJECT


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``init`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "init",
        help=SUMMARIES["init"],
        description="Merge a preset into the project's pyproject.toml (or the file each tool "
        "really reads), keeping every comment, value and layout the project already has. "
        "A value of yours that differs from the preset is kept and reported.",
    )
    add_project_argument(parser)
    parser.add_argument(
        "--preset", default="strict", metavar="NAME", help="the preset to merge (default: strict)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the diff init would write; change nothing"
    )
    _add_choices(parser)
    parser.add_argument(
        "--migrate",
        action="store_true",
        help="move the settings of mypy.ini, setup.cfg [mypy], pytest.ini, tox.ini [pytest], "
        "setup.cfg [tool:pytest] and pyrightconfig.json into pyproject.toml (comments too), "
        "remove them there, and merge the preset: all files in one step",
    )
    parser.add_argument(
        "--impact",
        action="store_true",
        help="with --dry-run: run the gates the new settings concern on a copy of the project, "
        "as it is and as init would leave it, and show how many new findings each brings",
    )
    _add_companions(parser)


def _add_choices(parser: argparse.ArgumentParser) -> None:
    """The arguments that say what init does with a value of the project's that differs."""
    parser.add_argument(
        "--force",
        action="append",
        nargs="*",
        metavar="KEY",
        help="replace your differing values with the preset's: every one, or only the settings "
        "named (tool.mypy.warn_unreachable, or a table such as tool.mypy; repeatable), and "
        "remove their relaxations, so the config gate judges them again",
    )
    parser.add_argument(
        "--relax",
        action="append",
        default=[],
        type=_relaxation,
        metavar="KEY=REASON",
        help="keep your value at KEY (one that differs from the preset, or one that takes "
        "checks away, such as an exclude or a mypy override) and record it, with REASON, in "
        "[tool.pyexpert-gates.relaxations] so the config gate accepts it (repeatable)",
    )


def _relaxation(text: str) -> tuple[str, str]:
    """Parse ``KEY=REASON``; both parts are required."""
    key, _, reason = text.partition("=")
    if not key.strip() or not reason.strip():
        msg = f"{text!r}: write KEY=REASON, such as tool.mypy.warn_unreachable='legacy code'"
        raise argparse.ArgumentTypeError(msg)
    return key.strip(), reason.strip()


def _add_companions(parser: argparse.ArgumentParser) -> None:
    """The arguments for the files init writes beside the preset: CI workflow and noxfile."""
    parser.add_argument(
        "--ci",
        choices=[ci.value for ci in CiSystem],
        help="also write a CI file (never replaced): "
        + ", ".join(f"{ci} writes {path}" for ci, path in CI_PATHS.items()),
    )
    parser.add_argument(
        "--no-noxfile",
        action="store_false",
        dest="noxfile",
        help="leave noxfile.py alone (by default init creates it, or adds the two lines that "
        "register a nox session per gate)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``init`` with the parsed arguments, on every project it names.

    Every file of every project is planned before any is written: a workflow init must not
    replace, or a configuration it cannot merge, stops it all with every file untouched.

    Args:
        args: The parsed command line.

    Returns:
        0: written, already up to date, or written with the project's differing values kept.

    Raises:
        UsageError: ``--impact`` without ``--dry-run``.
    """
    if args.impact and not args.dry_run:
        msg = "--impact goes with --dry-run: it shows what init would cost, and writes nothing"
        raise UsageError(msg)
    choices = InitChoices(
        preset=args.preset,
        force=_force(args),
        relax=dict(args.relax),
        migrate=args.migrate,
        noxfile=args.noxfile,
        ci=None if args.ci is None else CiSystem(args.ci),
    )
    events = run_init(project_members(args), choices, dry_run=args.dry_run, impact=args.impact)
    for event in events:
        sys.stdout.write(safe_text(render(event, dry_run=args.dry_run)))
    return 0


def _force(args: argparse.Namespace) -> bool | list[str]:
    """Bare ``--force`` replaces every differing value; ``--force KEY...`` only those named."""
    given: list[list[str]] | None = args.force
    if given is None:
        return False
    return [] in given or [key for keys in given for key in keys]


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
