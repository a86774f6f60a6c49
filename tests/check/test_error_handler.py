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
