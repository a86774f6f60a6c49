"""``pyexpert-gates adopt``: init, fix and baseline in one, ending where ``check`` passes.

Every setting of the project's that the config gate would report (a value weaker than the
preset's, an exclude, a per-file ignore, an override) is kept as a relaxation whose reason adopt
writes, so the project is below the preset only where it was before, and says so; everything
else follows the preset, and the baseline holds today's findings. fix runs only where the
project's tests keep passing, one fix group (rule) at a time when one breaks a test.
"""

import argparse
import contextlib
import dataclasses
import io
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyexpert_gates.baseline.model import BASELINE_FILE
from pyexpert_gates.check.held_back import (
    HELD_BACK_FILE,
    read_held_back,
    write_held_back,
)
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_project_argument, project_members
from pyexpert_gates.commands import baseline as baseline_command
from pyexpert_gates.commands import init as init_command
from pyexpert_gates.fix.guard import TestRun, guard
from pyexpert_gates.init.plan import plan_init, render
from pyexpert_gates.init.state import STATE_FILE
from pyexpert_gates.init.strictness import (
    STRICT_MARKERS,
    StrictSetting,
    added_strictness,
    registered_markers,
    taken_back,
    unknown_markers,
)
from pyexpert_gates.presets import DEFAULT_PRESET
from pyexpert_gates.textfile import read_toml, write_atomic, write_bytes_atomic
from pyexpert_gates.tools import PYPROJECT

_TESTS = "pytest"
_KEPT = "kept from the project's configuration at adoption"
_SHOWN_TESTS = 3
_FIX_ROUNDS = 3
_MARKER_ROUNDS = 5


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


@dataclass(frozen=True, slots=True, kw_only=True)
class _Adopted:
    """What adopt did to one project, for the summary."""

    kept: tuple[str, ...]
    failing: tuple[str, ...]
    loosened: Mapping[str, tuple[str, ...]] = field(default_factory=dict[str, tuple[str, ...]])
    registered: tuple[str, ...] = ()


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
        adopted = _adopt(member.path, args.preset, args.python)
        sys.stdout.write(_summary(member.path, adopted))
        worst = max(worst, 1 if adopted.failing else 0)
    return worst


def _adopt(project: Path, preset: str, python: str | None) -> _Adopted:
    """Init, relax, fix under the tests' guard, and baseline one project."""
    strictness = _strictness(project, preset)
    _init(project, preset, relax={}, quiet=False)
    _relax_what_is_below(project, preset)
    before = _run_tests(project, python)
    registered: list[str] = []
    if any(setting.item == STRICT_MARKERS for setting in strictness):
        before = _register_markers(project, python, before, registered)
    loosened: dict[str, tuple[str, ...]] = {}
    if not before.passed and strictness:
        before, loosened = _loosen(project, preset, python, strictness, before)
    if not before.passed:
        # A fix is kept only where the tests tell it broke nothing: with failing tests, none is.
        adopted = _Adopted(kept=(), failing=before.failed)
    else:
        adopted = _fix(project, python)
    baseline_command.run(argparse.Namespace(projects=[project], python=python))
    return dataclasses.replace(adopted, loosened=loosened, registered=tuple(registered))


def _register_markers(
    project: Path, python: str | None, run: TestRun, registered: list[str]
) -> TestRun:
    """Register each marker ``--strict-markers`` refuses as unknown, until it refuses none.

    pytest names one unknown marker per test file, so each round may find more.
    """
    for _ in range(_MARKER_ROUNDS):
        names = [name for name in unknown_markers(run.failed) if name not in registered]
        if run.passed or not names:
            break
        file, data = read_toml(project / PYPROJECT, PYPROJECT)
        plan = registered_markers(data, names)
        if plan is None:
            break  # a markers value that is not a list: adopt keeps the project's own
        write_atomic(project / PYPROJECT, render(file, data, plan, {}, PYPROJECT), within=project)
        registered.extend(names)
        run = _run_tests(project, python)
    return run


def _strictness(project: Path, preset: str) -> list[StrictSetting]:
    """The pytest settings init is about to add to the project: those its tests may fail under."""
    plan = plan_init(project.resolve(), preset, migrate=True)
    merge = plan.merges[0].merge
    return added_strictness(merge) if merge is not None else []


