# ruff: noqa: T201 - a standalone script that reports on the terminal
"""Benchmark ``watch`` on a real project: what a one-file change costs, against a cold run.

Uses the pypa/packaging sdist of ``benchmarks/cache.py``, installed (editable) with its test
dependencies, and times side by side, in one run, the time from saving a one-file change in
``src/`` to ``watch --format json`` printing its next report, for three kinds of change:

- a changed method body in ``version.py``, the module every other one imports;
- a changed function body in ``metadata.py``, a module that only its own tests import;
- a new function in ``version.py``: its interface changes, so everything that imports it is
  checked again, and for pytest-testmon every test that imported it is affected.

Rows:

- static gates (everything but pytest) against a cold ``check --no-cache`` of the same gates
  (target: at most 10%), with the slowest gates of watch's report;
- ``pyright --watch`` alone on the same changes: the floor under the static gates, as pyright
  waits for a write to settle and then checks every dependent of the changed file again;
- the pytest gate against a cold ``check --no-cache --gate pytest``, without affected-test
  selection (every test runs each cycle) and with it (pytest-testmon installed).

Usage: ``python -m benchmarks.watch [--packaging VERSION] [--repeat N] [--static-only]``. The
exit code is 0 when the static gates meet the target for every kind of change, 1 otherwise.
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

TARGET = 0.10
REPORT_WAIT_S = 900.0
SETTLE_S = 2.0
"""Seconds between a report and the next save: the resident tools settle, as between saves."""
STATIC = tuple(gate for gate in GateName if gate is not GateName.PYTEST)
PATHS = ("src", "tests")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """One kind of one-file change: a file and how its ``number``-th edit rewrites it."""

    label: str
    path: str
    rewrite: Callable[[str, int], str]


def _method_body(text: str, number: int) -> str:
    """``Version.is_devrelease`` returns the same, written another way each time."""
    old = "return self.dev is not None"
    start = text.index(old)
    end = text.index("\n", start)
    return f"{text[:start]}{old} or {number} < 0{text[end:]}"


def _function_body(text: str, number: int) -> str:
    """``_parse_keywords`` keeps every keyword, with a condition that changes each time."""
    old = 'for k in data.split(",")'
    start = text.index(old)
    end = text.index("]", start)
    return f"{text[:start]}{old} if {number} >= 0{text[end:]}"


def _new_function(text: str, number: int) -> str:
    """A new top-level function at the end of the module."""
    return f"{text}\n\ndef benchmark_edit_{number}() -> int:\n    return {number}\n"


EDITS = (
    Edit(label="method body, version.py", path="src/packaging/version.py", rewrite=_method_body),
    Edit(
        label="function body, metadata.py", path="src/packaging/metadata.py", rewrite=_function_body
    ),
    Edit(label="new function, version.py", path="src/packaging/version.py", rewrite=_new_function),
)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One measured line: a cold run and the time to the next report for each kind of edit."""

    label: str
    cold: float | None
    edits: tuple[float, ...]
    detail: str = ""


