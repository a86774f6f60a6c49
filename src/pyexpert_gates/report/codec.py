"""Read a gate's result back from JSON in the shape the JSON report (version 1) gives it.

The result cache stores results in that shape, and ``check --nox`` reads the reports its nox
sessions wrote; both must refuse a damaged document rather than guess, so every field is checked.
"""

from typing import TypeVar

from pyexpert_gates.json_shape import (
    ShapeError,
    as_list,
    as_object,
    field,
    optional_integer,
    optional_text,
    text,
)
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Severity, Status

_Member = TypeVar("_Member", GateName, Status, Severity, FixSafety)


def read_gate(entry: dict[str, object]) -> GateResult:
    """One gate's result from its JSON object.

    Args:
        entry: The gate's object: name, status, duration_s, command, summary, diagnostics and,
            when a baseline applied, baselined.

    Returns:
        The result.

    Raises:
        ShapeError: A field is missing or of another type or value.
    """
    duration = field(entry, "duration_s")
    if isinstance(duration, bool) or not isinstance(duration, int | float):
        message = "duration_s: expected a number"
        raise ShapeError(message)
    command = as_list(field(entry, "command"), "command")
    if not all(isinstance(part, str) for part in command):
        message = "command: expected strings"
        raise ShapeError(message)
    return GateResult(
        name=_member(GateName, text(entry, "name")),
        status=_member(Status, text(entry, "status")),
        duration_s=float(duration),
        command=tuple(str(part) for part in command),
        summary=text(entry, "summary"),
        diagnostics=tuple(
            _diagnostic(item) for item in as_list(field(entry, "diagnostics"), "diagnostics")
        ),
        baselined=optional_integer(entry, "baselined"),
    )


def _diagnostic(value: object) -> Diagnostic:
    """One finding, every field checked."""
    record = as_object(value, "diagnostic")
    return Diagnostic(
        path=text(record, "path"),
        line=optional_integer(record, "line"),
        column=optional_integer(record, "column"),
        end_line=optional_integer(record, "end_line"),
        end_column=optional_integer(record, "end_column"),
        code=optional_text(record, "code"),
        message=text(record, "message"),
        severity=_member(Severity, text(record, "severity")),
        fix=None if (fix := optional_text(record, "fix")) is None else _member(FixSafety, fix),
    )


def _member(kind: type[_Member], value: str) -> _Member:
    """The member of the enum ``kind`` named ``value``; another value is a damaged document."""
    try:
        return kind(value)
    except ValueError:
        message = f"{value!r} is not a {kind.__name__}"
        raise ShapeError(message) from None
