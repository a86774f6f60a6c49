"""``pyexpert-gates init``: merge a preset into the project's configuration."""

import argparse
import os
import sys
import tomllib
from collections.abc import Collection
from pathlib import Path

from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.commands import Subparsers, add_project_argument
from pyexpert_gates.errors import UsageError
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.init.edit import FileEdit, describe, write_edits
from pyexpert_gates.init.noxfile import plan_noxfile
from pyexpert_gates.init.plan import InitPlan, plan_init
from pyexpert_gates.init.pytest_probe import PytestFacts, ask_pytest
from pyexpert_gates.init.pytest_risks import filter_modules, pytest_settings, risks
from pyexpert_gates.init.state import STATE_FILE, render_state
from pyexpert_gates.init.targets import PYPROJECT
from pyexpert_gates.init.workflow import CI_PATHS, CiSystem, plan_workflow
from pyexpert_gates.textfile import TextFile, read_regular, refuse_unwritable


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``init`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "init",
        help="merge a preset into pyproject.toml, keeping every comment and value",
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
        nargs="*",
        metavar="KEY",
        help="replace your differing values with the preset's: every one, or only the settings "
        "named (tool.mypy.warn_unreachable, or a table such as tool.mypy)",
    )
    parser.add_argument(
        "--relax",
        action="append",
        default=[],
        type=_relaxation,
        metavar="KEY=REASON",
        help="keep your differing value at KEY and record it, with REASON, in "
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
    """Run ``init`` with the parsed arguments.

    Every file is planned before any is written: a workflow init must not replace, or a
    configuration it cannot merge, stops it all with every file untouched.

    Args:
        args: The parsed command line.

    Returns:
        0: written, already up to date, or written with the project's differing values kept.

    Raises:
        UsageError: ``--impact`` without ``--dry-run``.
    """
    project = args.project.resolve()
    if args.impact and not args.dry_run:
        msg = "--impact goes with --dry-run: it shows what init would cost, and writes nothing"
        raise UsageError(msg)
    plan = plan_init(
        project, args.preset, force=_force(args), relax=dict(args.relax), migrate=args.migrate
    )
    edits = [
        *plan.merges,
        # The old files --migrate empties or deletes: written in the same step as the rest.
        *(plan.migration.retired if plan.migration else ()),
        *([plan_noxfile(project)] if args.noxfile else []),
        *([plan_workflow(project, plan.floor, CiSystem(args.ci))] if args.ci else []),
    ]
    for edit in edits:
        if edit.changed:
            # Every file is checked before the first is written: init writes all or none.
            refuse_unwritable(project, edit.label)
    record = _record(project, plan)
    if not args.dry_run:
        # Written before anything is reported: "updated" is said only of a file that is.
        write_edits(edits, project)
        # The record serves only the next upgrade: it follows once the project's files are in.
        write_edits(record, project)
    sys.stdout.write("".join(describe(edit, dry_run=args.dry_run) for edit in (*edits, *record)))
    _warn_pytest(project, plan)
    if args.impact:
        _report_impact(project, plan)
    return 0


def _force(args: argparse.Namespace) -> bool | list[str]:
    """Bare ``--force`` replaces every differing value; ``--force KEY...`` only those named."""
    named: list[str] | None = args.force
    return named == [] or (named or False)


def _warn_pytest(project: Path, plan: InitPlan) -> None:
    """Print the project's pytest settings that every run under the preset would fail on."""
    merge = plan.merges[0]
    before = plan.migration.text if plan.migration else merge.file.text
    # The preset's own settings are pytest's; only the project's need asking about.
    theirs = pytest_settings(tomllib.loads(before)) if merge.label == PYPROJECT else None
    ours = pytest_settings({"tool": plan.preset.tools})
    if theirs is None:
        return
    modules = filter_modules(theirs.filters)
    if not modules and set(theirs.keys) <= set(ours.keys if ours else ()):
        return
    facts = _ask_pytest(project, set(modules.values()))
    if facts.unknown_reason:
        print(f"  note: {facts.unknown_reason}; your pytest settings were not checked")
    known = facts.known or frozenset(theirs.keys)
    after = merge.new_text if merge.new_text is not None else before
    for risk in risks(after, theirs, known, facts.missing):
        where = f"{PYPROJECT}:{risk.line}" if risk.line else PYPROJECT
        print(f"  warning: {where}: {risk.message}")


def _ask_pytest(project: Path, modules: Collection[str]) -> PytestFacts:
    """What the project's own interpreter says about pytest's settings and these modules."""
    try:
        python = choose_interpreter(project=project, override=None, environ=os.environ).path
    except UsageError as error:
        return PytestFacts(known=frozenset(), missing=frozenset(), unknown_reason=error.message)
    return ask_pytest(project, python, modules)


def _report_impact(project: Path, plan: InitPlan) -> None:
    """Print how many new findings each setting init would add or tighten brings."""
    # The engine loads only for --impact, so init itself starts without it.
    from pyexpert_gates.check.impact import (  # noqa: PLC0415 - loaded on use, see above
        measure_impact,
        planned_settings,
    )

    changes = [
        (edit.label, change)
        for edit in plan.merges
        for change in (edit.merge.changes if edit.merge is not None else ())
    ]
    settings = planned_settings(changes)
    new_texts = {
        edit.label: edit.new_text
        for edit in plan.merges
        if edit.changed and edit.new_text is not None
    }
    impact = measure_impact(project, new_texts, settings, python=None)
    gates = ", ".join(sorted({setting.gate for setting in settings})) or "none"
    print(f"impact: the gates these settings concern ({gates}), run as it is and after init:")
    for line in impact.settings:
        codes = ", ".join(f"{code} {count}" for code, count in line.codes.items())
        detail = f" ({codes})" if codes else ""
        print(f"  {' + '.join(line.names)}: {count(line.new_findings, 'new finding')}{detail}")
        if line.quiet_rules:
            print(f"    rules with no finding here: {', '.join(line.quiet_rules)}")
    for reason in impact.unmeasured:
        print(f"  not measured: {reason}")


def _record(project: Path, plan: InitPlan) -> list[FileEdit]:
    """The record of what the preset's settings hold after init, when it changes."""
    path = project / STATE_FILE
    new_text = render_state(plan.state)
    exists = path.exists() or path.is_symlink()
    text = read_regular(path, STATE_FILE).decode("utf-8", errors="replace") if exists else None
    if text == new_text:
        return []
    file = TextFile(path=path, text=text or "", exists=text is not None)
    summary = "what init wrote, so that preset upgrades keep your edits"
    return [FileEdit(label=STATE_FILE, file=file, new_text=new_text, summary=summary)]
