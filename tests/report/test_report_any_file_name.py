"""Every report format parses back, with its own parser and schema, for any file name and message.

A file name is whatever bytes the file system allows (all but ``/`` and NUL), read as Python
reads them (``surrogateescape``); messages are any text the tools may print.
"""

import json
import os
from urllib.parse import unquote_to_bytes
from xml.etree.ElementTree import fromstring

from hypothesis import given, settings
from hypothesis import strategies as st

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report import render
from tests.helpers.sarif import validate

NAME_BYTES = st.binary(min_size=1, max_size=24).filter(
    lambda raw: b"/" not in raw and b"\0" not in raw
)
FILE_NAMES = st.lists(NAME_BYTES, min_size=1, max_size=3).map(
    lambda parts: os.fsdecode(b"/".join(parts))
)
MESSAGES = st.one_of(st.text(), st.binary().map(os.fsdecode))


def report_of(path: str, message: str) -> Report:
    finding = Diagnostic(path=path, line=2, column=1, code="F401", message=message)
    gates = (
        GateResult(
            name=GateName.RUFF, status=Status.FAILED, summary=message, diagnostics=(finding,)
        ),
        GateResult(
            name=GateName.MYPY, status=Status.ERROR, summary=message, diagnostics=(finding,)
        ),
    )
    return Report(project="/home/p", duration_s=1.0, gates=gates)


@settings(max_examples=100, deadline=None)
@given(path=FILE_NAMES, message=MESSAGES)
def test_json_keeps_the_exact_name(path: str, message: str) -> None:
    text = render(report_of(path, message), "json")
    text.encode("utf-8")
    [ruff, _] = json.loads(text)["gates"]
    assert ruff["diagnostics"][0]["path"] == path
    assert ruff["diagnostics"][0]["message"] == message


@settings(max_examples=100, deadline=None)
@given(path=FILE_NAMES, message=MESSAGES)
def test_sarif_is_valid_and_its_uri_names_the_file(path: str, message: str) -> None:
    text = render(report_of(path, message), "sarif")
    text.encode("utf-8")
    log = json.loads(text)
    validate(log)
    [result] = log["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert unquote_to_bytes(uri) == os.fsencode(path)


@settings(max_examples=100, deadline=None)
@given(path=FILE_NAMES, message=MESSAGES)
def test_junit_parses(path: str, message: str) -> None:
    text = render(report_of(path, message), "junit")
    root = fromstring(text.encode("utf-8"))  # noqa: S314 - our own renderer's output
    assert root.get("tests") == "2"
    assert root.get("failures") == "1"
    assert root.get("errors") == "1"


@settings(max_examples=100, deadline=None)
@given(path=FILE_NAMES, message=MESSAGES)
def test_text_and_github_can_be_written(path: str, message: str) -> None:
    report = report_of(path, message)
    for output_format in ("text", "github"):
        render(report, output_format).encode("utf-8")
