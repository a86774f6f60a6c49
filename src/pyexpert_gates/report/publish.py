"""Publish a check's report: each file atomically, then what the terminal shows.

Standard output carries either one machine-readable report or the text for people; in the second
case, inside GitHub Actions, it also carries the annotations, and the job summary gets a Markdown
table. Notices such as ``report written to FILE`` go where they cannot corrupt a report.
"""

import os
import secrets
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
from pyexpert_gates.report.destinations import TEXT, Destination, descriptor_of
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
    # Several projects' findings are each identified in their own project's checkout.
    checkout = None if isinstance(report, Projects) else checkout_of(Path(report.project))
    for item in files:
        _write(item, _render(report, item.output_format, options=plain, checkout=checkout))
    on_stdout = next((item.output_format for item in destinations if item.path is None), None)
    if on_stdout not in {None, TEXT}:
        emit(out, _render(report, on_stdout or TEXT, options=None, checkout=checkout))
        _notices(files, sys.stderr, audience)
        return
    text = _text(report, audience.text, summary=_summary_only(on_stdout, audience.text))
    if audience.github and text:
        # GitHub reads no workflow command inside these markers: nothing a finding says, even
        # through a name or message that escaped escaping, can become one.
        token = secrets.token_hex(16)
        text = f"::stop-commands::{token}\n{text}::{token}::\n"
    emit(out, text)
    _notices(files, out, audience)
    if audience.github:
        _github(single, audience, out)


def _render(
    report: Report | Projects,
    output_format: str,
    *,
    options: TextOptions | None,
    checkout: Checkout | None,
) -> str:
    """Render the report of one project or of several in ``output_format``."""
    if isinstance(report, Projects):
        return render_projects(report, output_format, options=options, checkout=checkout)
    return render(report, output_format, options=options, checkout=checkout)


def _summary_only(on_stdout: str | None, options: TextOptions) -> bool:
    """Whether standard output gets only the summary table: text was not asked for outright."""
    return on_stdout != TEXT and not (options.quiet or options.statistics)


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
    if path is None or path == Path(os.devnull):
        return
    try:
        descriptor = descriptor_of(path)
        if descriptor is None:
            write_atomic(path, text, within=None)  # where the user said
            return
        # Through the descriptor, as the shell opened it: `>> build.log` appends.
        sys.stdout.flush()
        sys.stderr.flush()
        _write_all(descriptor, text)
    except OSError as error:
        message = f"--output {path}: cannot write the report: {error.strerror or error}"
        raise UsageError(message) from error


def emit(stream: TextIO, text: str) -> None:
    """Write ``text`` to ``stream`` to the last byte, or raise `BrokenPipeError`.

    A buffered stream whose reader goes away in the middle of a large write (``| head -1``)
    can drop the rest without an error; writing to its descriptor directly raises one.

    Args:
        stream: Where the text goes; one without a descriptor (a test's) is written as usual.
        text: The text.
    """
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):
        stream.write(text)
        return
    stream.flush()
    _write_all(descriptor, text)


def _write_all(descriptor: int, text: str) -> None:
    """Write all of ``text``, UTF-8 encoded, to ``descriptor``."""
    data = memoryview(text.encode("utf-8"))
    while data:
        data = data[os.write(descriptor, data) :]


def _notices(files: list[Destination], stream: TextIO, audience: Audience) -> None:
    """Say where each report file went, unless quiet."""
    if audience.text.quiet:
        return
    stream.writelines(f"report written to {item.path}\n" for item in files)


def _github(report: Report, audience: Audience, stdout: TextIO) -> None:
    """In GitHub Actions: annotate the code and add the job summary."""
    emit(stdout, render_github(report))
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
