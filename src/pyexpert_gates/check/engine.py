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
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from pyexpert_gates.check.held_back import read_held_back, without_held_back
from pyexpert_gates.check.interpreter import Interpreter, choose_interpreter
from pyexpert_gates.check.observer import AnnouncedJob, GateObserver
from pyexpert_gates.check.plan import Gate, Plan, PlannedGate, make_plan
from pyexpert_gates.check.reexports import with_reexports_unsafe
from pyexpert_gates.check.request import Request
from pyexpert_gates.check.shortcuts import make_shortcuts
from pyexpert_gates.check.snapshot import read_snapshot
from pyexpert_gates.config import GatesConfig, load_config
from pyexpert_gates.data.invocation import ProcessFailure, ProcessOutput
from pyexpert_gates.files import unreadable
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.inprocess import InProcessGate
from pyexpert_gates.gates.paths import relative_path
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.process import run_command, run_until_terminated

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
    interpreter = choose_interpreter(project=project, override=python, environ=os.environ)
    return run_plan(plan_check(project, request, interpreter), observer)


def plan_check(project: Path, request: Request, interpreter: Interpreter) -> Plan:
    """Plan a check of ``project`` in the environment of ``interpreter``.

    Args:
        project: The project root.
        request: What the command line asks for: gates, timeout, cache, changed files.
        interpreter: The environment the type checkers and pytest use.

    Returns:
        The plan, with the project's result cache and changed files.
    """
    plan = make_plan(
        request,
        project=project,
        config=load_config(project),
        interpreter=interpreter,
        available=available_gates(),
    )
    shortcuts = make_shortcuts(plan.project, request.shortcuts)
    return dataclasses.replace(plan, shortcuts=shortcuts)


def available_gates() -> dict[GateName, Gate]:
    """Every gate this installation provides, by name.

    Returns:
        The tool gates and the in-process gates.
    """
    return {name: gate.runner for name, gate in GATES.items()}


def run_plan(plan: Plan, observer: GateObserver | None = None) -> Report:
    """Run every gate of ``plan`` and collect the report.

    Args:
        plan: What to run.
        observer: Told as each gate starts and ends; None for none.

    Returns:
        One result per gate, the skipped ones included, in gate order.
    """
    return run_plans((plan,), observer)[0]


def run_plans(plans: Sequence[Plan], observer: GateObserver | None = None) -> tuple[Report, ...]:
    """Run the gates of every plan concurrently, under the smallest job limit of them all.

    Args:
        plans: What to run: one plan per project.
        observer: Told as each gate starts and ends; None for none.

    Returns:
        One report per plan, in order: one result per gate, the skipped ones included.

    Raises:
        GatesError: SIGTERM ended the run (exit 143), after every gate's processes were ended.
    """
    started = time.monotonic()
    jobs = min((plan.jobs for plan in plans), default=1)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-") as scratch:
        folders = [Path(scratch) / str(index) for index in range(len(plans))]
        for folder in folders:
            folder.mkdir()
        results = run_until_terminated(
            _together(plans, folders, observer, jobs), ended="every gate's processes were ended"
        )
    duration = time.monotonic() - started
    return tuple(
        plan_report(plan, found, duration) for plan, found in zip(plans, results, strict=True)
    )


def plan_report(plan: Plan, results: tuple[GateResult, ...], duration: float) -> Report:
    """The report of one plan: its gates' results and the skipped gates, in gate order.

    Args:
        plan: What ran, with the gates it skipped and why.
        results: The results of the gates that ran.
        duration: Wall-clock seconds for the whole run.

    Returns:
        The report.
    """
    skipped = (
        GateResult(name=name, status=Status.SKIPPED, summary=reason)
        for name, reason in plan.skipped
    )
    order = list(GateName)
    # What fix does decides the marks, for check and watch alike: fix removes no import another
    # file uses (offered as --unsafe), and a fix that broke a passing test is not offered again.
    results = with_reexports_unsafe(Path(plan.project), results)
    results = without_held_back(results, read_held_back(Path(plan.project)))
    return Report(
        project=str(plan.project),
        duration_s=duration,
        gates=tuple(sorted((*results, *skipped), key=lambda result: order.index(result.name))),
        python=str(plan.interpreter.path),
    )


