"""init over several projects: every project planned first, a workspace's CI file at its root."""

from pathlib import Path

from pyexpert_gates.check.workspace import Member
from pyexpert_gates.init.projects import InitChoices, plan_projects, write_projects
from pyexpert_gates.init.state import STATE_FILE
from pyexpert_gates.init.workflow import WORKFLOW_PATH, CiSystem

PYPROJECT = '[project]\nname = "{name}"\nrequires-python = ">={python}"\n'


def choices(ci: CiSystem | None = None) -> InitChoices:
    return InitChoices(preset="strict", force=False, relax={}, migrate=False, noxfile=False, ci=ci)


def member(root: Path, name: str, python: str) -> Member:
    folder = root / name
    folder.mkdir()
    (folder / "pyproject.toml").write_text(PYPROJECT.format(name=name, python=python))
    return Member(path=folder, workspace=root)


def test_a_workspace_gets_one_ci_file_at_its_root_for_the_oldest_python(tmp_path: Path) -> None:
    members = [member(tmp_path, "one", "3.12"), member(tmp_path, "two", "3.11")]
    run = plan_projects(members, choices(CiSystem.GITHUB))
    assert [init.label for init in run.projects] == [str(m.path) for m in members]
    assert [root for root, _ in run.workflows] == [tmp_path.resolve()]
    [(_, workflow)] = run.workflows
    assert workflow.label == WORKFLOW_PATH
    assert workflow.new_text is not None
    assert "3.11" in workflow.new_text
    assert all(init.root == tmp_path for init in run.projects)
    assert all(edit.label != WORKFLOW_PATH for init in run.projects for edit in init.edits)


def test_a_dry_run_writes_nothing_and_a_real_one_writes_files_and_records(
    tmp_path: Path,
) -> None:
    members = [member(tmp_path, "one", "3.12")]
    before = (tmp_path / "one" / "pyproject.toml").read_text()
    run = plan_projects(members, choices())
    [init] = run.projects
    assert [edit.label for edit in init.record] == [STATE_FILE]
    write_projects(run, dry_run=True)
    assert (tmp_path / "one" / "pyproject.toml").read_text() == before
    assert not (tmp_path / "one" / STATE_FILE).exists()
    write_projects(run, dry_run=False)
    assert "[tool.mypy]" in (tmp_path / "one" / "pyproject.toml").read_text()
    assert (tmp_path / "one" / STATE_FILE).is_file()
