"""The baseline file: sorted, one finding per line, and never silently ignored when damaged."""

from pathlib import Path

import pytest

from pyexpert_gates.baseline.model import Baseline, Entry, Fingerprint
from pyexpert_gates.baseline.store import (
    baseline_path,
    parse_baseline,
    read_baseline,
    render_baseline,
    write_baseline,
)
from pyexpert_gates.errors import InputError
from pyexpert_gates.models import GateName


def entry(path: str, gate: GateName, code: str, source: str, occurrence: int = 0) -> Entry:
    fingerprint = Fingerprint(path=path, gate=gate, code=code, source=source, occurrence=occurrence)
    return Entry(fingerprint=fingerprint, message=f"{code} «here»")


BASELINE = Baseline(
    entries=(
        entry("src/b.py", GateName.RUFF, "F401", "import os"),
        entry("src/a.py", GateName.MYPY, "no-untyped-def", 'def f(x, y="}"):', 1),
        entry("src/a.py", GateName.FORMAT, "", ""),
        entry("src/a.py", GateName.MYPY, "no-untyped-def", 'def f(x, y="}"):'),
    ),
    floors={"src/b.py": 12.5, "src/a.py": 0.0},
)

RENDERED = """\
{
  "version": 1,
  "findings": [
    {"path": "src/a.py", "gate": "format", "code": "", "source": "", "occurrence": 0, \
"message": " «here»"},
    {"path": "src/a.py", "gate": "mypy", "code": "no-untyped-def", "source": \
"def f(x, y=\\"}\\"):", "occurrence": 0, "message": "no-untyped-def «here»"},
    {"path": "src/a.py", "gate": "mypy", "code": "no-untyped-def", "source": \
"def f(x, y=\\"}\\"):", "occurrence": 1, "message": "no-untyped-def «here»"},
    {"path": "src/b.py", "gate": "ruff", "code": "F401", "source": "import os", \
"occurrence": 0, "message": "F401 «here»"}
  ],
  "docstring_floors": {
    "src/a.py": 0.0,
    "src/b.py": 12.5
  }
}
"""


def test_rendered_sorted_with_one_finding_per_line() -> None:
    assert render_baseline(BASELINE) == RENDERED


def test_an_empty_baseline_renders_compactly() -> None:
    text = render_baseline(Baseline())
    assert text == '{\n  "version": 1,\n  "findings": [],\n  "docstring_floors": {}\n}\n'
    assert parse_baseline(text) == Baseline()


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    assert read_baseline(tmp_path) is None
    write_baseline(tmp_path, BASELINE)
    assert baseline_path(tmp_path).read_text(encoding="utf-8") == RENDERED
    assert read_baseline(tmp_path) == BASELINE.sorted()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("", ":1:1: not valid JSON: Expecting value", id="empty"),
        pytest.param(
            RENDERED.replace('    "src/a.py": 0.0,\n', "<<<<<<< HEAD\n"),
            ":10:1: not valid JSON",
            id="merge-conflict",
        ),
        pytest.param("[]", "the file is an array, expected an object", id="array"),
        pytest.param(
            RENDERED.replace('"version": 1', '"version": 2'),
            "format version 2, but this pyexpert-gates reads version 1",
            id="other-version",
        ),
        pytest.param(
            RENDERED.replace('"gate": "ruff"', '"gate": "pytest"'),
            "finding 4: field 'gate' is 'pytest', but only these gates are baselined: ruff",
            id="pytest-entry",
        ),
        pytest.param(
            RENDERED.replace('"occurrence": 1', '"occurrence": "1"'),
            "finding 3: field 'occurrence'",
            id="wrong-type",
        ),
        pytest.param(
            RENDERED.replace('"occurrence": 1', '"occurrence": 0'),
            "finding 3 is listed twice",
            id="duplicate",
        ),
        pytest.param(
            RENDERED.replace('"code": "F401"', '"kode": "F401"'),
            "finding 4 has unknown keys: kode",
            id="typo",
        ),
        pytest.param(
            RENDERED.replace("12.5", "120"),
            "the docstring floor of src/b.py must be a percentage from 0 to 100, got 120",
            id="floor-out-of-range",
        ),
        pytest.param(
            RENDERED.replace('"docstring_floors": {', '"floors": {'),
            "the file has unknown keys: floors",
            id="unknown-section",
        ),
    ],
)
def test_a_damaged_file_is_an_error_naming_it_and_the_fix(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = baseline_path(tmp_path)
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_baseline(tmp_path)
    message = raised.value.message
    assert message.startswith(".pyexpert-gates/baseline.json")
    assert problem in message
    assert message.endswith("or run `pyexpert-gates baseline` to record the current findings again")


def test_bytes_that_are_not_utf8_are_an_error(tmp_path: Path) -> None:
    path = baseline_path(tmp_path)
    path.parent.mkdir()
    path.write_bytes(b'{"version": 1, "findings": ["\xff"]}')
    with pytest.raises(InputError, match="byte 29 is not UTF-8"):
        read_baseline(tmp_path)


@pytest.mark.parametrize("link", ["folder", "file"])
def test_the_baseline_is_never_written_through_a_symlink_out_of_the_project(
    tmp_path: Path, link: str
) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    if link == "folder":
        (project / ".pyexpert-gates").symlink_to(outside)
    else:
        (project / ".pyexpert-gates").mkdir()
        baseline_path(project).symlink_to(outside / "baseline.json")
    with pytest.raises(InputError, match="a symlink leads out of the project"):
        write_baseline(project, BASELINE)
    assert list(outside.iterdir()) == []
    (outside / "baseline.json").write_text(RENDERED, encoding="utf-8")
    with pytest.raises(InputError, match="a symlink leads out of the project"):
        read_baseline(project)


def test_a_symlink_inside_the_project_is_followed(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / ".pyexpert-gates").symlink_to(tmp_path / "shared")
    write_baseline(tmp_path, BASELINE)
    assert read_baseline(tmp_path) == BASELINE.sorted()
    assert (tmp_path / "shared" / "baseline.json").is_file()


def test_a_baseline_that_is_not_a_regular_file_is_an_error(tmp_path: Path) -> None:
    baseline_path(tmp_path).mkdir(parents=True)
    with pytest.raises(InputError, match="not a regular file"):
        read_baseline(tmp_path)
