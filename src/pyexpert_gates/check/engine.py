"""Run a plan: every gate concurrently, at most ``jobs`` at a time, each under its time limit.

Tool gates run through the runner; in-process gates run in a daemon thread so that one past its
time limit can be reported and abandoned. Whatever goes wrong inside one gate ends as that gate's
``error``: the other gates' results are never lost to it.
"""

import asyncio
import concurrent.futures
import dataclasses
import functools
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.observer import AnnouncedJob, GateObserver
from pyexpert_gates.check.plan import Gate, Plan, PlannedGate, make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.check.shortcuts import make_shortcuts
from pyexpert_gates.config import GatesConfig, load_config
from pyexpert_gates.errors import GatesError
from pyexpert_gates.files import unreadable
from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.gates.expert import EXPERT_GATE
from pyexpert_gates.gates.inprocess import InProcessGate
from pyexpert_gates.gates.paths import relative_path
from pyexpert_gates.invocation import ProcessFailure, ProcessOutput
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.process import run_command

EXIT_TERMINATED = 128 + signal.SIGTERM
"""The exit code after SIGTERM, as shells report a process the signal ended."""
_SHOWN_PATHS = 3


def check_project(
    project: Path,
    request: Request,
    *,
    python: str | None,
    observer: GateObserver | None = None,
) -> Report:
    """Plan and run a check of ``project`` with the gates this installation provides.

    Args:
        project: The project root.
        request: What the command line asks for: gates, timeout, cache, changed files.
        python: The ``--python`` argument, or None to choose the environment.
        observer: Told as each gate starts and ends, for a live display; None for none.

    Returns:
        The report.
    """
    plan = make_plan(
        request,
        project=project,
        config=load_config(project),
        interpreter=choose_interpreter(project=project, override=python, environ=os.environ),
        available=available_gates(),
    )
    shortcuts = make_shortcuts(plan.project, request.shortcuts)
    return run_plan(dataclasses.replace(plan, shortcuts=shortcuts), observer)


def available_gates() -> dict[GateName, Gate]:
    """Every gate this installation provides, by name.

    Returns:
        The tool gates and the in-process gates.
    """
    return {**TOOL_GATES, GateName.EXPERT: EXPERT_GATE, GateName.CONFIG: CONFIG_GATE}


def run_plan(plan: Plan, observer: GateObserver | None = None) -> Report:
    """Run every gate of ``plan`` and collect the report.

    Args:
        plan: What to run.
        observer: Told as each gate starts and ends; None for none.

    Returns:
        One result per gate, the skipped ones included, in gate order.

    Raises:
        GatesError: SIGTERM ended the run (exit 143), after every gate's processes were ended.
    """
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-") as scratch:
        try:
            results = asyncio.run(_until_terminated(run_gates(plan, Path(scratch), observer)))
        except asyncio.CancelledError:
            message = "terminated (SIGTERM); every gate's processes were ended"
            raise GatesError(message, exit_code=EXIT_TERMINATED) from None
    skipped = (
        GateResult(name=name, status=Status.SKIPPED, summary=reason)
        for name, reason in plan.skipped
    )
    order = list(GateName)
    return Report(
        project=str(plan.project),
        duration_s=time.monotonic() - started,
        gates=tuple(sorted((*results, *skipped), key=lambda result: order.index(result.name))),
        python=str(plan.interpreter.path),
    )


async def _until_terminated(
    gates: Coroutine[None, None, tuple[GateResult, ...]],
) -> tuple[GateResult, ...]:
    """Await ``gates``, cancelling them on SIGTERM as asyncio does on Ctrl-C.

    A CI system cancels a job with SIGTERM; the gates' processes run in sessions of their own,
    so without this they would outlive pyexpert-gates.
    """
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    if task is not None:
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        return await gates
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


async def run_gates(
    plan: Plan, scratch: Path, observer: GateObserver | None = None
) -> tuple[GateResult, ...]:
    """Run the gates of ``plan`` concurrently, at most ``plan.jobs`` at once.

    Args:
        plan: What to run.
        scratch: A folder for this run; each gate gets a sub-folder of its own.
        observer: Told as each gate waits for a job, starts and ends; None for none.

    Returns:
        The gates' results, in the plan's order.
    """
    jobs = asyncio.Semaphore(plan.jobs)
    blocked = unreadable(plan.project, plan.paths)
    if blocked:
        return _unreadable_results(plan, blocked, observer)
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(_observed(plan, gate, scratch, jobs, observer)) for gate in plan.gates
        ]
    return tuple(task.result() for task in tasks)


