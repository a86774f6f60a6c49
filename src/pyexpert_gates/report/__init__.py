"""Renderers: a `Report` in, text out. Processing never prints; these never compute verdicts."""

from pyexpert_gates.errors import UsageError
from pyexpert_gates.models import Report
from pyexpert_gates.report.json import render_json
from pyexpert_gates.report.text import render_summary, render_text

FORMATS = ("text", "json", "junit", "sarif", "github")
"""Every ``--format`` the command line accepts."""

SUPPORTED = ("text", "json")
"""The formats this version renders."""

__all__ = [
    "FORMATS",
    "SUPPORTED",
    "render",
    "render_json",
    "render_summary",
    "render_text",
    "require_supported",
]


def require_supported(output_format: str) -> None:
    """Refuse a format this version does not render yet, rather than ignore it.

    Args:
        output_format: The ``--format`` value.

    Raises:
        UsageError: The format is not supported yet.
    """
    if output_format not in SUPPORTED:
        message = (
            f"--format {output_format} is not supported yet; use one of: {', '.join(SUPPORTED)}"
        )
        raise UsageError(message)


def render(report: Report, output_format: str, *, color: bool = False) -> str:
    """Render ``report`` in ``output_format``.

    Args:
        report: The outcome of a ``check``.
        output_format: One of `SUPPORTED`.
        color: For text: True to colour statuses with ANSI escape codes.

    Returns:
        The rendered report.

    Raises:
        UsageError: The format is not supported yet.
    """
    require_supported(output_format)
    return render_json(report) if output_format == "json" else render_text(report, color=color)
