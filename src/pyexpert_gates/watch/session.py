"""The watch loop: a cycle at the start, then one after every change, until Ctrl-C.

The watcher (watchfiles) runs beside the cycles. A change that arrives while a cycle runs
cancels it (ending every process it started) and starts another with both batches of changes,
so a report always reflects the files as they were when its cycle started.
"""

import asyncio
import contextlib
import dataclasses
import os
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Protocol

from pyexpert_gates.baseline.store import read_baseline
from pyexpert_gates.baseline.update import apply_to_check, is_locked
from pyexpert_gates.check.engine import available_gates, plan_report
from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.plan import Plan, make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.check.snapshot import read_snapshot
from pyexpert_gates.config import load_config
from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.errors import GatesError
from pyexpert_gates.gates.base import GateContext, SelectedTests
from pyexpert_gates.gates.registry import GATES, Rerun
from pyexpert_gates.models import GateName, GateResult, Report
from pyexpert_gates.process import run_command
from pyexpert_gates.watch.changes import Changes
from pyexpert_gates.watch.cycle import Cycle, run_cycle
from pyexpert_gates.watch.langserver import PyrightServer, start_pyright
from pyexpert_gates.watch.record import affected_share
from pyexpert_gates.watch.tests import counted_tests, plain_instead, selection, with_total
from pyexpert_gates.watch.watcher import Fence, own_folder, require_own_record, watch_changes

PROBE_TIME_LIMIT_S = 60.0
FIRST = Changes(files=(), environment=True)
"""What starts the first cycle: every gate on every file, every test, pyright started."""


class Screen(Protocol):
    """Where the reports go: a live screen, or one JSON line per report."""

    def show(self, report: Report, changes: Changes) -> None:
        """Show the report of the cycle the ``changes`` started.

        Args:
            report: The cycle's report.
            changes: What changed since the cycle before.
        """
        ...

    def problem(self, message: str) -> None:
        """Say why no cycle can run until the next change (an invalid configuration).

        Args:
            message: The reason and its fix.
        """
        ...

    def running(self, changes: Changes, gates: tuple[GateName, ...]) -> None:
        """Say at once that a cycle has started, and which gates it runs.

        Args:
            changes: What changed since the cycle before.
            gates: The gates the cycle runs.
        """
        ...

    def partial(self, report: Report, changes: Changes, running: tuple[GateName, ...]) -> None:
        """Show the results of the cycle's gates that have finished while others still run.

        Args:
            report: The finished gates' results (and the skipped gates).
            changes: What changed since the cycle before.
            running: The gates of the cycle still running.
        """
        ...


@dataclasses.dataclass(slots=True, kw_only=True)
class _Tests:
    """What the session knows about the project's tests.

    Attributes:
        testmon: True when pytest-testmon is importable in the project's environment.
        total: How many tests the last run of every test counted; None before one.
    """

    testmon: bool = False
    total: int | None = None


