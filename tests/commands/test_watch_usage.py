"""watch's usage errors, told before it starts watching."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main


def test_an_unknown_gate_ends_watch_with_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["watch", "--project", str(tmp_path), "--gate", "nosuch"]) == 2
    assert "nosuch" in capsys.readouterr().err
