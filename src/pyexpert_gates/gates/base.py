"""What a gate is: a pure description of a command and a pure parser of its output.

Gates never start processes or read files themselves: the runner runs the `Command` a gate
describes and hands back a `ProcessOutput`, which the gate turns into a `GateOutcome`. That keeps
every parser testable against recorded tool output.
"""

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.snapshot import ProjectSnapshot
from pyexpert_gates.models import Diagnostic, GateName, ModuleCoverage, Status


class SelectedTests(StrEnum):
    """Which tests the pytest gate runs."""

    EVERY = "every"
    """Every test, as ``check`` always does."""
    RECORD = "record"
    """Every test, recording what each one executes (pytest-testmon) for later selection."""
    AFFECTED = "affected"
    """Only the tests a change since the last recorded run can affect, and the failing ones."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GateContext:
    """What a gate needs to know about the project it checks.

    Attributes:
        project: The project root, absolute.
        paths: What to check, relative to the project root, POSIX separators.
        python: The interpreter of the project's environment (type checkers and pytest use it).
        scratch: A folder private to this run where a gate may ask a tool to write a report.
        snapshot: What the edge read of the project (files, configuration, environment): a
            gate reads nothing itself.
        docstring_coverage: The docstring coverage, in percent, below which the gate fails.
        parallel_tests: True to run the tests on every core with pytest-xdist (``-n auto``).
        tests: Which tests the pytest gate runs.
        shadowed: The Python files inside the paths that a stub beside them (``mod.pyi`` next to
            ``mod.py``) hides from mypy when it is given their folder, relative to the project.
        listed: The Python files inside the paths by the project's one list
            (`ProjectSnapshot.files`), which each tool must prove it checked; None when unknown.
        special: The FIFOs, sockets and devices inside the paths, kept from every tool.
        relaxed: The settings recorded in ``relaxations`` (``tool.ruff.extend-exclude``...): a
            file one of them hides from a tool is left out knowingly.
    """

    project: Path
    paths: tuple[str, ...]
    python: Path
    scratch: Path
    snapshot: ProjectSnapshot
    docstring_coverage: float = 100.0
    parallel_tests: bool = False
    tests: SelectedTests = SelectedTests.EVERY
    shadowed: tuple[str, ...] = ()
    listed: tuple[str, ...] | None = None
    special: tuple[str, ...] = ()
    relaxed: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class GateOutcome:
    """A gate's verdict on one process output.

    Attributes:
        status: passed, failed or error (error: the output cannot be trusted).
        summary: One line for people.
        diagnostics: The findings.
        coverage: Docstring coverage per module, from the gate that measures it; else None.
    """

    status: Status
    summary: str
    diagnostics: tuple[Diagnostic, ...] = ()
    coverage: tuple[ModuleCoverage, ...] | None = None


class CommandGate(Protocol):
    """A gate that runs one external tool."""

    @property
    def name(self) -> GateName:
        """The gate's name."""
        ...

    def command(self, context: GateContext) -> Command:
        """Describe the process to run.

        Args:
            context: The project to check.

        Returns:
            The command.
        """
        ...

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Turn the finished process's output into a verdict.

        Args:
            output: What the process left behind.
            context: The project that was checked.

        Returns:
            The verdict.
        """
        ...
