"""Read the JUnit XML report pytest writes with ``junit_family=xunit1``.

xunit1 gives every test case the ``file`` and ``line`` of its test function (line 0-based).
pytest derives each case's ``classname`` and ``name`` from the test's node id, so the node id
can be rebuilt: ``tests/test_a.py::TestGroup::test_param[2]``.
"""

from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, fromstring

from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.gates.paths import relative_path
from pyexpert_gates.models import Diagnostic

_PROBLEMS = frozenset({"failure", "error"})
_COLLECTION_FAILURE = "collection failure"


@dataclass(frozen=True, slots=True, kw_only=True)
class JunitReport:
    """The outcome of one pytest session.

    Attributes:
        tests: Test cases reported, collection errors included.
        failures: Test cases that failed.
        errors: Test cases that errored (in setup, teardown or collection).
        skipped: Test cases skipped or expected to fail.
        problems: One finding per failure or error, coded by the test's node id.
    """

    tests: int
    failures: int
    errors: int
    skipped: int
    problems: tuple[Diagnostic, ...]

    @property
    def passed(self) -> int:
        """Test cases that passed."""
        return max(self.tests - self.failures - self.errors - self.skipped, 0)


def read_junit(xml_text: str, project: Path) -> JunitReport:
    """Read pytest's JUnit XML report.

    Args:
        xml_text: The report's text.
        project: The project root, for relative paths.

    Returns:
        The counts and the failures.

    Raises:
        ShapeError: When the text is not a JUnit report.
    """
    try:
        # Python's expat (2.4.1 and later) bounds entity expansion.
        root = fromstring(xml_text)  # noqa: S314 - pytest's own report, in our scratch folder
    except ParseError as error:
        message = f"the JUnit report is not valid XML ({error})"
        raise ShapeError(message) from error
    if root.tag not in {"testsuites", "testsuite"}:
        message = f"the JUnit report's root element is <{root.tag}>, expected <testsuites>"
        raise ShapeError(message)
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    return JunitReport(
        tests=_total(suites, "tests"),
        failures=_total(suites, "failures"),
        errors=_total(suites, "errors"),
        skipped=_total(suites, "skipped"),
        # pytest-xdist reports a module's collection error once per worker: one finding.
        problems=tuple(
            dict.fromkeys(
                _problem(case, outcome, project)
                for case in root.iter("testcase")
                for outcome in case
                if outcome.tag in _PROBLEMS
            )
        ),
    )


def _total(suites: list[Element], attribute: str) -> int:
    """Sum one count attribute over the test suites."""
    try:
        return sum(int(suite.attrib[attribute]) for suite in suites)
    except (KeyError, ValueError) as error:
        message = f"a <testsuite> has no whole number in its {attribute!r} attribute"
        raise ShapeError(message) from error


def _problem(case: Element, outcome: Element, project: Path) -> Diagnostic:
    """One failed or errored test case, at its test function's line."""
    file = case.get("file")
    if file is None:
        message = "a <testcase> has no 'file' attribute (was junit_family overridden?)"
        raise ShapeError(message)
    line = case.get("line")
    return Diagnostic(
        path=relative_path(file, project),
        line=int(line) + 1 if line is not None and line.isdigit() else None,
        code=node_id(file, case.get("classname", ""), case.get("name", "")),
        message=_message(outcome),
    )


def node_id(file: str, classname: str, name: str) -> str:
    """Rebuild a test's node id from its JUnit ``file``, ``classname`` and ``name``.

    Args:
        file: The test module, relative to pytest's root.
        classname: The module in dotted form, then any classes.
        name: The test's name with parameters, or the module for a collection error.

    Returns:
        The node id, such as ``tests/test_a.py::TestGroup::test_param[2]``.
    """
    module = file.removesuffix(".py").replace("/", ".")
    if not classname:
        return file if name == module else f"{file}::{name}"
    if classname == module:
        return f"{file}::{name}"
    if classname.startswith(f"{module}."):
        classes = classname.removeprefix(f"{module}.").split(".")
        return "::".join((file, *classes, name))
    # The test function is defined in another module than the one it was collected from (an
    # inherited test), so ``file`` does not name the node's module. Class names are taken to
    # start with a capital letter, as pytest's default ``python_classes = Test*`` has them.
    parts = classname.split(".")
    first_class = next((i for i, part in enumerate(parts) if part[:1].isupper()), len(parts))
    module_file = "/".join(parts[:first_class]) + ".py"
    return "::".join((module_file, *parts[first_class:], name))


def _message(outcome: Element) -> str:
    """The failure's message; a collection failure gets the exception line from the traceback."""
    message = (outcome.get("message") or "").strip()
    if message and message != _COLLECTION_FAILURE:
        return message
    details = [
        line.removeprefix("E").strip()
        for line in (outcome.text or "").splitlines()
        if line.startswith("E ")
    ]
    # A collection failure raised with pytest.fail (an unknown marker) has no "E" lines.
    lines = [line.strip() for line in (outcome.text or "").splitlines() if line.strip()]
    detail = details[-1] if details else (lines[-1] if lines else "")
    return ": ".join(part for part in (message or outcome.tag, detail) if part)
