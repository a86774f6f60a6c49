from pathlib import Path

import pytest

from pyexpert_gates.cli import main


def test_a_gate_without_fixes_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", "--project", str(tmp_path), "--gate", "mypy"]) == 2
    assert "--gate mypy: not a gate with fixes; valid names: ruff, format, expert" in (
        capsys.readouterr().err
    )


def test_a_missing_project_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", "--project", str(tmp_path / "none")]) == 2
    assert "no such directory" in capsys.readouterr().err
