# ruff: noqa: T201 - a standalone script that reports on the terminal
"""Benchmark ``pyexpert-gates check`` on a real project: concurrency must cost almost nothing.

Downloads the sdist of pypa/packaging, unpacks it into a temporary folder with an empty virtual
environment, then times, in one run and side by side:

- every static gate together (one cold ``check --no-cache``), against the slowest gate alone
  (target: at most 1.10 times as long, since the longest gate starts first) and against the gates
  one after another;
- ``pyexpert-gates --version``, the start-up cost of every command (target: under 0.3 s).

Every timing is the median of several runs after one warm-up run, so tool caches are warm in all
of them alike. The package is byte-compiled first, as pip does when it installs the wheel. mypy 2
refuses the ``python_version = 3.8`` in packaging's configuration, so the benchmark sets 3.11
there; otherwise the project is checked as released.

Usage: ``python benchmarks/check.py [--packaging VERSION] [--repeat N]``. The exit code is 0 when
both targets are met, 1 otherwise.
"""

import argparse
import asyncio
import compileall
import json
import os
import re
import statistics
import sys
import tarfile
import tempfile
import time
import venv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyexpert_gates
from pyexpert_gates.check.interpreter import venv_python
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.models import GateName
from pyexpert_gates.process import Command, ProcessOutput, run_command

STATIC_GATES = tuple(name for name, gate in GATES.items() if not gate.runs_tests)
"""Every gate but the tests: what the concurrency target is about."""
CONCURRENCY_TARGET = 1.10
STARTUP_TARGET_S = 0.3
TIME_LIMIT_S = 900.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Timing:
    """How long one command line took, and how its gates ended.

    Attributes:
        seconds: The median wall-clock time.
        statuses: Each gate's status in the last run.
    """

    seconds: float
    statuses: dict[str, str]


