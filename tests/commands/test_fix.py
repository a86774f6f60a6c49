"""``pyexpert-gates fix`` end to end, with the real ruff, on small projects with tests."""

import subprocess
import sys
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.projects import check_json, findings, gates_of, write_files

pytestmark = pytest.mark.slow

PYPROJECT = """\
[project]
name = "shop"
version = "0.1.0"
requires-python = ">=3.11"

[tool.ruff.lint]
select = ["F401", "I001", "UP006", "UP042", "DTZ003"]

[tool.pytest.ini_options]
pythonpath = ["src"]
"""

# One fault per fixable rule: I001 and F401 (safe ruff fixes), UP006 (safe), the formatting,
# PXG001 (safe codemod), DTZ003 (unsafe codemod) and UP042 (unsafe ruff fix).
MODULE = """\
\"\"\"A shop.\"\"\"
import sys
import os
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import List


class Size(str, Enum):
    SMALL = "small"


@dataclass(frozen=True)
class Item:
    name:   str
    sizes: List[Size]


def stamp() -> datetime:
    return datetime.utcnow()


def names(items: List[Item]) -> List[str]:
    return [item.name for item in items]
"""

TESTS = """\
from shop.core import Item, Size, names, stamp


def test_names() -> None:
    assert names([Item("a", [Size.SMALL])]) == ["a"]


def test_size_value() -> None:
    assert Size.SMALL.value == "small"


def test_stamp_is_recent() -> None:
    assert stamp().year >= 2024
"""

FILES = {
    "pyproject.toml": PYPROJECT,
    "src/shop/__init__.py": "",
    "src/shop/core.py": MODULE,
    "tests/test_core.py": TESTS,
}


def project(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    root = tmp_path / "shop"
    write_files(root, {**FILES, **(extra or {})})
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "cache" not in path.as_posix()
    }


