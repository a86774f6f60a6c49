# ruff: noqa: T201 - a standalone script that reports on the terminal
"""Benchmark ``watch`` on a real project: a one-file change must cost a fraction of a cold run.

Uses the pypa/packaging sdist of ``benchmarks/cache.py``, installed (editable) with its test
dependencies and pytest-testmon, and times side by side, in one run:

- static gates (everything but pytest): a cold ``check --no-cache`` of those gates, against the
  time from saving a one-file change in ``src/`` (a new function in ``src/packaging/version.py``)
  to ``watch --format json`` printing the next report line (target: at most 10% of cold);
- the pytest gate: a cold ``check --no-cache --gate pytest`` (every test) against the same
  change in ``watch``, where pytest-testmon runs only the tests the change can affect.

Usage: ``python -m benchmarks.watch [--packaging VERSION] [--repeat N]``. The exit code is 0 when
the static-gates target is met, 1 otherwise.
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from benchmarks.cache import TEST_DEPENDENCIES, commit
from benchmarks.check import fetch_packaging, make_venv, run
from pyexpert_gates.models import GateName
from pyexpert_gates.process import Command, ProcessFailure, ResidentProcess, start_resident

TARGET = 0.10
EDITED = Path("src") / "packaging" / "version.py"
REPORT_WAIT_S = 900.0
STATIC = tuple(gate for gate in GateName if gate is not GateName.PYTEST)


def main(argv: Sequence[str] | None = None) -> int:
    """Download packaging, time cold checks and watch's reports after an edit, and print them.

    Args:
        argv: The command line after the program name.

    Returns:
        0 when the static gates' target is met, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description="Benchmark watch on packaging.")
    parser.add_argument("--packaging", default="24.2", metavar="VERSION")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-bench-") as scratch:
        project = fetch_packaging(Path(scratch), args.packaging)
        python = make_venv(Path(scratch) / "venv")
        install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
        run([*install, *TEST_DEPENDENCIES, "pytest-testmon", "--editable", "."], cwd=project)
        commit(project)
        rows = [
            ("static gates", *measure(project, python, STATIC, args.repeat)),
            ("pytest", *measure(project, python, (GateName.PYTEST,), args.repeat)),
        ]
    print_rows(args.packaging, rows)
    return 0 if rows[0][2] <= TARGET * rows[0][1] else 1


def measure(
    project: Path, python: Path, gates: Sequence[GateName], repeat: int
) -> tuple[float, float, str]:
    """The median cold check and the median edit-to-report time in watch, for ``gates``.

    Args:
        project: The project root.
        python: The project's interpreter.
        gates: The gates to run.
        repeat: How many timed runs of each (the median counts).

    Returns:
        The cold seconds, the watch seconds, and the last watch report's gate summaries.
    """
    selection = [f"--gate={gate}" for gate in gates]
    check = [sys.executable, "-m", "pyexpert_gates", "check", "--project", str(project)]
    check += ["--python", str(python), "--no-cache", "--format", "json", *selection]
    cold = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(check, cwd=project)
        cold.append(time.perf_counter() - started)
    watch, summaries = time_watch(project, python, selection, repeat)
    return statistics.median(cold), watch, summaries


def time_watch(
    project: Path, python: Path, selection: Sequence[str], repeat: int
) -> tuple[float, str]:
    """The median time from saving an edit to watch's next report, over ``repeat`` edits."""
    argv = (
        *(sys.executable, "-m", "pyexpert_gates", "watch", "--project", str(project)),
        *("--python", str(python), "--format", "json", *selection),
    )
    return asyncio.run(_time_watch(Command(argv=argv, cwd=project), project, repeat))


async def _time_watch(command: Command, project: Path, repeat: int) -> tuple[float, str]:
    """`time_watch` on the running ``command``."""
    watch = await start_resident(command)
    if isinstance(watch, ProcessFailure):
        raise SystemExit(watch.reason)
    try:
        report = await _next_report(watch)  # the first, cold cycle
        seconds = []
        for number in range(repeat):
            await asyncio.sleep(2.0)  # the resident tools settle, as between two saves
            started = time.perf_counter()
            with (project / EDITED).open("a", encoding="utf-8") as stream:
                stream.write(f"\n\ndef benchmark_edit_{number}() -> int:\n    return {number}\n")
            report = await _next_report(watch)
            seconds.append(time.perf_counter() - started)
    finally:
        await watch.stop()
    gates = cast("list[dict[str, object]]", report.get("gates", []))
    summaries = "; ".join(
        f"{gate['name']} {gate['duration_s']:.2f} s: {gate['summary']}" for gate in gates
    )
    return statistics.median(seconds), summaries


async def _next_report(watch: ResidentProcess) -> dict[str, object]:
    """The next report line ``watch`` prints (its other lines are messages)."""
    async with asyncio.timeout(REPORT_WAIT_S):
        while (line := await watch.readline()) is not None:
            if line.startswith("{"):
                report: dict[str, object] = json.loads(line)
                return report
    message = "watch ended before its report"
    raise SystemExit(message)


def print_rows(version: str, rows: list[tuple[str, float, float, str]]) -> None:
    """Print cold and watch times side by side, watch as a ratio of cold.

    Args:
        version: The release of packaging measured.
        rows: Label, cold seconds, watch seconds and the watch report's summaries.
    """
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"pyexpert-gates watch on packaging {version}: a one-file change in src/ (medians)")
    print(f"  {os.cpu_count()} cores; load average {load} (other work slows every row alike)")
    for index, (label, cold, watch, _) in enumerate(rows):
        note = f"target <= {TARGET:.0%}" if index == 0 else "affected tests only (testmon)"
        ratio = f"{watch / cold:6.1%}"
        print(f"  {label:<14} cold check {cold:7.2f} s   watch {watch:6.2f} s  {ratio}  {note}")
    for label, _, _, summaries in rows:
        print(f"  {label}: {summaries}")


if __name__ == "__main__":
    raise SystemExit(main())
