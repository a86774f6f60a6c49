"""Adoption as data: init, relax, fix under the tests' guard, and baseline one project.

Every setting of the project's that the config gate would report (a value weaker than the
preset's, an exclude, a per-file ignore, an override) is kept as a relaxation whose reason adopt
writes, so the project is below the preset only where it was before, and says so; everything
else follows the preset, and the baseline holds today's findings. fix runs only where the
project's tests keep passing, one fix group (rule) at a time when one breaks a test.
"""

import dataclasses
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyexpert_gates.check.baseline_run import Recorded, record_baselines
from pyexpert_gates.check.held_back import read_held_back, write_held_back
from pyexpert_gates.check.init_run import InitEvent, run_init
from pyexpert_gates.check.workspace import resolve_projects
from pyexpert_gates.fix.guard import TestRun, guard
from pyexpert_gates.init.plan import plan_init, render
from pyexpert_gates.init.projects import InitChoices
from pyexpert_gates.init.strictness import (
    STRICT_MARKERS,
    StrictSetting,
    added_strictness,
    registered_markers,
    taken_back,
    unknown_markers,
)
from pyexpert_gates.textfile import read_toml, write_atomic, write_bytes_atomic
from pyexpert_gates.tools import PYPROJECT

_TESTS = "pytest"
_KEPT = "kept from the project's configuration at adoption"
_SHOWN_TESTS = 3
_FIX_ROUNDS = 3
_MARKER_ROUNDS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Adopted:
    """What adopt did to one project, for the summary.

    Attributes:
        kept: The fix groups applied, with every test still passing.
        failing: The tests that fail, so that no fix was applied; empty when they pass.
        loosened: Each pytest setting kept at the project's value, with the tests that failed
            under the preset's.
        registered: The markers registered, which ``--strict-markers`` refused.
        relaxations: Every relaxation the project records, with what undoes it.
        held: Every fix group held back (this run's and earlier runs'), with the reason.
    """

    kept: tuple[str, ...]
    failing: tuple[str, ...]
    loosened: Mapping[str, tuple[str, ...]] = field(default_factory=dict[str, tuple[str, ...]])
    registered: tuple[str, ...] = ()
    relaxations: Mapping[str, str] = field(default_factory=dict[str, str])
    held: Mapping[str, str] = field(default_factory=dict[str, str])


AdoptEvent = InitEvent | Recorded | Adopted
"""One thing adopt has to say, in order: init's report, the baseline written, the summary."""


def adopt(project: Path, preset: str, python: str | None) -> Iterator[AdoptEvent]:
    """Init, relax, fix under the tests' guard, and baseline one project.

    Args:
        project: The project folder.
        preset: The preset to adopt.
        python: The ``--python`` interpreter, or None.

    Yields:
        What init said, then the baseline written, then what adopt did.
    """
    strictness = _strictness(project, preset)
    yield from _init(project, preset, relax={})
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
        adopted = Adopted(kept=(), failing=before.failed)
    else:
        adopted = _fix(project, python)
    yield from record_baselines(resolve_projects([project]), python)
    yield dataclasses.replace(
        adopted,
        loosened=loosened,
        registered=tuple(registered),
        relaxations=_relaxations(project),
        held=read_held_back(project),
    )


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
    _init_quietly(project, preset, relax=_loosened_reasons(guarded.held_back, by_label))
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
        failing.setdefault(setting.name, []).append(f"{what}: {broke(tests, 'under it')}")
    return {
        name: f"{_KEPT} on {today}: {'; '.join(why)}; {_undo(name, 'config-differs')}"
        for name, why in failing.items()
    }


def _init(project: Path, preset: str, *, relax: Mapping[str, str]) -> Iterator[InitEvent]:
    """Run init with ``--migrate`` and these relaxations, as ``init`` does: its report."""
    choices = InitChoices(
        preset=preset, force=False, relax=dict(relax), migrate=True, noxfile=True, ci=None
    )
    return run_init(resolve_projects([project]), choices, dry_run=False, impact=False)


def _init_quietly(project: Path, preset: str, *, relax: Mapping[str, str]) -> None:
    """Run init as `_init` does, its report left unsaid."""
    list(_init(project, preset, relax=relax))


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
        _init_quietly(project, preset, relax=relax)


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


def _fix(project: Path, python: str | None) -> Adopted:
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
        held.update({group: broke(tests) for group, tests in guarded.held_back.items()})
        request = FixRequest(only=frozenset(guarded.kept), held_back=frozenset(held))
        fix_project(project, request)
        kept.update(guarded.kept)
    if held_now:
        write_held_back(project, held)
    return Adopted(kept=tuple(sorted(kept)), failing=())


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


def broke(tests: Sequence[str], cause: str = "with this fix") -> str:
    """Why a fix group (or a pytest setting) is held back: the tests that failed ``cause``.

    Args:
        tests: The tests that failed.
        cause: What they failed under.

    Returns:
        The reason, naming the first few tests.
    """
    more = len(tests) - _SHOWN_TESTS
    shown = "; ".join(tests[:_SHOWN_TESTS]) + (f"; and {more} more" if more > 0 else "")
    return f"a passing test failed {cause}: {shown or 'the tests did not pass'}"


def _relaxations(project: Path) -> dict[str, str]:
    """Every relaxation the project records, with what undoes it: the whole list, every run."""
    # Loaded on use, as for the other steps that read the configuration.
    from pyexpert_gates.config import load_config  # noqa: PLC0415 - loaded on use, see above

    shown: dict[str, str] = {}
    for name, reason in load_config(project).relaxations.items():
        written = reason.startswith(_KEPT)
        shown[name] = reason.rsplit("; ", 1)[-1] if written else f"yours: {reason}"
    return shown
