"""The pre-commit hooks check the whole project on every change, whatever files it touches."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import REPOSITORY
from tests.helpers.git import git
from tests.helpers.projects import clean_project, write_files
from tests.helpers.terminal import environment

pytestmark = pytest.mark.slow

INSTALL_LIMIT_S = 900


def test_the_fast_hook_runs_when_only_a_test_fixture_changed(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "calc")
    write_files(project, {"tests/data/fixture.txt": "old\n"})
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "start")
    write_files(project, {"tests/data/fixture.txt": "new\n"})
    git(project, "add", "tests/data/fixture.txt")
    argv = [sys.executable, "-m", "pre_commit", "try-repo", str(REPOSITORY), "pyexpert-gates-fast"]
    ran = subprocess.run(  # noqa: S603 - this interpreter and the test's arguments
        argv,
        cwd=project,
        env=environment(PRE_COMMIT_HOME=str(tmp_path / "pre-commit")),
        capture_output=True,
        text=True,
        check=False,
        timeout=INSTALL_LIMIT_S,
    )
    assert "no files to check" not in ran.stdout
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "pyexpert-gates (ruff, format, expert)" in ran.stdout
    assert "Passed" in ran.stdout
