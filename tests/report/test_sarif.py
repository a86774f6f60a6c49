"""SARIF reports validate against the official SARIF 2.1.0 schema, bundled in tests/data/sarif."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.report import render
from tests.helpers.samples import REPORT
from tests.helpers.sarif import SCHEMA, validate

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "reports" / "report.sarif"


def hostile_path(path: str) -> Report:
    finding = Diagnostic(path=path, line=1, code="F401", message="unused")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(finding,))
    return Report(project="/p", duration_s=0, gates=(gate,))


def test_the_bundled_schema_is_the_official_one() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )


@pytest.mark.parametrize(
    "report",
    [
        REPORT,
        Report(project="/p", duration_s=0),
        Report(project="/a b/ü", duration_s=0),
        *(hostile_path(name) for name in ("a b.py", "#1.py", "100%.py", '<&">.py', "c:x.py")),
    ],
)
def test_every_report_is_valid_sarif(report: Report) -> None:
    validate(json.loads(render(report, "sarif")))


def test_the_golden_report_from_real_tools_is_valid_sarif() -> None:
    # The golden file names the project by a placeholder; a real folder's URI stands in for it.
    text = GOLDEN.read_text(encoding="utf-8").replace("file:///<project>/", "file:///project/")
    validate(json.loads(text))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("runs", 0, "results", 0, "locations", 0, "physicalLocation", "region", "startLine"), 0),
        (("runs", 0, "results", 0, "level"), "fatal"),
        (("runs", 0, "results", 0, "message"), "a message must be an object"),
        (("version",), "2.0.0"),
    ],
)
def test_the_validation_would_catch_a_broken_log(
    path: tuple[str | int, ...], value: object
) -> None:
    log = copy.deepcopy(json.loads(render(REPORT, "sarif")))
    target = log
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(log)