def main(argv: Sequence[str] | None = None) -> int:
    """Download packaging, time the gates on it, and print the comparison.

    Args:
        argv: The command line after the program name.

    Returns:
        0 when both targets are met, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description="Benchmark pyexpert-gates check on packaging.")
    parser.add_argument("--packaging", default="24.2", metavar="VERSION")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args(argv)
    # pip byte-compiles an installed wheel; an editable checkout run where bytecode is not
    # written (PYTHONDONTWRITEBYTECODE) would compile the package again in every process.
    compileall.compile_dir(Path(pyexpert_gates.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-bench-") as scratch:
        project = fetch_packaging(Path(scratch), args.packaging)
        python = make_venv(Path(scratch) / "venv")
        together = time_check(project, python, STATIC_GATES, args.repeat)
        alone: dict[GateName, Timing] = {
            gate: time_check(project, python, (gate,), args.repeat) for gate in STATIC_GATES
        }
    startup = time_startup(args.repeat * 3)
    print_comparison(args.packaging, together, alone, startup)
    slowest = max(timing.seconds for timing in alone.values())
    met = together.seconds <= CONCURRENCY_TARGET * slowest and startup < STARTUP_TARGET_S
    return 0 if met else 1


def fetch_packaging(folder: Path, version: str) -> Path:
    """Download and unpack the sdist of packaging ``version`` into ``folder``.

    Args:
        folder: An empty scratch folder.
        version: The release of packaging.

    Returns:
        The unpacked project root.
    """
    download = [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps"]
    spec = f"packaging=={version}"
    run([*download, "--quiet", "--dest", str(folder), spec], cwd=folder, expect=0)
    [archive] = folder.glob("packaging-*.tar.gz")
    with tarfile.open(archive) as sdist:
        sdist.extractall(folder, filter="data")
    project = folder / f"packaging-{version}"
    pyproject = project / "pyproject.toml"
    # mypy 2 refuses the project's python_version 3.8, which would end mypy at once.
    text = re.sub(r"(?m)^python_version = .*$", 'python_version = "3.11"', pyproject.read_text())
    pyproject.write_text(text)
    return project


def make_venv(folder: Path) -> Path:
    """Create an empty virtual environment for the project (packaging has no dependencies).

    Args:
        folder: Where to create it.

    Returns:
        Its interpreter.
    """
    venv.create(folder, with_pip=False)
    return venv_python(folder)


def time_check(project: Path, python: Path, gates: Sequence[GateName], repeat: int) -> Timing:
    """Time ``check`` with ``gates`` on ``project``: one warm-up run, then the median.

    Args:
        project: The project root.
        python: The project's interpreter.
        gates: The gates to run.
        repeat: How many timed runs.

    Returns:
        The median time and the gates' statuses.
    """
    selection = [part for gate in gates for part in ("--gate", gate.value)]
    argv = [sys.executable, "-m", "pyexpert_gates", "check", "--project", str(project)]
    # Cold: without --no-cache every timed run would replay the warm-up's stored results.
    argv += [*selection, "--python", str(python), "--format", "json", "--no-cache"]
    run(argv, cwd=project)
    seconds: list[float] = []
    output = ProcessOutput(returncode=0, stdout="{}", stderr="")
    for _ in range(repeat):
        started = time.perf_counter()
        output = run(argv, cwd=project)
        seconds.append(time.perf_counter() - started)
    document = json.loads(output.stdout)
    statuses = {gate["name"]: gate["status"] for gate in document.get("gates", [])}
    return Timing(seconds=statistics.median(seconds), statuses=statuses)


def time_startup(repeat: int) -> float:
    """The median time of ``pyexpert-gates --version``.

    Args:
        repeat: How many runs.

    Returns:
        Seconds.
    """
    argv = [sys.executable, "-m", "pyexpert_gates", "--version"]
    seconds: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(argv, cwd=Path.cwd(), expect=0)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def run(argv: Sequence[str], *, cwd: Path, expect: int | None = None) -> ProcessOutput:
    """Run a command through the project's runner; stop on a failure to start or ``expect``.

    Args:
        argv: The command line.
        cwd: The working directory.
        expect: The exit code required, or None to accept any.

    Returns:
        The process output.

    Raises:
        SystemExit: The command could not start, or exited with another code than ``expect``.
    """
    result = asyncio.run(run_command(Command(argv=tuple(argv), cwd=cwd), time_limit=TIME_LIMIT_S))
    if not isinstance(result, ProcessOutput):
        raise SystemExit(result.reason)
    if expect is not None and result.returncode != expect:
        message = f"{' '.join(argv)} exited {result.returncode}:\n{result.stderr}"
        raise SystemExit(message)
    return result


def print_comparison(
    version: str, together: Timing, alone: dict[GateName, Timing], startup: float
) -> None:
    """Print the timings side by side, with the targets.

    Args:
        version: The release of packaging measured.
        together: Every static gate in one ``check``.
        alone: Each gate in a ``check`` of its own.
        startup: The time of ``--version``.
    """
    slowest_gate = max(alone, key=lambda gate: alone[gate].seconds)
    slowest = alone[slowest_gate].seconds
    serial = sum(timing.seconds for timing in alone.values())
    rows = [
        ("all static gates together, cold", together.seconds, f"target <= {CONCURRENCY_TARGET}x"),
        (f"slowest gate alone ({slowest_gate})", slowest, ""),
        ("gates one after another", serial, ""),
    ]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"pyexpert-gates check on packaging {version} (median of the timed runs)")
    print(f"  {os.cpu_count()} cores; load average {load} (other work slows every row alike)")
    for label, seconds, note in rows:
        print(f"  {label:<36} {seconds:7.2f} s  {seconds / slowest:5.2f}x  {note}".rstrip())
    print(f"  {'--version start-up':<36} {startup:7.2f} s          target < {STARTUP_TARGET_S} s")
    per_gate = ", ".join(
        f"{gate} {timing.seconds:.2f}s {timing.statuses.get(gate, '?')}"
        for gate, timing in alone.items()
    )
    print(f"  per gate: {per_gate}")


if __name__ == "__main__":
    raise SystemExit(main())
