"""ruff's warnings about the project's configuration, kept as findings instead of lost.

ruff writes ``warning: ...`` lines on standard error and still exits 0: a deprecated setting
(``select`` at the top level instead of under ``lint``), a rule that was removed or renamed, a
formatter setting that contradicts a lint rule. Each one fails the gate that saw it, as a finding
on the configuration file, since the next ruff release may turn it into an error. ``ruff format``
repeats the warnings about the linter's settings; the ``format`` gate keeps only its own.
"""

import re

from pyexpert_gates.gates.base import GateOutcome
from pyexpert_gates.gates.verdict import with_findings
from pyexpert_gates.models import Diagnostic, Severity
from pyexpert_gates.tools import PYPROJECT

CODE = "ruff-warning"
"""The findings' code."""

_WARNING = re.compile(r"^warning: ", re.MULTILINE)
_CONFIG_FILE = re.compile(r"`((?:[^`]*/)?(?:\.?ruff\.toml|pyproject\.toml))`")
_DEFAULT_CONFIG = PYPROJECT
_NOT_ABOUT_SETTINGS = ("No Python files found",)


def ruff_warnings(stderr: str) -> tuple[Diagnostic, ...]:
    """One finding per ``warning:`` on ruff's standard error (with its indented lines).

    Args:
        stderr: ruff's standard error.

    Returns:
        The findings, on the configuration file the warning names (``pyproject.toml`` when it
        names none).
    """
    starts = [found.start() for found in _WARNING.finditer(stderr)]
    found: list[Diagnostic] = []
    for start, end in zip(starts, [*starts[1:], len(stderr)], strict=False):
        message = stderr[start:end].removeprefix("warning: ").strip()
        if message and not message.startswith(_NOT_ABOUT_SETTINGS):
            named = _CONFIG_FILE.search(message)
            path = named[1] if named else _DEFAULT_CONFIG
            found.append(
                Diagnostic(
                    path=path, line=None, code=CODE, message=message, severity=Severity.WARNING
                )
            )
    return tuple(found)


def formatter_warnings(stderr: str) -> tuple[Diagnostic, ...]:
    """The warnings that concern the formatter; ``ruff check`` prints the others too.

    Args:
        stderr: ``ruff format``'s standard error.

    Returns:
        The findings of the warnings that mention the formatter, so that a warning about the
        linter's settings is one finding, in the ``ruff`` gate.
    """
    return tuple(item for item in ruff_warnings(stderr) if "format" in item.message)


def with_warnings(outcome: GateOutcome, warnings: tuple[Diagnostic, ...]) -> GateOutcome:
    """Add ruff's warnings to a verdict: a passing gate fails on them.

    Args:
        outcome: The verdict on ruff's findings.
        warnings: The findings from ruff's warnings.

    Returns:
        The verdict with the warnings; unchanged when there are none or ruff could not run.
    """
    return with_findings(outcome, warnings, ("ruff warning", "ruff warnings"))