class Session:
    """One ``watch`` of one project: the plan, the kept results and the record of the tests."""

    __slots__ = (
        "_fence",
        "_kept",
        "_plan",
        "_project",
        "_pyright",
        "_python",
        "_request",
        "_screen",
        "_tests",
    )

    def __init__(
        self, project: Path, request: Request, *, python: str | None, screen: Screen
    ) -> None:
        """Prepare a watch; nothing runs before `run`.

        Args:
            project: The project root.
            request: The gates asked for (``--gate``, ``--skip``).
            python: The ``--python`` argument, or None to choose the environment.
            screen: Where the reports go.
        """
        self._project = project.resolve()
        self._request = request
        self._python = python
        self._screen = screen
        self._plan: Plan | None = None
        self._kept: dict[GateName, GateResult] = {}
        self._tests = _Tests()
        self._pyright: PyrightServer | None = None
        self._fence = Fence(self._project)

    async def run(self) -> None:
        """Run a cycle, then one after every change, until cancelled (Ctrl-C).

        Raises:
            GatesError: The command line or the configuration is invalid at the start (exit 2);
                later, an invalid configuration is shown and the watch waits for a fix.
        """
        self._plan = await self._replan()
        own_folder(self._project)  # before the watcher starts, so that it watches the fence
        queue: asyncio.Queue[Changes] = asyncio.Queue()
        watcher = asyncio.create_task(watch_changes(self._project, self._fence, queue))
        try:
            pending = FIRST
            while True:
                pending = await self._until_settled(pending, queue)
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            await self._stop_pyright()

    async def _until_settled(self, pending: Changes, queue: "asyncio.Queue[Changes]") -> Changes:
        """Run a cycle for ``pending``; restart it while changes arrive; return the next batch."""
        cycle = asyncio.create_task(self._cycle(pending))
        arrival = asyncio.create_task(queue.get())
        try:
            await asyncio.wait({cycle, arrival}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (cycle, arrival):
                task.cancel()
        if arrival.done() and not arrival.cancelled():
            with contextlib.suppress(asyncio.CancelledError):
                await cycle  # its processes end before the next cycle starts
            return _combined(pending, arrival.result(), _drained(queue))
        # A change from the cycle's last moments may still be on its way: once the fence has
        # arrived, every change made while the cycle ran has, and the report is shown only
        # when there was none.
        await self._fence.raise_and_pass()
        if not queue.empty():
            return _combined(pending, _drained(queue))
        self._publish(cycle.result(), pending)
        return _combined(await queue.get(), _drained(queue))

    def _publish(self, outcome: Report | GatesError, changes: Changes) -> None:
        """Show a cycle's report, judged against the baseline, or why it could not run."""
        if isinstance(outcome, Report):
            outcome = self._judged(outcome)
        match outcome:
            case GatesError(message=message):
                self._screen.problem(message)
            case Report():
                self._screen.show(outcome, changes)

    def _judged(self, report: Report) -> Report | GatesError:
        """``report`` judged against the baseline, or why the baseline cannot be read."""
        try:
            baseline = read_baseline(self._project)
        except GatesError as error:  # a damaged baseline, too, waits for a fix
            return error
        if baseline is None:
            return report
        locked = is_locked(flag=False, environ=os.environ)
        return apply_to_check(report, baseline, project=self._project, locked=locked)

    async def _cycle(self, changes: Changes) -> Report | GatesError:
        """Plan again if the configuration changed, then run one cycle and keep its results."""
        try:
            if changes.configuration or self._plan is None:
                self._plan = await self._replan()
                self._kept = {}
            plan = self._plan
        except GatesError as error:
            self._plan = None
            return error
        if changes.configuration or changes.environment or self._stale_pyright():
            await self._restart_pyright(plan)
        tests = selection(
            testmon=self._tests.testmon,
            recorded=self._tests.total is not None,
            full=changes.environment or _outside_sources(changes, plan),
        )
        plainly = None
        if tests is SelectedTests.AFFECTED:
            plainly = plain_instead(await affected_share(plan.project, plan.interpreter.path))
            tests = SelectedTests.EVERY if plainly else tests
        cycle = Cycle(
            plan=plan,
            kept=self._kept,
            changed=changes.files,
            tests=tests,
            pyright=self._pyright,
            seen=changes.seen,
            settings_kept=changes.sources_only,
        )
        report = await run_cycle(cycle, self._progress(plan, changes))
        return self._keep(report, tests, plainly)

    def _progress(self, plan: Plan, changes: Changes) -> Callable[[GateResult], None]:
        """Say that a cycle of ``plan`` runs; the returned callable shows each gate as it ends."""
        started = time.monotonic()
        running = [planned.name for planned in plan.gates]
        finished: list[GateResult] = []
        self._screen.running(changes, tuple(running))

        def show(result: GateResult) -> None:
            finished.append(result)
            if result.name in running:
                running.remove(result.name)
            if not running:
                return  # the complete report follows, once no change came while it ran
            shown = self._judged(plan_report(plan, tuple(finished), time.monotonic() - started))
            if isinstance(shown, Report):
                self._screen.partial(shown, changes, tuple(running))

        return show

    def _keep(self, report: Report, tests: SelectedTests, plainly: str | None) -> Report:
        """Keep the cycle's results for the next one; say which tests ran, and why all did."""
        self._kept = {result.name: result for result in report.gates}
        pytest = next((kept for name, kept in self._kept.items() if _selects_tests(name)), None)
        if pytest is None:
            return report
        if tests is SelectedTests.RECORD:
            self._tests.total = counted_tests(pytest)
            return report
        if tests is SelectedTests.AFFECTED:
            shown = with_total(pytest, self._tests.total)
        elif plainly is not None:
            shown = dataclasses.replace(pytest, summary=f"{pytest.summary}; {plainly}")
        else:
            return report
        gates = tuple(shown if gate is pytest else gate for gate in report.gates)
        return dataclasses.replace(report, gates=gates)

    async def _replan(self) -> Plan:
        """Read the configuration and plan the gates, as ``check`` does."""
        plan = make_plan(
            self._request,
            project=self._project,
            config=load_config(self._project),
            interpreter=choose_interpreter(
                project=self._project, override=self._python, environ=os.environ
            ),
            available=available_gates(),
        )
        self._tests = _Tests(testmon=await _has_testmon(plan))
        return plan

    async def _restart_pyright(self, plan: Plan) -> None:
        """Start a resident pyright for ``plan`` (its configuration and environment)."""
        await self._stop_pyright()
        if not any(GATES[planned.name].rerun is Rerun.RESIDENT for planned in plan.gates):
            return
        context = GateContext(
            project=plan.project,
            paths=plan.paths,
            python=plan.interpreter.path,
            scratch=plan.project,
            snapshot=await read_snapshot(plan.project, plan.paths, os.environ),
        )
        started = await start_pyright(context)
        # One that cannot start leaves pyright to run cold, where its failure is reported.
        self._pyright = started if isinstance(started, PyrightServer) else None

    def _stale_pyright(self) -> bool:
        """True when no resident pyright runs, or when it missed a change."""
        return self._pyright is None or self._pyright.missed

    async def _stop_pyright(self) -> None:
        """End the resident pyright, if one runs."""
        if self._pyright is not None:
            pyright, self._pyright = self._pyright, None
            await pyright.stop()


def _selects_tests(name: GateName) -> bool:
    """True for the gate that runs only the tests a change can affect."""
    return GATES[name].rerun is Rerun.SELECTED_TESTS


async def _has_testmon(plan: Plan) -> bool:
    """True when pytest-testmon is importable in the project's environment."""
    if not any(_selects_tests(planned.name) for planned in plan.gates):
        return False
    probe = Command(argv=(str(plan.interpreter.path), "-c", "import testmon"), cwd=plan.project)
    match await run_command(probe, time_limit=PROBE_TIME_LIMIT_S):
        case ProcessOutput(returncode=0):
            require_own_record(plan.project)
            # testmon writes its record in the watch's own folder; without one, every test runs.
            return own_folder(plan.project) is not None
        case _:
            return False


def _outside_sources(changes: Changes, plan: Plan) -> bool:
    """True when a file other than Python source changed in the paths: coverage cannot see it."""
    roots = tuple(PurePosixPath(path) for path in plan.paths or (".",))
    others = (PurePosixPath(name) for name in changes.files if name not in changes.sources)
    return any(
        root == PurePosixPath() or name.is_relative_to(root) for name in others for root in roots
    )


def _drained(queue: "asyncio.Queue[Changes]") -> tuple[Changes, ...]:
    """Every batch already waiting on ``queue``."""
    batches: list[Changes] = []
    while not queue.empty():
        batches.append(queue.get_nowait())
    return tuple(batches)


def _combined(first: Changes, *more: Changes | tuple[Changes, ...]) -> Changes:
    """One batch holding every change of ``first`` and ``more``."""
    batches = [first]
    for item in more:
        batches.extend(item if isinstance(item, tuple) else (item,))
    return Changes(
        files=tuple(sorted({name for batch in batches for name in batch.files})),
        configuration=any(batch.configuration for batch in batches),
        environment=any(batch.environment for batch in batches),
        seen=max(batch.seen for batch in batches),
        listing=any(batch.listing for batch in batches),
    )