def main(argv: Sequence[str] | None = None) -> int:
    """Download packaging, time cold checks and watch's reports after edits, and print them.

    Args:
        argv: The command line after the program name.

    Returns:
        0 when the static gates' target is met for every kind of edit, 1 otherwise.
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
        static = measure("static gates", project, python, STATIC, args.repeat)
        floor = time_pyright(project, python, args.repeat)
        rows = [static, dataclasses.replace(floor, cold=static.cold)]
        if not args.static_only:
            pytest = (GateName.PYTEST,)
            rows.append(measure("pytest, every test", project, python, pytest, args.repeat))
            run([*install, "pytest-testmon"], cwd=project)
            rows.append(measure("pytest, affected", project, python, pytest, args.repeat))
    print_rows(args.packaging, args.repeat, rows)
    return 0 if all(seconds <= TARGET * (static.cold or 0.0) for seconds in static.edits) else 1


def measure(label: str, project: Path, python: Path, gates: Sequence[GateName], repeat: int) -> Row:
    """The median cold check and watch's median edit-to-report time per kind of edit.

    Args:
        label: What the row measures.
        project: The project root.
        python: The project's interpreter.
        gates: The gates to run.
        repeat: How many timed runs of each (the median counts).

    Returns:
        The row, its detail the slowest gates of watch's last report.
    """
    selection = [f"--gate={gate}" for gate in gates]
    check = [sys.executable, "-m", "pyexpert_gates", "check", "--project", str(project)]
    check += ["--python", str(python), "--no-cache", "--format", "json", *selection]
    cold = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(check, cwd=project)
        cold.append(time.perf_counter() - started)
    argv = (
        *(sys.executable, "-m", "pyexpert_gates", "watch", "--project", str(project)),
        *("--python", str(python), "--format", "json", *selection),
    )
    edits, reports = asyncio.run(_time_edits(Command(argv=tuple(argv), cwd=project), repeat))
    return Row(label=label, cold=statistics.median(cold), edits=edits, detail=_slowest(reports))


def time_pyright(project: Path, python: Path, repeat: int) -> Row:
    """``pyright --watch`` alone, as the pyright gate runs it: the time to its next analysis.

    Args:
        project: The project root.
        python: The project's interpreter.
        repeat: How many timed edits of each kind (the median counts).

    Returns:
        The row (no cold time), its detail pyright's own analysis time for the last edit.
    """
    context = GateContext(project=project, paths=PATHS, python=python, scratch=project)
    command = PyrightGate().command(context)
    resident = dataclasses.replace(command, argv=(*command.argv, "--watch"))
    edits, reports = asyncio.run(_time_edits(resident, repeat))
    summary = cast("dict[str, object]", reports[-1].get("summary", {}))
    detail = f"its last analysis took {summary.get('timeInSec')} s by its own count"
    return Row(label="pyright --watch alone", cold=None, edits=edits, detail=detail)


async def _time_edits(
    command: Command, repeat: int
) -> tuple[tuple[float, ...], list[dict[str, object]]]:
    """Per kind of edit: the median time to the next JSON document ``command`` prints, the last."""
    process = await start_resident(command)
    if isinstance(process, ProcessFailure):
        raise SystemExit(process.reason)
    medians: list[float] = []
    reports: list[dict[str, object]] = []
    try:
        report = await _next_document(process)  # the first, cold one
        for edit in EDITS:
            seconds = []
            for number in range(repeat):
                await asyncio.sleep(SETTLE_S)
                path = command.cwd / edit.path
                text = edit.rewrite(path.read_text(encoding="utf-8"), len(medians) * 100 + number)
                started = time.perf_counter()
                path.write_text(text, encoding="utf-8")
                report = await _next_document(process)
                seconds.append(time.perf_counter() - started)
            medians.append(statistics.median(seconds))
            reports.append(report)
    finally:
        await process.stop()
        restore = Command(argv=("git", "checkout", "--", "."), cwd=command.cwd)
        await run_command(restore, time_limit=REPORT_WAIT_S)
    return tuple(medians), reports


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


def _slowest(reports: Sequence[dict[str, object]]) -> str:
    """The three slowest gates of watch's last report, and how many tests ran after each edit."""
    gates = cast("list[dict[str, object]]", reports[-1].get("gates", []))
    ranked = sorted(gates, key=lambda gate: -cast("float", gate["duration_s"]))[:3]
    slowest = ", ".join(f"{gate['name']} {gate['duration_s']:.2f} s" for gate in ranked)
    tests = [
        f"\n      {edit.label}: {gate['summary']}"
        for edit, report in zip(EDITS, reports, strict=True)
        for gate in cast("list[dict[str, object]]", report.get("gates", []))
        if gate["name"] == GateName.PYTEST
    ]
    return f"slowest: {slowest}" + "".join(tests)


def print_rows(version: str, repeat: int, rows: Sequence[Row]) -> None:
    """Print each row: its cold time and each kind of edit's time, also as a share of cold.

    Args:
        version: The release of packaging measured.
        repeat: How many runs each median is of.
        rows: The rows, in order.
    """
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"pyexpert-gates watch on packaging {version}: save of a one-file change in src/ to")
    print(f"the next report (medians of {repeat}; {os.cpu_count()} cores; load average {load})")
    print(f"  target for the static gates: at most {TARGET:.0%} of a cold check of them")
    header = "".join(f"{edit.label:>30}" for edit in EDITS)
    print(f"  {'':<22}{'cold':>9}{header}")
    for row in rows:
        cold = f"{row.cold:7.2f} s" if row.cold is not None else ""
        cells = "".join(
            f"{seconds:>17.2f} s ({seconds / row.cold:6.1%})" if row.cold else f"{seconds:>28.2f} s"
            for seconds in row.edits
        )
        print(f"  {row.label:<22}{cold:>9}{cells}")
        if row.detail:
            print(f"  {'':<22}{row.detail}")


if __name__ == "__main__":
    raise SystemExit(main())
