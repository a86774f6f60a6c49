"""One cycle of ``watch``: the gates on the files as they are now, the file-level ones limited.

The first cycle, and the first after a configuration change, runs every gate on every file.
Later cycles run the file-level gates (ruff, format, expert, docstrings) on the changed files
only and merge their findings (and coverage) with those kept for the other files; the
whole-program gates check
everything again, with their own incremental caches (mypy's cache, the resident pyright,
pytest-testmon's record of what each test executes).
"""

import asyncio
import dataclasses
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from pyexpert_gates.check.engine import gate_result, plan_report, run_gates
from pyexpert_gates.check.plan import Plan, PlannedGate
from pyexpert_gates.check.shortcuts import Shortcuts
from pyexpert_gates.data.snapshot import SOURCE_SUFFIXES
from pyexpert_gates.files import list_files
from pyexpert_gates.gates.base import SelectedTests
from pyexpert_gates.gates.registry import GATES, Rerun
from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.watch.langserver import PyrightServer
from pyexpert_gates.watch.merge import merge_file_level

SINCE = "the last report"
"""How a gate limited to the changed files names what they changed since."""

MERGED = frozenset(name for name, gate in GATES.items() if gate.rerun is Rerun.MERGED)
"""The file-level gates whose findings on unchanged files are kept: a file's findings depend on
that file alone (the docstrings gate's coverage is kept per module and weighed again)."""

Finished = Callable[[GateResult], None]
"""Told of each gate's result on every file as soon as that gate has finished."""


