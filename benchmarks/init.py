"""Time ``pyexpert-gates init`` and ``pyexpert-gates --version`` as users run them.

Each run is a new process, so interpreter start-up and imports are included. ``init`` works on a
fresh copy of the largest pyproject.toml of the corpus kept beside the checkout (or of the
repository's own test layouts when that corpus is absent), copied before the clock starts. The
median of the runs is printed beside its target, with their ratio: below 1 meets the target.

Usage::

    python benchmarks/init.py [--runs N] [--pyproject FILE] [--check]
"""

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.process import Command, ProcessOutput, run_command

REPOSITORY = Path(__file__).resolve().parents[1]
CORPUS = REPOSITORY / ".." / "shared" / "corpus" / "pyprojects"
LAYOUTS = REPOSITORY / "tests" / "data" / "pyprojects"
TIME_LIMIT_S = 60
INIT_TARGET_S = 0.5
VERSION_TARGET_S = 0.3


@dataclass(frozen=True, slots=True, kw_only=True)
class Timing:
    """The median duration of one command against its target.

    Attributes:
        label: What was timed.
        median_s: The median wall-clock time of the runs, in seconds.
        target_s: The time the command must stay under, in seconds.
        runs: How many runs the median is of.
    """

    label: str
    median_s: float
    target_s: float
    runs: int

    @property
    def ratio(self) -> float:
        """The median as a fraction of the target: below 1 meets it."""
        return self.median_s / self.target_s

    def line(self) -> str:
        """One line for the report.

        Returns:
            The label, the median, the target and their ratio.
        """
        verdict = "ok" if self.ratio < 1 else "TOO SLOW"
        return (
            f"{self.label}: median {self.median_s:.3f} s of {self.runs} runs, "
            f"target {self.target_s:.1f} s, ratio {self.ratio:.2f} ({verdict})"
        )


class BenchmarkError(Exception):
    """A timed command failed, so its time means nothing."""


def largest_pyproject() -> Path:
    """The largest pyproject.toml of the corpus, or of the test layouts without a corpus.

    Returns:
        The file.
    """
    folder = CORPUS if CORPUS.is_dir() else LAYOUTS
    return max(folder.glob("*.toml"), key=lambda path: path.stat().st_size)


def program() -> tuple[str, ...]:
    """The command users type: the installed script beside this interpreter, else ``-m``.

    Returns:
        The program and the arguments that select it.
    """
    script = Path(sys.executable).with_name("pyexpert-gates")
    return (str(script),) if script.is_file() else (sys.executable, "-m", "pyexpert_gates")


def timed(argv: tuple[str, ...], cwd: Path) -> float:
    """Run ``argv`` once and return its wall-clock time.

    Args:
        argv: The command.
        cwd: Its working directory.

    Returns:
        Seconds from start to exit.

    Raises:
        BenchmarkError: The command did not exit 0.
    """
    start = time.perf_counter()
    outcome = asyncio.run(run_command(Command(argv=argv, cwd=cwd), time_limit=TIME_LIMIT_S))
    elapsed = time.perf_counter() - start
    if not isinstance(outcome, ProcessOutput) or outcome.returncode != 0:
        detail = outcome.stderr if isinstance(outcome, ProcessOutput) else outcome.reason
        msg = f"`{' '.join(argv)}` failed: {detail.strip()}"
        raise BenchmarkError(msg)
    return elapsed


def median_of(runs: int, once: Callable[[], float]) -> float:
    """The median of ``runs`` calls of ``once``.

    Args:
        runs: How many calls.
        once: One timed run, returning its seconds.

    Returns:
        The median seconds.
    """
    return statistics.median(once() for _ in range(runs))


def time_init(pyproject: Path, runs: int) -> Timing:
    """Time ``init`` on fresh copies of ``pyproject``.

    Args:
        pyproject: The file to merge the preset into.
        runs: How many runs.

    Returns:
        The timing.
    """

    def once() -> float:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder)
            shutil.copyfile(pyproject, project / "pyproject.toml")
            return timed((*program(), "init", "--project", str(project)), project)

    label = f"init on {pyproject.name} ({pyproject.stat().st_size} bytes)"
    return Timing(label=label, median_s=median_of(runs, once), target_s=INIT_TARGET_S, runs=runs)


def time_version(runs: int) -> Timing:
    """Time ``--version``: start-up and the imports it needs.

    Args:
        runs: How many runs.

    Returns:
        The timing.
    """
    argv = (*program(), "--version")
    median = median_of(runs, lambda: timed(argv, REPOSITORY))
    return Timing(label="--version", median_s=median, target_s=VERSION_TARGET_S, runs=runs)


def main(argv: Sequence[str] | None = None) -> int:
    """Time both commands and print them beside their targets.

    Args:
        argv: The command-line arguments.

    Returns:
        0; with ``--check``, 1 when a target is missed; 2 when a command fails.
    """
    parser = argparse.ArgumentParser(description="Time pyexpert-gates init and --version.")
    parser.add_argument("--runs", type=int, default=10, help="runs per command (default: 10)")
    parser.add_argument(
        "--pyproject", type=Path, help="the file to merge into (default: the largest corpus file)"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a median misses its target"
    )
    args = parser.parse_args(argv)
    runs: int = max(1, args.runs)
    try:
        timings = (time_init(args.pyproject or largest_pyproject(), runs), time_version(runs))
    except (BenchmarkError, OSError, ValueError) as error:
        sys.stderr.write(f"benchmark: {error}\n")
        return 2
    sys.stdout.write("".join(f"{timing.line()}\n" for timing in timings))
    return 1 if args.check and any(timing.ratio >= 1 for timing in timings) else 0


if __name__ == "__main__":
    raise SystemExit(main())
