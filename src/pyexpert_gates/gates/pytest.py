"""The ``pytest`` gate: the project's test suite, as the project configures it, judged by JUnit.

pytest runs in the project's environment (``<project python> -m pytest``) from the project
folder, with no paths of ours, so ``testpaths`` and ``addopts`` apply exactly as they do for the
project's developers. Its cache provider stays on: a project's ``addopts`` may use ``--lf``, and
``.pytest_cache`` ignores itself in git.

Each failure or error becomes a finding at its test function (``junit_family=xunit1`` gives the
file and line), coded by the test's node id. Exit codes: 0 passed, 1 tests failed; 2
(interrupted, such as errors during collection), 3 (internal error), 4 (usage error),
5 (no tests collected) and 6 (more warnings than ``--max-warnings`` allows) are ``error``.
"""

import re

from pyexpert_gates.data.invocation import Command, ProcessOutput
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.gates.base import GateContext, GateOutcome, SelectedTests
from pyexpert_gates.gates.junit import JunitReport, read_junit
from pyexpert_gates.gates.pytest_causes import explain
from pyexpert_gates.gates.pytest_environment import VARIABLE, narrowing_options
from pyexpert_gates.gates.verdict import (
    could_not_run,
    count,
    error,
    inconsistent,
    one_line,
    unexpected_exit,
    unreadable,
)
from pyexpert_gates.models import GateName, Status

REPORT_NAME = "pytest-junit.xml"
INTERRUPTED = 2
"""pytest's exit code when the session stopped early, such as on errors during collection."""
_NOT_INSTALLED = "No module named pytest"
# pytest's closing line counts the tests that -k, -m or --deselect left out: ``2 deselected``.
_DESELECTED = re.compile(r"\b(\d+) deselected\b")
_EXIT_MEANINGS = {3: "internal error", 4: "usage error"}
AFFECTED = "affected by the change"
"""How the summary of a run of only the affected tests ends."""
TESTMON_DATA = ".pyexpert-gates/cache/testmondata"
"""pytest-testmon's record of what each test executes, beside the result cache, out of git."""
NONE_AFFECTED = "no test is affected by the change, and none failed before"
_TESTMON_OPTIONS: dict[SelectedTests, tuple[str, ...]] = {
    SelectedTests.EVERY: (),
    SelectedTests.RECORD: ("--testmon-noselect",),
    SelectedTests.AFFECTED: ("--testmon",),
}


class PytestGate:
    """Run the project's tests with pytest: every test must pass."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``pytest``."""
        return GateName.PYTEST

    def command(self, context: GateContext) -> Command:
        """Run pytest in the project's environment, writing a JUnit report to the scratch folder.

        With ``context.parallel_tests``, pytest-xdist runs the tests on every core; with
        ``context.tests``, pytest-testmon records what each test executes, or runs only the
        tests a change can affect (and those that failed).

        Args:
            context: The project, its interpreter and the scratch folder.

        Returns:
            The command.
        """
        report = context.scratch / REPORT_NAME
        argv = (
            str(context.python),
            "-m",
            "pytest",
            f"--junit-xml={report}",
            "-o",
            "junit_family=xunit1",
            *(("-n", "auto") if context.parallel_tests else ()),
            *_TESTMON_OPTIONS[context.tests],
        )
        env: dict[str, str] = {}
        if context.tests is not SelectedTests.EVERY:
            env["TESTMON_DATAFILE"] = str(context.project / TESTMON_DATA)
        return Command(argv=argv, cwd=context.project, env=env, report_file=report)

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        """Judge the session by its exit code and its JUnit report.

        Args:
            output: What pytest left, with the report's text.
            context: The project, for relative paths, and its interpreter.

        Returns:
            The verdict.
        """
        if (refused := _before_the_tests(output, context)) is not None:
            return refused
        match output.returncode:
            case 0 | 1 | 2:
                return _judge(output, context)
            case 3 | 4:
                return could_not_run("pytest", output, _EXIT_MEANINGS[output.returncode])
            case 5:
                return error("pytest collected no tests (exit 5); check testpaths and the paths")
            case 6:
                return error(f"pytest exceeded the allowed warnings (exit 6): {_last(output)}")
            case _:
                return unexpected_exit("pytest", output)


