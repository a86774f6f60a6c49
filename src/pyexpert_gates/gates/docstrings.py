"""The ``docstrings`` gate: docstring coverage of the public API, and Google sections that match.

The gate's command runs our own worker (`pyexpert_gates.gates.docstrings_worker`) in the project
folder, with the project's Python files inside the paths (from the run's snapshot) on its
standard input; it reads the files, so the gate itself stays a pure parser. The worker lists
every public object (by ruff's D1 rules: ``__all__``, ``_private`` names and modules,
``@overload`` stubs, property setters and ``@override`` methods are handled as ruff handles them)
and whether it has a docstring, and it runs pydoclint on the public definitions' docstrings.

The gate fails when coverage is below the project's threshold, when a docstring's sections do
not match its definition, or when a file cannot be parsed. Each undocumented object is a finding
at its ``def`` or ``class`` line; when coverage still meets the threshold they are kept as notes.
"""

import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    boolean,
    field,
    integer,
    load,
    optional_integer,
    text,
)
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.paths import own_module, relative_path, targets
from pyexpert_gates.gates.public_api import Kind
from pyexpert_gates.gates.verdict import could_not_run, count, error, unreadable
from pyexpert_gates.models import Diagnostic, GateName, ModuleCoverage, Severity, Status

PROBE = "pyexpert_gates.gates.docstrings_worker"
WORKER_VERSION = 1
"""The version of the worker's JSON document that this gate reads."""

_MISSING = {
    Kind.MODULE: ("undocumented-public-module", "public module"),
    Kind.PACKAGE: ("undocumented-public-package", "public package"),
    Kind.CLASS: ("undocumented-public-class", "public class"),
    Kind.NESTED_CLASS: ("undocumented-public-nested-class", "public nested class"),
    Kind.FUNCTION: ("undocumented-public-function", "public function"),
    Kind.METHOD: ("undocumented-public-method", "public method"),
    Kind.MAGIC_METHOD: ("undocumented-magic-method", "magic method"),
    Kind.INIT: ("undocumented-public-init", "__init__"),
}
"""For each kind of object, the code and wording of its missing docstring (ruff's rule names)."""
MODULE_CODES = frozenset(_MISSING[kind][0] for kind in (Kind.MODULE, Kind.PACKAGE))
"""The codes of findings about a whole module or package, which the gate places on line 1."""
UNDOCUMENTED_CODES = frozenset(code for code, _ in _MISSING.values())
"""The codes of findings about a public object without a docstring."""
UNREADABLE = "unreadable"
"""The worker's code for a file it could not read."""
INVALID_SYNTAX = "invalid-syntax"
"""The worker's code for a file it could not parse."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerReport:
    """What the worker found.

    Attributes:
        files: How many files it examined.
        missing: Paths it was given that do not exist.
        documented: Public objects with a docstring.
        undocumented: One finding per public object without a docstring.
        sections: One finding per docstring whose sections do not match.
        problems: One finding per file that could not be read or parsed.
        coverage: Documented and total public objects per module, for the baseline's ratchet.
    """

    files: int
    missing: tuple[str, ...]
    documented: int
    undocumented: tuple[Diagnostic, ...]
    sections: tuple[Diagnostic, ...]
    problems: tuple[Diagnostic, ...]
    coverage: tuple[ModuleCoverage, ...] = ()


def listing(files: Sequence[str]) -> bytes:
    """The project's files as the worker reads them on its standard input: NUL-separated.

    Args:
        files: Project-relative paths; a name that is not UTF-8 keeps its bytes.

    Returns:
        The bytes.
    """
    return "\0".join(files).encode("utf-8", errors="surrogateescape")


class DocstringsGate:
    """Measure docstring coverage of the public API and check Google docstring sections."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``docstrings``."""
        return GateName.DOCSTRINGS

    def command(self, context: GateContext) -> Command:
        """Run the docstring worker on the context's paths.

        Args:
            context: The project and the paths to check.

        Returns:
            The command.
        """
        listed = context.snapshot.files.sources(context.paths)
        return Command(
            argv=(*own_module(PROBE), *targets(context)),
            cwd=context.project,
            stdin=listing(listed),
        )

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Judge the worker's JSON against the project's coverage threshold.

        Args:
            output: What the worker left.
            context: The project, for relative paths, and the coverage threshold.

        Returns:
            The verdict.
        """
        if output.returncode != 0:
            return could_not_run("the docstring worker", output)
        try:
            report = read_worker_report(output.stdout, context.project)
        except ShapeError as problem:
            return unreadable("the docstring worker", problem)
        if report.missing:
            return error(f"paths do not exist: {', '.join(report.missing)}")
        if report.files == 0:
            return error(
                f"no Python files to check under {', '.join(targets(context))} "
                "(test files are not public API)"
            )
        return judge(report, context.docstring_coverage)


def judge(report: WorkerReport, threshold: float) -> GateOutcome:
    """The verdict on a report of at least one file.

    Args:
        report: What the worker found.
        threshold: The coverage, in percent, below which the gate fails.

    Returns:
        ``failed`` below the threshold, on section findings or unparsable files; else ``passed``.
    """
    total = report.documented + len(report.undocumented)
    meets = report.documented * 100 >= threshold * total
    undocumented = report.undocumented
    if meets:
        undocumented = tuple(_as_note(item) for item in undocumented)
    parts = [_coverage(report.documented, total, threshold, report.files)]
    if report.sections:
        parts.append(count(len(report.sections), "docstring section problem"))
    if report.problems:
        parts.append(f"{count(len(report.problems), 'file')} could not be parsed")
    failed = not meets or bool(report.sections) or bool(report.problems)
    return GateOutcome(
        status=Status.FAILED if failed else Status.PASSED,
        summary="; ".join(parts),
        diagnostics=(*undocumented, *report.sections, *report.problems),
        coverage=report.coverage,
    )


def judge_merged(
    diagnostics: Iterable[Diagnostic], coverage: Iterable[ModuleCoverage], threshold: float
) -> GateOutcome:
    """The verdict on findings and per-module coverage put together from runs on parts of the files.

    The undocumented objects are weighed again against the threshold (they are errors or notes
    by the coverage of all the modules); the order is that of one run on every file.

    Args:
        diagnostics: The findings of every file, each as one of the runs reported it.
        coverage: The counts of every module, each from one of the runs.
        threshold: The coverage, in percent, below which the gate fails.

    Returns:
        The verdict one run on every file gives.
    """
    ordered = sorted(diagnostics, key=lambda item: item.path)  # stable: each file's own order
    modules = tuple(sorted(coverage, key=lambda module: module.path))
    report = WorkerReport(
        files=len(modules),
        missing=(),
        documented=sum(module.documented for module in modules),
        undocumented=tuple(_as_error(item) for item in ordered if item.code in UNDOCUMENTED_CODES),
        sections=tuple(
            item
            for item in ordered
            if item.code not in {*UNDOCUMENTED_CODES, UNREADABLE, INVALID_SYNTAX}
        ),
        problems=tuple(item for item in ordered if item.code in {UNREADABLE, INVALID_SYNTAX}),
        coverage=modules,
    )
    return judge(report, threshold)


def _coverage(documented: int, total: int, threshold: float, files: int) -> str:
    """``96.4% documented (27/28), threshold 100%``, rounded down so 99.96% is not 100%."""
    if total == 0:
        return f"no public API to document in {count(files, 'file')}"
    percent = math.floor(documented * 1000 / total) / 10
    return f"{percent:.1f}% documented ({documented}/{total}), threshold {threshold:g}%"


def _as_note(diagnostic: Diagnostic) -> Diagnostic:
    """The same finding as a note, for coverage that meets the threshold anyway."""
    return dataclasses.replace(diagnostic, severity=Severity.NOTE)


def _as_error(diagnostic: Diagnostic) -> Diagnostic:
    """The same finding as an error, as the worker's report has it before it is judged."""
    return dataclasses.replace(diagnostic, severity=Severity.ERROR)


