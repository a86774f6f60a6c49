"""The JUnit XML report: one test suite per gate, one failing test case per finding.

CI test reporters (GitHub's, GitLab's, Jenkins', Azure's) read this dialect: a passing gate is
one passing case, a gate that could not run is one case in error, a skipped gate one skipped
case, and each finding of a failing gate a failed case. A finding's case is named by its
line-independent identity (its code and the text of its line), so it keeps its name when code
above it moves and dashboards do not take it for a new failure; the position is in its message.
"""

import re
import shlex
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from pyexpert_gates.baseline.model import Fingerprint
from pyexpert_gates.data.encodable import printable
from pyexpert_gates.models import Diagnostic, GateResult, Report, Status
from pyexpert_gates.report.identity import Checkout, case_name, identities
from pyexpert_gates.report.text import format_diagnostic, location

PRODUCT = "pyexpert-gates"
# What XML 1.0 allows besides lone surrogates, which `printable` shows: tab, newline, carriage
# return, and everything from space up but U+FFFE and U+FFFF; less the controls U+007F-U+009F
# (U+009B is a terminal's CSI), which XML allows but discourages.
_NOT_XML = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ud800-\udfff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LAST_BYTE = 0xFF
# A line that would start a CI workflow command (a finding's message on lines of its own), and
# a carriage return, which would overwrite the line on a terminal: each as a character reference.
_UNSAFE_LINE_START = re.compile(r"^(\s*)([:#])(?=:|#\[)", re.MULTILINE)


def render_junit(report: Report, checkout: Checkout | None = None) -> str:
    """Render ``report`` as a JUnit XML document.

    Args:
        report: The outcome of a ``check``.
        checkout: The project's files, for the names of the findings' test cases.

    Returns:
        The document with its XML declaration, ending with a newline.
    """
    files = checkout or Checkout()
    suites = [_suite(gate, files) for gate in report.gates]
    root = Element("testsuites", name=PRODUCT, time=_seconds(report.duration_s))
    _count(root, suites)
    root.extend(suites)
    indent(root)
    document = _xml_text(tostring(root, encoding="unicode")).replace("\r", "&#13;")
    document = _UNSAFE_LINE_START.sub(lambda found: f"{found[1]}&#{ord(found[2])};", document)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{document}\n'


def _suite(gate: GateResult, checkout: Checkout) -> Element:
    """A gate's test suite, with its properties and test cases."""
    suite = Element("testsuite", name=gate.name.value, time=_seconds(gate.duration_s))
    properties = SubElement(suite, "properties")
    for name, value in _properties(gate):
        SubElement(properties, "property", name=name, value=value)
    cases = _cases(gate, checkout)
    _count(suite, cases)
    suite.extend(cases)
    return suite


def _properties(gate: GateResult) -> list[tuple[str, str]]:
    """What a suite says about its gate beyond its cases."""
    found = [("status", gate.status.value), ("summary", gate.summary)]
    if gate.command:
        found.append(("command", shlex.join(gate.command)))
    if gate.cached:
        found.append(("cached", "true"))
    if gate.baselined is not None:
        found.append(("baselined", str(gate.baselined)))
    return found


def _cases(gate: GateResult, checkout: Checkout) -> list[Element]:
    """The test cases of a gate: one per finding when it failed, else one for the gate."""
    if gate.status is Status.FAILED and gate.diagnostics:
        return [
            _finding_case(gate, item, fingerprint)
            for item, fingerprint in zip(gate.diagnostics, identities(gate, checkout), strict=True)
        ]
    case = Element("testcase", classname=f"{PRODUCT}.{gate.name}", name=gate.name.value)
    case.set("time", _seconds(gate.duration_s))
    match gate.status:
        case Status.FAILED:
            SubElement(case, "failure", message=gate.summary, type="failed").text = gate.summary
        case Status.ERROR:
            details = [gate.summary, *(format_diagnostic(item) for item in gate.diagnostics)]
            SubElement(case, "error", message=gate.summary, type="error").text = "\n".join(details)
        case Status.SKIPPED:
            SubElement(case, "skipped", message=gate.summary)
        case Status.PASSED:
            pass
    return [case]


def _finding_case(gate: GateResult, diagnostic: Diagnostic, fingerprint: Fingerprint) -> Element:
    """A failed test case for one finding, named by its identity; its message says where."""
    name = case_name(fingerprint)
    case = Element("testcase", classname=f"{gate.name}.{diagnostic.path}", name=name)
    case.set("file", diagnostic.path)
    if diagnostic.line is not None:
        case.set("line", str(diagnostic.line))
    case.set("time", _seconds(0))
    message = f"{location(diagnostic)}: {diagnostic.message.strip()}"
    failure = SubElement(case, "failure", message=message)
    failure.set("type", diagnostic.code or gate.name.value)
    failure.text = format_diagnostic(diagnostic)
    return case


def _count(parent: Element, cases: list[Element]) -> None:
    """Set the ``tests``, ``failures``, ``errors`` and ``skipped`` counts of ``parent``."""
    totals: dict[str, int] = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for case in cases:
        if case.tag == "testsuite":
            for key in totals:
                totals[key] += int(case.get(key, "0"))
            continue
        totals["tests"] += 1
        for key, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            totals[key] += case.find(tag) is not None
    for key, value in totals.items():
        parent.set(key, str(value))


def _xml_text(text: str) -> str:
    r"""``text`` with each character XML 1.0 forbids, even escaped, shown as ``\xNN`` or ``\uNNNN``.

    Control characters in a file name or a tool's message would otherwise make the document
    unparseable; a name that is not UTF-8 shows its bytes.
    """
    return printable(_NOT_XML.sub(_shown, text))


def _shown(found: re.Match[str]) -> str:
    """How a character XML forbids is shown."""
    point = ord(found[0])
    return f"\\x{point:02x}" if point <= _LAST_BYTE else f"\\u{point:04x}"


def _seconds(duration: float) -> str:
    """A duration in seconds, to the millisecond."""
    return f"{duration:.3f}"
