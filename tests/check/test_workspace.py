"""Which projects a command acts on: workspace members and repeated ``--project``."""

from pathlib import Path

import pytest

from pyexpert_gates.check.workspace import Member, resolve_projects, workspace_members
from pyexpert_gates.cli import build_parser
from pyexpert_gates.commands import project_folder
from pyexpert_gates.errors import ConfigError, UsageError

MEMBER = '[project]\nname = "{name}"\nversion = "0.1.0"\n'


def make_members(root: Path, *names: str) -> None:
    for name in names:
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "pyproject.toml").write_text(MEMBER.format(name=folder.name))


def write_root(root: Path, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(text)


def test_uv_members_are_globs_less_the_excluded_ones(tmp_path: Path) -> None:
    make_members(tmp_path, "packages/b", "packages/a", "packages/old", "tools/cli")
    (tmp_path / "packages" / "README.md").write_text("not a project\n")
    write_root(
        tmp_path,
        '[tool.uv.workspace]\nmembers = ["packages/*", "tools/cli"]\nexclude = ["packages/old"]\n',
    )
    members = workspace_members(tmp_path)
    assert [member.path for member in members] == [
        tmp_path / "packages/a",
        tmp_path / "packages/b",
        tmp_path / "tools/cli",
    ]
    assert {member.workspace for member in members} == {tmp_path}


def test_a_uv_root_that_is_a_project_is_a_member_itself(tmp_path: Path) -> None:
    make_members(tmp_path, "libs/core")
    write_root(
        tmp_path,
        '[project]\nname = "app"\nversion = "1"\n\n[tool.uv.workspace]\nmembers = ["libs/*"]\n',
    )
    (tmp_path / "app").mkdir()
    members = workspace_members(tmp_path)
    assert [member.path for member in members] == [tmp_path, tmp_path / "libs/core"]


@pytest.mark.parametrize(
    ("root_files", "own_settings", "itself"),
    [
        ((), "", False),
        (("noxfile.py", "docs/conf.py"), "", False),
        (("tests/test_all.py",), "", True),
        (("tool.py",), "", True),
        ((), '\n[tool.pyexpert-gates]\npaths = ["libs"]\n', True),
    ],
)
def test_a_uv_root_without_code_of_its_own_is_only_a_container(
    tmp_path: Path, root_files: tuple[str, ...], own_settings: str, *, itself: bool
) -> None:
    make_members(tmp_path, "libs/core")
    root = '[project]\nname = "app"\nversion = "1"\n\n[tool.uv.workspace]\nmembers = ["libs/*"]\n'
    write_root(tmp_path, root + own_settings)
    for name in root_files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    members = [member.path for member in workspace_members(tmp_path)]
    assert members == [tmp_path] * itself + [tmp_path / "libs/core"]


def test_projects_setting_wins_over_uv_and_lists_the_root_with_a_dot(tmp_path: Path) -> None:
    make_members(tmp_path, "a", "b")
    write_root(
        tmp_path,
        '[tool.uv.workspace]\nmembers = ["a", "b"]\n\n'
        '[tool.pyexpert-gates]\nprojects = ["b", "."]\n',
    )
    members = workspace_members(tmp_path)
    assert [member.path for member in members] == [tmp_path / "b", tmp_path]


@pytest.mark.parametrize(
    ("table", "named"),
    [
        ('[tool.uv.workspace]\nmembers = ["packages/*"]\n', "'packages/*' names no folder"),
        ('[tool.pyexpert-gates]\nprojects = ["gone"]\n', "'gone' names no folder"),
        ('[tool.uv.workspace]\nmembers = "packages/*"\n', "[tool.uv.workspace] members"),
        ('[tool.pyexpert-gates]\nprojects = ["../elsewhere"]\n', "projects"),
    ],
)
def test_a_member_list_that_names_no_project_is_an_error_naming_the_file(
    tmp_path: Path, table: str, named: str
) -> None:
    write_root(tmp_path, table)
    with pytest.raises(ConfigError) as raised:
        workspace_members(tmp_path)
    assert str(tmp_path / "pyproject.toml") in raised.value.message
    assert named in raised.value.message


def test_a_folder_that_is_no_workspace_has_no_members(tmp_path: Path) -> None:
    write_root(tmp_path, MEMBER.format(name="single"))
    assert workspace_members(tmp_path) == ()
    assert workspace_members(tmp_path / "nowhere") == ()


def test_each_named_project_is_acted_on_once_in_order(tmp_path: Path) -> None:
    make_members(tmp_path, "a", "b")
    named = [tmp_path / "b", tmp_path / "a", tmp_path / "b" / ".." / "b"]
    assert resolve_projects(named) == (Member(path=tmp_path / "b"), Member(path=tmp_path / "a"))


def test_a_named_workspace_root_gives_its_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_members(tmp_path, "ws/a", "ws/b", "other")
    write_root(tmp_path / "ws", '[tool.uv.workspace]\nmembers = ["*"]\n')
    monkeypatch.chdir(tmp_path / "ws")
    assert resolve_projects([]) == (
        Member(path=Path("a"), workspace=Path()),
        Member(path=Path("b"), workspace=Path()),
    )
    found = resolve_projects([Path("../other"), Path()])
    assert [member.path for member in found] == [Path("../other"), Path("a"), Path("b")]


def test_a_named_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"--project .*nowhere: no such directory"):
        resolve_projects([tmp_path, tmp_path / "nowhere"])


@pytest.mark.parametrize("command", ["init", "check", "baseline"])
def test_project_is_repeatable(command: str) -> None:
    args = build_parser([command]).parse_args([command, "--project", "a", "--project", "b"])
    assert args.projects == [Path("a"), Path("b")]


def test_a_single_project_command_refuses_several(tmp_path: Path) -> None:
    args = build_parser(["check"]).parse_args(
        ["check", "--project", str(tmp_path), "--project", str(tmp_path)]
    )
    with pytest.raises(UsageError, match="acts on one project"):
        project_folder(args)


def test_finding_members_reads_only_the_projects_setting(tmp_path: Path) -> None:
    # The rest of the table is checked when each project is acted on, by the command itself.
    write_root(tmp_path, "[tool.pyexpert-gates]\nunknown-key = 1\n")
    assert workspace_members(tmp_path) == ()
    assert resolve_projects([tmp_path]) == (Member(path=tmp_path),)
