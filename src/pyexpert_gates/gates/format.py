"""The ``format`` gate: ``ruff format --check``, one finding per file that would change.

Since ruff 0.16 the check also covers Python code blocks in Markdown files found under the
given paths. A file that does not parse cannot be formatted: ruff exits 2 for it, but it is the
project's fault, not the tool's, so it is a finding like in the ``ruff`` gate.
"""

import dataclasses

from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.checked import with_proof
from pyexpert_gates.gates.ruff import (
    NO_FILES,
    could_not_read,
    nothing_checked,
    ruff_command,
    ruff_diagnostics,
)
from pyexpert_gates.gates.ruff_files import proof, ruff_files, without_log
from pyexpert_gates.gates.ruff_warnings import formatter_warnings, with_warnings
from pyexpert_gates.gates.verdict import (
    could_not_run,
    count,
    error,
    inconsistent,
    unexpected_exit,
    unreadable,
)
from pyexpert_gates.models import Diagnostic, GateName, Status

UNFORMATTED = "unformatted"
SYNTAX_ERROR = "invalid-syntax"
UNCHECKED = 2
"""ruff format's exit code when a file could not be checked (unparsable, unreadable) or on a
usage or configuration error."""


class FormatGate:
    """Check formatting with ruff format: no file may change."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``format``."""
        return GateName.FORMAT

    def command(self, context: GateContext) -> Command:
        """Run ``ruff format --check`` on the context's paths with JSON output.

        Args:
            context: The project and the paths to check.

        Returns:
            The command.
        """
        return ruff_command(context, "format", "--check")

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Judge the check: exit 0 formatted, 1 files would change, 2 a file could not be read.

        Args:
            output: What ruff left.
            context: The project, for relative paths.

        Returns:
            The verdict.
        """
        files = ruff_files(output.stderr, context)
        output = dataclasses.replace(output, stderr=without_log(output.stderr))
        if output.returncode not in {0, 1, UNCHECKED}:
            return unexpected_exit("ruff format", output)
        if output.returncode != UNCHECKED and NO_FILES in output.stderr:
            return error(nothing_checked("ruff format", context))
        try:
            diagnostics = ruff_diagnostics(output.stdout, context.project)
        except ShapeError as problem:
            if output.returncode == UNCHECKED:
                return could_not_run("ruff format", output, "configuration or usage error")
            return unreadable("ruff format", problem)
        outcome = with_warnings(
            _judge(output.returncode, diagnostics), formatter_warnings(output.stderr)
        )
        return with_proof(outcome, proof("ruff format", context, files))


def _judge(returncode: int, diagnostics: tuple[Diagnostic, ...]) -> GateOutcome:
    """The verdict on findings that parsed, checked against the exit code."""
    unparsable = [item for item in diagnostics if item.code == SYNTAX_ERROR]
    unread = [item for item in diagnostics if item.code not in {UNFORMATTED, SYNTAX_ERROR}]
    if unread:
        return could_not_read("ruff format", unread)
    if (returncode == UNCHECKED) != bool(unparsable) or (returncode == 0) != (not diagnostics):
        return inconsistent("ruff format", returncode, len(diagnostics))
    if not diagnostics:
        return GateOutcome(status=Status.PASSED, summary="every file is formatted")
    unformatted = len(diagnostics) - len(unparsable)
    parts = [f"{count(unformatted, 'file')} would be reformatted"] if unformatted else []
    if unparsable:
        parts.append(f"{count(len(unparsable), 'file')} could not be parsed")
    return GateOutcome(status=Status.FAILED, summary=", ".join(parts), diagnostics=diagnostics)
