"""A gate's result as JSON, in the shape the JSON report (version 1) gives it: written and read.

The JSON report writes results in this shape, the result cache stores them in it and
``check --nox`` reads the results its nox sessions wrote. Reading must refuse a damaged document
rather than guess, so every field is checked. The complete form (the cache's and ``check --nox``'s)
reads back as the same result; the report's form leaves out each finding's ``fix`` and the
docstring coverage, which only a verdict replayed against the baseline needs.
"""

from typing import TypeVar

from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    field,
    integer,
    optional_integer,
    optional_text,
    text,
)
from pyexpert_gates.models import (
    Diagnostic,
    FixSafety,
    GateName,
    GateResult,
    ModuleCoverage,
    Severity,
    Status,
)

_Member = TypeVar("_Member", GateName, Status, Severity, FixSafety)


def write_gate(result: GateResult, *, complete: bool = False) -> dict[str, object]:
    """One gate's JSON object; ``limited_to`` and ``baselined`` only when they apply.

    Args:
        result: The gate's result.
        complete: Also write each fixable finding's ``fix`` and the docstring coverage, so that
            a replayed result gets the verdict of a fresh one (the cache and ``check --nox``);
            the JSON report keeps its documented fields exactly.

    Returns:
        The object, ready for `json.dumps`.
    """
    entry: dict[str, object] = {
        "name": result.name.value,
        "status": result.status.value,
        "duration_s": round(result.duration_s, 3),
        "command": list(result.command),
        "summary": result.summary,
        "diagnostics": [_write_diagnostic(item, fixes=complete) for item in result.diagnostics],
        "cached": result.cached,
    }
    if result.limited_to is not None:
        entry["limited_to"] = list(result.limited_to)
    if result.baselined is not None:
        entry["baselined"] = result.baselined
    if complete and result.coverage is not None:
        entry["coverage"] = [
            {"path": module.path, "documented": module.documented, "total": module.total}
            for module in result.coverage
        ]
    return entry


def _write_diagnostic(diagnostic: Diagnostic, *, fixes: bool) -> dict[str, object]:
    """One finding's JSON object."""
    written: dict[str, object] = {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "severity": diagnostic.severity.value,
    }
    if fixes and diagnostic.fix is not None:
        written["fix"] = diagnostic.fix.value
    return written


def read_gate(entry: dict[str, object]) -> GateResult:
    """One gate's result from its JSON object, as `write_gate` writes it.

    Args:
        entry: The gate's object: name, status, duration_s, command, summary, diagnostics and,
            when they apply, cached, limited_to, baselined and coverage.

    Returns:
        The result.

    Raises:
        ShapeError: A field is missing or of another type or value.
    """
    duration = field(entry, "duration_s")
    if isinstance(duration, bool) or not isinstance(duration, int | float):
        message = "duration_s: expected a number"
        raise ShapeError(message)
    cached = entry.get("cached", False)
    if not isinstance(cached, bool):
        message = "cached: expected true or false"
        raise ShapeError(message)
    limited_to = entry.get("limited_to")
    coverage = entry.get("coverage")
    return GateResult(
        name=_member(GateName, text(entry, "name")),
        status=_member(Status, text(entry, "status")),
        duration_s=float(duration),
        command=_strings(field(entry, "command"), "command"),
        summary=text(entry, "summary"),
        diagnostics=tuple(
            _read_diagnostic(item) for item in as_list(field(entry, "diagnostics"), "diagnostics")
        ),
        baselined=optional_integer(entry, "baselined"),
        cached=cached,
        limited_to=None if limited_to is None else _strings(limited_to, "limited_to"),
        coverage=None if coverage is None else _read_coverage(coverage),
    )


def _read_coverage(value: object) -> tuple[ModuleCoverage, ...]:
    """The docstring coverage of each module, every count checked."""
    modules: list[ModuleCoverage] = []
    for item in as_list(value, "coverage"):
        record = as_object(item, "a module's coverage")
        documented, total = integer(record, "documented"), integer(record, "total")
        if not 0 <= documented <= total:
            message = f"coverage: {documented} of {total} documented is not a count"
            raise ShapeError(message)
        modules.append(
            ModuleCoverage(path=text(record, "path"), documented=documented, total=total)
        )
    return tuple(modules)


def _strings(value: object, what: str) -> tuple[str, ...]:
    """A JSON array of strings as a tuple."""
    items = as_list(value, what)
    if not all(isinstance(item, str) for item in items):
        message = f"{what}: expected strings"
        raise ShapeError(message)
    return tuple(str(item) for item in items)


def _read_diagnostic(value: object) -> Diagnostic:
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
