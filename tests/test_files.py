"""The one list of a project's files: git's list in a work tree, else a walk that skips little."""

import os
from pathlib import Path

import pytest

from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.files import project_files, special_files, unreadable, walk
from tests.check.projects import write_files
from tests.integration.projects import run

TREE = {
    "src/pkg/__init__.py": "",
    "src/pkg/build/__init__.py": "",
    "src/pkg/dist/mod.py": "",
    "tests/.fixtures/data.txt": "",
    "tests/test_a.py": "",
    ".venv/lib/site.py": "",
    "env/pyvenv.cfg": "",
    "env/lib/site.py": "",
    "node_modules/x.js": "",
    "src/pkg/__pycache__/mod.pyc": "",
    ".git-rewrite/x.py": "",
}
KEPT = (
    "src/pkg/__init__.py",
    "src/pkg/build/__init__.py",
    "src/pkg/dist/mod.py",
    "tests/.fixtures/data.txt",
    "tests/test_a.py",
)


def test_outside_git_only_what_every_tool_skips_is_skipped(tmp_path: Path) -> None:
    write_files(tmp_path, TREE)
    assert project_files(tmp_path) == ProjectFiles(files=KEPT, from_git=False)


def test_a_symlinked_folder_is_walked_once_even_in_a_loop(tmp_path: Path) -> None:
    write_files(tmp_path, {"real/a.py": ""})
    (tmp_path / "real" / "again").symlink_to(tmp_path / "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    found = sorted(walk(tmp_path, ""))
    assert "real/a.py" in found
    assert len(found) <= 3  # real/a.py, and at most one path through each symlink


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (("src",), ("src/pkg/__init__.py", "src/pkg/build/__init__.py", "src/pkg/dist/mod.py")),
        (("src/pkg/dist/mod.py", "tests"), ("src/pkg/dist/mod.py", "tests/test_a.py")),
        ((".",), ("src/pkg/__init__.py", "src/pkg/build/__init__.py", "src/pkg/dist/mod.py",
                  "tests/test_a.py")),
        (("srcx",), ()),
    ],
)  # fmt: skip
def test_sources_are_the_python_files_inside_the_paths(
    paths: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert ProjectFiles(files=KEPT, from_git=False).sources(paths) == expected


def test_a_dangling_symlink_is_not_an_unreadable_path(tmp_path: Path) -> None:
    write_files(tmp_path, {"src/a.py": ""})
    (tmp_path / "src" / "gone.py").symlink_to(tmp_path / "nowhere.py")
    assert unreadable(tmp_path, ("src", "missing")) == ()


def _git(project: Path, *argv: str) -> None:
    """Run git in ``project``; it must succeed."""
    assert run(project, "git", *argv).returncode == 0


@pytest.mark.slow
def test_in_git_every_tracked_or_untracked_file_counts_whatever_its_folder(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {**TREE, ".gitignore": "ignored/\n", "ignored/x.py": "", "gone.py": ""})
    write_files(tmp_path / "outside", {"shared.py": ""})
    (tmp_path / "src" / "linked").symlink_to(tmp_path / "outside")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    (tmp_path / "gone.py").unlink()
    (tmp_path / "tests" / "new.py").write_text("", encoding="utf-8")
    listed = project_files(tmp_path)
    assert listed.from_git
    assert {"src/pkg/build/__init__.py", "tests/.fixtures/data.txt", ".venv/lib/site.py"} <= set(
        listed.files
    )
    assert {"src/linked/shared.py", "tests/new.py", ".gitignore"} <= set(listed.files)
    assert not {"ignored/x.py", "gone.py"} & set(listed.files)


@pytest.mark.slow
def test_a_project_git_ignores_as_a_whole_is_walked(tmp_path: Path) -> None:
    write_files(tmp_path, {".gitignore": "project/\n", "project/src/a.py": ""})
    _git(tmp_path, "init", "-q")
    assert project_files(tmp_path / "project") == ProjectFiles(files=("src/a.py",), from_git=False)


def test_a_symlink_to_a_folder_around_the_project_is_not_walked(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_files(project, {"a.py": ""})
    write_files(tmp_path, {"elsewhere.py": ""})
    (project / "root").symlink_to("/")
    (project / "up").symlink_to(tmp_path)
    assert project_files(project).files == ("a.py",)


def test_special_files_are_found_on_disk_where_git_lists_none(tmp_path: Path) -> None:
    write_files(tmp_path, {"src/a.py": "", "tests/t.py": "", "docs/d.py": ""})
    os.mkfifo(tmp_path / "src" / "pipe.py")
    os.mkfifo(tmp_path / "docs" / "outside.py")
    (tmp_path / "tests" / "link.py").symlink_to(tmp_path / "src" / "pipe.py")
    found = special_files(tmp_path, ["src", "tests"])
    assert found == ("src/pipe.py", "tests/link.py")
    assert special_files(tmp_path, ["src/pipe.py"]) == ("src/pipe.py",)
    assert special_files(tmp_path, []) == ("docs/outside.py", "src/pipe.py", "tests/link.py")