def read_worker_report(stdout: str, project: Path) -> WorkerReport:
    """Read the worker's JSON document.

    Args:
        stdout: The worker's standard output.
        project: The project root, for relative paths.

    Returns:
        The report.

    Raises:
        ShapeError: When the output is not the worker's JSON, or another version of it.
    """
    document = as_object(load(stdout), "the worker's output")
    if integer(document, "version") != WORKER_VERSION:
        message = (
            f"the worker's output has version {document['version']}, expected {WORKER_VERSION}"
        )
        raise ShapeError(message)
    objects = [as_object(item, "an object") for item in _array(document, "objects")]
    return WorkerReport(
        files=integer(document, "files"),
        missing=tuple(_path(item) for item in _array(document, "missing")),
        documented=sum(boolean(item, "documented") for item in objects),
        undocumented=tuple(
            _undocumented(item, project) for item in objects if not boolean(item, "documented")
        ),
        sections=tuple(_finding(item, project) for item in _array(document, "sections")),
        problems=tuple(_finding(item, project) for item in _array(document, "problems")),
        coverage=_per_module(objects, project),
    )


def _per_module(objects: list[dict[str, object]], project: Path) -> tuple[ModuleCoverage, ...]:
    """Documented and total public objects of each module, in the worker's order of files."""
    tally: dict[str, list[int]] = {}
    for item in objects:
        counts = tally.setdefault(relative_path(text(item, "path"), project), [0, 0])
        counts[0] += boolean(item, "documented")
        counts[1] += 1
    return tuple(
        ModuleCoverage(path=path, documented=documented, total=total)
        for path, (documented, total) in tally.items()
    )


def _array(document: dict[str, object], key: str) -> list[object]:
    """A field that must hold an array."""
    return as_list(field(document, key), f"field {key!r}")


def _path(value: object) -> str:
    """A path the worker was given, which must be a string."""
    if not isinstance(value, str):
        message = "field 'missing' holds something other than paths"
        raise ShapeError(message)
    return value


def _undocumented(item: dict[str, object], project: Path) -> Diagnostic:
    """The finding for one public object without a docstring."""
    name = text(item, "kind")
    try:
        kind = Kind(name)
    except ValueError as problem:
        message = f"unknown kind of object {name!r}"
        raise ShapeError(message) from problem
    code, what = _MISSING[kind]
    return Diagnostic(
        path=relative_path(text(item, "path"), project),
        line=integer(item, "line"),
        code=code,
        message=f"Missing docstring in {what} `{text(item, 'name')}`",
    )


def _finding(value: object, project: Path) -> Diagnostic:
    """A section finding or a file problem, as the worker printed it."""
    item = as_object(value, "a finding")
    return Diagnostic(
        path=relative_path(text(item, "path"), project),
        line=optional_integer(item, "line"),
        code=text(item, "code"),
        message=text(item, "message"),
    )
