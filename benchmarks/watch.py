# ruff: noqa: T201 - a standalone script that reports on the terminal
"""Benchmark ``watch`` on a real project: what a one-file change costs, against the floors.

Uses the pypa/packaging sdist of ``benchmarks/cache.py``, installed (editable) with its test
dependencies, and times side by side, in one run, from saving a one-file change in ``src/``, for
two kinds of change, each planting a fault (a variable assigned and never used):

- a statement planted in a method body of ``version.py``, the module every other one imports;
- a new function in ``metadata.py``, a module that only its own tests import.

Rows (static gates: everything but pytest):

- ``pyright --watch`` alone, as the pyright gate runs it: the time to its next analysis, the
  floor that watch's first design could not go under;
- watch's first finding: the first JSON line (partial or complete) that names the planted fault
  (target: at most 0.5x ``pyright --watch`` alone);
- watch's complete report: the line without ``partial`` (target: at most 0.9x);
- a cold ``check --no-cache`` of the static gates, for scale;
- the pytest gate against a cold ``check --no-cache --gate pytest``, without affected-test
  selection (every test runs each cycle) and with it (pytest-testmon installed); the latter
  also after the worst case of selection, a new function in ``version.py``, timed once.

Usage: ``python -m benchmarks.watch [--packaging VERSION] [--repeat N] [--static-only]``. The
exit code is 0 when both static targets are met for both kinds of change, 1 otherwise.
"""

import argparse
import asyncio
import dataclasses
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from benchmarks.cache import TEST_DEPENDENCIES, commit
from benchmarks.check import fetch_packaging, make_venv, run
from pyexpert_gates.check.snapshot import take_snapshot
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.models import GateName
from pyexpert_gates.process import (
    Command,
    ProcessFailure,
    ResidentProcess,
    run_command,
    start_resident,
)

FIRST_TARGET = 0.5
COMPLETE_TARGET = 0.9
REPORT_WAIT_S = 900.0
SETTLE_S = 2.0
"""Seconds between a report and the next save: the resident tools settle, as between saves."""
STATIC = tuple(gate for gate in GateName if gate is not GateName.PYTEST)
PATHS = ("src", "tests")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """One kind of one-file change: a file and how its ``number``-th edit rewrites it.

    An edit timed ``once`` is not repeated (each of its runs is a whole suite).
    """

    label: str
    path: str
    rewrite: Callable[[str, int], str]
    once: bool = False


def planted(number: int) -> str:
    """The name of the unused variable the ``number``-th edit plants.

    Args:
        number: The edit's number.

    Returns:
        The variable's name, which the report names when it sees the fault.
    """
    return f"planted_{number}"


def _statement(text: str, number: int) -> str:
    """``Version.is_devrelease`` gains an unused variable before its return."""
    old = "return self.dev is not None"
    start = text.index(old)
    return f"{text[:start]}{planted(number)} = {number}\n        {text[start:]}"


def _new_function(text: str, number: int) -> str:
    """A new top-level function at the end of the module, with an unused variable."""
    name = planted(number)
    return f"{text}\n\ndef benchmark_edit_{number}() -> int:\n    {name} = 1\n    return {number}\n"


EDITS = (
    Edit(label="statement, version.py", path="src/packaging/version.py", rewrite=_statement),
    Edit(
        label="new function, metadata.py", path="src/packaging/metadata.py", rewrite=_new_function
    ),
)
WORST = Edit(
    label="new function, version.py",
    path="src/packaging/version.py",
    rewrite=_new_function,
    once=True,
)
"""The worst case of affected-test selection: the module every test runs gains a function."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One measured line: the time from each kind of save to what the row times, and a base.

    Attributes:
        label: What the row times.
        edits: The median seconds per kind of edit.
        base: The row the ratios are taken against (None: no ratio printed).
        detail: A line printed under the row.
    """

    label: str
    edits: tuple[float, ...]
    base: "Row | None" = None
    detail: str = ""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Timing:
    """When, after a save, the planted fault was first named and the complete report came.

    Attributes:
        first: Seconds to the first line naming the planted fault (the complete report's time
            when none did, as for ``pyright --watch``, whose one document is its report).
        complete: Seconds to the complete report.
        report: The complete report.
    """

    first: float
    complete: float
    report: dict[str, object]


