"""ruff's warnings about settings are findings of the gate that saw them, never swallowed."""

from pathlib import Path

import pytest

from pyexpert_gates.gates.ruff_warnings import CODE
from tests.helpers.projects import (
    check_json,
    clean_project,
    edit,
    findings,
    gates_of,
    write_files,
)

pytestmark = pytest.mark.slow

DEPRECATED = '[tool.ruff]\nignore = ["E501"]\n'
"""A top-level lint setting: ruff warns that it belongs under ``[tool.ruff.lint]``."""


def test_a_deprecated_setting_fails_the_ruff_gate_once(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    edit(project / "pyproject.toml", "[tool.ruff]\n", DEPRECATED)
    code, document = check_json(project, "--gate", "ruff", "--gate", "format", "--no-cache")
    gates = gates_of(document)
    assert code == 1
    assert findings(gates["ruff"]) == [("pyproject.toml", None, CODE)]
    assert "'ignore' -> 'lint.ignore'" in str(gates["ruff"]["diagnostics"])
    assert (gates["format"]["status"], findings(gates["format"])) == ("passed", [])


def test_the_expert_summary_counts_one_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_files(project, {"pyproject.toml": '[tool.pyexpert-gates]\npaths = ["one.py"]\n'})
    write_files(project, {"one.py": "VALUE = 1\n"})
    _, document = check_json(project, "--gate", "expert", "--no-cache")
    assert gates_of(document)["expert"]["summary"] == "no findings (checked 1 file)"
