# ruff: noqa: T201 - a standalone script that reports on the terminal
"""Measure what a baseline adds to ``check`` on a codebase with thousands of findings.

Writes a legacy project (``--modules`` modules of untyped, undocumented functions: findings in
ruff, mypy, pyright, docstrings and expert alike), runs the real static gates once, records the
baseline, then times, side by side in this process:

- the gates themselves (``check_project``, the median of ``--repeat`` runs);
- reading ``.pyexpert-gates/baseline.json`` and applying it to the report (fingerprints from
  the source lines, matching, the docstring ratchet), the median of the same number of runs.

Target: the baseline costs at most 10% of the gates' time, on code where every function has
several findings (real legacy code has far fewer per line, so the share is smaller there).

Usage: ``python benchmarks/baseline.py [--modules N] [--repeat N]``; the exit code is 0 when
the target is met, 1 otherwise.
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pyexpert_gates.baseline.matching import MatchOptions, apply_baseline
from pyexpert_gates.baseline.sources import ProjectSources
from pyexpert_gates.baseline.store import read_baseline
from pyexpert_gates.check.engine import check_project
from pyexpert_gates.check.request import Request, ShortcutOptions
from pyexpert_gates.cli import main as cli
from pyexpert_gates.models import GateName, Report

TARGET_RATIO = 0.1
PYPROJECT = '[project]\nname = "old"\nversion = "1"\nrequires-python = ">=3.11"\n'
FUNCTION = "def total_{n}(items, start=[]):\n    return sum(items) + len(start) + {n}\n\n\n"
RECORD = "@dataclass\nclass Row{n}:\n    cells: list\n\n\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the project, time the gates and the baseline, and print the comparison.

    Args:
        argv: The command line after the program name.

    Returns:
        0 when the target is met, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description="Benchmark applying a baseline in check.")
    parser.add_argument("--modules", type=int, default=40, metavar="N")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-bench-") as scratch:
        project = write_project(Path(scratch) / "old", args.modules)
        if cli(["init", "--project", str(project)]) or cli(["baseline", "--project", str(project)]):
            print("benchmark: init or baseline failed", file=sys.stderr)
            return 2
        gates = median(lambda: run_gates(project), args.repeat)
        report = run_gates(project)
        applying = median(lambda: apply(project, report), args.repeat)
        accepted = sum(gate.baselined or 0 for gate in apply(project, report).gates)
    ratio = applying / gates
    print(f"baseline of {accepted} findings in {args.modules} modules (median of the timed runs)")
    target = f"target <= {TARGET_RATIO:.0%}"
    print(f"  {'static gates':<28} {gates:7.3f} s")
    print(f"  {'read and apply the baseline':<28} {applying:7.3f} s  {ratio:6.1%}  {target}")
    return 0 if ratio <= TARGET_RATIO else 1


def write_project(root: Path, modules: int) -> Path:
    """A project whose every module has findings for most gates.

    Args:
        root: The folder to create.
        modules: How many modules to write.

    Returns:
        ``root``.
    """
    package = root / "src" / "old"
    package.mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    for number in range(modules):
        body = "".join(FUNCTION.format(n=number * 100 + n) for n in range(10))
        body += "".join(RECORD.format(n=number * 100 + n) for n in range(3))
        text = f"from dataclasses import dataclass\n\n\n{body}".rstrip() + "\n"
        (package / f"part{number}.py").write_text(text, encoding="utf-8")
    return root


def run_gates(project: Path) -> Report:
    """Run every static gate on ``project``.

    Args:
        project: The project.

    Returns:
        The report, before any baseline.
    """
    skip = (GateName.PYTEST.value, GateName.CONFIG.value)
    # Every repeat runs the gates: a replay from the result cache would measure nothing.
    request = Request(skip=skip, shortcuts=ShortcutOptions(use_cache=False))
    return check_project(project, request, python=None)


def apply(project: Path, report: Report) -> Report:
    """Read the project's baseline and apply it to ``report``, as ``check`` does.

    Args:
        project: The project.
        report: The gates' report.

    Returns:
        The report with the baseline applied.
    """
    baseline = read_baseline(project)
    assert baseline is not None  # noqa: S101 - the benchmark recorded it
    settings = MatchOptions(sources=ProjectSources(project), threshold=100.0, locked=True)
    return apply_baseline(report, baseline, settings).report


def median(work: Callable[[], object], repeat: int) -> float:
    """The median wall-clock seconds of ``repeat`` runs of ``work``, after one warm-up run.

    Args:
        work: What to time.
        repeat: How many timed runs.

    Returns:
        The median.
    """
    work()
    timings: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


if __name__ == "__main__":
    raise SystemExit(main())
