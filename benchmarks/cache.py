# ruff: noqa: T201 - a standalone script that reports on the terminal
"""Benchmark the result cache on a real project: a repeat run must cost almost nothing.

Uses the same pypa/packaging sdist as ``benchmarks/check.py``, installed (editable) in a virtual
environment with its test dependencies, so that every gate runs and its 27,000 tests pass, and
commits it to a new git repository. Not pytest-xdist: packaging's tests are parametrized over
sets, so xdist's workers collect them in different orders and refuse to run.
Then times, in one run and side by side, every gate in one ``check``:

- cold: the result cache emptied before each run (the tools' own caches stay warm, as they
  would on a developer's machine, which makes the comparison harder for the cache);
- warm: nothing changed since the last run (target: at most 5% of cold);
- one file changed (a comment added to ``src/packaging/version.py``), with and without
  ``--changed-since HEAD``;
- the same gates one after another, each in a ``check`` of its own with ``--no-cache``.

Usage: ``python -m benchmarks.cache [--packaging VERSION] [--repeat N]``. The exit code is 0 when
the warm target is met, 1 otherwise.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.check import fetch_packaging, make_venv, run
from pyexpert_gates.cache.store import open_cache
from pyexpert_gates.models import GateName

WARM_TARGET = 0.05
TEST_DEPENDENCIES = ("pytest", "pretend", "pip")
EDITED = Path("src") / "packaging" / "version.py"


def main(argv: Sequence[str] | None = None) -> int:
    """Download packaging, time cold, warm and one-file runs, and print the comparison.

    Args:
        argv: The command line after the program name.

    Returns:
        0 when the warm target is met, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description="Benchmark the result cache on packaging.")
    parser.add_argument("--packaging", default="24.2", metavar="VERSION")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-bench-") as scratch:
        project = fetch_packaging(Path(scratch), args.packaging)
        python = make_venv(Path(scratch) / "venv")
        install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
        run([*install, *TEST_DEPENDENCIES, "--editable", "."], cwd=project, expect=0)
        commit(project)
        rows = measure(project, python, args.repeat)
    print_rows(args.packaging, rows)
    return 0 if rows[1][1] <= WARM_TARGET * rows[0][1] else 1


def commit(project: Path) -> None:
    """Make ``project`` a git repository with everything committed.

    Args:
        project: The project root.
    """
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    for argv in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-qm", "sdist"]):
        run(["git", *argv], cwd=project, expect=0)


def measure(project: Path, python: Path, repeat: int) -> list[tuple[str, float, str]]:
    """Time every scenario on ``project``.

    Args:
        project: The project root, committed to git.
        python: The project's interpreter.
        repeat: How many timed runs per scenario (the median counts).

    Returns:
        Rows of label, seconds and the gates' statuses in the last run.
    """
    base = [sys.executable, "-m", "pyexpert_gates", "check", "--project", str(project)]
    base += ["--python", str(python), "--format", "json"]
    edits = iter(range(10_000))

    def cold() -> None:
        cache = open_cache(project, os.environ)
        if cache is not None:
            shutil.rmtree(cache.folder, ignore_errors=True)

    def edit() -> None:
        with (project / EDITED).open("a", encoding="utf-8") as stream:
            stream.write(f"\n# benchmark edit {next(edits)}\n")

    rows = [
        ("cold: empty result cache", *timed(base, cold, repeat, project)),
        ("warm: nothing changed", *timed(base, None, repeat, project)),
        ("one file changed", *timed(base, edit, repeat, project)),
        ("one file changed, --changed-since HEAD", *timed(
            [*base, "--changed-since", "HEAD"], edit, repeat, project
        )),
    ]  # fmt: skip
    alone = [
        timed([*base, "--no-cache", "--gate", gate], None, repeat, project) for gate in GateName
    ]
    statuses = " ".join(status for _, status in alone)
    rows.append(("the same gates one after another", sum(s for s, _ in alone), statuses))
    return rows


def timed(
    argv: Sequence[str], before: Callable[[], None] | None, repeat: int, project: Path
) -> tuple[float, str]:
    """The median time of ``argv`` over ``repeat`` runs, after one untimed run.

    Args:
        argv: The ``check`` command line.
        before: What to do before each run (untimed), or None.
        repeat: How many timed runs.
        project: The project root (the working directory).

    Returns:
        The median seconds and the gates' statuses in the last run.
    """
    seconds: list[float] = []
    output = run(argv, cwd=project)
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        output = run(argv, cwd=project)
        seconds.append(time.perf_counter() - started)
    gates = json.loads(output.stdout).get("gates", [])
    cached = sum(bool(gate.get("cached")) for gate in gates)
    statuses = " ".join(f"{gate['name']}={gate['status']}" for gate in gates)
    return statistics.median(seconds), f"{statuses} ({cached} cached)"


def print_rows(version: str, rows: list[tuple[str, float, str]]) -> None:
    """Print the timings side by side, as ratios of the cold run.

    Args:
        version: The release of packaging measured.
        rows: Label, seconds and statuses of each scenario; the cold run first.
    """
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    cold = rows[0][1]
    print(f"pyexpert-gates check, every gate, on packaging {version} (median of the timed runs)")
    print(f"  {os.cpu_count()} cores; load average {load} (other work slows every row alike)")
    for index, (label, seconds, _) in enumerate(rows):
        note = f"target <= {WARM_TARGET:.0%} of cold" if index == 1 else ""
        print(f"  {label:<40} {seconds:7.2f} s  {seconds / cold:6.1%}  {note}".rstrip())
    for label, _, statuses in rows:
        print(f"  {label}: {statuses}")


if __name__ == "__main__":
    raise SystemExit(main())