def _loosen(
    project: Path,
    preset: str,
    python: str | None,
    strictness: Sequence[StrictSetting],
    failed: TestRun,
) -> tuple[TestRun, dict[str, tuple[str, ...]]]:
    """Take back each pytest setting init added under which a passing test fails.

    The tests run first with none of them: when they fail then too, the project's own tests
    fail (those are named), and everything stays as init wrote it. Otherwise the settings are
    tried as fix groups are, and each that breaks a test is taken back and kept as a relaxation.
    """
    by_label = {setting.label: setting for setting in strictness}
    pyproject = project / PYPROJECT
    strict = pyproject.read_bytes()

    def tried(chosen: Sequence[str]) -> TestRun:
        if len(chosen) == len(by_label):
            return failed  # every setting applied: the run adopt has just made
        _write_loosened(project, [by_label[label] for label in by_label if label not in chosen])
        try:
            return _run_tests(project, python)
        finally:
            write_bytes_atomic(pyproject, strict, within=project)

    loose = tried([])
    if not loose.passed:
        return loose, {}  # the tests fail on the project's own settings too: its own fault
    guarded = guard(sorted(by_label), tried)
    _write_loosened(project, [by_label[label] for label in guarded.held_back])
    _init(project, preset, relax=_loosened_reasons(guarded.held_back, by_label), quiet=True)
    return TestRun(passed=True), guarded.held_back


def _write_loosened(project: Path, settings: Sequence[StrictSetting]) -> None:
    """Write ``pyproject.toml`` with these pytest settings taken back to the project's own."""
    file, data = read_toml(project / PYPROJECT, PYPROJECT)
    text = render(file, data, taken_back(data, settings), {}, PYPROJECT)
    write_atomic(project / PYPROJECT, text, within=project)


def _loosened_reasons(
    held: Mapping[str, tuple[str, ...]], by_label: Mapping[str, StrictSetting]
) -> dict[str, str]:
    """The relaxation of each pytest setting taken back: what failed under it, and the undo."""
    today = datetime.now(UTC).date().isoformat()
    failing: dict[str, list[str]] = {}
    for label, tests in held.items():
        setting = by_label[label]
        what = "it" if setting.item is None else str(setting.item)
        failing.setdefault(setting.name, []).append(f"{what}: {_broke(tests, 'under it')}")
    return {
        name: f"{_KEPT} on {today}: {'; '.join(why)}; {_undo(name, 'config-differs')}"
        for name, why in failing.items()
    }


def _init(project: Path, preset: str, *, relax: Mapping[str, str], quiet: bool) -> None:
    """Run init with ``--migrate`` and these relaxations; its report printed unless ``quiet``."""
    args = argparse.Namespace(
        projects=[project],
        preset=preset,
        dry_run=False,
        force=None,
        relax=list(relax.items()),
        migrate=True,
        impact=False,
        ci=None,
        noxfile=True,
    )
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        init_command.run(args)
    if not quiet:
        # The values init kept are listed once, in adopt's summary, with what undoes each.
        lines = printed.getvalue().splitlines(keepends=True)
        sys.stdout.write("".join(line for line in lines if not line.startswith("  kept your ")))


def _relax_what_is_below(project: Path, preset: str) -> None:
    """Record each setting the config gate reports as a relaxation, with what undoes it."""
    # Loaded on use: the config gate plans with init's planner and reads the project's files.
    from pyexpert_gates.check.plan import resolve_paths  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.check.snapshot import take_snapshot  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.config import load_config  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.gates.base import GateContext  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.gates.drift import unrecorded_settings  # noqa: PLC0415 - loaded on use, see above

    config = load_config(project)
    paths = tuple(resolve_paths(project, config))
    root = project.resolve()
    context = GateContext(
        project=root,
        paths=paths,
        python=Path(sys.executable),
        scratch=project,
        snapshot=take_snapshot(root, paths, os.environ),
    )
    today = datetime.now(UTC).date().isoformat()
    undo = {name: _undo(name, code) for name, code in unrecorded_settings(context, config).items()}
    if undo:
        relax = {name: f"{_KEPT} on {today}; {step}" for name, step in undo.items()}
        _init(project, preset, relax=relax, quiet=True)


def _undo(name: str, code: str) -> str:
    """The one step that takes the preset's standard back for a relaxed setting."""
    if code == "config-differs":
        return f"`pyexpert-gates init --force {name}` takes the preset's value"
    return f"remove it and this relaxation to check what it leaves out ({code})"


def _run_tests(project: Path, python: str | None) -> TestRun:
    """Run the project's tests as the pytest gate runs them, with no result replayed."""
    # Loaded on use: the engine and the gates load only when tests run, as for check.
    from pyexpert_gates.check.engine import check_project  # noqa: PLC0415 - loaded on use, see above
    from pyexpert_gates.check.request import Request, ShortcutOptions  # noqa: PLC0415 - loaded on use, see above

    request = Request(gates=(_TESTS,), shortcuts=ShortcutOptions(use_cache=False))
    report = check_project(project, request, python=python)
    failed = tuple(
        f"{item.path}: {item.message.splitlines()[0]}" if item.message else item.path
        for gate in report.gates
        for item in gate.diagnostics
    )
    summaries = tuple(gate.summary for gate in report.gates if not failed and not report.passed)
    return TestRun(passed=report.passed, failed=failed or summaries)


