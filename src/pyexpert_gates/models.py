"""The domain's values: gate names, statuses, findings, gate results and the report.

Everything here is immutable data with no I/O, so every other module can share it.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class GateName(StrEnum):
    """The gates, by the names users type after ``--gate`` and ``--skip``."""

    RUFF = "ruff"
    FORMAT = "format"
    MYPY = "mypy"
    PYRIGHT = "pyright"
    DOCSTRINGS = "docstrings"
    PYTEST = "pytest"
    EXPERT = "expert"
    CONFIG = "config"


class Reach(StrEnum):
    """What a gate's verdict depends on, which decides what ``--changed-since`` and the cache do."""

    FILE = "file"
    """Each file's verdict depends only on that file and the configuration: ``--changed-since``
    limits the gate to the changed files; its cache key reads its paths and the config files."""
    PROGRAM = "program"
    """The verdict depends on the whole project and its installed distributions: it always
    checks everything; its cache key reads every project file and the environment too."""
    CONFIGURATION = "configuration"
    """The verdict depends only on the tools' configuration files, which its cache key reads."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GateTraits:
    """What sets one gate apart from the others.

    Attributes:
        reach: What its verdict depends on.
        baselined: True when a baseline may accept its findings. A failing test never is, and
            the config gate's findings are settings to fix or relax with a reason.
        weight: Its rank by how long it usually takes (measured on a real project): heavier
            gates start first, so that the short ones fill the spare jobs and a check takes
            little longer than its longest gate.
        tool: The tool behind it, as reports name it; unique per gate.
        home: The tool's home page, or None for this package's own checks.
        distributions: The distributions it runs from the interpreter of pyexpert-gates, whose
            versions are part of its cache key.
    """

    reach: Reach
    baselined: bool
    weight: int = 0
    tool: str
    home: str | None = None
    distributions: tuple[str, ...] = ()

    @property
    def limited_by_changed_since(self) -> bool:
        """True when ``--changed-since`` limits the gate to the changed files."""
        return self.reach is Reach.FILE


class Status(StrEnum):
    """How a gate ended.

    ``error`` means the gate could not run (tool missing, crash, timeout, unreadable output,
    nothing checked); it is never mistaken for ``passed``.
    """

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"


class Severity(StrEnum):
    """How serious one finding is."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class FixSafety(StrEnum):
    """How ``pyexpert-gates fix`` resolves a finding: always, or only with ``--unsafe``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One finding of one gate.

    Attributes:
        path: The file, relative to the project root, with POSIX separators.
        line: The 1-based line, or None for a finding about a whole file.
        column: The 1-based column, or None when the tool does not say.
        end_line: The 1-based line where the finding ends, when known.
        end_column: The 1-based column where the finding ends, when known.
        code: The tool's rule code (``E501``, ``return-value``, ``PXG001``), when it has one.
        message: What is wrong, in the tool's words.
        severity: How serious the finding is.
        fix: How ``pyexpert-gates fix`` resolves it, when the tool says it can; else None.
    """

    path: str
    line: int | None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    code: str | None = None
    message: str
    severity: Severity = Severity.ERROR
    fix: FixSafety | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleCoverage:
    """How much of one module's public API has docstrings.

    Attributes:
        path: The module's file, relative to the project root, with POSIX separators.
        documented: Its public objects that have a docstring.
        total: Its public objects.
    """

    path: str
    documented: int
    total: int


@dataclass(frozen=True, slots=True, kw_only=True)
class GateResult:
    """What one gate found.

    Attributes:
        name: The gate.
        status: How it ended.
        duration_s: Wall-clock seconds it took.
        command: The command line it ran; empty for in-process gates.
        summary: One line for people, such as ``3 errors in 2 files``.
        diagnostics: The findings that count against the project.
        baselined: Findings matched by the baseline, or None without a baseline.
        coverage: Docstring coverage per module checked (docstrings gate), or None if unknown.
        cached: True when the result was replayed from the result cache.
        limited_to: The files the gate was limited to (``--changed-since``), or None when it
            checked all its paths.
    """

    name: GateName
    status: Status
    duration_s: float = 0.0
    command: tuple[str, ...] = ()
    summary: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()
    baselined: int | None = None
    coverage: tuple[ModuleCoverage, ...] | None = None
    cached: bool = False
    limited_to: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The outcome of one ``check``: every selected gate's result.

    Attributes:
        project: The project root as an absolute path.
        duration_s: Wall-clock seconds for the whole run.
        gates: One result per selected gate, in gate order.
        python: The interpreter whose environment the gates used, when known.
    """

    project: str
    duration_s: float
    gates: tuple[GateResult, ...] = field(default=())
    python: str | None = None

    @property
    def passed(self) -> bool:
        """True when every gate passed or was skipped on purpose."""
        return all(gate.status in {Status.PASSED, Status.SKIPPED} for gate in self.gates)
