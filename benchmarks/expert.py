# ruff: noqa: T201 - a standalone script that reports on the terminal, not a package
"""Measure the expert rules: speed on real code, and a sample of findings to judge by eye.

Usage:
    python benchmarks/expert.py                    # the installed mypy package
    python benchmarks/expert.py PATH [PATH ...]    # any folders of Python code
    python benchmarks/expert.py --download         # sdists of requests, rich, attrs, packaging
    python benchmarks/expert.py --sample 5         # also print 5 random findings per rule

Speed is measured on one core, in this process, over the checking alone (files are read
first): the best of ``--repeat`` passes, as lines per CPU second of this process, so that
other work on a busy machine does not count.
"""

import argparse
import collections
import importlib.util
import random
import subprocess  # noqa: TID251 - only to run `pip download`; the package itself never starts processes
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.expert import check_source, default_settings
from pyexpert_gates.models import Diagnostic

DOWNLOADS = ("requests", "rich", "attrs", "packaging")
TARGET_LINES_PER_SECOND = 50_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Module:
    """One file to check.

    Attributes:
        path: Its path relative to the folder it was found in, POSIX separators.
        source: Its text.
    """

    path: str
    source: str


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Read the command line.

    Args:
        argv: The arguments after the program name.

    Returns:
        The parsed arguments.
    """
    parser = argparse.ArgumentParser(description="Benchmark the expert rules.")
    parser.add_argument("paths", nargs="*", type=Path, help="folders of Python code")
    parser.add_argument(
        "--download", action="store_true", help=f"check sdists of {', '.join(DOWNLOADS)}"
    )
    parser.add_argument("--repeat", type=int, default=3, help="passes to time (best is kept)")
    parser.add_argument("--sample", type=int, default=0, help="random findings to show per rule")
    parser.add_argument("--require", type=int, default=0, help="fail below this many lines/s")
    return parser.parse_args(argv)


def installed_package(name: str) -> Path:
    """Return the folder of an installed package.

    Args:
        name: The import name.

    Returns:
        The package's folder.

    Raises:
        SystemExit: The package is not installed.
    """
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        message = f"{name} is not installed; pass folders to check instead"
        raise SystemExit(message)
    return Path(spec.origin).parent


def download_sdists(target: Path) -> list[Path]:
    """Download and unpack the source distributions of a few well-known projects.

    Args:
        target: An empty folder to work in.

    Returns:
        The unpacked project folders.
    """
    archives = target / "archives"
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--no-binary",
        ":all:",
    ]
    subprocess.run([*command, "--dest", str(archives), *DOWNLOADS], check=True)  # noqa: S603 - fixed arguments, this interpreter
    folders: list[Path] = []
    for archive in sorted(archives.glob("*.tar.gz")):
        with tarfile.open(archive) as bundle:
            bundle.extractall(target / "src", filter="data")
        folders.append(target / "src" / archive.name.removesuffix(".tar.gz"))
    return folders


def read_modules(folder: Path) -> list[Module]:
    """Read every Python file under a folder.

    Args:
        folder: Where to look.

    Returns:
        The files, in path order.
    """
    return [
        Module(
            path=path.relative_to(folder).as_posix(),
            source=path.read_text(encoding="utf-8", errors="replace"),
        )
        for path in sorted(folder.rglob("*.py"))
    ]


def time_checks(modules: Sequence[Module], repeat: int) -> tuple[float, list[Diagnostic]]:
    """Check every module ``repeat`` times.

    Args:
        modules: What to check.
        repeat: How many passes to time.

    Returns:
        The fastest pass in CPU seconds, and the findings.
    """
    settings = default_settings()
    best = float("inf")
    found: list[Diagnostic] = []
    for _ in range(max(repeat, 1)):
        # CPU time of this process: on a busy machine, wall time mostly measures the wait.
        start = time.process_time()
        found = [
            finding
            for module in modules
            for finding in check_source(module.path, module.source, settings)
        ]
        best = min(best, time.process_time() - start)
    return best, found


def show_sample(modules: Sequence[Module], found: Sequence[Diagnostic], per_rule: int) -> None:
    """Print random findings of each rule with the line they point at.

    Args:
        modules: The checked modules, to quote their lines.
        found: The findings.
        per_rule: How many findings of each rule to print.
    """
    sources = {module.path: module.source.splitlines() for module in modules}
    by_code: dict[str, list[Diagnostic]] = collections.defaultdict(list)
    for finding in found:
        by_code[finding.code or ""].append(finding)
    chooser = random.Random(0)  # noqa: S311 - a repeatable sample, not a secret
    for code in sorted(by_code):
        for finding in chooser.sample(by_code[code], min(per_rule, len(by_code[code]))):
            quoted = sources[finding.path][(finding.line or 1) - 1].strip()[:110]
            print(f"  {finding.path}:{finding.line}: {code} {finding.message[:100]}")
            print(f"      | {quoted}")


def measure(folder: Path, arguments: argparse.Namespace) -> float:
    """Check one folder, print its speed and findings, and return its lines per second.

    Args:
        folder: The project to check.
        arguments: The parsed command line.

    Returns:
        Lines checked per second.
    """
    modules = read_modules(folder)
    lines = sum(len(module.source.splitlines()) for module in modules)
    seconds, found = time_checks(modules, arguments.repeat)
    speed = lines / seconds if seconds else float("inf")
    counts = collections.Counter(finding.code for finding in found)
    summary = ", ".join(f"{code} {count}" for code, count in sorted(counts.items())) or "none"
    timing = f"{lines} lines in {seconds:.3f} CPU s: {speed:,.0f} lines/s"
    print(f"{folder.name}: {len(modules)} files, {timing}")
    print(f"  findings: {summary}")
    if arguments.sample:
        show_sample(modules, found, arguments.sample)
    return speed


def main(argv: Sequence[str]) -> int:
    """Run the benchmark.

    Args:
        argv: The arguments after the program name.

    Returns:
        0, or 1 when a project was checked slower than ``--require`` lines per second.
    """
    arguments = parse_arguments(argv)
    with tempfile.TemporaryDirectory(prefix="expert-benchmark-") as scratch:
        folders = list(arguments.paths)
        if arguments.download:
            folders += download_sdists(Path(scratch))
        speeds = [measure(folder, arguments) for folder in folders or [installed_package("mypy")]]
    print(f"slowest: {min(speeds):,.0f} lines/s (target: over {TARGET_LINES_PER_SECOND:,})")
    return 1 if min(speeds) < arguments.require else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