def _fix(project: Path, python: str | None) -> _Adopted:
    """Apply the safe fixes whose groups keep the tests passing; record those held back.

    A fix can bring another rule's finding that only then has a fix (``repr(x)`` in an
    f-string that UP032 wrote is RUF010's), so a round follows while the last one changed code.
    """
    # libcst loads only when fix runs, so --help and the other commands start without it.
    from pyexpert_gates.fix.run import FixRequest, fix_groups, fix_project  # noqa: PLC0415 - loaded on use, see above

    held = read_held_back(project)
    kept: set[str] = set()
    held_now = False
    for _ in range(_FIX_ROUNDS):
        trial = fix_project(project, FixRequest(dry_run=True, held_back=frozenset(held)))
        groups = fix_groups(trial)
        if not trial.changes or not groups - held.keys():
            break
        guarded = guard(sorted(groups), lambda chosen: _tried(project, chosen, held, python))
        held_now = held_now or bool(guarded.held_back)
        held.update({group: _broke(tests) for group, tests in guarded.held_back.items()})
        request = FixRequest(only=frozenset(guarded.kept), held_back=frozenset(held))
        fix_project(project, request)
        kept.update(guarded.kept)
    if held_now:
        write_held_back(project, held)
    return _Adopted(kept=tuple(sorted(kept)), failing=())


def _tried(
    project: Path, chosen: Sequence[str], held: Mapping[str, str], python: str | None
) -> TestRun:
    """Apply the fix groups ``chosen``, run the tests, and put every file back as it was."""
    from pyexpert_gates.fix.run import FixRequest, fix_project  # noqa: PLC0415 - loaded on use, see _fix

    request = FixRequest(dry_run=True, only=frozenset(chosen), held_back=frozenset(held))
    outcome = fix_project(project, request)
    try:
        for change in outcome.changes:
            write_bytes_atomic(project / change.path, change.after, within=project)
        return _run_tests(project, python)
    finally:
        for change in outcome.changes:
            write_bytes_atomic(project / change.path, change.before, within=project)


def _broke(tests: Sequence[str], cause: str = "with this fix") -> str:
    """Why a fix group (or a pytest setting) is held back: the tests that failed ``cause``."""
    more = len(tests) - _SHOWN_TESTS
    shown = "; ".join(tests[:_SHOWN_TESTS]) + (f"; and {more} more" if more > 0 else "")
    return f"a passing test failed {cause}: {shown or 'the tests did not pass'}"


def _summary(project: Path, adopted: _Adopted) -> str:
    """What adopt replaced, kept and held back, what undoes each, and the steps that follow."""
    lines = [
        "adopted: the preset applies wherever the project did not set a weaker value",
        *_kept_lines(project, adopted),
    ]
    if adopted.failing:
        lines.append(
            "no fix was applied: the tests fail, so no fix can be shown to keep them passing:"
        )
        lines.extend(f"  {test}" for test in adopted.failing[:10])
    elif adopted.kept:
        lines.append(f"fixed, with every test still passing: {', '.join(adopted.kept)}")
    held = read_held_back(project)  # every group held back, this run's and earlier runs'
    if held:
        lines.append(
            f"held back, recorded in {HELD_BACK_FILE} (`pyexpert-gates fix --unsafe` applies "
            "them; check no longer offers them):"
        )
        lines.extend(f"  {group}: {reason}" for group, reason in sorted(held.items()))
    return "\n".join([*lines, *next_steps(project)]) + "\n"


def _kept_lines(project: Path, adopted: _Adopted) -> list[str]:
    """Every relaxation the project records, and what adopt did about its tests' pytest settings."""
    lines: list[str] = []
    relaxations = _relaxations(project)
    if relaxations:
        lines.append(
            "kept from your configuration, each recorded with its reason in "
            "[tool.pyexpert-gates.relaxations]:"
        )
        lines.extend(f"  {name}: {undo}" for name, undo in sorted(relaxations.items()))
    if adopted.registered:
        lines.append(
            "registered the markers your tests use, which --strict-markers refused: "
            + ", ".join(adopted.registered)
        )
    if adopted.loosened:
        lines.append("kept at your pytest value, as a passing test failed under the preset's:")
        lines.extend(
            f"  {label}: {_broke(tests, 'under it')}" for label, tests in adopted.loosened.items()
        )
    return lines


def _relaxations(project: Path) -> dict[str, str]:
    """Every relaxation the project records, with what undoes it: the whole list, every run."""
    # Loaded on use, as for the other steps that read the configuration.
    from pyexpert_gates.config import load_config  # noqa: PLC0415 - loaded on use, see above

    shown: dict[str, str] = {}
    for name, reason in load_config(project).relaxations.items():
        written = reason.startswith(_KEPT)
        shown[name] = reason.rsplit("; ", 1)[-1] if written else f"yours: {reason}"
    return shown


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