def main(argv: Sequence[str] | None = None) -> int:
    """Download packaging, time pyright alone and watch after each kind of edit, print them.

    Args:
        argv: The command line after the program name.

    Returns:
        0 when both static targets are met for every kind of edit, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description="Benchmark watch on packaging.")
    parser.add_argument("--packaging", default="24.2", metavar="VERSION")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    parser.add_argument("--static-only", action="store_true", help="leave the pytest rows out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-bench-") as scratch:
        project = fetch_packaging(Path(scratch), args.packaging)
        python = make_venv(Path(scratch) / "venv")
        install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
        run([*install, *TEST_DEPENDENCIES, "--editable", "."], cwd=project)
        commit(project)
        rows = static_rows(project, python, args.repeat)
        if not args.static_only:
            rows.append(pytest_row("pytest, every test", project, python, args.repeat))
            run([*install, "pytest-testmon"], cwd=project)
            rows.append(
                pytest_row("pytest, affected", project, python, args.repeat, (*EDITS, WORST))
            )
    print_rows(args.packaging, args.repeat, rows)
    floor, first, complete = rows[:3]
    met = all(
        seconds <= target * alone
        for row, target in ((first, FIRST_TARGET), (complete, COMPLETE_TARGET))
        for seconds, alone in zip(row.edits, floor.edits, strict=True)
    )
    return 0 if met else 1


def static_rows(project: Path, python: Path, repeat: int) -> list[Row]:
    """``pyright --watch`` alone, then watch's first finding and complete report, side by side.

    Args:
        project: The project root.
        python: The project's interpreter.
        repeat: How many timed edits of each kind (the median counts).

    Returns:
        The floor row, watch's two rows (their ratios against the floor), a cold check's row.
    """
    snapshot = take_snapshot(project, PATHS, os.environ)
    context = GateContext(
        project=project, paths=PATHS, python=python, scratch=project, snapshot=snapshot
    )
    command = PyrightGate().command(context)
    resident = dataclasses.replace(command, argv=(*command.argv, "--watch"))
    alone = asyncio.run(_time_edits(resident, repeat))
    floor = Row(label="pyright --watch alone", edits=tuple(timing.complete for timing in alone))
    timings = asyncio.run(_time_edits(_watch(project, python, STATIC), repeat))
    first = Row(
        label="watch, first finding",
        edits=tuple(timing.first for timing in timings),
        base=floor,
    )
    complete = Row(
        label="watch, complete",
        edits=tuple(timing.complete for timing in timings),
        base=floor,
        detail=_slowest([timing.report for timing in timings]),
    )
    cold = _cold(project, python, STATIC, repeat)
    return [floor, first, complete, Row(label="check, cold", edits=(cold,) * len(EDITS))]


def pytest_row(
    label: str, project: Path, python: Path, repeat: int, edits: Sequence[Edit] = EDITS
) -> Row:
    """The pytest gate after each kind of edit, against a cold run of it.

    Args:
        label: What the row measures.
        project: The project root.
        python: The project's interpreter.
        repeat: How many timed runs of each (the median counts).
        edits: The kinds of edit timed.

    Returns:
        The row, its ratios against a cold ``check --gate pytest``.
    """
    gates = (GateName.PYTEST,)
    cold = _cold(project, python, gates, repeat)
    timings = asyncio.run(_time_edits(_watch(project, python, gates), repeat, edits))
    base = Row(label="cold", edits=(cold,) * len(edits))
    reports = [timing.report for timing in timings]
    return Row(
        label=label,
        edits=tuple(timing.complete for timing in timings),
        base=base,
        detail=_slowest(reports, edits) + f"; cold run {cold:.2f} s",
    )


def _watch(project: Path, python: Path, gates: Sequence[GateName]) -> Command:
    """The ``watch --format json`` command for ``gates``."""
    argv = (
        *(sys.executable, "-m", "pyexpert_gates", "watch", "--project", str(project)),
        *("--python", str(python), "--format", "json"),
        *(f"--gate={gate}" for gate in gates),
    )
    return Command(argv=argv, cwd=project)


def _cold(project: Path, python: Path, gates: Sequence[GateName], repeat: int) -> float:
    """The median time of a cold ``check --no-cache`` of ``gates``."""
    check = [sys.executable, "-m", "pyexpert_gates", "check", "--project", str(project)]
    check += ["--python", str(python), "--no-cache", "--format", "json"]
    check += [f"--gate={gate}" for gate in gates]
    times: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(check, cwd=project)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def _time_edits(command: Command, repeat: int, edits: Sequence[Edit] = EDITS) -> list[Timing]:
    """Per kind of edit: the median timings after a save, while ``command`` watches."""
    process = await start_resident(command)
    if isinstance(process, ProcessFailure):
        raise SystemExit(process.reason)
    timings: list[Timing] = []
    try:
        await _next_report(process, "")  # the first, cold one
        for index, edit in enumerate(edits):
            runs: list[Timing] = []
            for number in range(index * 100, index * 100 + (1 if edit.once else repeat)):
                await asyncio.sleep(SETTLE_S)
                path = command.cwd / edit.path
                text = edit.rewrite(path.read_text(encoding="utf-8"), number)
                started = time.perf_counter()
                path.write_text(text, encoding="utf-8")
                runs.append(await _next_report(process, planted(number), started))
            timings.append(
                Timing(
                    first=statistics.median(timing.first for timing in runs),
                    complete=statistics.median(timing.complete for timing in runs),
                    report=runs[-1].report,
                )
            )
    finally:
        await process.stop()
        restore = Command(argv=("git", "checkout", "--", "."), cwd=command.cwd)
        await run_command(restore, time_limit=REPORT_WAIT_S)
    return timings


async def _next_report(process: ResidentProcess, fault: str, started: float = 0.0) -> Timing:
    """Read documents until a complete report; note when one first named ``fault``."""
    first: float | None = None
    while True:
        document = await _next_document(process)
        now = time.perf_counter() - started
        if first is None and fault and fault in json.dumps(document.get("gates", ())):
            first = now
        if not document.get("partial"):
            return Timing(first=now if first is None else first, complete=now, report=document)


async def _next_document(process: ResidentProcess) -> dict[str, object]:
    """The next JSON document the process prints: one line (watch) or indented (pyright)."""
    lines: list[str] = []
    async with asyncio.timeout(REPORT_WAIT_S):
        while (line := await process.readline()) is not None:
            if line.startswith("{"):
                lines = []
            lines.append(line)
            if lines[0].startswith("{") and (line.endswith("}") and not line.startswith(" ")):
                document: dict[str, object] = json.loads("\n".join(lines))
                return document
    message = f"{process} ended before its report"
    raise SystemExit(message)


def _slowest(reports: Sequence[dict[str, object]], edits: Sequence[Edit] = EDITS) -> str:
    """The three slowest gates of watch's last report, and how many tests ran after each edit."""
    gates = cast("list[dict[str, object]]", reports[-1].get("gates", []))
    ranked = sorted(gates, key=lambda gate: -cast("float", gate["duration_s"]))[:3]
    slowest = ", ".join(f"{gate['name']} {gate['duration_s']:.2f} s" for gate in ranked)
    tests = [
        f"\n      {edit.label}: {gate['summary']}"
        for edit, report in zip(edits, reports, strict=True)
        for gate in cast("list[dict[str, object]]", report.get("gates", []))
        if gate["name"] == GateName.PYTEST
    ]
    return f"slowest: {slowest}" + "".join(tests)


