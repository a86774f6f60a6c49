"""One writer, one policy: no write through a link out of the project, nor over a read-only file.

Each attack points a real symlink out of the project (or makes a file read-only), runs the
command, and checks that the outside target is unchanged, the command refused with exit 2 and a
message naming the path, and nothing else was written.
"""

from pathlib import Path

import pytest

from pyexpert_gates.cache.store import ResultCache
from pyexpert_gates.cli import main
from pyexpert_gates.errors import InputError
from pyexpert_gates.models import GateName, GateResult, Status
from pyexpert_gates.textfile import UnwritableFileError, write_atomic
from pyexpert_gates.watch.watcher import require_own_record
from tests.helpers.projects import CLEAN, write_files

OUTSIDE = "# not the project's file\n"


def outside_file(tmp_path: Path) -> Path:
    """A file outside every project, which no command may change."""
    target = tmp_path / "outside" / "target.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(OUTSIDE, encoding="utf-8")
    return target


def project_files(project: Path) -> dict[str, bytes]:
    """Every regular file of the project, by path: what a refused command must leave."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def test_the_writer_refuses_a_link_out_of_its_folder(tmp_path: Path) -> None:
    target = outside_file(tmp_path)
    (tmp_path / "project").mkdir()
    link = tmp_path / "project" / "noxfile.py"
    link.symlink_to(target)
    with pytest.raises(UnwritableFileError) as refused:
        write_atomic(link, "changed\n", within=tmp_path / "project")
    assert refused.value.filename == str(link)
    assert "leads out of" in str(refused.value.strerror)
    assert target.read_text(encoding="utf-8") == OUTSIDE


def test_the_writer_follows_a_link_that_stays_inside(tmp_path: Path) -> None:
    (tmp_path / "real.toml").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(tmp_path / "real.toml")
    write_atomic(tmp_path / "link.toml", "new\n", within=tmp_path)
    assert (tmp_path / "real.toml").read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / "link.toml").is_symlink()


def test_the_writer_never_replaces_a_read_only_file(tmp_path: Path) -> None:
    frozen = tmp_path / "frozen.py"
    frozen.write_text("x = 1\n", encoding="utf-8")
    frozen.chmod(0o444)
    with pytest.raises(UnwritableFileError, match="read-only"):
        write_atomic(frozen, "x = 2\n", within=tmp_path)
    assert frozen.read_text(encoding="utf-8") == "x = 1\n"


@pytest.mark.parametrize(
    ("link", "refused"),
    [
        ("noxfile.py", "noxfile.py"),
        (".pyexpert-gates", ".pyexpert-gates/preset-state.json"),
        (".github", ".github/workflows"),
    ],
)
def test_init_never_writes_through_a_link_out_of_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str, refused: str
) -> None:
    target = outside_file(tmp_path)
    project = tmp_path / "calc"
    write_files(project, CLEAN)
    (project / link).symlink_to(target if link == "noxfile.py" else target.parent)
    before = project_files(project)
    assert main(["init", "--project", str(project), "--ci", "github"]) == 2
    error = capsys.readouterr().err
    assert refused in error
    assert "leads out of" in error
    assert "nothing was written" in error
    assert project_files(project) == before
    assert [path.name for path in target.parent.iterdir()] == ["target.txt"]
    assert target.read_text(encoding="utf-8") == OUTSIDE


@pytest.mark.parametrize("member", ["linked", "../neighbour"])
def test_no_command_acts_on_a_workspace_member_outside_the_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], member: str
) -> None:
    neighbour = tmp_path / "neighbour"
    write_files(neighbour, CLEAN)
    outside = project_files(neighbour)
    root = tmp_path / "root"
    root.mkdir()
    if member == "linked":
        (root / "linked").symlink_to(neighbour)
    (root / "pyproject.toml").write_text(
        f'[tool.uv.workspace]\nmembers = ["{member}"]\n', encoding="utf-8"
    )
    for command in ("init", "fix", "baseline", "check"):
        assert main([command, "--project", str(root)]) == 2
        error = capsys.readouterr().err
        assert f"{member}: the workspace member lies outside the workspace root" in error
        assert project_files(neighbour) == outside


@pytest.mark.slow
def test_fix_never_replaces_a_read_only_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "calc"
    write_files(project, {**CLEAN, "src/calc/messy.py": "import os\nx=1\n"})
    assert main(["init", "--project", str(project), "--no-noxfile"]) == 0
    messy = project / "src" / "calc" / "messy.py"
    messy.chmod(0o444)
    before = project_files(project)
    assert main(["fix", "--project", str(project)]) == 2
    output = capsys.readouterr()
    assert "src/calc/messy.py" in output.out + output.err
    assert "read-only" in output.out + output.err
    assert project_files(project) == before


@pytest.mark.parametrize(
    "link",
    [".pyexpert-gates", ".pyexpert-gates/cache", ".pyexpert-gates/cache/testmondata"],
)
def test_testmon_is_never_pointed_through_a_link(tmp_path: Path, link: str) -> None:
    target = outside_file(tmp_path)
    project = tmp_path / "calc"
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(target if link.endswith("testmondata") else target.parent)
    with pytest.raises(InputError, match=rf"^{link}: a symlink"):
        require_own_record(project)
    assert target.read_text(encoding="utf-8") == OUTSIDE


def test_a_cache_entry_linked_out_of_the_cache_folder_is_not_written(tmp_path: Path) -> None:
    target = outside_file(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir()
    key = "0" * 40
    (folder / f"{key}.json").symlink_to(target)
    cache = ResultCache(folder=folder, secret=bytes(32))
    cache.save(key, GateResult(name=GateName.RUFF, status=Status.PASSED))
    assert target.read_text(encoding="utf-8") == OUTSIDE
    assert [path.name for path in folder.iterdir()] == [f"{key}.json"]


@pytest.mark.slow
def test_init_impact_never_writes_through_a_link_to_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "calc"
    write_files(project, {**CLEAN, "conf/pyproject.toml": CLEAN["pyproject.toml"]})
    (project / "pyproject.toml").unlink()
    # Absolute: a copy of the project keeps pointing at the project's own file.
    (project / "pyproject.toml").symlink_to(project / "conf" / "pyproject.toml")
    before = project_files(project)
    code = main(["init", "--project", str(project), "--dry-run", "--impact", "--no-noxfile"])
    assert code == 0, capsys.readouterr().err
    assert "impact:" in capsys.readouterr().out
    assert project_files(project) == before


def test_check_nox_never_installs_through_a_linked_nox_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = outside_file(tmp_path)
    project = tmp_path / "calc"
    write_files(project, CLEAN)
    (project / ".nox").symlink_to(target.parent)
    assert main(["check", "--project", str(project), "--nox"]) == 2
    assert ".nox: a symlink" in capsys.readouterr().err
    assert [path.name for path in target.parent.iterdir()] == ["target.txt"]
