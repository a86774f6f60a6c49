"""``pyexpert-gates check``: run every gate concurrently, report, and exit non-zero on any finding.

The command is a pipeline of small steps: refuse what this version cannot do, plan, run, publish
the report, and turn the report into the exit code.
"""

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING

from pyexpert_gates.baseline.store import read_baseline
from pyexpert_gates.baseline.update import apply_to_check, is_locked
from pyexpert_gates.check.observer import GateObserver
from pyexpert_gates.check.request import Request, ShortcutOptions
from pyexpert_gates.check.workspace import several_projects
from pyexpert_gates.commands import (
    SUMMARIES,
    Subparsers,
    add_gate_selection,
    project_members,
    wants_color,
)
from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import Report, Status
from pyexpert_gates.report import FORMATS, require_supported
from pyexpert_gates.report.destinations import TEXT, Destination, pair_destinations
from pyexpert_gates.report.projects import Projects
from pyexpert_gates.report.publish import audience_of, publish

if TYPE_CHECKING:
    from pyexpert_gates.check.workspace import Member

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``check`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "check",
        help=SUMMARIES["check"],
        description="Run the gates on the project and report. Exit codes: 0 every gate passed, "
        "1 findings, 2 usage or configuration error or a gate that could not run, "
        "130 interrupted.",
    )
    add_gate_selection(parser, verbose=False)
    _add_output(parser)
    _add_volume(parser)
    _add_environment(parser)
    _add_speed(parser)
    parser.add_argument(
        "--locked",
        action="store_true",
        help="never rewrite the baseline; fail when it lists fixed findings (default when CI=true)",
    )
    parser.add_argument(
        "--nox",
        action="store_true",
        help="run each gate in an isolated nox session (nox -j auto): the project and the "
        "tools are installed fresh in .nox/",
    )
    # check --nox's own sessions: the baseline judges their results once, in the outer run.
    parser.add_argument("--unjudged", action="store_true", help=argparse.SUPPRESS)


def _format_option(text: str) -> tuple[str, str]:
    """Parse a ``--format`` value, kept in order with the ``--output`` values."""
    if text not in FORMATS:
        message = f"invalid choice: {text!r} (choose from {', '.join(FORMATS)})"
        raise argparse.ArgumentTypeError(message)
    return ("format", text)


def _output_option(text: str) -> tuple[str, str]:
    """Parse an ``--output`` value, kept in order with the ``--format`` values."""
    return ("output", text)


def _add_output(parser: argparse.ArgumentParser) -> None:
    """The arguments that shape the report."""
    # One list in command-line order: each --output pairs with the --format before it.
    parser.add_argument(
        "--format",
        action="append",
        type=_format_option,
        default=[],
        dest="report_options",
        metavar="FMT",
        help=f"report format: {', '.join(FORMATS)} (default: text); repeat it, "
        "each with its own --output, for several reports",
    )
    parser.add_argument(
        "--output",
        action="append",
        type=_output_option,
        dest="report_options",
        metavar="FILE",
        help="write the report of the --format before it to FILE; the terminal shows the summary",
    )


def _add_volume(parser: argparse.ArgumentParser) -> None:
    """The arguments that say how much the text for people holds."""
    volume = parser.add_mutually_exclusive_group()
    volume.add_argument(
        "-q", "--quiet", action="store_true", help="print only the gates that did not pass"
    )
    volume.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print every gate with the command it ran, every finding, and the project root found",
    )
    volume.add_argument(
        "--statistics",
        action="store_true",
        help="print only the count of findings per rule, most frequent first",
    )


def _add_environment(parser: argparse.ArgumentParser) -> None:
    """The arguments that bound the gates and choose their environment."""
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="seconds each gate may take (default from the configuration)",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter or virtual environment the type checkers and pytest use",
    )


def _add_speed(parser: argparse.ArgumentParser) -> None:
    """The arguments that let a run skip work: the result cache and changed files."""
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="run every gate; neither replay nor store results in the user cache folder",
    )
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="ruff, format, docstrings and expert check only the Python files changed since "
        "the git revision REF, and untracked ones; the other gates check everything",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``check`` with the parsed arguments.

    An invalid configuration surfaces as the `ConfigError` or `InputError` of the step that
    reads it; the error handler turns each into exit 2 with its reason.

    Args:
        args: The parsed command line.

    Returns:
        0 when every gate passed, 1 on findings, 2 when a gate could not run.

    Raises:
        UsageError: The command line asks for something this version cannot do, or names a
            project, gate, interpreter or output folder that does not exist.
    """
    destinations = _destinations(args)
    members = project_members(args)
    if several_projects(members):
        return _check_several(members, args, destinations)
    project = members[0].path
    if args.unjudged:
        return _check_unjudged(project, args, destinations)
    baseline = read_baseline(project)  # a damaged baseline stops the check before any gate runs
    report = _check_with_nox(project, args) if args.nox else _check_here(project, args)
    if baseline is not None:
        locked = is_locked(flag=args.locked, environ=os.environ)
        report = apply_to_check(report, baseline, project=project, locked=locked)
    _publish(report, destinations, args, base=_base(project))
    return exit_code(report)


def _check_unjudged(
    project: Path, args: argparse.Namespace, destinations: tuple[Destination, ...]
) -> int:
    """Run the gates; each JSON report file gets their complete results, not judged yet.

    ``check --nox`` runs this in each session and judges every gate's result against the
    baseline once itself: a session neither rewrites the baseline nor hides accepted findings.
    """
    # nox loads only for --nox: importing pyexpert_gates.nox imports nox.
    from pyexpert_gates.nox.reports import write_unjudged  # noqa: PLC0415 - loaded on use, see above

    report = _check_here(project, args)
    others: list[Destination] = []
    for destination in destinations:
        if destination.output_format == "json" and destination.path is not None:
            write_unjudged(destination.path, report)
        else:
            others.append(destination)
    _publish(report, tuple(others), args)
    return exit_code(report)


def _base(project: Path) -> str:
    """The project folder relative to the current one (``../../``), or empty when it is."""
    relative = Path(os.path.relpath(project.resolve(), Path.cwd().resolve())).as_posix()
    return "" if relative == "." else f"{relative}/"


def _check_several(
    members: "tuple[Member, ...]", args: argparse.Namespace, destinations: tuple[Destination, ...]
) -> int:
    """Check a workspace's members or several projects in one run; exit with the worst code."""
    from pyexpert_gates.check.members import (  # noqa: PLC0415 - loaded on use, as above
        Locking,
        check_members,
    )

    locked = is_locked(flag=args.locked, environ=os.environ)
    baselines = Locking.LOCKED if locked else Locking.UNLOCKED
    if args.nox:
        _refuse_with_nox(args)
        # nox loads only for --nox, as the command's own path does.
        from pyexpert_gates.nox.check import check_members_with_nox  # noqa: PLC0415 - loaded on use, see above

        reports = check_members_with_nox(members, _nox_request(args), baselines=baselines)
    else:
        reports = check_members(members, _request(args), python=args.python, baselines=baselines)
    several = Projects(reports=reports, where=Path.cwd())
    _publish(several if len(reports) != 1 else reports[0], destinations, args)
    return max(exit_code(report) for report in reports)


def _publish(
    report: Report | Projects,
    destinations: tuple[Destination, ...],
    args: argparse.Namespace,
    *,
    base: str = "",
) -> None:
    """Publish the report to its destinations and the terminal (paths led by ``base``)."""
    color = wants_color(args, sys.stdout, os.environ)
    audience = audience_of(
        os.environ,
        color=color,
        quiet=args.quiet,
        verbose=args.verbose,
        statistics=args.statistics,
    )
    text = dataclasses.replace(audience.text, base=base)
    publish(report, destinations, dataclasses.replace(audience, text=text))


def _check_here(project: Path, args: argparse.Namespace) -> Report:
    """Run the gates in this process's engine, with live progress on a terminal."""
    # The engine and every gate load only when a check runs, so --version and --help start fast.
    from pyexpert_gates.check.engine import check_project  # noqa: PLC0415 - loaded on use, see above

    with _progress(args) as observer:
        return check_project(project, _request(args), python=args.python, observer=observer)


def _request(args: argparse.Namespace) -> Request:
    """What the command line asks of the engine, the same for every project."""
    return Request(
        gates=tuple(args.gates),
        skip=tuple(args.skip),
        timeout=args.timeout,
        shortcuts=ShortcutOptions(use_cache=not args.no_cache, changed_since=args.changed_since),
    )


@contextlib.contextmanager
def _progress(args: argparse.Namespace) -> Generator[GateObserver | None]:
    """A live display of the gates on standard error, when it is a terminal that takes colour."""
    # The display moves the cursor: only a terminal gets it, even with --color always.
    if args.quiet or not sys.stderr.isatty() or not wants_color(args, sys.stderr, os.environ):
        yield None
        return
    # rich loads only for a live display, so --version, pipes and CI start without it.
    from pyexpert_gates.report.progress import LiveProgress  # noqa: PLC0415 - loaded on use

    with LiveProgress(sys.stderr) as display:
        yield display


def _check_with_nox(project: Path, args: argparse.Namespace) -> Report:
    """Run the gates through nox, each in an isolated environment of its own."""
    _refuse_with_nox(args)
    from pyexpert_gates.nox.check import check_with_nox  # noqa: PLC0415 - loaded on use, as above

    return check_with_nox(project, _nox_request(args))


def _nox_request(args: argparse.Namespace) -> Request:
    """What the command line asks of nox: the gates and their time limit, never a shortcut."""
    return Request(gates=tuple(args.gates), skip=tuple(args.skip), timeout=args.timeout)


def _refuse_with_nox(args: argparse.Namespace) -> None:
    """Refuse the options that --nox cannot honour."""
    for flag, value in (("--python", args.python), ("--changed-since", args.changed_since)):
        if value is not None:
            message = (
                f"{flag} and --nox exclude each other: --nox checks the whole project against "
                "the fresh environments it installs"
            )
            raise UsageError(message)


def exit_code(report: Report) -> int:
    """The exit code for ``report``: a gate that could not run outweighs findings.

    Args:
        report: The outcome of a ``check``.

    Returns:
        2 if any gate could not run, else 1 if any gate found violations, else 0.
    """
    statuses = {gate.status for gate in report.gates}
    if Status.ERROR in statuses:
        return EXIT_ERROR
    return EXIT_FAILED if Status.FAILED in statuses else EXIT_PASSED


def _seconds(text: str) -> float:
    """Parse ``--timeout``: a number of seconds greater than 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds == float("inf"):
        message = f"expected a number of seconds greater than 0, got {text!r}"
        raise argparse.ArgumentTypeError(message)
    return seconds


def _destinations(args: argparse.Namespace) -> tuple[Destination, ...]:
    """Pair each ``--output`` with its ``--format``, refusing what cannot be rendered."""
    destinations = pair_destinations(args.report_options)
    for destination in destinations:
        require_supported(destination.output_format)
        if args.statistics and destination.path is None and destination.output_format != TEXT:
            message = (
                f"--statistics prints counts for people, but --format {destination.output_format} "
                "is to go to standard output: add --output FILE after it"
            )
            raise UsageError(message)
    return destinations
