"""Publish a check's report: each file atomically, then what the terminal shows.

Standard output carries either one machine-readable report or the text for people; in the second
case, inside GitHub Actions, it also carries the annotations, and the job summary gets a Markdown
table. Notices such as ``report written to FILE`` go where they cannot corrupt a report.
"""

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import Report
from pyexpert_gates.report import (
    TextOptions,
    render,
    render_github,
    render_step_summary,
    render_summary,
    render_text,
)
from pyexpert_gates.report.destinations import TEXT, Destination
from pyexpert_gates.textfile import write_atomic


@dataclass(frozen=True, slots=True, kw_only=True)
class Audience:
    """Who reads this run's output, and what the terminal and the CI system take.

    Attributes:
        text: How much the text for people says, and whether in colour.
        github: True inside GitHub Actions (``GITHUB_ACTIONS=true``).
        step_summary: The job summary file GitHub Actions gives, if any.
    """

    text: TextOptions
    github: bool = False
    step_summary: Path | None = None


def audience_of(
    environ: Mapping[str, str],
    *,
    color: bool,
    quiet: bool,
    verbose: bool,
    statistics: bool = False,
) -> Audience:
    """The audience of a run in the environment ``environ``.

    Args:
        environ: The environment variables.
        color: True when standard output takes colour.
        quiet: ``--quiet``: only failures.
        verbose: ``--verbose``: every gate, with its command.
        statistics: ``--statistics``: only the counts of findings by rule.

    Returns:
        The audience.
    """
    summary = environ.get("GITHUB_STEP_SUMMARY")
    return Audience(
        text=TextOptions(color=color, quiet=quiet, verbose=verbose, statistics=statistics),
        github=environ.get("GITHUB_ACTIONS") == "true",
        step_summary=Path(summary) if summary else None,
    )


def publish(
    report: Report,
    destinations: tuple[Destination, ...],
    audience: Audience,
    stdout: TextIO | None = None,
) -> None:
    """Write every report file, then the report for standard output.

    Args:
        report: The outcome of a ``check``.
        destinations: Where each report goes.
        audience: Who reads standard output.
        stdout: Standard output (default: ``sys.stdout`` at the time of the call).

    Raises:
        UsageError: A report file cannot be written.
    """
    out = stdout or sys.stdout
    files = [item for item in destinations if item.path is not None]
    plain = TextOptions(verbose=audience.text.verbose)
    for item in files:
        _write(item, render(report, item.output_format, options=plain))
    on_stdout = next((item.output_format for item in destinations if item.path is None), None)
    if on_stdout not in {None, TEXT}:
        out.write(render(report, on_stdout or TEXT))
        _notices(files, sys.stderr, audience)
        return
    if on_stdout == TEXT or audience.text.quiet or audience.text.statistics:
        out.write(render_text(report, options=audience.text))
    else:
        out.write(render_summary(report, color=audience.text.color))
    _notices(files, out, audience)
    if audience.github:
        _github(report, audience, out)


def _write(destination: Destination, text: str) -> None:
    """Write one report file atomically; a failure is the user's to fix."""
    path = destination.path
    if path is None:
        return
    try:
        write_atomic(path, text)
    except OSError as error:
        message = f"--output {path}: cannot write the report: {error.strerror or error}"
        raise UsageError(message) from error


def _notices(files: list[Destination], stream: TextIO, audience: Audience) -> None:
    """Say where each report file went, unless quiet."""
    if audience.text.quiet:
        return
    stream.writelines(f"report written to {item.path}\n" for item in files)


def _github(report: Report, audience: Audience, stdout: TextIO) -> None:
    """In GitHub Actions: annotate the code and add the job summary."""
    stdout.write(render_github(report))
    if audience.step_summary is None:
        return
    try:
        with audience.step_summary.open("a", encoding="utf-8") as summary:
            summary.write(render_step_summary(report))
    except OSError as error:
        sys.stderr.write(
            f"pyexpert-gates: warning: cannot write the job summary {audience.step_summary}: "
            f"{error.strerror or error}\n"
        )
