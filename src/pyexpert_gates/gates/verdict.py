"""Verdicts shared by the tool gates: the ways a run can fail to be trustworthy, and counts.

A gate passes only when the tool positively said so; everything else that is not a finding
(an unknown exit code, output that does not parse, a warning about the configuration, nothing
checked) becomes an ``error`` outcome whose summary says exactly why.
"""

import re
from collections.abc import Iterable
from dataclasses import replace

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.gates.base import GateOutcome
from pyexpert_gates.models import Diagnostic, Severity, Status

_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_REASON_LIMIT = 400
"""Characters of a tool's message kept in a one-line summary."""


def with_findings(
    outcome: GateOutcome, findings: tuple[Diagnostic, ...], noun: tuple[str, str]
) -> GateOutcome:
    """Add findings beside the tool's own: a passing gate fails on them, an error stays one.

    Args:
        outcome: The verdict on the tool's own findings.
        findings: The findings to add.
        noun: What one of them is called, and what several are: the summary counts them.

    Returns:
        The verdict with the findings; unchanged when there are none or the tool could not run.
    """
    if not findings or outcome.status is Status.ERROR:
        return outcome
    counted = f"{len(findings)} {noun[0] if len(findings) == 1 else noun[1]}"
    own = outcome.summary if outcome.status is Status.FAILED else ""
    summary = "; ".join(part for part in (own, counted) if part)
    return replace(
        outcome, status=Status.FAILED, summary=summary, diagnostics=outcome.diagnostics + findings
    )


def error(summary: str, diagnostics: Iterable[Diagnostic] = ()) -> GateOutcome:
    """An outcome that says the gate's result cannot be trusted.

    Args:
        summary: Why, in one line.
        diagnostics: Findings the tool still reported, shown for context.

    Returns:
        The ``error`` outcome.
    """
    return GateOutcome(status=Status.ERROR, summary=summary, diagnostics=tuple(diagnostics))


def could_not_run(tool: str, output: ProcessOutput, meaning: str = "") -> GateOutcome:
    """The tool stopped on a usage, configuration or internal error.

    Args:
        tool: The tool's name as users know it.
        output: What the process left.
        meaning: What the tool's exit code stands for, when it is documented.

    Returns:
        The ``error`` outcome, quoting the tool's own message.
    """
    code = f"exit {output.returncode}" + (f", {meaning}" if meaning else "")
    return error(f"{tool} could not run ({code}): {reason(output)}")


def unexpected_exit(tool: str, output: ProcessOutput) -> GateOutcome:
    """The tool ended with an exit code its gate does not know.

    Args:
        tool: The tool's name as users know it.
        output: What the process left.

    Returns:
        The ``error`` outcome.
    """
    if output.returncode < 0:
        return error(f"{tool} was killed by signal {-output.returncode}: {reason(output)}")
    return error(f"{tool} exited with unexpected code {output.returncode}: {reason(output)}")


def untrusted(
    tool: str, output: ProcessOutput, diagnostics: Iterable[Diagnostic] = ()
) -> GateOutcome:
    """The tool complained on standard error (about its configuration, say) but carried on.

    mypy and pyright report an unknown or invalid setting there and go on with their defaults,
    so a clean exit after such a message proves nothing.

    Args:
        tool: The tool's name as users know it.
        output: What the process left.
        diagnostics: Findings the tool still reported, shown for context.

    Returns:
        The ``error`` outcome, quoting the message.
    """
    return error(
        f"{tool} reported a problem with its configuration or environment "
        f"(exit {output.returncode}), so its result cannot be trusted: {one_line(output.stderr)}",
        diagnostics,
    )


def unreadable(tool: str, problem: ShapeError) -> GateOutcome:
    """The tool's output is not in the form its gate reads.

    Args:
        tool: The tool's name as users know it.
        problem: What did not match.

    Returns:
        The ``error`` outcome.
    """
    return error(f"could not read {tool}'s output: {problem}")


def inconsistent(tool: str, returncode: int, found: int) -> GateOutcome:
    """The exit code and the reported findings disagree, so neither can be believed.

    Args:
        tool: The tool's name as users know it.
        returncode: The tool's exit code.
        found: How many findings its output held.

    Returns:
        The ``error`` outcome.
    """
    return error(f"{tool} exited with code {returncode} but reported {count(found, 'finding')}")


def reason(output: ProcessOutput) -> str:
    """The tool's own explanation, from standard error or else standard output, on one line.

    Args:
        output: What the process left.

    Returns:
        The message, shortened, or a note that the tool printed nothing.
    """
    for stream in (output.stderr, output.stdout):
        message = one_line(stream)
        if message:
            return message
    return "it printed nothing"


def one_line(text: str) -> str:
    """Fold a tool's message onto one line, keeping what explains the failure.

    For a Python traceback only the exception line is kept; colour codes are removed.

    Args:
        text: The message, possibly over many lines.

    Returns:
        The folded message, at most a few hundred characters.
    """
    lines = [line.strip() for line in _ANSI_ESCAPE.sub("", text).splitlines() if line.strip()]
    if "Traceback (most recent call last):" in lines:
        lines = lines[-1:]
    folded = " ".join(lines)
    if len(folded) > _REASON_LIMIT:
        return folded[: _REASON_LIMIT - 1] + "…"
    return folded


def count(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``.

    Args:
        number: How many.
        noun: The singular noun; its plural adds ``s``.

    Returns:
        The number with the noun in the right form.
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def spread(diagnostics: Iterable[Diagnostic], noun: str) -> str:
    """``3 errors in 2 files``: how many findings, over how many files.

    Args:
        diagnostics: The findings.
        noun: What one finding is called.

    Returns:
        The phrase.
    """
    found = tuple(diagnostics)
    files = {diagnostic.path for diagnostic in found}
    return f"{count(len(found), noun)} in {count(len(files), 'file')}"


def blocking(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The findings that fail a gate: errors and warnings, not notes.

    Args:
        diagnostics: All findings.

    Returns:
        Those with severity error or warning.
    """
    return tuple(item for item in diagnostics if item.severity is not Severity.NOTE)
