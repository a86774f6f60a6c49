"""The error handler, seen from the command line."""

import subprocess
import sys
from pathlib import Path

import pytest

from pyexpert_gates.error_handler import EXIT_BROKEN_PIPE


@pytest.mark.parametrize(
    "command",
    [("rules",), ("init", "--dry-run")],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n')
    # The read end closes before the command writes, as `pyexpert-gates rules | head -0` does.
    process = subprocess.Popen(  # noqa: S603 - this interpreter and a fixed command line
        [sys.executable, "-m", "pyexpert_gates", *command],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert stderr.decode() == ""
    assert process.returncode == EXIT_BROKEN_PIPE


def test_an_error_of_several_lines_keeps_its_lines_and_shows_control_characters(
    tmp_path: Path,
) -> None:
    # more-itertools' shape: mypy's settings in setup.cfg make init explain itself over lines.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n')
    (tmp_path / "setup.cfg").write_text("[mypy]\nstrict = true\n")
    result = subprocess.run(
        [sys.executable, "-m", "pyexpert_gates", "init", "--dry-run"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    lines = result.stderr.splitlines()
    assert result.returncode == 2
    assert lines[0] == "pyexpert-gates: error: init changed nothing:"
    assert lines[1].startswith("  mypy reads setup.cfg [mypy]")
    assert "\\n" not in result.stderr
