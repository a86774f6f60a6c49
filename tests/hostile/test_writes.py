"""Writes stay in their lane: no project file, device or log is replaced, and no half file stays."""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.hostile import PYPROJECT, as_nobody, gates, make_project

pytestmark = pytest.mark.slow


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder the user nobody can reach (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="pyexpert-gates-test-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def _device(path: Path) -> None:
    """A character device like /dev/null at ``path`` (tests run as root)."""
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))


def test_output_never_replaces_a_project_file(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = gates(project, "check", "--gate", "expert", "--output", "pyproject.toml")
    assert result.returncode == 2
    assert "--output pyproject.toml: the file exists and is not a report" in result.stderr
    assert (project / "pyproject.toml").read_text() == PYPROJECT


def test_output_replaces_its_own_report(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for _ in range(2):
        result = gates(project, "check", "--gate", "expert", "--format", "json", "--output", "r")
        assert result.returncode == 0, result.stderr
    assert '"passed": true' in (project / "r").read_text()


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_output_and_init_never_replace_a_device(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _device(project / "null")
    result = gates(project, "check", "--gate", "expert", "--output", "null")
    assert result.returncode == 2
    assert "it is a character device" in result.stderr
    assert stat.S_ISCHR((project / "null").stat().st_mode)
    other = tmp_path / "other"
    other.mkdir()
    _device(tmp_path / "device")
    (other / "pyproject.toml").symlink_to(tmp_path / "device")
    result = gates(other, "init")
    assert result.returncode == 2
    assert "pyproject.toml: cannot read the file: it is a character device" in result.stderr
    assert stat.S_ISCHR((tmp_path / "device").stat().st_mode)


def test_output_to_standard_output_appends_to_a_log(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    log = project / "build.log"
    log.write_text("earlier lines\n")
    command = (
        f"{sys.executable} -m pyexpert_gates check --gate expert --format json "
        "--output /dev/stdout >> build.log"
    )
    result = subprocess.run(  # noqa: S602 - the shell's own >> is what is tested
        command, shell=True, cwd=project, check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    text = log.read_text()
    assert text.startswith("earlier lines\n{")
    assert '"passed": true' in text


def test_init_in_a_read_only_folder_says_nothing_was_written(shared_folder: Path) -> None:
    project = make_project(shared_folder / "project")
    project.chmod(0o555)
    result = gates(project, "init", "--no-noxfile", prefix=as_nobody())
    assert result.returncode == 2, result.stderr
    assert "updated" not in result.stdout
    assert "cannot write the file: Permission denied; nothing was written" in result.stderr
    assert (project / "pyproject.toml").read_text() == PYPROJECT
    assert sorted(path.name for path in project.iterdir()) == ["pyproject.toml", "src"]


def test_init_on_a_full_disk_leaves_the_file_and_no_temporary(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    # A file size limit makes every write past 200 bytes fail, as a full disk does.
    prlimit = shutil.which("prlimit")
    assert prlimit is not None
    result = gates(project, "init", "--no-noxfile", prefix=(prlimit, "--fsize=200"))
    assert result.returncode == 2, result.stderr
    assert "updated" not in result.stdout
    assert "nothing was written" in result.stderr
    assert (project / "pyproject.toml").read_text() == PYPROJECT
    assert sorted(path.name for path in project.iterdir()) == ["pyproject.toml", "src"]


KILLED_MID_WRITE = """
import os, signal, sys
from pyexpert_gates.cli import main
# The content is written; the process dies before it is renamed into place.
os.fsync = lambda descriptor: os.kill(os.getpid(), signal.SIGKILL)
main(["init", "--no-noxfile", "--project", sys.argv[1]])
"""


def test_init_killed_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    process = subprocess.run(  # noqa: S603 - this interpreter and a fixed script
        [sys.executable, "-c", KILLED_MID_WRITE, str(project)], check=False, capture_output=True
    )
    assert process.returncode == -9
    assert sorted(path.name for path in project.iterdir()) == ["pyproject.toml", "src"]
    assert (project / "pyproject.toml").read_text() == PYPROJECT
