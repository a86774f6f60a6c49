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
    Checkout,
    TextOptions,
    render,
    render_github,
    render_step_summary,
    render_summary,
    render_text,
)
from pyexpert_gates.report.checkout import checkout_of
from pyexpert_gates.report.destinations import TEXT, Destination
from pyexpert_gates.report.projects import (
    Projects,
    combined,
    render_projects,
    render_projects_text,
)
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


def audience_of(environ: Mapping[str, str], *, color: bool, quiet: bool, verbose: bool) -> Audience:
    """The audience of a run in the environment ``environ``.

    Args:
        environ: The environment variables.
        color: True when standard output takes colour.
        quiet: ``--quiet``: only failures.
        verbose: ``--verbose``: every gate, with its command.

    Returns:
        The audience.
    """
    summary = environ.get("GITHUB_STEP_SUMMARY")
    return Audience(
        text=TextOptions(color=color, quiet=quiet, verbose=verbose),
        github=environ.get("GITHUB_ACTIONS") == "true",
        step_summary=Path(summary) if summary else None,
    )


def publish(
    report: Report | Projects,
    destinations: tuple[Destination, ...],
    audience: Audience,
    stdout: TextIO | None = None,
) -> None:
    """Write every report file, then the report for standard output.

    Args:
        report: The outcome of a ``check``: of one project, or of several.
        destinations: Where each report goes.
        audience: Who reads standard output.
        stdout: Standard output (default: ``sys.stdout`` at the time of the call).

    Raises:
        UsageError: A report file cannot be written.
    """
    out = stdout or sys.stdout
    files = [item for item in destinations if item.path is not None]
    plain = TextOptions(verbose=audience.text.verbose)
    single = combined(report) if isinstance(report, Projects) else report
    checkout = checkout_of(Path(single.project))
    for item in files:
        _write(item, _render(report, item.output_format, options=plain, checkout=checkout))
    on_stdout = next((item.output_format for item in destinations if item.path is None), None)
    if on_stdout not in {None, TEXT}:
        out.write(_render(report, on_stdout or TEXT, options=None, checkout=checkout))
        _notices(files, sys.stderr, audience)
        return
    out.write(_text(report, audience.text, summary=on_stdout != TEXT and not audience.text.quiet))
    _notices(files, out, audience)
    if audience.github:
        _github(single, audience, out)


def _render(
    report: Report | Projects,
    output_format: str,
    *,
    options: TextOptions | None,
    checkout: Checkout,
) -> str:
    """Render the report of one project or of several in ``output_format``."""
    if isinstance(report, Projects):
        return render_projects(report, output_format, options=options, checkout=checkout)
    return render(report, output_format, options=options, checkout=checkout)


def _text(report: Report | Projects, options: TextOptions, *, summary: bool) -> str:
    """The text for people: the whole report, or only its summary table."""
    if isinstance(report, Projects):
        return render_projects_text(report, options, summary=summary)
    if summary:
        return render_summary(report, color=options.color)
    return render_text(report, options=options)


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
