"""The ``mypy`` gate: mypy with the project's configuration, read as JSON lines.

mypy runs from the interpreter of pyexpert-gates (the version the presets are verified against)
but resolves imports in the project's environment through ``--python-executable``, and in the
project folder, so it finds the project's own configuration file.

mypy's exit codes are coarse, so the gate looks closer:

- exit 2 means a blocking error. When every blocking error is a syntax error, that is a finding
  about the project (status ``failed``); anything else (a bad flag, no files) is ``error``.
- mypy reports configuration problems (an unrecognized option, a file that does not parse) on
  standard error and still exits 0; any message there makes the result untrustworthy.
- its JSON positions are 0-based columns; they are converted to 1-based.
- every Python file the project lists inside the paths must be among the sources mypy's
  ``--verbose`` log names (see `pyexpert_gates.gates.mypy_files`);
- its ``unused section(s)`` note (``warn_unused_configs``) is plain text even in JSON mode; it
  becomes one finding per unused override, at the override's line (see ``mypy_sections``).
"""

import dataclasses
import hashlib
import tempfile
from pathlib import Path

from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_object,
    integer,
    load,
    optional_integer,
    optional_text,
    text,
)
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.checked import with_proof
from pyexpert_gates.gates.mypy_files import excluded, proof, without_log
from pyexpert_gates.gates.mypy_sections import CODE as UNUSED_CONFIGS
from pyexpert_gates.gates.mypy_sections import is_unused_note, read_config, unused_sections
from pyexpert_gates.gates.paths import own_module, relative_path, targets
from pyexpert_gates.gates.verdict import (
    blocking,
    could_not_run,
    error,
    inconsistent,
    one_line,
    spread,
    unexpected_exit,
    unreadable,
    untrusted,
)
from pyexpert_gates.models import Diagnostic, GateName, Severity, Status

SYNTAX = "syntax"
"""mypy's error code for a file that does not parse."""

BLOCKED = 2
"""mypy's exit code for a blocking error: a file that does not parse, a bad flag, no files."""

EXPLICIT_ANY = "explicit-any"
"""mypy's code for an explicit ``Any``; the strict preset makes mypy the one gate reporting it."""
_ANY_HINT = (
    "use a precise type, `object` or a Protocol, or say why on this line: "
    "`# type: ignore[explicit-any]  # <why Any is needed>`"
)

RUNNER = "pyexpert_gates.gates.mypy_runner"
"""Our module that runs mypy on the paths and again on the implementations a stub hides."""
SHADOWED = "--shadowed"
"""The runner's argument before the implementations a stub hides."""

_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.NOTE}


