from pathlib import Path

from pyexpert_gates.fix.outcome import FileChange
from pyexpert_gates.fix.scratch import copy_into, own_files, write_back


def test_own_files_keeps_regular_python_files_inside_the_project(tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("x = 1\n")
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "src" / "a.py").write_text("x = 1\n")
    (project / "src" / "b.pyi").write_text("x: int\n")
    (project / "src" / "c.txt").write_text("text\n")
    (project / "src" / "link.py").symlink_to(outside)
    listed = ["src/a.py", "src/b.pyi", "src/c.txt", "src/link.py", "src/gone.py"]
    assert own_files(project, listed) == ["src/a.py", "src/b.pyi"]


def test_copies_keep_their_paths_beside_the_ruff_configuration_around_them(
    tmp_path: Path,
) -> None:
    project, scratch = tmp_path / "project", tmp_path / "scratch"
    (project / "src" / "pkg").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.ruff]\n")
    (project / "src" / "ruff.toml").write_text("line-length = 90\n")
    (project / "src" / "pkg" / "a.py").write_text("x = 1\n")
    scratch.mkdir()
    assert copy_into(project, scratch, ["src/pkg/a.py"]) == {"src/pkg/a.py": b"x = 1\n"}
    assert sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file()) == [
        "pyproject.toml",
        "src/pkg/a.py",
        "src/ruff.toml",
    ]


def test_writes_back_atomically_and_leaves_a_file_that_changed_meanwhile(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_bytes(b"import os\r\n")
    (tmp_path / "b.py").write_bytes(b"edited by hand\n")
    (tmp_path / "c.py").mkdir()
    changes = [
        FileChange(path="a.py", before=b"import os\r\n", after=b"x = 1\r\n"),
        FileChange(path="b.py", before=b"as read\n", after=b"fixed\n"),
        FileChange(path="c.py", before=b"", after=b"x\n"),
    ]
    problems = write_back(tmp_path, changes)
    assert (tmp_path / "a.py").read_bytes() == b"x = 1\r\n"
    assert (tmp_path / "b.py").read_bytes() == b"edited by hand\n"
    assert [(problem.path, problem.reason.split(";")[0]) for problem in problems] == [
        ("b.py", "the file changed while fix ran"),
        ("c.py", "cannot write the file (Is a directory)"),
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.py", "b.py", "c.py"]