def _unreadable_results(
    plan: Plan, blocked: tuple[str, ...], observer: GateObserver | None
) -> tuple[GateResult, ...]:
    """Every gate an error: some tools pass silently over a file they cannot read."""
    shown = blocked[:_SHOWN_PATHS]
    more = f" and {len(blocked) - len(shown)} more" if len(blocked) > len(shown) else ""
    summary = (
        f"cannot read {', '.join(shown)}{more}: make it readable, or leave it out of "
        "the paths in [tool.pyexpert-gates]"
    )
    results = tuple(
        GateResult(name=gate.name, status=Status.ERROR, summary=summary) for gate in plan.gates
    )
    if observer is not None:
        for result in results:
            observer.finished(result)
    return results


async def _observed(
    plan: Plan,
    planned: PlannedGate,
    scratch: Path,
    jobs: asyncio.Semaphore,
    observer: GateObserver | None,
) -> GateResult:
    """Run one gate, telling ``observer`` as it waits for a job, starts and ends."""
    if observer is None:
        return await _run_gate(plan, planned, scratch, jobs)
    observer.waiting(planned.name)
    job = AnnouncedJob(jobs, functools.partial(observer.started, planned.name))
    result = await _run_gate(plan, planned, scratch, job)
    observer.finished(result)
    return result


async def _run_gate(
    plan: Plan, planned: PlannedGate, scratch: Path, jobs: AbstractAsyncContextManager[None]
) -> GateResult:
    """Run one gate when a job is free, and time it; replay its stored result if it has one."""
    async with jobs:
        started = time.monotonic()
        (scratch / planned.name).mkdir()
        context = GateContext(
            project=plan.project,
            paths=plan.paths,
            python=plan.interpreter.path,
            scratch=scratch / planned.name,
            docstring_coverage=plan.config.docstring_coverage,
        )
        prepared = await plan.shortcuts.prepare(planned.name, context)
        if prepared.result is not None:
            return dataclasses.replace(prepared.result, duration_s=time.monotonic() - started)
        argv, outcome = await _outcome(planned, prepared.context, plan.config)
        result = GateResult(
            name=planned.name,
            status=outcome.status,
            duration_s=time.monotonic() - started,
            command=argv,
            summary=outcome.summary,
            diagnostics=tuple(_relative(item, plan.project) for item in outcome.diagnostics),
            coverage=outcome.coverage,
        )
        return plan.shortcuts.keep(prepared, result)


async def _outcome(
    planned: PlannedGate, context: GateContext, config: GatesConfig
) -> tuple[tuple[str, ...], GateOutcome]:
    """The command a gate ran (none in-process) and its verdict; a gate's own bug is an error."""
    gate = planned.gate
    argv: tuple[str, ...] = ()
    try:
        if isinstance(gate, InProcessGate):
            call = functools.partial(gate.evaluate, context, config)
            return argv, await _in_thread(call, planned.time_limit)
        command = gate.command(context)
        argv = command.argv
        match await run_command(command, time_limit=planned.time_limit):
            case ProcessFailure(reason=reason):
                return argv, GateOutcome(status=Status.ERROR, summary=reason)
            case ProcessOutput() as output:
                return argv, gate.parse(output, context)
    except Exception as error:  # noqa: BLE001 - a gate's own bug must not lose the other gates
        summary = f"internal error in the {planned.name} gate: {type(error).__name__}: {error}"
        return argv, GateOutcome(status=Status.ERROR, summary=summary)


async def _in_thread(call: Callable[[], GateOutcome], time_limit: float) -> GateOutcome:
    """Run ``call`` in a daemon thread; past ``time_limit`` it is abandoned as an error."""
    done: concurrent.futures.Future[GateOutcome] = concurrent.futures.Future()

    def work() -> None:
        if not done.set_running_or_notify_cancel():
            return  # abandoned before it started
        try:
            done.set_result(call())
        except Exception as error:  # noqa: BLE001 - handed to the waiting task, which reports it
            done.set_exception(error)

    # A daemon thread: one that never returns must not keep the interpreter from exiting.
    threading.Thread(target=work, name="pyexpert-gates-gate", daemon=True).start()
    try:
        async with asyncio.timeout(time_limit):
            return await asyncio.wrap_future(done)
    except TimeoutError:
        return GateOutcome(status=Status.ERROR, summary=f"timed out after {time_limit:g} s")


def _relative(diagnostic: Diagnostic, project: Path) -> Diagnostic:
    """``diagnostic`` with its path relative to ``project`` (or its real path), POSIX style."""
    path = relative_path(diagnostic.path, project)
    if Path(path).is_absolute():
        # A tool may report the real path of a project reached through a symlink.
        path = relative_path(path, project.resolve())
    return dataclasses.replace(diagnostic, path=path)
