"""The small pure pieces the gates share: paths, JSON shapes, messages, node ids, coverage."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pyexpert_gates.data import json_shape
from pyexpert_gates.gates.docstrings import WorkerReport, judge, read_worker_report
from pyexpert_gates.gates.junit import node_id
from pyexpert_gates.gates.paths import relative_path
from pyexpert_gates.gates.verdict import count, one_line, reason
from pyexpert_gates.models import Diagnostic, ModuleCoverage, Severity, Status
from pyexpert_gates.process import ProcessOutput

PROJECT = Path("/work/project")
Reader = Callable[[dict[str, object], str], object]


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ("/work/project/src/a.py", "src/a.py"),
        ("src/a.py", "src/a.py"),
        ("./src/a.py", "src/a.py"),
        ("/work/project", "."),
        ("/usr/lib/python3/typing.pyi", "/usr/lib/python3/typing.pyi"),
        ("/work/project-other/a.py", "/work/project-other/a.py"),
    ],
)
def test_relative_path(reported: str, expected: str) -> None:
    assert relative_path(reported, PROJECT) == expected


def list_field(record: dict[str, object], key: str) -> object:
    return json_shape.as_list(record[key], key)


def object_field(record: dict[str, object], key: str) -> object:
    return json_shape.as_object(record[key], key)


@pytest.mark.parametrize(
    ("read", "record", "message"),
    [
        (json_shape.text, {}, "field 'k' is missing"),
        (json_shape.text, {"k": None}, "field 'k' is null, expected a string"),
        (json_shape.integer, {"k": True}, "is a boolean, expected an integer"),
        (json_shape.optional_integer, {"k": 1.5}, "is a number, expected an integer or null"),
        (json_shape.optional_text, {"k": []}, "is an array, expected a string or null"),
        (json_shape.boolean, {"k": 0}, "is a number, expected true or false"),
        (list_field, {"k": {}}, "k is an object, expected an array"),
        (object_field, {"k": "x"}, "k is a string, expected an object"),
    ],
)
def test_wrong_shapes_are_named(read: Reader, record: dict[str, object], message: str) -> None:
    with pytest.raises(json_shape.ShapeError, match=message):
        read(record, "k")


@pytest.mark.parametrize(
    ("read", "record", "expected"),
    [
        (json_shape.optional_integer, {"k": 3}, 3),
        (json_shape.optional_integer, {"k": None}, None),
        (json_shape.optional_integer, {}, None),
        (json_shape.optional_text, {"k": "x"}, "x"),
        (json_shape.optional_text, {}, None),
        (json_shape.integer, {"k": 0}, 0),
        (json_shape.boolean, {"k": False}, False),
    ],
)
def test_fields_of_the_right_shape(
    read: Reader, record: dict[str, object], expected: object
) -> None:
    assert read(record, "k") == expected


def test_load_rejects_deep_nesting() -> None:
    with pytest.raises(json_shape.ShapeError, match="not valid JSON"):
        json_shape.load("[" * 100_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ruff failed\n  Cause: bad\n", "ruff failed Cause: bad"),
        ("\x1b[31merror\x1b[0m: red\n", "error: red"),
        ("Traceback (most recent call last):\n  File x\nKeyError: 'a'\n", "KeyError: 'a'"),
        ("\n\n", ""),
        ("x" * 500, "x" * 399 + "…"),
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected


@pytest.mark.parametrize(
    ("stdout", "stderr", "expected"),
    [
        ("out", "err", "err"),
        ("out", "  \n", "out"),
        ("", "", "it printed nothing"),
    ],
)
def test_reason_prefers_standard_error(stdout: str, stderr: str, expected: str) -> None:
    assert reason(ProcessOutput(returncode=2, stdout=stdout, stderr=stderr)) == expected


@pytest.mark.parametrize(("number", "expected"), [(0, "0 files"), (1, "1 file"), (2, "2 files")])
def test_count(number: int, expected: str) -> None:
    assert count(number, "file") == expected


@pytest.mark.parametrize(
    ("file", "classname", "name", "expected"),
    [
        ("tests/test_a.py", "tests.test_a", "test_x", "tests/test_a.py::test_x"),
        (
            "tests/test_a.py",
            "tests.test_a.TestG",
            "test_p[1-2]",
            "tests/test_a.py::TestG::test_p[1-2]",
        ),
        ("tests/test_a.py", "tests.test_a.A.B", "test_x", "tests/test_a.py::A::B::test_x"),
        ("tests/test_a.py", "", "tests.test_a", "tests/test_a.py"),
        ("test_a.py", "test_a", "test_x", "test_a.py::test_x"),
        ("docs/guide.txt", "docs.guide.txt", "guide.txt", "docs/guide.txt::guide.txt"),
        ("tests/base.py", "tests.test_b.TestB", "test_x", "tests/test_b.py::TestB::test_x"),
    ],
)
def test_node_id(file: str, classname: str, name: str, expected: str) -> None:
    assert node_id(file, classname, name) == expected


def undocumented(number: int) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(path="a.py", line=line, code="undocumented-public-function", message="m")
        for line in range(1, number + 1)
    )


@pytest.mark.parametrize(
    ("documented", "missing", "threshold", "status", "summary"),
    [
        (1999, 1, 100.0, Status.FAILED, "99.9% documented (1999/2000), threshold 100%"),
        (1999, 1, 99.95, Status.PASSED, "99.9% documented (1999/2000), threshold 99.95%"),
        (1, 1, 50.0, Status.PASSED, "50.0% documented (1/2), threshold 50%"),
        (1, 2, 50.0, Status.FAILED, "33.3% documented (1/3), threshold 50%"),
        (3, 0, 100.0, Status.PASSED, "100.0% documented (3/3), threshold 100%"),
        (0, 0, 100.0, Status.PASSED, "no public API to document in 1 file"),
    ],
)
def test_coverage_threshold(
    documented: int, missing: int, threshold: float, status: Status, summary: str
) -> None:
    report = WorkerReport(
        files=1,
        missing=(),
        documented=documented,
        undocumented=undocumented(missing),
        sections=(),
        problems=(),
    )
    outcome = judge(report, threshold)
    assert (outcome.status, outcome.summary) == (status, summary)
    expected_severity = Severity.NOTE if status is Status.PASSED else Severity.ERROR
    assert all(item.severity is expected_severity for item in outcome.diagnostics)
    assert len(outcome.diagnostics) == missing


def test_the_probe_report_counts_coverage_per_module() -> None:
    objects = [
        ("/p/src/a.py", "module", True),
        ("/p/src/a.py", "function", False),
        ("/p/src/b.py", "module", True),
        ("/p/src/a.py", "class", True),
    ]
    document = {
        "version": 1,
        "files": 2,
        "missing": [],
        "objects": [
            {"path": path, "line": 1, "name": "x", "kind": kind, "documented": documented}
            for path, kind, documented in objects
        ],
        "sections": [],
        "problems": [],
    }
    report = read_worker_report(json.dumps(document), Path("/p"))
    assert report.coverage == (
        ModuleCoverage(path="src/a.py", documented=2, total=3),
        ModuleCoverage(path="src/b.py", documented=1, total=1),
    )
    assert judge(report, 100.0).coverage == report.coverage
