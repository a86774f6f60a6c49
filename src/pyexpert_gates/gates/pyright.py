"""The ``pyright`` gate: pyright with the project's configuration, read as JSON.

pyright comes from the interpreter of pyexpert-gates (the PyPI wrapper bundles the pinned
pyright and node, so it needs no network) and resolves imports in the project's environment
through ``--pythonpath``. The wrapper downloads another pyright when
``PYRIGHT_PYTHON_FORCE_VERSION`` or ``PYRIGHT_PYTHON_PYLANCE_VERSION`` is set, so both are
removed from its environment; ``PYRIGHT_PYTHON_IGNORE_WARNINGS`` stops its version check.

``--warnings`` makes warnings fail the run like errors: the standard is zero findings.
pyright reports an invalid configuration on standard error and still exits 0, silently using
its defaults, and it exits 0 when it analyzed no file: both are ``error``, never ``passed``.

Its JSON report cannot be had with a list of the files (``--verbose`` refuses ``--outputjson``),
only their number: fewer files analyzed than the project lists inside the paths is ``error``,
unless ``tool.pyright.exclude`` is a recorded relaxation. pyright passes over a FIFO, socket or
device by itself; each is an ``unreadable`` finding.
"""

from pathlib import Path

from pyexpert_gates.data.encodable import printable
from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    field,
    integer,
    load,
    optional_text,
    text,
)
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.checked import special, with_proof
from pyexpert_gates.gates.paths import own_module, relative_path, targets, undecodable_sources
from pyexpert_gates.gates.verdict import (
    blocking,
    could_not_run,
    count,
    error,
    inconsistent,
    spread,
    unexpected_exit,
    unreadable,
    untrusted,
)
from pyexpert_gates.init.names import covers
from pyexpert_gates.models import Diagnostic, GateName, Severity, Status

_EXIT_MEANINGS = {2: "fatal error", 3: "configuration file could not be parsed", 4: "bad argument"}
_SEVERITIES = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "information": Severity.NOTE,
}


