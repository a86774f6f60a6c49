"""``pyexpert-gates adopt`` end to end, with the real tools, on a small project with tests."""

import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.check.held_back import read_held_back
from pyexpert_gates.cli import main
from pyexpert_gates.commands.adopt import next_steps
from tests.helpers.projects import check_json, findings, gates_of, write_files

pytestmark = pytest.mark.slow

# Settings weaker than the preset: a type-checking mode and an ignored rule.
PYPROJECT = """\
[project]
name = "shop"
version = "0.1.0"
requires-python = ">=3.11"

[tool.pyright]
typeCheckingMode = "basic"

[tool.ruff.lint]
ignore = ["E501"]

[tool.pytest.ini_options]
pythonpath = ["src"]
"""

MODULE = '''"""Core."""
import sys
import os


def total(prices):
    """Sum."""
    x=sum(prices)
    return x
'''

# The second test reads the source as it is laid out, so formatting it breaks the test.
TESTS = '''"""Tests."""

from pathlib import Path

from shop.core import total


def test_total() -> None:
    """Total."""
    assert total([1, 2]) == 3


def test_layout() -> None:
    """The layout a doc tool reads."""
    assert "x=sum" in (Path(__file__).parents[1] / "src/shop/core.py").read_text()
'''

FILES = {
    "pyproject.toml": PYPROJECT,
    "src/shop/__init__.py": '"""Shop."""\n',
    "src/shop/core.py": MODULE,
    "tests/test_core.py": TESTS,
}


def test_adopt_ends_green_keeps_the_tests_passing_and_new_faults_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, FILES)
    assert main(["adopt", "--project", str(tmp_path), "--python", sys.executable]) == 0
    out = capsys.readouterr().out
    assert "  tool.pyright.typeCheckingMode: `pyexpert-gates init --force " in out
    assert "  tool.ruff.lint.ignore.E501: remove it" in out
    assert "fixed, with every test still passing: F401, I001" in out
    assert "  format: a passing test failed with this fix: tests/test_core.py" in out
    assert (
        "next:\n  git add --update . && git add --force pyproject.toml noxfile.py .pyexpert-" in out
    )
    pyproject = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert '"tool.pyright.typeCheckingMode" = "kept from the project\'s configuration' in pyproject
    assert set(read_held_back(tmp_path)) == {"format"}
    core = (tmp_path / "src/shop/core.py").read_text(encoding="utf-8")
    assert "import" not in core
    assert "x=sum" in core
    code, report = check_json(tmp_path)
    assert code == 0, gates_of(report)
    # fix leaves the held-back group alone, and says so.
    assert main(["fix", "--project", str(tmp_path)]) == 0
    assert "held back (a test failed with them; --unsafe applies them): format" in (
        capsys.readouterr().out
    )
    assert (tmp_path / "src/shop/core.py").read_text(encoding="utf-8") == core
    assert main(["check", "--project", str(tmp_path), "--python", sys.executable, "--locked"]) == 0
    capsys.readouterr()
    assert_a_new_import_fails_with_no_format_fix_offered(tmp_path, core)
    assert_a_rule_ignored_later_fails(tmp_path)


def assert_a_rule_ignored_later_fails(root: Path) -> None:
    """The ignored rule adopt kept is relaxed alone: a rule that list names later fails."""
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"E501"', '"E501", "ANN"', 1))
    code, report = check_json(root, "--gate", "config")
    assert code == 1
    (finding,) = cast("list[dict[str, str]]", gates_of(report)["config"]["diagnostics"])
    assert "also holds ANN, which no relaxation records" in finding["message"]


def assert_a_new_import_fails_with_no_format_fix_offered(root: Path, core: str) -> None:
    """An unused import fails, named; the format fix that broke a test is no longer offered."""
    (root / "src/shop/core.py").write_text(core + "import json\n", encoding="utf-8")
    code, report = check_json(root, "--gate", "ruff")
    assert code == 1
    line = len(core.splitlines()) + 1
    assert ("src/shop/core.py", line, "F401") in findings(gates_of(report)["ruff"])
    code, report = check_json(root, "--gate", "format")
    diagnostics = cast("list[dict[str, object]]", gates_of(report)["format"]["diagnostics"])
    assert diagnostics
    assert all(item.get("fix") is None for item in diagnostics)


def test_adopt_applies_no_fix_when_the_tests_fail_and_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failing = TESTS.replace("== 3", "== 4")
    write_files(tmp_path, {**FILES, "tests/test_core.py": failing})
    assert main(["adopt", "--project", str(tmp_path), "--python", sys.executable]) == 1
    out = capsys.readouterr().out
    assert "no fix was applied: the tests fail" in out
    assert "  tests/test_core.py: " in out
    assert (tmp_path / "src/shop/core.py").read_text(encoding="utf-8") == MODULE
    assert (tmp_path / ".pyexpert-gates/baseline.json").is_file()


def test_the_printed_commit_holds_the_baseline_where_git_ignores_dot_folders(
    tmp_path: Path,
) -> None:
    written = [
        "pyproject.toml",
        ".pyexpert-gates/baseline.json",
        ".pyexpert-gates/preset-state.json",
    ]
    write_files(tmp_path, {".gitignore": ".*\n", ".pyexpert-gates/cache/entry": "", "a.py": ""})
    write_files(tmp_path, dict.fromkeys(written, "{}\n"))
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    environment = {"PATH": "/usr/bin:/bin", "GIT_COMMITTER_EMAIL": "t@t", **identity}
    commit = next_steps(tmp_path)[1].strip()
    listed = ""
    for command in ("git init -q", "git add a.py", "git commit -qm start", commit, "git ls-files"):
        listed = subprocess.run(  # noqa: S602 - the line as adopt prints it, for the user's shell
            command, shell=True, cwd=tmp_path, env=environment, check=True, capture_output=True
        ).stdout.decode()
    assert sorted(listed.split()) == sorted(["a.py", *written])
