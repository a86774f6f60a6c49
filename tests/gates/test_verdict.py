"""The verdicts every tool gate shares: each untrustworthy run is an error that says why."""

import pytest

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.gates.base import GateOutcome
from pyexpert_gates.gates.verdict import (
    blocking,
    could_not_run,
    count,
    error,
    inconsistent,
    one_line,
    reason,
    spread,
    unexpected_exit,
    unreadable,
    untrusted,
    with_findings,
)
from pyexpert_gates.models import Diagnostic, Severity, Status

FINDING = Diagnostic(path="a.py", line=1, code="E1", message="bad")


def output(returncode: int, stdout: str = "", stderr: str = "") -> ProcessOutput:
    return ProcessOutput(returncode=returncode, stdout=stdout, stderr=stderr)


def test_an_error_keeps_the_findings_it_is_given() -> None:
    assert error("why", [FINDING]) == GateOutcome(
        status=Status.ERROR, summary="why", diagnostics=(FINDING,)
    )
    assert error("why") == GateOutcome(status=Status.ERROR, summary="why")


@pytest.mark.parametrize(
    ("meaning", "summary"),
    [
        ("", "ruff could not run (exit 2): bad option"),
        ("usage error", "ruff could not run (exit 2, usage error): bad option"),
    ],
)
def test_a_tool_that_could_not_run_quotes_its_exit_and_message(meaning: str, summary: str) -> None:
    outcome = could_not_run("ruff", output(2, stderr="bad option\n"), meaning)
    assert outcome == GateOutcome(status=Status.ERROR, summary=summary)


def test_an_exit_code_without_a_documented_meaning_is_quoted_alone() -> None:
    outcome = could_not_run("ruff", output(2, stderr="bad option\n"))
    assert outcome.summary == "ruff could not run (exit 2): bad option"


@pytest.mark.parametrize(
    ("returncode", "summary"),
    [
        (-9, "mypy was killed by signal 9: it printed nothing"),
        (-1, "mypy was killed by signal 1: it printed nothing"),
        (0, "mypy exited with unexpected code 0: it printed nothing"),
        (3, "mypy exited with unexpected code 3: it printed nothing"),
    ],
)
def test_an_unexpected_exit_tells_a_signal_from_a_code(returncode: int, summary: str) -> None:
    assert unexpected_exit("mypy", output(returncode)) == GateOutcome(
        status=Status.ERROR, summary=summary
    )


def test_a_complaint_on_standard_error_makes_the_result_untrusted() -> None:
    outcome = untrusted("pyright", output(0, stderr="unknown setting\nfoo\n"), [FINDING])
    assert outcome.status is Status.ERROR
    assert outcome.summary == (
        "pyright reported a problem with its configuration or environment (exit 0), so its "
        "result cannot be trusted: unknown setting foo"
    )
    assert outcome.diagnostics == (FINDING,)


def test_unreadable_output_and_inconsistent_counts_are_errors() -> None:
    assert unreadable("ruff", ShapeError("expected a list")).summary == (
        "could not read ruff's output: expected a list"
    )
    assert inconsistent("ruff", 1, 0).summary == "ruff exited with code 1 but reported 0 findings"
    assert inconsistent("ruff", 0, 1).summary == "ruff exited with code 0 but reported 1 finding"


@pytest.mark.parametrize(
    ("stdout", "stderr", "said"),
    [
        ("out", "err", "err"),
        ("out", "  \n", "out"),
        ("", "", "it printed nothing"),
    ],
)
def test_the_reason_is_standard_error_else_output(stdout: str, stderr: str, said: str) -> None:
    assert reason(output(1, stdout, stderr)) == said


def test_a_message_is_folded_onto_one_line_without_colours() -> None:
    assert one_line("\x1b[31mfirst\x1b[0m\n\n  second  \n") == "first second"
    traceback = "Traceback (most recent call last):\n  File x\nValueError: bad\n"
    assert one_line(traceback) == "ValueError: bad"


def test_a_long_message_is_cut_at_its_limit() -> None:
    assert one_line("x" * 400) == "x" * 400
    assert one_line("x" * 401) == "x" * 399 + "…"


def test_counts_and_spreads_say_their_nouns_in_the_right_number() -> None:
    assert [count(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    second = Diagnostic(path="b.py", line=2, message="worse")
    assert spread([FINDING, FINDING, second], "error") == "3 errors in 2 files"
    assert spread([FINDING], "error") == "1 error in 1 file"


def test_notes_do_not_block_a_gate() -> None:
    warning = Diagnostic(path="a.py", line=2, message="w", severity=Severity.WARNING)
    note = Diagnostic(path="a.py", line=3, message="n", severity=Severity.NOTE)
    assert blocking([FINDING, note, warning]) == (FINDING, warning)


UNCHECKED = Diagnostic(path="b.py", line=None, code="unchecked", message="not checked")
PASSED = GateOutcome(status=Status.PASSED, summary="no findings")
FAILED = GateOutcome(status=Status.FAILED, summary="1 error", diagnostics=(FINDING,))
NOUN = ("file unchecked", "files unchecked")


@pytest.mark.parametrize(
    ("outcome", "findings", "expected"),
    [
        (PASSED, (), PASSED),
        (FAILED, (), FAILED),
        (
            PASSED,
            (UNCHECKED,),
            GateOutcome(status=Status.FAILED, summary="1 file unchecked", diagnostics=(UNCHECKED,)),
        ),
        (
            FAILED,
            (UNCHECKED, UNCHECKED),
            GateOutcome(
                status=Status.FAILED,
                summary="1 error; 2 files unchecked",
                diagnostics=(FINDING, UNCHECKED, UNCHECKED),
            ),
        ),
        (error("ruff could not run"), (UNCHECKED,), error("ruff could not run")),
    ],
    ids=["passed, none", "failed, none", "passed, one", "failed, two", "error"],
)
def test_added_findings_fail_a_gate_after_its_own_and_leave_an_error_alone(
    outcome: GateOutcome, findings: tuple[Diagnostic, ...], expected: GateOutcome
) -> None:
    assert with_findings(outcome, findings, NOUN) == expected