class MypyGate:
    """Type-check with mypy: the project's configuration, the project's environment."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``mypy``."""
        return GateName.MYPY

    def command(self, context: GateContext) -> Command:
        """Run mypy on the context's paths with JSON output, in the project's environment.

        When a stub hides implementations, our runner runs mypy a second time on them (see
        `pyexpert_gates.gates.mypy_runner`); otherwise mypy runs alone.

        Args:
            context: The project, its interpreter and the paths to check.

        Returns:
            The command.
        """
        mypy = mypy_options(str(context.python))
        checked = (*excluded(context), *targets(context))
        argv = (*own_module("mypy"), *mypy, *checked)
        if context.shadowed:
            argv = (
                *own_module(RUNNER),
                str(context.python),
                *checked,
                SHADOWED,
                *(_named(path) for path in context.shadowed),
            )
        return Command(argv=argv, cwd=context.project, lock=cache_lock(context.project))

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Judge mypy's JSON lines: exit 0 clean, 1 errors, 2 blocking errors.

        Args:
            output: What mypy left.
            context: The project, for relative paths.

        Returns:
            The verdict.
        """
        found = proof(context, output.stderr)
        output = dataclasses.replace(output, stderr=without_log(output.stderr))
        if output.returncode not in {0, 1, BLOCKED}:
            return unexpected_exit("mypy", output)
        if output.stderr.strip():
            if output.returncode == BLOCKED:
                return could_not_run("mypy", output)
            return untrusted("mypy", output)
        lines = output.stdout.splitlines()
        notes = [line for line in lines if is_unused_note(line)]
        try:
            diagnostics = mypy_diagnostics(
                "\n".join(line for line in lines if not is_unused_note(line)), context.project
            )
        except ShapeError as problem:
            return unreadable("mypy", problem)
        unused = unused_sections(notes, context.project, read_config(context.snapshot))
        return with_proof(_judge(output.returncode, diagnostics + unused), found)


def mypy_options(python: str) -> tuple[str, ...]:
    """The options of every mypy run: the project's interpreter, JSON output, the sources logged.

    Args:
        python: The interpreter of the project's environment.

    Returns:
        mypy's options.
    """
    return ("--python-executable", python, "--output", "json", "--verbose")


def _named(path: str) -> str:
    """A path written so that no tool reads it as an option (as `targets` writes them)."""
    return f"./{path}" if path.startswith("-") else path


def _judge(returncode: int, diagnostics: tuple[Diagnostic, ...]) -> GateOutcome:
    """The verdict on findings that parsed, checked against the exit code."""
    errors = blocking(diagnostics)
    match returncode:
        case 2 if errors and all(item.code == SYNTAX for item in errors):
            summary = f"{spread(errors, 'syntax error')}; mypy stopped before type checking"
            return GateOutcome(status=Status.FAILED, summary=summary, diagnostics=diagnostics)
        case 2:
            cause = errors[0].message if errors else "no message"
            return error(f"mypy stopped on a blocking error: {cause}", diagnostics)
        case 1 if diagnostics:
            summary = spread(errors or diagnostics, "error" if errors else "note")
            return GateOutcome(status=Status.FAILED, summary=summary, diagnostics=diagnostics)
        case 0 if errors and all(item.code == UNUSED_CONFIGS for item in errors):
            summary = spread(errors, "unused override")
            return GateOutcome(status=Status.FAILED, summary=summary, diagnostics=diagnostics)
        case 0 if not errors:
            return GateOutcome(
                status=Status.PASSED, summary="no issues found", diagnostics=diagnostics
            )
        case _:
            return inconsistent("mypy", returncode, len(diagnostics))


def mypy_diagnostics(stdout: str, project: Path) -> tuple[Diagnostic, ...]:
    """Read mypy's ``--output json`` lines, one JSON object per line.

    Args:
        stdout: mypy's standard output.
        project: The project root, for relative paths.

    Returns:
        One diagnostic per line; an entry's hint is appended to its message.

    Raises:
        ShapeError: When a line is not one of mypy's JSON objects (such as a configuration
            note printed as plain text).
    """
    lines = [line for line in stdout.splitlines() if line.strip()]
    return tuple(_diagnostic(line, project) for line in lines)


def _diagnostic(line: str, project: Path) -> Diagnostic:
    """One mypy JSON line; columns are 0-based there, end columns exclusive."""
    try:
        entry = as_object(load(line), "a mypy line")
    except ShapeError as problem:
        message = f"{problem}: {one_line(line)}"
        raise ShapeError(message) from problem
    message = text(entry, "message")
    hint = optional_text(entry, "hint")
    if hint is None and optional_text(entry, "code") == EXPLICIT_ANY:
        hint = _ANY_HINT
    return Diagnostic(
        path=relative_path(text(entry, "file"), project),
        line=_positive(integer(entry, "line")),
        column=_one_based(optional_integer(entry, "column")),
        end_line=_positive(optional_integer(entry, "end_line")),
        end_column=_one_based(optional_integer(entry, "end_column")),
        code=optional_text(entry, "code"),
        message=f"{message}\n{hint}" if hint else message,
        severity=_SEVERITIES.get(text(entry, "severity"), Severity.ERROR),
    )


def _positive(line: int | None) -> int | None:
    """A 1-based line, or None where mypy has no line (it writes -1 or 0)."""
    return line if line is not None and line > 0 else None


def _one_based(column: int | None) -> int | None:
    """A 0-based column made 1-based, or None where mypy has no column (-1)."""
    return column + 1 if column is not None and column >= 0 else None


def cache_lock(project: Path) -> Path:
    """The lock that makes runs of mypy on ``project`` wait for each other.

    mypy's SQLite cache fails with "database is locked" when two runs create it at once, as two
    checks of one project do. The lock lives in the temporary folder, named after the project,
    so that it adds nothing to the project itself.

    Args:
        project: The project root, absolute.

    Returns:
        The lock file's path.
    """
    digest = hashlib.sha256(str(project).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"pyexpert-gates-mypy-{digest}.lock"
