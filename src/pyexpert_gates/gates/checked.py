"""What a tool proves it checked: its own list of files against the project's one list.

Each Python file the project lists inside a gate's paths (`pyexpert_gates.files`) must be in the
list of files the tool says it checked. One that is not is an ``unchecked`` finding on that
file, naming what hid it (a setting, an ignore file, the tool's own default), unless the
setting that hid it is recorded in ``relaxations``. A FIFO, socket or device inside the paths
is kept from every tool (opening one waits for a writer) and is an ``unreadable`` finding.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.paths import relative_path
from pyexpert_gates.gates.verdict import with_findings
from pyexpert_gates.init.names import covers
from pyexpert_gates.models import Diagnostic, Severity

UNCHECKED = "unchecked"
"""The code of a listed file that the tool did not check."""
UNREADABLE = "unreadable"
"""The code of a file no tool can read: here, a FIFO, socket or device."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Hidden:
    """Why a tool left a file out.

    Attributes:
        reason: What hid it and how to undo that, for people.
        setting: The setting that hid it, named as ``relaxations`` record it
            (``tool.ruff.extend-exclude``); None when a file or the tool's default did.
    """

    reason: str
    setting: str | None = None


def checked_path(reported: str, context: GateContext) -> str:
    """A path a tool printed, relative to the project, also when the tool printed its real path.

    Args:
        reported: The path, absolute or relative to the project.
        context: The project root, absolute (possibly through a symlink), and its real path.

    Returns:
        The project-relative POSIX path, or the absolute path of a file outside the project.
    """
    path = relative_path(reported, context.project)
    if Path(path).is_absolute():
        path = relative_path(path, context.snapshot.real_project or context.project)
    return path


def unchecked(
    tool: str, context: GateContext, checked: Collection[str], why: Callable[[str], Hidden]
) -> tuple[Diagnostic, ...]:
    """One finding per listed file that ``tool`` did not check, unless a relaxation hid it.

    Args:
        tool: The tool's name as users know it.
        context: The gate's view of the project, with the project's list of files.
        checked: The files the tool checked, relative to the project.
        why: What hid a file from the tool.

    Returns:
        The findings; none when the project's list is not known.
    """
    if context.listed is None:
        return ()
    found: list[Diagnostic] = []
    for name in context.listed:
        if name in checked or name in context.special:
            continue
        hidden = why(name)
        if hidden.setting is not None and covers(context.relaxed, hidden.setting):
            continue
        message = f"{tool} did not check this file: {hidden.reason}"
        found.append(Diagnostic(path=name, line=None, code=UNCHECKED, message=message))
    return tuple(found)


def special(tool: str, context: GateContext) -> tuple[Diagnostic, ...]:
    """One finding per FIFO, socket or device inside the paths, which ``tool`` was not given.

    Args:
        tool: The tool's name as users know it.
        context: The gate's view of the project.

    Returns:
        The findings.
    """
    message = (
        f"not a regular file (a FIFO, socket or device), so {tool} was not given it: reading it "
        "would wait forever; remove it, or leave it out of the paths in [tool.pyexpert-gates]"
    )
    return tuple(
        Diagnostic(path=name, line=None, code=UNREADABLE, message=message, severity=Severity.ERROR)
        for name in context.special
    )


def with_proof(outcome: GateOutcome, findings: tuple[Diagnostic, ...]) -> GateOutcome:
    """Add the findings about files the tool did not check: a passing gate fails on them.

    Args:
        outcome: The verdict on the tool's own findings.
        findings: The `unchecked` and `special` findings.

    Returns:
        The verdict with them; unchanged when there are none or the tool could not run.
    """
    return with_findings(outcome, findings, ("file not checked", "files not checked"))
