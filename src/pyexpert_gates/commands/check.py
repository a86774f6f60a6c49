"""``pyexpert-gates check``: run every gate concurrently, report, and exit non-zero on any finding.

The command is a pipeline of small steps: refuse what this version cannot do, plan, run, publish
the report, and turn the report into the exit code.
"""

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from pyexpert_gates.commands import Subparsers
from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import GateName, Report, Status
from pyexpert_gates.report import FORMATS, render, render_summary, require_supported
from pyexpert_gates.textfile import write_atomic

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_ERROR = 2

_NOT_YET = (
    ("changed_since", "--changed-since"),
    ("no_cache", "--no-cache"),
    ("locked", "--locked"),
)


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``check`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "check",
        help="run every gate concurrently; exit 1 on findings, 2 when a gate cannot run",
        description="Run the gates on the project and report. Exit codes: 0 every gate passed, "
        "1 findings, 2 usage or configuration error or a gate that could not run, "
        "130 interrupted.",
    )
    _add_selection(parser)
    _add_output(parser)
    _add_environment(parser)
    for flag in ("--no-cache", "--locked"):
        parser.add_argument(flag, action="store_true", help="(not supported yet)")
    parser.add_argument(
        "--nox",
        action="store_true",
        help="run each gate in an isolated nox session (nox -j auto): the project and the "
        "tools are installed fresh in .nox/",
    )
    parser.add_argument("--changed-since", metavar="REF", help="(not supported yet)")


def _add_selection(parser: argparse.ArgumentParser) -> None:
    """The arguments that choose the project and the gates."""
    parser.add_argument("--project", type=Path, default=Path(), metavar="DIR")
    names = ", ".join(GateName)
    parser.add_argument(
        "--gate",
        action="append",
        default=[],
        dest="gates",
        metavar="NAME",
        help=f"run only this gate (repeatable): {names}",
    )
    parser.add_argument(
        "--skip", action="append", default=[], metavar="NAME", help="leave a gate out (repeatable)"
    )


def _add_output(parser: argparse.ArgumentParser) -> None:
    """The arguments that shape the report."""
    parser.add_argument("--format", choices=FORMATS, default="text", dest="output_format")
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to FILE; the terminal shows the summary",
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
    _refuse_unsupported(args)
    project: Path = args.project
    if not project.is_dir():
        message = f"--project {project}: no such directory"
        raise UsageError(message)
    if args.nox:
        report = _check_with_nox(project, args)
        _publish(report, args)
        return exit_code(report)
    # The engine and every gate load only when a check runs, so --version and --help start fast.
    from pyexpert_gates.execute import check_project  # noqa: PLC0415 - loaded on use, see above

    report = check_project(
        project,
        gates=tuple(args.gates),
        skip=tuple(args.skip),
        timeout=args.timeout,
        python=args.python,
    )
    _publish(report, args)
    return exit_code(report)


def _check_with_nox(project: Path, args: argparse.Namespace) -> Report:
    """Run the gates through nox, each in an isolated environment of its own."""
    if args.python is not None:
        message = (
            "--python and --nox exclude each other: --nox checks against the fresh "
            "environments it installs"
        )
        raise UsageError(message)
    from pyexpert_gates.isolated import check_with_nox  # noqa: PLC0415 - loaded on use, as above
    from pyexpert_gates.plan import Request  # noqa: PLC0415 - loaded on use, as above

    request = Request(gates=tuple(args.gates), skip=tuple(args.skip), timeout=args.timeout)
    return check_with_nox(project, request)


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


def _refuse_unsupported(args: argparse.Namespace) -> None:
    """Fail on flags and formats this version does not implement, rather than ignore them."""
    for attribute, flag in _NOT_YET:
        if getattr(args, attribute):
            message = f"{flag} is not supported yet; run check without it"
            raise UsageError(message)
    require_supported(args.output_format)
    output: Path | None = args.output
    if output is not None and not output.absolute().parent.is_dir():
        message = f"--output {output}: the folder {output.parent} does not exist"
        raise UsageError(message)


def _publish(report: Report, args: argparse.Namespace) -> None:
    """Print the report, or write it to ``--output`` and print the summary."""
    output: Path | None = args.output
    color = wants_color(sys.stdout, os.environ)
    if output is None:
        sys.stdout.write(render(report, args.output_format, color=color))
        return
    try:
        write_atomic(output, render(report, args.output_format))
    except OSError as error:
        message = f"--output {output}: cannot write the report: {error.strerror or error}"
        raise UsageError(message) from error
    sys.stdout.write(render_summary(report, color=color))
    sys.stdout.write(f"report written to {output}\n")


def wants_color(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether to colour the text written to ``stream``.

    Args:
        stream: Where the text goes.
        environ: The environment variables (``NO_COLOR``, ``TERM``).

    Returns:
        True for a terminal, unless ``NO_COLOR`` is set or the terminal is dumb.
    """
    return stream.isatty() and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"
