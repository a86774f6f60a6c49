"""Arguments cannot smuggle options into git, names cannot forge output lines, pipes end cleanly."""

import subprocess
import sys
from pathlib import Path

import pytest

from pyexpert_gates.error_handler import EXIT_BROKEN_PIPE
from tests.helpers.git import commit_all
from tests.helpers.hostile import UNSLOTTED, gates, make_project

pytestmark = pytest.mark.slow


def _git_project(root: Path) -> Path:
    project = make_project(root)
    commit_all(project)
    return project


def test_a_ref_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    project = _git_project(tmp_path)
    victim = project / "victim.txt"
    victim.write_text("keep me\n")
    result = gates(project, "check", "--gate", "expert", "--changed-since=--output=victim.txt")
    assert result.returncode == 2
    assert "--changed-since --output=victim.txt: not a revision" in result.stderr
    assert victim.read_text() == "keep me\n"


def test_a_file_name_cannot_forge_a_workflow_command(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "src" / "a\n::notice title=forged::hello.py").write_text(UNSLOTTED)
    result = gates(project, "check", "--gate", "expert", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith("::notice")]
    assert "a\\n::notice title=forged::hello.py" in result.stdout
    # The annotation of the finding escapes the name as GitHub expects.
    assert "::error file=src/a%0A%3A%3Anotice title=forged%3A%3Ahello.py," in result.stdout


def test_a_reader_that_stops_after_one_line_gives_141(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for number in range(600):
        (project / "src" / f"module_{number}.py").write_text(UNSLOTTED)
    # --verbose lists every finding: far more than a pipe holds before its reader leaves.
    command = f"{sys.executable} -m pyexpert_gates check --gate expert --verbose | head -1"
    result = subprocess.run(  # noqa: S603 - this interpreter and a fixed pipeline
        ["/bin/bash", "-c", f'{command}; exit "${{PIPESTATUS[0]}}"'],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert len(result.stdout.splitlines()) == 1
    assert result.returncode == EXIT_BROKEN_PIPE, result.stderr