def outcomes(root: Path) -> list[str]:
    """Each test's node id and outcome, as pytest reports them."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "-q", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return sorted(
        line for line in result.stdout.splitlines() if line.startswith(("PASSED", "FAILED"))
    )


def test_a_dry_run_on_a_terminal_summarises_a_long_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr("pyexpert_gates.commands.fix.TERMINAL_DIFF_LINES", 3)
    assert main(["fix", "--project", str(root), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert snapshot(root) == before
    assert captured.out == ""
    assert captured.err.startswith("would fix ")
    assert "  src/shop/core.py: " in captured.err
    assert "PXG001 1" in captured.err
    assert "`fix --diff` prints it" in captured.err


@pytest.mark.parametrize("option", ["--dry-run", "--diff"])
def test_a_dry_run_changes_no_byte_and_prints_one_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    assert main(["fix", "--project", str(root), option]) == 0
    captured = capsys.readouterr()
    assert snapshot(root) == before
    assert captured.out.startswith("--- a/src/shop/core.py\n+++ b/src/shop/core.py\n")
    assert "+@dataclass(frozen=True, slots=True)\n" in captured.out
    assert "-import sys\n" in captured.out
    assert captured.err.startswith("would fix ")
    assert "PXG001 1" in captured.err


def test_fix_resolves_every_safe_fault_and_keeps_the_test_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    results = outcomes(root)
    assert results == [
        "PASSED tests/test_core.py::test_names",
        "PASSED tests/test_core.py::test_size_value",
        "PASSED tests/test_core.py::test_stamp_is_recent",
    ]
    assert main(["fix", "--project", str(root)]) == 0
    out = capsys.readouterr().out
    assert "  src/shop/core.py: F401 2, I001 1, PXG001 1, UP006 3\n" in out
    assert "reformatted 1 file: src/shop/core.py\n" in out
    assert "left for baseline: ruff 2, expert 0 " in out  # DTZ003 and UP042 need --unsafe
    assert outcomes(root) == results
    text = (root / "src/shop/core.py").read_text(encoding="utf-8")
    assert "@dataclass(frozen=True, slots=True)\nclass Item:\n    name: str\n" in text
    assert "datetime.utcnow()" in text
    assert "class Size(str, Enum):" in text


def test_unsafe_adds_the_fixes_that_may_change_behaviour_and_a_second_run_is_a_no_op(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    results = outcomes(root)
    assert main(["fix", "--project", str(root), "--unsafe"]) == 0
    out = capsys.readouterr().out
    assert "DTZ003 1" in out
    assert "UP042 1" in out
    assert "left for baseline: ruff 0, expert 0 " in out
    assert outcomes(root) == results
    code, report = check_json(root, "--gate", "ruff", "--gate", "format", "--gate", "expert")
    assert code == 0, gates_of(report)
    capsys.readouterr()
    after = snapshot(root)
    assert main(["fix", "--project", str(root), "--unsafe"]) == 0
    assert capsys.readouterr().out.startswith("no finding to fix\n")
    assert snapshot(root) == after


def test_a_file_that_does_not_parse_is_reported_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = "import os\ndef broken(:\n    pass\n"
    root = project(tmp_path, {"src/shop/broken.py": broken})
    assert main(["fix", "--project", str(root)]) == 2
    captured = capsys.readouterr()
    assert (root / "src/shop/broken.py").read_text(encoding="utf-8") == broken
    assert "pyexpert-gates: error: src/shop/broken.py:2:" in captured.err
    assert "the file was left as it was" in captured.err
    assert "slots=True" in (root / "src/shop/core.py").read_text(encoding="utf-8")


def test_gate_limits_the_fixes_to_that_gate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert main(["fix", "--project", str(root), "--gate", "format"]) == 0
    capsys.readouterr()
    text = (root / "src/shop/core.py").read_text(encoding="utf-8")
    assert "    name: str\n" in text
    assert "import sys\n" in text
    assert "@dataclass(frozen=True)\n" in text


def test_a_ruff_configuration_error_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, {"pyproject.toml": PYPROJECT.replace('"F401"', '"XYZ999"')})
    before = snapshot(root)
    assert main(["fix", "--project", str(root)]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    assert snapshot(root) == before


def test_formats_the_python_blocks_of_markdown_under_the_paths_as_the_format_gate_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = "# Notes\n\n```python\nx  =  1\n```\n"
    root = project(tmp_path, {"src/shop/NOTES.md": notes, "README.md": notes})
    assert main(["fix", "--project", str(root), "--gate", "format"]) == 0
    assert "src/shop/NOTES.md" in capsys.readouterr().out
    assert (root / "src/shop/NOTES.md").read_text(encoding="utf-8") == notes.replace(
        "x  =  1", "x = 1"
    )
    assert (root / "README.md").read_text(encoding="utf-8") == notes  # outside the paths
    code, report = check_json(root, "--gate", "format")
    assert code == 0, gates_of(report)


def test_diff_of_several_projects_gives_one_patch_that_applies_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("api", "web"):
        write_files(tmp_path / name, FILES)
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "--project", "api", "--project", "web", "--diff"]) == 0
    captured = capsys.readouterr()
    assert "--- a/api/src/shop/core.py\n+++ b/api/src/shop/core.py\n" in captured.out
    assert "--- a/web/src/shop/core.py\n+++ b/web/src/shop/core.py\n" in captured.out
    assert "== project api ==" in captured.err
    assert "== project" not in captured.out


# A decorator library's test compares a wrapped function's docstring, as cachetools' does.
WRAPPED = {
    "src/shop/wrapped.py": '"""Wrapped."""\n\n\ndef greet() -> str:\n    """docstring."""\n'
    '    return "hi"\n',
    "tests/test_wrapped.py": "from shop.wrapped import greet\n\n\n"
    'def test_docstring_is_kept() -> None:\n    assert greet.__doc__ == "docstring."\n',
}


def test_a_fix_that_changes_a_docstrings_words_needs_unsafe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, WRAPPED)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(PYPROJECT.replace('"DTZ003"]', '"DTZ003", "D403"]'), encoding="utf-8")
    argv = ["check", "--project", str(root), "--python", sys.executable, "--gate", "ruff"]
    assert main(argv) == 1
    assert "D403 First word of the docstring" in (out := capsys.readouterr().out)
    assert "`docstring` -> `Docstring` [fix --unsafe]" in out
    results = outcomes(root)
    assert "PASSED tests/test_wrapped.py::test_docstring_is_kept" in results
    assert main(["fix", "--project", str(root)]) == 0
    capsys.readouterr()
    assert outcomes(root) == results
    assert '"""docstring."""' in (root / "src/shop/wrapped.py").read_text(encoding="utf-8")
    assert main(["fix", "--project", str(root), "--unsafe"]) == 0
    assert "D403 1" in capsys.readouterr().out
    assert '"""Docstring."""' in (root / "src/shop/wrapped.py").read_text(encoding="utf-8")


def test_fix_sorts_imports_as_check_does_with_the_whole_project_around(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # This repository's shape: a test imports a root folder (scripts/) outside the paths, which
    # ruff counts as first-party only because the folder is there; and an executable module.
    scripts = {
        "scripts/__init__.py": "",
        "scripts/tool.py": '"""A tool."""\n\n\ndef run() -> int:\n    return 1\n',
        "tests/test_tool.py": "import pytest\n\nfrom scripts.tool import run\n\n\n"
        "def test_run() -> None:\n    assert run() == 1\n    assert pytest\n",
        "src/shop/run.py": '"""Runs."""\n',
    }
    root = project(tmp_path, scripts)
    (root / "src/shop/run.py").chmod(0o755)
    select = '"DTZ003"]'
    pyproject = root / "pyproject.toml"
    pyproject.write_text(PYPROJECT.replace(select, '"DTZ003", "EXE002"]'), encoding="utf-8")
    before = (root / "tests/test_tool.py").read_bytes()
    assert main(["fix", "--project", str(root)]) == 0
    assert "left for baseline: ruff 3, " in capsys.readouterr().out  # UP042, DTZ003, EXE002
    assert (root / "tests/test_tool.py").read_bytes() == before
    code, report = check_json(root, "--gate", "ruff")
    assert code == 1
    codes = sorted(str(code) for _, _, code in findings(gates_of(report)["ruff"]))
    assert codes == ["DTZ003", "EXE002", "UP042"]
