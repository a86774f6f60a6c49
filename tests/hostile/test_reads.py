"""Reads take only regular files of a bounded size, and deep nesting is bad input, not a crash."""

import json
import os
from pathlib import Path

import pytest

from tests.helpers.hostile import gates, make_project

pytestmark = pytest.mark.slow

BASELINE = ".pyexpert-gates/baseline.json"


@pytest.mark.parametrize("command", [("init",), ("check", "--gate", "expert")])
def test_a_fifo_pyproject_is_refused_without_waiting(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    project = make_project(tmp_path)
    (project / "pyproject.toml").unlink()
    os.mkfifo(project / "pyproject.toml")
    result = gates(project, *command, timeout=30)
    assert result.returncode == 2
    assert "pyproject.toml: cannot read the file: it is a FIFO" in result.stderr


@pytest.mark.parametrize(
    ("link", "exit_code"),
    [
        ("pyproject.toml", 2),
        (BASELINE, 2),
        # A source file the gate cannot read is a finding on that file.
        ("src/zeros.py", 1),
    ],
)
def test_a_file_that_is_dev_zero_is_refused(tmp_path: Path, link: str, exit_code: int) -> None:
    project = make_project(tmp_path)
    path = project / link
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")
    result = gates(project, "check", "--gate", "expert", timeout=60)
    assert result.returncode == exit_code, result.stdout
    said = result.stderr + result.stdout
    # A link out of the project is refused before it is read, where the file must stay inside.
    assert (
        f"{link}: cannot read the file: it is a character device" in said
        or f"{link}: a symlink leads out of the project (to /dev/zero)" in said
    )


def test_a_baseline_nested_100000_deep_is_bad_input_that_baseline_repairs(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with (project / "pyproject.toml").open("a") as pyproject:
        pyproject.write('gates = ["expert"]\n')
        pyproject.write('relaxations = { "tool.pyexpert-gates.gates" = "a test of one gate" }\n')
    (project / ".pyexpert-gates").mkdir()
    (project / BASELINE).write_text("[" * 100_000 + "]" * 100_000)
    result = gates(project, "check")
    assert result.returncode == 2
    assert f"{BASELINE}" in result.stderr
    assert "nested too deeply" in result.stderr
    assert "internal error" not in result.stderr
    repaired = gates(project, "baseline")
    assert repaired.returncode == 0, repaired.stderr
    assert json.loads((project / BASELINE).read_text())["findings"] == []
    assert gates(project, "check").returncode == 0


def test_toml_nested_1000_deep_is_bad_input(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with (project / "pyproject.toml").open("a") as pyproject:
        pyproject.write("[tool.deep]\nvalue = " + "[" * 1000 + "]" * 1000 + "\n")
    for command in (("init",), ("check", "--gate", "expert")):
        result = gates(project, *command)
        assert result.returncode == 2
        assert "pyproject.toml: invalid TOML: values are nested too deeply" in result.stderr


def test_source_nested_thousands_deep_is_a_finding_naming_the_file(tmp_path: Path) -> None:
    deep = '"""A module."""\n\nVALUE = ' + " + ".join(["1"] * 100_000) + "\n"
    project = make_project(tmp_path, source=deep)
    result = gates(project, "check", "--gate", "expert", "--gate", "docstrings", "--no-cache")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "src/demo.py" in result.stdout
    assert "too deeply nested" in result.stdout
