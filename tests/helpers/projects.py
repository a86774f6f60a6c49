"""Tiny projects for end-to-end runs of ``check`` with the real tools."""

import json
import shutil
import sys
from pathlib import Path
from typing import cast

from pyexpert_gates.cli import main

PYPROJECT = """\
[project]
name = "calc"
version = "0.1.0"
requires-python = ">=3.11"

[tool.pytest.ini_options]
pythonpath = ["src"]
"""

PACKAGE = '''\
"""Arithmetic on whole numbers."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    """Two whole numbers.

    Attributes:
        left: The first number.
        right: The second number.
    """

    left: int
    right: int


def add(pair: Pair) -> int:
    """Add the two numbers of a pair.

    Args:
        pair: The numbers.

    Returns:
        Their sum.
    """
    return pair.left + pair.right
'''

TESTS = """\
import pytest

from calc import Pair, add


@pytest.mark.parametrize(("left", "right", "total"), [(1, 2, 3), (-1, 1, 0)])
def test_add(left: int, right: int, total: int) -> None:
    assert add(Pair(left=left, right=right)) == total
"""

CLEAN = {
    "pyproject.toml": PYPROJECT,
    "src/calc/__init__.py": PACKAGE,
    "tests/__init__.py": "",
    "tests/test_calc.py": TESTS,
}
"""A well-typed, documented, tested project; ``init`` adds the strict preset."""


def write_files(root: Path, files: dict[str, str]) -> None:
    """Write ``files`` (path relative to ``root`` to text) under ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def clean_project(root: Path) -> Path:
    """Write the clean project at ``root`` and merge the strict preset into it."""
    write_files(root, CLEAN)
    assert main(["init", "--project", str(root)]) == 0
    return root


def copy_project(template: Path, root: Path, files: dict[str, str] | None = None) -> Path:
    """Copy ``template`` to ``root`` (without tool caches) and write ``files`` over it."""
    shutil.copytree(template, root, ignore=shutil.ignore_patterns(".*_cache"))
    write_files(root, files or {})
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in the file at ``path`` by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def check_json(project: Path, *args: str) -> tuple[int, dict[str, object]]:
    """Run ``check --format json`` on ``project``; return the exit code and the report."""
    output = project.parent / f"{project.name}-report.json"
    argv = ["check", "--project", str(project), "--python", sys.executable]
    code = main([*argv, "--format", "json", "--output", str(output), *args])
    document: dict[str, object] = json.loads(output.read_text(encoding="utf-8"))
    return code, document


def gates_of(document: dict[str, object]) -> dict[str, dict[str, object]]:
    """The report's gates by name."""
    gates = cast("list[dict[str, object]]", document["gates"])
    return {str(gate["name"]): gate for gate in gates}


def findings(gate: dict[str, object]) -> list[tuple[str, int | None, str | None]]:
    """A gate's findings as (path, line, code)."""
    diagnostics = cast("list[dict[str, object]]", gate["diagnostics"])
    return [
        (str(item["path"]), cast("int | None", item["line"]), cast("str | None", item["code"]))
        for item in diagnostics
    ]
