"""``baseline`` keeps the accepted findings of a gate the configuration skips, as ``check`` does."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.baseline.store import read_baseline
from pyexpert_gates.cli import main
from pyexpert_gates.models import GateName
from tests.helpers.projects import clean_project, edit, write_files

pytestmark = pytest.mark.slow

UNUSED = '"""Leftovers."""\n\nimport os\n'


def test_a_skipped_gate_keeps_its_entries(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "calc")
    write_files(project, {"src/calc/old.py": UNUSED})
    argv = ["baseline", "--project", str(project), "--python", sys.executable]
    assert main(argv) == 0
    accepted = read_baseline(project)
    assert accepted is not None
    ruff = [entry for entry in accepted.entries if entry.fingerprint.gate is GateName.RUFF]
    assert [entry.fingerprint.code for entry in ruff] == ["F401"]
    edit(
        project / "pyproject.toml",
        "[tool.pyexpert-gates]\n",
        '[tool.pyexpert-gates]\nskip = ["ruff"]\n',
    )
    assert main(argv) == 0
    assert read_baseline(project) == accepted