def print_rows(version: str, repeat: int, rows: Sequence[Row]) -> None:
    """Print each row: each kind of edit's time, and its ratio against the row's base.

    Args:
        version: The release of packaging measured.
        repeat: How many runs each median is of.
        rows: The rows, in order.
    """
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"pyexpert-gates watch on packaging {version}: from saving a one-file change in src/")
    print(f"(medians of {repeat}; {os.cpu_count()} cores; load average {load}); targets: first")
    print(
        f"finding <= {FIRST_TARGET}x and complete report <= {COMPLETE_TARGET}x "
        "pyright --watch alone; pytest rows against a cold run of the pytest gate"
    )
    columns = max(len(row.edits) for row in rows)
    header = "".join(f"{edit.label:>34}" for edit in (*EDITS, WORST)[:columns])
    print(f"  {'':<24}{header}")
    for row in rows:
        cells = "".join(
            f"{seconds:>22.2f} s ({seconds / base:5.2f}x)"
            if row.base is not None and (base := row.base.edits[index]) > 0
            else f"{seconds:>32.2f} s"
            for index, seconds in enumerate(row.edits)
        )
        print(f"  {row.label:<24}{cells}")
        if row.detail:
            print(f"  {'':<24}{row.detail}")


if __name__ == "__main__":
    raise SystemExit(main())