def _ignore(_: GateResult) -> None:
    """Hear of a finished gate and do nothing with it."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Told:
    """The engine's observer in a cycle: tells ``tell`` of each gate's result once it ends.

    Attributes:
        tell: Told of each result.
        merged: A limited gate's result made whole (merged with its kept result); identity for
            gates that check every file.
    """

    tell: Finished
    merged: Callable[[GateResult], GateResult]

    def waiting(self, name: GateName) -> None:
        """Nothing: a cycle shows its gates as running from its start."""

    def started(self, name: GateName) -> None:
        """Nothing: a cycle shows its gates as running from its start."""

    def finished(self, result: GateResult) -> None:
        """Tell of ``result``, made whole.

        Args:
            result: The gate's result, as the engine has it.
        """
        self.tell(self.merged(result))


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Cycle:
    """What one cycle runs.

    Attributes:
        plan: The planned gates, paths, interpreter and configuration.
        kept: The last complete result of each gate; empty to run every gate on every file.
        changed: The files changed since the last cycle started, relative to the project.
        tests: Which tests the pytest gate runs.
        pyright: The resident pyright language server, or None to run pyright cold.
        seen: When the last change was seen (`time.monotonic` seconds).
        settings_kept: True when the changes can alter no setting: the kept result of a gate
            that judges the settings alone stands.
    """

    plan: Plan
    kept: Mapping[GateName, GateResult]
    changed: tuple[str, ...]
    tests: SelectedTests = SelectedTests.EVERY
    pyright: PyrightServer | None = None
    seen: float = 0.0
    settings_kept: bool = False


async def run_cycle(cycle: Cycle, finished: Finished = _ignore) -> Report:
    """Run the gates of ``cycle``; cancelling it ends every process it started.

    Args:
        cycle: What to run.
        finished: Told of each gate's result (limited ones merged) as soon as it ends.

    Returns:
        The report on every gate, the limited ones merged with their kept results.
    """
    started = time.monotonic()
    # A verdict on the settings alone stands while they are what they were: it takes no time.
    standing = tuple(
        dataclasses.replace(cycle.kept[gate.name], duration_s=0.0)
        for gate in cycle.plan.gates
        if _standing(cycle, gate.name)
    )
    for result in standing:
        finished(result)
    planned = dataclasses.replace(
        cycle.plan,
        gates=tuple(gate for gate in cycle.plan.gates if not _standing(cycle, gate.name)),
    )
    cycle = dataclasses.replace(cycle, plan=planned)
    pyright = cycle.pyright if any(_resident(gate) for gate in planned.gates) else None
    # The resident pyright is told of the change first, before the engine starts processes.
    runs = await asyncio.gather(
        _nothing() if pyright is None else _resident_pyright(cycle, pyright, finished),
        _run_engine(cycle, finished, skip_resident=pyright is not None),
    )
    fresh = (*standing, *runs[1], *runs[0])
    return plan_report(planned, fresh, time.monotonic() - started)


async def _run_engine(
    cycle: Cycle, finished: Finished, *, skip_resident: bool
) -> tuple[GateResult, ...]:
    """The gates the engine runs: the file-level ones limited, then merged; the others whole."""
    planned = tuple(gate for gate in cycle.plan.gates if not (skip_resident and _resident(gate)))
    limited = tuple(
        gate for gate in planned if gate.name in MERGED and _mergeable(cycle.kept.get(gate.name))
    )
    whole = tuple(gate for gate in planned if gate not in limited)
    shortcuts = Shortcuts(changed=cycle.changed, since=SINCE, tests=cycle.tests)
    plans = (
        dataclasses.replace(cycle.plan, gates=limited, shortcuts=shortcuts),
        dataclasses.replace(cycle.plan, gates=whole, shortcuts=Shortcuts(tests=cycle.tests)),
    )

    def whole_result(result: GateResult) -> GateResult:
        return merge_file_level(
            cycle.kept[result.name],
            result,
            cycle.changed,
            threshold=cycle.plan.config.docstring_coverage,
        )

    observers = (_Told(finished, whole_result), _Told(finished, lambda result: result))
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-watch-") as scratch:
        folders = (Path(scratch) / "file-level", Path(scratch) / "whole")
        for folder in folders:
            folder.mkdir()
        # The limited gates come first, with job slots of their own: their answer comes first.
        runs = await asyncio.gather(
            *(
                run_gates(plan, folder, observer)
                for plan, folder, observer in zip(plans, folders, observers, strict=True)
            )
        )
    return (*(whole_result(result) for result in runs[0]), *runs[1])


async def _resident_pyright(
    cycle: Cycle, server: PyrightServer, finished: Finished
) -> tuple[GateResult, ...]:
    """The pyright result from the resident language server; run cold when it has none in time."""
    started = time.monotonic()
    planned = next(gate for gate in cycle.plan.gates if _resident(gate))
    # The server is told of the change before git lists the files: its analysis starts first.
    sources = asyncio.ensure_future(_sources(cycle.plan))
    changed = tuple(name for name in cycle.changed if name.endswith(SOURCE_SUFFIXES))
    try:
        outcome = await server.outcome(
            changed=changed, sources=sources, time_limit=planned.time_limit
        )
    finally:
        sources.cancel()
    if outcome is None:
        cold = dataclasses.replace(cycle.plan, gates=(planned,), shortcuts=Shortcuts())
        with tempfile.TemporaryDirectory(prefix="pyexpert-gates-watch-") as scratch:
            return await run_gates(cold, Path(scratch), _Told(finished, lambda result: result))
    result = gate_result(
        planned.name, outcome, started=started, command=server.command, plan=cycle.plan
    )
    finished(result)
    return (result,)


async def _sources(plan: Plan) -> tuple[str, ...]:
    """The Python files in the plan's paths, by the project's one list."""
    return (await list_files(plan.project)).sources(plan.paths)


async def _nothing() -> tuple[GateResult, ...]:
    """No results: pyright runs with the other gates."""
    return ()


def _resident(planned: PlannedGate) -> bool:
    """True for the gate a resident process re-runs after each change."""
    return GATES[planned.name].rerun is Rerun.RESIDENT


def _standing(cycle: Cycle, name: GateName) -> bool:
    """True for a gate on the settings alone whose kept result stands after ``cycle``'s changes."""
    return (
        cycle.settings_kept
        and GATES[name].rerun is Rerun.SETTINGS
        and _mergeable(cycle.kept.get(name))
    )


def _mergeable(kept: GateResult | None) -> bool:
    """True when ``kept`` is a complete verdict the changed files' verdict can be merged into."""
    return kept is not None and kept.status in {Status.PASSED, Status.FAILED}