async def _together(
    plans: Sequence[Plan], folders: Sequence[Path], observer: GateObserver | None, jobs: int
) -> tuple[tuple[GateResult, ...], ...]:
    """Run every plan's gates at once, sharing ``jobs`` slots among them."""
    slots = asyncio.Semaphore(jobs)
    runs = (
        run_gates(plan, folder, observer, slots)
        for plan, folder in zip(plans, folders, strict=True)
    )
    return tuple(await asyncio.gather(*runs))


async def run_gates(
    plan: Plan,
    scratch: Path,
    observer: GateObserver | None = None,
    jobs: asyncio.Semaphore | None = None,
) -> tuple[GateResult, ...]:
    """Run the gates of ``plan`` concurrently, at most ``plan.jobs`` at once.

    Args:
        plan: What to run.
        scratch: A folder for this run; each gate gets a sub-folder of its own.
        observer: Told as each gate waits for a job, starts and ends; None for none.
        jobs: Job slots shared with other plans' gates; None for ``plan.jobs`` of its own.

    Returns:
        The gates' results, in the plan's order.
    """
    blocked = unreadable(plan.project, plan.paths)
    if blocked:
        return _unreadable_results(plan, blocked, observer)
    slots = jobs or asyncio.Semaphore(plan.jobs)
    # Every gate of the run sees the project as it was read here, once.
    context = GateContext(
        project=plan.project,
        paths=plan.paths,
        python=plan.interpreter.path,
        scratch=scratch,
        snapshot=await read_snapshot(plan.project, plan.paths, os.environ),
        docstring_coverage=plan.config.docstring_coverage,
        relaxed=frozenset(plan.config.relaxations),
    )
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(_observed(plan, gate, context, slots, observer))
            for gate in plan.gates
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
    context: GateContext,
    jobs: asyncio.Semaphore,
    observer: GateObserver | None,
) -> GateResult:
    """Run one gate, telling ``observer`` as it waits for a job, starts and ends."""
    if observer is None:
        return await _run_gate(plan, planned, context, jobs)
    observer.waiting(planned.name)
    job = AnnouncedJob(jobs, functools.partial(observer.started, planned.name))
    result = await _run_gate(plan, planned, context, job)
    observer.finished(result)
    return result


async def _run_gate(
    plan: Plan,
    planned: PlannedGate,
    context: GateContext,
    jobs: AbstractAsyncContextManager[None],
) -> GateResult:
    """Run one gate when a job is free, and time it; replay its stored result if it has one."""
    async with jobs:
        started = time.monotonic()
        (context.scratch / planned.name).mkdir()
        context = dataclasses.replace(context, scratch=context.scratch / planned.name)
        prepared = await plan.shortcuts.prepare(planned.name, context)
        if prepared.result is not None:
            return dataclasses.replace(prepared.result, duration_s=time.monotonic() - started)
        argv, outcome = await _outcome(planned, prepared.context, plan.config)
        result = gate_result(planned.name, outcome, started=started, command=argv, plan=plan)
        return plan.shortcuts.keep(prepared, result)


def gate_result(
    name: GateName, outcome: GateOutcome, *, started: float, command: tuple[str, ...], plan: Plan
) -> GateResult:
    """The result of a gate that ran: its verdict, timed, its findings' paths project-relative.

    Args:
        name: The gate.
        outcome: Its verdict.
        started: When it started (`time.monotonic` seconds).
        command: The command line it ran; empty for in-process gates.
        plan: The plan it ran in.

    Returns:
        The result.
    """
    return GateResult(
        name=name,
        status=outcome.status,
        duration_s=time.monotonic() - started,
        command=command,
        summary=outcome.summary,
        diagnostics=tuple(_relative(item, plan.project) for item in outcome.diagnostics),
        coverage=outcome.coverage,
    )


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
