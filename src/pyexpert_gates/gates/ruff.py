"""The ``ruff`` gate: ruff's linter with the project's own configuration, read as JSON.

ruff runs from the interpreter of pyexpert-gates, whose ruff version the presets are verified
against. ``--no-fix`` keeps a project's ``fix = true`` from editing files during a check, and
``--force-exclude`` applies the project's ``exclude`` to the paths named on the command line too.
``--verbose`` makes ruff log the files it took and what left others out: every file the project
lists inside the paths must be among them (see `pyexpert_gates.gates.ruff_files`).
ruff's own cache stays on: it is keyed by ruff's version and settings, so it cannot replay a
stale verdict.
"""

import dataclasses
from pathlib import Path

from pyexpert_gates.codemods.catalog import fix_for
from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    integer,
    load,
    optional_integer,
    optional_text,
    text,
)
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.checked import with_proof
from pyexpert_gates.gates.paths import own_module, relative_path, targets
from pyexpert_gates.gates.ruff_files import excluded, proof, ruff_files, without_log
from pyexpert_gates.gates.ruff_warnings import ruff_warnings, with_warnings
from pyexpert_gates.gates.verdict import (
    could_not_run,
    error,
    inconsistent,
    spread,
    unexpected_exit,
    unreadable,
)
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, Severity, Status

NO_FILES = "No Python files found"
"""ruff's warning, on standard error with exit code 0, when the paths hold nothing to check."""
UNREADABLE = frozenset({"E902", "io"})
"""ruff's codes for a path it could not read (``check`` and ``format``): nothing was checked."""
DOCSTRING_WORDING = frozenset({"D200", "D205", "D207", "D208", "D209", "D210", "D212", "D213",
                               "D214", "D215", "D301", "D400", "D403", "D405", "D406", "D407",
                               "D408", "D409", "D410", "D411", "D412", "D413", "D415",
                               "D416"})  # fmt: skip
"""Rules whose fixes change the text of a docstring: its words, or its layout inside the quotes.

ruff calls some of them safe, but a program reads its docstrings (``__doc__``, a test that
compares one, a command line built from them, where a moved ``\\f`` changes the help), so
``fix`` applies them only with ``--unsafe``.
"""
NOT_SAFE_IN_FIX = DOCSTRING_WORDING | {"PLR0402"}
"""Rules whose fixes ruff calls safe that may change what a program sees: the docstring ones too.

PLR0402 rewrites ``import pkg._mod as _mod`` into ``from pkg import _mod``, which binds the
package's attribute rather than the module imported: different once either is reloaded or
replaced. ``fix`` applies these only with ``--unsafe``, and ``check`` marks them so.
"""


