"""Renderers: a `Report` in, text out. Processing never prints; these never compute verdicts."""

from collections.abc import Callable

from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import Report
from pyexpert_gates.report.github import render_github, render_step_summary
from pyexpert_gates.report.gitlab import render_gitlab
from pyexpert_gates.report.identity import Checkout
from pyexpert_gates.report.json import render_json
from pyexpert_gates.report.junit import render_junit
from pyexpert_gates.report.sarif import render_sarif
from pyexpert_gates.report.text import TextOptions, render_summary, render_text

FORMATS = ("text", "json", "junit", "sarif", "github", "gitlab")
"""Every ``--format`` the command line accepts."""

SUPPORTED = FORMATS
"""The formats this version renders."""

_MACHINE: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}

_IDENTIFYING: dict[str, Callable[[Report, Checkout], str]] = {
    "junit": render_junit,
    "gitlab": render_gitlab,
}
"""The formats that name findings by their identity, which reads the project's files."""

__all__ = [
    "FORMATS",
    "SUPPORTED",
    "Checkout",
    "TextOptions",
    "render",
    "render_github",
    "render_gitlab",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_step_summary",
    "render_summary",
    "render_text",
    "require_supported",
]


def require_supported(output_format: str) -> None:
    """Refuse a format this version does not render, rather than ignore it.

    Args:
        output_format: The ``--format`` value.

    Raises:
        UsageError: The format is not supported.
    """
    if output_format not in SUPPORTED:
        message = f"--format {output_format} is not supported; use one of: {', '.join(SUPPORTED)}"
        raise UsageError(message)


def render(
    report: Report,
    output_format: str,
    *,
    color: bool = False,
    options: TextOptions | None = None,
    checkout: Checkout | None = None,
) -> str:
    """Render ``report`` in ``output_format``.

    Args:
        report: The outcome of a ``check``.
        output_format: One of `SUPPORTED`.
        color: For text: True to colour statuses with ANSI escape codes.
        options: For text: how much to say; overrides ``color``.
        checkout: For junit and gitlab: the project's files, for the findings' identities
            (default: no file is read).

    Returns:
        The rendered report.

    Raises:
        UsageError: The format is not supported.
    """
    require_supported(output_format)
    if output_format == "text":
        return render_text(report, color=color, options=options)
    if output_format in _IDENTIFYING:
        return _IDENTIFYING[output_format](report, checkout or Checkout())
    return _MACHINE[output_format](report)
