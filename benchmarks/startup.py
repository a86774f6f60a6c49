"""Time what a person at a terminal waits for: ``--help``, ``-V`` and ``init`` on a small project.

Each run is a new process, as users start it (with ``PYTHONDONTWRITEBYTECODE`` set, every
run compiles the package again, as no installed copy does). ``--help`` and ``-V`` are compared
with a bare Python start of the same interpreter (``python -c pass``; target: at most 3x),
``init`` with one second on a five-file project that has tests. Each median is printed beside
its target, with their ratio: below 1 meets the target.

Usage::

    python -m benchmarks.startup [--runs N] [--check]
"""

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.init import REPOSITORY, BenchmarkError, Timing, median_of, program, timed

START_FACTOR = 3.0
"""``--help`` and ``-V`` may take this many bare Python starts."""
INIT_TARGET_S = 1.0
SMALL_PROJECT = {
    "pyproject.toml": '[project]\nname = "calc"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n',
    "src/calc/__init__.py": '"""Calculations."""\n',
    "src/calc/add.py": '"""Addition."""\n\n\ndef add(a: int, b: int) -> int:\n    return a + b\n',
    "tests/__init__.py": "",
    "tests/test_add.py": (
        "from calc.add import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n"
    ),
}
"""Five files, with tests, as a new user's first project."""


def time_start(runs: int) -> float:
    """The median time of a bare start of this interpreter.

    Args:
        runs: How many runs.

    Returns:
        Seconds.
    """
    return median_of(runs, lambda: timed((sys.executable, "-c", "pass"), REPOSITORY))


def time_flag(flag: str, runs: int, bare_s: float) -> Timing:
    """Time ``pyexpert-gates FLAG`` against ``START_FACTOR`` bare starts.

    Args:
        flag: ``--help`` or ``-V``.
        runs: How many runs.
        bare_s: The median bare start, in seconds.

    Returns:
        The timing.
    """
    median = median_of(runs, lambda: timed((*program(), flag), REPOSITORY))
    label = f"{flag} (bare python {bare_s:.3f} s, {median / bare_s:.1f}x)"
    return Timing(label=label, median_s=median, target_s=START_FACTOR * bare_s, runs=runs)


def time_small_init(runs: int) -> Timing:
    """Time ``init`` on fresh copies of `SMALL_PROJECT`.

    Args:
        runs: How many runs.

    Returns:
        The timing.
    """

    def once() -> float:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder)
            for name, text in SMALL_PROJECT.items():
                (project / name).parent.mkdir(parents=True, exist_ok=True)
                (project / name).write_text(text, encoding="utf-8")
            return timed((*program(), "init"), project)

    label = f"init on a {len(SMALL_PROJECT)}-file project with tests"
    return Timing(label=label, median_s=median_of(runs, once), target_s=INIT_TARGET_S, runs=runs)


def main(argv: Sequence[str] | None = None) -> int:
    """Time the three and print them beside their targets.

    Args:
        argv: The command-line arguments.

    Returns:
        0; with ``--check``, 1 when a target is missed; 2 when a command fails.
    """
    parser = argparse.ArgumentParser(description="Time --help, -V and init on a small project.")
    parser.add_argument("--runs", type=int, default=10, help="runs per command (default: 10)")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a median misses its target"
    )
    args = parser.parse_args(argv)
    runs: int = max(1, args.runs)
    try:
        bare_s = time_start(runs)
        timings = (
            time_flag("--help", runs, bare_s),
            time_flag("-V", runs, bare_s),
            time_small_init(runs),
        )
    except (BenchmarkError, OSError) as error:
        sys.stderr.write(f"benchmark: {error}\n")
        return 2
    sys.stdout.write("".join(f"{timing.line()}\n" for timing in timings))
    sys.stdout.write(f"load average: {os.getloadavg()[0]:.2f}\n")
    return 1 if args.check and any(timing.ratio >= 1 for timing in timings) else 0


if __name__ == "__main__":
    raise SystemExit(main())