def _before_the_tests(output: ProcessOutput, context: GateContext) -> GateOutcome | None:
    """An error when the outcome cannot count: the environment narrowed the tests, or no pytest."""
    if narrowed := narrowing_options(context.snapshot.variables.get(VARIABLE, "")):
        return error(
            f"{VARIABLE} holds options that change which tests run or silence them "
            f"({', '.join(narrowed)}); the gate runs the tests the project configures: "
            f"unset {VARIABLE}, or put the options in the project's pytest configuration"
        )
    if output.report_text is None and _NOT_INSTALLED in output.stderr:
        return error(
            f"pytest is not installed in {context.python}; install it in the project's environment"
        )
    return None


def _judge(output: ProcessOutput, context: GateContext) -> GateOutcome:
    """The verdict on a session that wrote (or should have written) a report."""
    if output.report_text is None:
        return could_not_run("pytest", output, "no JUnit report was written")
    try:
        report = read_junit(output.report_text, context.project)
    except ShapeError as problem:
        return unreadable("pytest", problem)
    if output.returncode == INTERRUPTED:
        return error(
            f"pytest was interrupted before the tests could finish: {_last(output)}",
            report.problems,
        )
    if (output.returncode == 1) != bool(report.problems):
        return inconsistent("pytest", output.returncode, len(report.problems))
    affected = context.tests is SelectedTests.AFFECTED
    if not affected and (nothing := _tested_nothing(report)) is not None:
        return nothing
    return _verdict(report, output, affected=affected)


def _tested_nothing(report: JunitReport) -> GateOutcome | None:
    """An error when a session of every test tested nothing: no test, or every one skipped."""
    if report.tests == 0:
        return error("pytest reported success but its report holds no tests")
    if report.passed == 0 and not report.problems:
        return error(
            f"no test ran to the end ({count(report.skipped, 'test')} skipped or expected to "
            "fail), so nothing was tested; find what skips them (a conftest hook, a skipif that "
            "always holds, a missing service) and let the tests run"
        )
    return None


def _verdict(report: JunitReport, output: ProcessOutput, *, affected: bool) -> GateOutcome:
    """The verdict on a complete report; with ``affected``, no test at all is a pass."""
    if report.tests == 0:
        return GateOutcome(status=Status.PASSED, summary=NONE_AFFECTED)
    status = Status.FAILED if report.problems else Status.PASSED
    summary = tally(report)
    if affected:
        # pytest-testmon deselects the unaffected tests: pytest's count no longer says what
        # the project's configuration left out, and watch's summary says of how many.
        summary = f"{summary}, {AFFECTED}"
    elif found := _DESELECTED.search(output.stdout):
        summary += f", {found[1]} deselected by the project's pytest configuration"
    problems = tuple(explain(problem) for problem in report.problems)
    return GateOutcome(status=status, summary=summary, diagnostics=problems)


def tally(report: JunitReport) -> str:
    """``2 failed, 1 error, 5 passed, 1 skipped``, leaving out the counts that are zero.

    Args:
        report: The session's report.

    Returns:
        The counts, or ``no tests ran``.
    """
    parts = [
        f"{report.failures} failed" if report.failures else "",
        count(report.errors, "error") if report.errors else "",
        f"{report.passed} passed" if report.passed else "",
        f"{report.skipped} skipped" if report.skipped else "",
    ]
    return ", ".join(part for part in parts if part) or "no tests ran"


def _last(output: ProcessOutput) -> str:
    """Pytest's closing line (``Interrupted: 2 errors during collection``) or its error."""
    lines = [line.strip("=! ") for line in output.stdout.splitlines() if line.strip("=! ")]
    for line in reversed(lines):
        if line.startswith(("Interrupted:", "Tests pass, but")):
            return line
    return one_line(output.stderr) or (lines[-1] if lines else "it printed nothing")
