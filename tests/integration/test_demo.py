"""The bundled example project passes every gate, as the README promises."""

import shutil
from pathlib import Path

import pytest

from pyexpert_gates.cli import main

pytestmark = pytest.mark.slow


DEMO = Path(__file__).parents[2] / "examples" / "demo"


def test_demo_passes_every_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "demo"
    shutil.copytree(DEMO, project)
    assert main(["check", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "PASSED: 8 passed" in out


def test_demo_is_up_to_date_with_the_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--project", str(DEMO), "--dry-run"]) == 0
    assert "pyproject.toml: up to date" in capsys.readouterr().out