class PyrightGate:
    """Type-check with pyright: the project's configuration, the project's environment."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``pyright``."""
        return GateName.PYRIGHT

    def command(self, context: GateContext) -> Command:
        """Run pyright on the context's paths with JSON output, offline.

        Args:
            context: The project, its interpreter and the paths to check.

        Returns:
            The command.
        """
        argv = (
            *own_module("pyright"),
            "--outputjson",
            "--warnings",
            "--pythonpath",
            str(context.python),
            *targets(context),
        )
        return Command(
            argv=argv,
            cwd=context.project,
            env={"PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"},
            unset_env=("PYRIGHT_PYTHON_FORCE_VERSION", "PYRIGHT_PYTHON_PYLANCE_VERSION"),
        )

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Judge pyright's JSON: exit 0 clean, 1 findings, 2 to 4 broken.

        Args:
            output: What pyright left.
            context: The project, for relative paths.

        Returns:
            The verdict.
        """
        if output.returncode in _EXIT_MEANINGS:
            return could_not_run("pyright", output, _EXIT_MEANINGS[output.returncode])
        if output.returncode not in {0, 1}:
            return unexpected_exit("pyright", output)
        try:
            files, diagnostics = pyright_report(output.stdout, context.project)
        except ShapeError as problem:
            if output.stderr.strip():
                return could_not_run("pyright", output)
            return unreadable("pyright", problem)
        if output.stderr.strip():
            return untrusted("pyright", output, diagnostics)
        unnamed = undecodable_sources(context)
        outcome = _judge(output.returncode, files, diagnostics, unnamed)
        missing = _missing(files, context, unnamed)
        if missing is not None and outcome.status is not Status.ERROR:
            outcome = error(missing, diagnostics)
        return with_proof(outcome, special("pyright", context))


def _missing(analyzed: int, context: GateContext, unnamed: list[str]) -> str | None:
    """Why pyright analyzed fewer files than the project lists inside the paths, if it did."""
    if context.listed is None or covers(context.relaxed, "tool.pyright.exclude"):
        return None
    left_out = set(context.special) | set(unnamed)
    expected = [name for name in context.listed if name not in left_out]
    if analyzed >= len(expected):
        return None
    hidden = [name for name in expected if any(part.startswith(".") for part in name.split("/"))]
    shown = f" (such as {', '.join(printable(name) for name in hidden[:3])})" if hidden else ""
    return (
        f"pyright analyzed {count(analyzed, 'file')}, but the paths hold "
        f"{count(len(expected), 'Python file')}: its `exclude` or `include` (in [tool.pyright] "
        "or pyrightconfig.json), its default exclusion of hidden folders, node_modules and "
        f"__pycache__{shown}, or a symlinked folder (pyright does not follow one) hides the "
        "others; name them there, or record a relaxation of tool.pyright.exclude"
    )


def _judge(
    returncode: int, files: int, diagnostics: tuple[Diagnostic, ...], unnamed: list[str]
) -> GateOutcome:
    """The verdict on a report that parsed, checked against the exit code.

    ``unnamed`` are the files whose names are not UTF-8: pyright skips them without a word, so
    a pass would not cover them.
    """
    if unnamed:
        shown = ", ".join(printable(name) for name in unnamed)
        return error(f"pyright cannot check files whose names are not UTF-8: {shown}; rename them")
    if files == 0:
        return error(f"pyright analyzed no files (exit {returncode})", diagnostics)
    findings = blocking(diagnostics)
    if (returncode == 1) != bool(findings):
        return inconsistent("pyright", returncode, len(findings))
    analyzed = f"{count(files, 'file')} analyzed"
    if not findings:
        return GateOutcome(
            status=Status.PASSED, summary=f"no findings, {analyzed}", diagnostics=diagnostics
        )
    return GateOutcome(
        status=Status.FAILED,
        summary=f"{_tally(findings)}, {analyzed}",
        diagnostics=diagnostics,
    )


def _tally(findings: tuple[Diagnostic, ...]) -> str:
    """``2 errors and 1 warning in 2 files``."""
    errors = sum(item.severity is Severity.ERROR for item in findings)
    warnings = len(findings) - errors
    if not warnings:
        return spread(findings, "error")
    if not errors:
        return spread(findings, "warning")
    files = len({item.path for item in findings})
    return f"{count(errors, 'error')} and {count(warnings, 'warning')} in {count(files, 'file')}"


def pyright_report(stdout: str, project: Path) -> tuple[int, tuple[Diagnostic, ...]]:
    """Read pyright's ``--outputjson`` document.

    Args:
        stdout: pyright's standard output.
        project: The project root, for relative paths.

    Returns:
        How many files pyright analyzed, and its findings with 1-based positions.

    Raises:
        ShapeError: When the output is not pyright's JSON.
    """
    report = as_object(load(stdout), "pyright's output")
    summary = as_object(field(report, "summary"), "field 'summary'")
    entries = as_list(field(report, "generalDiagnostics"), "field 'generalDiagnostics'")
    diagnostics = tuple(
        _diagnostic(as_object(entry, "a pyright finding"), project) for entry in entries
    )
    return integer(summary, "filesAnalyzed"), diagnostics


def _diagnostic(entry: dict[str, object], project: Path) -> Diagnostic:
    """One pyright finding; its lines and characters are 0-based, ends exclusive."""
    span = as_object(field(entry, "range"), "field 'range'")
    start = as_object(field(span, "start"), "field 'start'")
    end = as_object(field(span, "end"), "field 'end'")
    return Diagnostic(
        path=relative_path(text(entry, "file"), project),
        line=integer(start, "line") + 1,
        column=integer(start, "character") + 1,
        end_line=integer(end, "line") + 1,
        end_column=integer(end, "character") + 1,
        code=optional_text(entry, "rule"),
        message=text(entry, "message"),
        severity=_SEVERITIES.get(text(entry, "severity"), Severity.ERROR),
    )