class RuffGate:
    """Lint with ruff: every rule the project selects must report nothing."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``ruff``."""
        return GateName.RUFF

    def command(self, context: GateContext) -> Command:
        """Run ``ruff check`` on the context's paths with JSON output.

        Args:
            context: The project and the paths to check.

        Returns:
            The command.
        """
        return ruff_command(context, "check", "--no-fix")

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Judge ruff's JSON: exit 0 clean, 1 findings (syntax errors included), 2 broken.

        Args:
            output: What ruff left.
            context: The project, for relative paths.

        Returns:
            The verdict.
        """
        files = ruff_files(output.stderr, context)
        output = dataclasses.replace(output, stderr=without_log(output.stderr))
        match output.returncode:
            case 0 | 1:
                outcome = with_warnings(_judge(output, context), ruff_warnings(output.stderr))
                return with_proof(outcome, proof("ruff", context, files))
            case 2:
                return could_not_run("ruff", output, "configuration or usage error")
            case _:
                return unexpected_exit("ruff", output)


def _judge(output: ProcessOutput, context: GateContext) -> GateOutcome:
    """The verdict on a run that ended normally."""
    if NO_FILES in output.stderr:
        return error(nothing_checked("ruff", context))
    try:
        diagnostics = ruff_diagnostics(output.stdout, context.project)
    except ShapeError as problem:
        return unreadable("ruff", problem)
    unread = [item for item in diagnostics if item.code in UNREADABLE]
    if unread:
        return could_not_read("ruff", unread)
    if (output.returncode == 1) != bool(diagnostics):
        return inconsistent("ruff", output.returncode, len(diagnostics))
    if not diagnostics:
        return GateOutcome(status=Status.PASSED, summary="no findings")
    return GateOutcome(
        status=Status.FAILED, summary=spread(diagnostics, "finding"), diagnostics=diagnostics
    )


def ruff_command(context: GateContext, *arguments: str) -> Command:
    """A ruff command on the context's paths, with JSON output and the project's excludes.

    Args:
        context: The project and the paths to check.
        *arguments: The subcommand and its own options.

    Returns:
        The command.
    """
    argv = (
        *own_module("ruff"),
        *arguments,
        "--output-format",
        "json",
        "--force-exclude",
        "--verbose",
        *excluded(context),
        *targets(context),
    )
    return Command(argv=argv, cwd=context.project)


def nothing_checked(tool: str, context: GateContext) -> str:
    """Say that ``tool`` found no Python files under the paths it was given.

    Args:
        tool: The tool's name as users know it.
        context: The paths it was given.

    Returns:
        The summary line.
    """
    return f"{tool} found no Python files to check under: {', '.join(targets(context))}"


def could_not_read(tool: str, unread: list[Diagnostic]) -> GateOutcome:
    """Say which paths ``tool`` could not read, so what it checked is incomplete.

    Args:
        tool: The tool's name as users know it.
        unread: ruff's findings about the paths it could not read.

    Returns:
        The ``error`` outcome.
    """
    reasons = "; ".join(
        item.message if item.path in item.message else f"{item.path}: {item.message}"
        for item in unread
    )
    return error(f"{tool} could not read every path: {reasons}")


def ruff_diagnostics(stdout: str, project: Path) -> tuple[Diagnostic, ...]:
    """Read the JSON array that ``ruff check`` and ``ruff format --check`` print.

    Args:
        stdout: ruff's standard output with ``--output-format json``.
        project: The project root, for relative paths.

    Returns:
        One diagnostic per entry. A rule without a code (``invalid-syntax``, preview rules
        that have only a name) is named by its rule name.

    Raises:
        ShapeError: When the output is not ruff's JSON.
    """
    entries = as_list(load(stdout), "ruff's output")
    return tuple(_diagnostic(as_object(entry, "a ruff finding"), project) for entry in entries)


def _diagnostic(entry: dict[str, object], project: Path) -> Diagnostic:
    """One ruff finding; ruff's rows and columns are already 1-based.

    In a notebook the row counts within a cell, so the message names the cell.
    """
    path = relative_path(text(entry, "filename"), project)
    line, column = _position(entry, "location")
    end_line, end_column = _position(entry, "end_location")
    cell = optional_integer(entry, "cell")
    message = text(entry, "message")
    code = optional_text(entry, "code") or optional_text(entry, "name")
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=code,
        message=message if cell is None else f"cell {cell}: {message}",
        severity=Severity.WARNING if entry.get("severity") == "warning" else Severity.ERROR,
        fix=_fix_safety(code, entry.get("fix")),
    )


def _fix_safety(code: str | None, fix: object) -> FixSafety | None:
    """How ``fix`` applies ruff's fix: ``safe`` always, ``unsafe`` with ``--unsafe``.

    A display-only fix, or none, is not applied; a fix that changes a docstring's text or what
    an import binds needs ``--unsafe`` (see `NOT_SAFE_IN_FIX`); a rule ruff cannot fix may have a
    codemod of ``fix`` (see `fix_for`), so that ``check`` and ``fix`` agree.
    """
    codemod = None if code is None else fix_for(code)
    if fix is None:
        return codemod
    match optional_text(as_object(fix, "field 'fix'"), "applicability"):
        case "safe" if code in NOT_SAFE_IN_FIX:
            return FixSafety.UNSAFE
        case "safe":
            return FixSafety.SAFE
        case "unsafe":
            return FixSafety.UNSAFE
        case _:
            return codemod


def _position(entry: dict[str, object], key: str) -> tuple[int | None, int | None]:
    """A ``{"row", "column"}`` location, or no position when ruff gives none."""
    value = entry.get(key)
    if value is None:
        return None, None
    position = as_object(value, f"field {key!r}")
    return integer(position, "row"), integer(position, "column")
