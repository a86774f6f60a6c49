"""``fix`` without ``--unsafe`` changes no docstring's text, no import's binding, no re-export."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.projects import write_files

pytestmark = pytest.mark.slow

PYPROJECT = """\
[project]
name = "pkg"
version = "0.1.0"
requires-python = ">=3.11"

[tool.ruff.lint]
select = ["D", "F401", "PLR0402"]
pydocstyle.convention = "google"
"""

# click turns the text before `\\f` into a command's help: D212 would move the summary up.
CLI = '''"""Command line."""

import pkg._impl as _impl


def main() -> None:
    """
    Run it.

    \\f
    Internal notes.
    """
    _impl.run()
'''

FILES = {
    "pyproject.toml": PYPROJECT,
    "src/pkg/__init__.py": '"""Package."""\n\nfrom pkg.legacy import sep\n',
    "src/pkg/_impl.py": '"""Implementation."""\n\n\ndef run() -> None:\n    """Run."""\n',
    "src/pkg/cli.py": CLI,
    # A legacy module that exists to re-export: a test imports what it imports.
    "src/pkg/legacy.py": '"""Old names."""\n\nfrom os import getcwd, sep\n',
    "src/pkg/tidy.py": '"""Tidy."""\n\nimport json\n',
    "tests/test_legacy.py": '"""Tests."""\n\nfrom pkg.legacy import getcwd\n\nassert getcwd\n',
}


def test_fix_keeps_docstring_text_import_bindings_and_re_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, FILES)
    assert main(["fix", "--project", str(tmp_path), "--gate", "ruff"]) == 0
    out = capsys.readouterr().out
    for name in ("src/pkg/cli.py", "src/pkg/legacy.py", "src/pkg/__init__.py"):
        assert (tmp_path / name).read_text(encoding="utf-8") == FILES[name], name
    # An unused import nobody else uses still goes.
    assert "import" not in (tmp_path / "src/pkg/tidy.py").read_text(encoding="utf-8")
    assert "src/pkg/tidy.py: F401 1" in out
    assert main(["fix", "--project", str(tmp_path), "--gate", "ruff", "--unsafe"]) == 0
    assert "from pkg import _impl" in (tmp_path / "src/pkg/cli.py").read_text(encoding="utf-8")
    assert "getcwd" not in (tmp_path / "src/pkg/legacy.py").read_text(encoding="utf-8")
