"""The docstring worker: which files it reads, and the document it prints."""

import io
import json
import sys
from pathlib import Path

import pytest

from pyexpert_gates.data import json_shape
from pyexpert_gates.files import project_files
from pyexpert_gates.gates.docstrings_worker import main, python_files, worker

from .running import write_project

TREE = {
    "src/pkg/__init__.py": '"""Pkg."""\n',
    "src/pkg/mod.py": '"""Mod."""\n',
    "src/pkg/notes.md": "# notes\n",
    "src/pkg/test_mod.py": "",
    "src/pkg/mod_test.py": "",
    "src/pkg/conftest.py": "",
    "src/pkg/tests/helpers.py": "",
    "src/pkg/__pycache__/mod.py": "",
    "src/.venv/lib/site.py": "",
    "src/build/lib/pkg/mod.py": "",
    "scripts/tool.py": '"""Tool."""\n',
}


@pytest.mark.parametrize(
    ("paths", "files", "missing"),
    [
        (["src"], ["src/build/lib/pkg/mod.py", "src/pkg/__init__.py", "src/pkg/mod.py"], []),
        (["src/pkg", "src/pkg/mod.py"], ["src/pkg/__init__.py", "src/pkg/mod.py"], []),
        (["src/pkg/mod.py", "src/pkg/notes.md"], ["src/pkg/mod.py"], []),
        (["src/pkg/test_mod.py"], [], []),
        (["scripts", "nowhere"], ["scripts/tool.py"], ["nowhere"]),
        (
            ["."],
            [
                "scripts/tool.py",
                "src/build/lib/pkg/mod.py",
                "src/pkg/__init__.py",
                "src/pkg/mod.py",
            ],
            [],
        ),
    ],
)
def test_python_files(
    tmp_path: Path, paths: list[str], files: list[str], missing: list[str]
) -> None:
    write_project(tmp_path, TREE)
    assert python_files(tmp_path, paths, project_files(tmp_path).files) == (files, missing)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (b"def f(:\n", [(1, "invalid-syntax", "invalid syntax")]),
        (b"x = 1\x00\n", [(None, "invalid-syntax", "null bytes")]),
        (b"\xff\xfe\n", [(1, "invalid-syntax", "(unicode error)")]),
        (b"# -*- coding: latin-1 -*-\nname = '\xe9'\n", []),
    ],
)
def test_files_that_do_not_parse_are_problems(
    tmp_path: Path, source: bytes, expected: list[tuple[int | None, str, str]]
) -> None:
    (tmp_path / "mod.py").write_bytes(source)
    problems = json_shape.as_list(worker(tmp_path, ["mod.py"], ())["problems"], "problems")
    found = [json_shape.as_object(item, "problem") for item in problems]
    assert [(item["line"], item["code"]) for item in found] == [row[:2] for row in expected]
    for item, (_, _, fragment) in zip(found, expected, strict=True):
        assert fragment in json_shape.text(item, "message")


def test_main_prints_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_project(tmp_path, {"pkg/__init__.py": "", "pkg/mod.py": "def f():\n    pass\n"})
    monkeypatch.chdir(tmp_path)
    listing = io.BytesIO(b"pkg/__init__.py\0pkg/mod.py")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(listing))
    assert main(["pkg"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == {
        "version": 1,
        "files": 2,
        "missing": [],
        "objects": [
            {
                "path": "pkg/__init__.py",
                "line": 1,
                "name": "pkg",
                "kind": "package",
                "documented": False,
            },
            {
                "path": "pkg/mod.py",
                "line": 1,
                "name": "pkg.mod",
                "kind": "module",
                "documented": False,
            },
            {"path": "pkg/mod.py", "line": 1, "name": "f", "kind": "function", "documented": False},
        ],
        "sections": [],
        "problems": [],
    }
