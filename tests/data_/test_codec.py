"""One codec for a gate result's JSON: the report, the cache and ``check --nox`` share it."""

import dataclasses
import json

import pytest

from pyexpert_gates.cache.store import result_to_json
from pyexpert_gates.data.codec import read_gate, write_gate
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.nox.reports import gate_from_report
from pyexpert_gates.report.json import render_json
from tests.helpers.samples import SPANNED

PLAIN = GateResult(name=GateName.MYPY, status=Status.PASSED, duration_s=1.25)
FULL = GateResult(
    name=GateName.RUFF,
    status=Status.FAILED,
    duration_s=0.5,
    command=("ruff", "check", "src"),
    summary="1 error",
    diagnostics=(
        SPANNED,
        Diagnostic(path="src/b.py", line=None, message="reformat", severity=Severity.NOTE),
    ),
    baselined=2,
    cached=True,
    limited_to=("src/a.py", "src/b.py"),
)


@pytest.mark.parametrize(
    "result", [PLAIN, FULL, dataclasses.replace(FULL, limited_to=(), baselined=0)]
)
def test_what_is_written_reads_back_as_the_same_result(result: GateResult) -> None:
    assert read_gate(json.loads(json.dumps(write_gate(result)))) == result


@pytest.mark.parametrize("result", [PLAIN, FULL])
def test_the_report_the_cache_and_nox_read_one_shape(result: GateResult) -> None:
    report = render_json(Report(project="/p", duration_s=1.0, gates=(result,)))
    [in_report] = json.loads(report)["gates"]
    in_cache = json.loads(result_to_json(result, "0" * 40))
    assert {key: value for key, value in in_cache.items() if key not in {"version", "key"}} == (
        in_report
    )
    assert gate_from_report(report, result.name) == result


@pytest.mark.parametrize(
    ("field", "value"),
    [("cached", "yes"), ("limited_to", "src/a.py"), ("limited_to", [1]), ("baselined", True)],
)
def test_a_damaged_optional_field_is_refused(field: str, value: object) -> None:
    entry = write_gate(FULL) | {field: value}
    with pytest.raises(ShapeError):
        read_gate(entry)
