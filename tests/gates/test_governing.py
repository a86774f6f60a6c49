"""The config gate and ruff's hierarchical configuration: a sub-folder's own config governs."""

import dataclasses
import sys
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.config import load_config
from pyexpert_gates.files import project_files
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.gates.governing import NestedRuffConfig, nested_ruff_configs, ruff_extends
from pyexpert_gates.models import Status
from pyexpert_gates.textfile import DiskReader
from tests.conftest import InitializedProjects
from tests.helpers.projects import edit, write_files
from tests.helpers.snapshots import snapshot

ROOT = """\
[project]
name = "mono"
requires-python = ">=3.11"

[tool.pyexpert-gates]
paths = ["packages/a/src", "packages/b/src"]
"""
SUB = '[project]\nname = "{name}"\nrequires-python = ">=3.11"\n'
WEAK = '\n[tool.ruff.lint]\nselect = ["E", "F"]\n'


@pytest.fixture
def monorepo(tmp_path: Path, initialized_projects: InitializedProjects) -> Path:
    """A root that checks two sub-projects' sources, with the preset merged at the root."""
    files = {"pyproject.toml": ROOT}
    for name in ("a", "b"):
        files[f"packages/{name}/src/{name}/core.py"] = '"""Core."""\n'
        files[f"packages/{name}/pyproject.toml"] = SUB.format(name=name)
    return initialized_projects.copy(tmp_path / "mono", files, "--no-noxfile")


def evaluate(project: Path) -> GateOutcome:
    config = load_config(project)
    assert config.paths is not None
    context = GateContext(
        project=project,
        paths=config.paths,
        python=Path(sys.executable),
        scratch=project,
        snapshot=snapshot(project, config.paths),
    )
    return CONFIG_GATE.evaluate(context, config)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def test_sub_projects_without_ruff_settings_follow_the_root(monorepo: Path) -> None:
    assert (
        nested_ruff_configs(
            monorepo, ("packages/a/src", "packages/b/src"), project_files(monorepo), DiskReader()
        )
        == ()
    )
    assert evaluate(monorepo).status is Status.PASSED


def test_a_weak_ruff_config_of_a_sub_project_is_a_finding_in_its_file(monorepo: Path) -> None:
    append(monorepo / "packages" / "b" / "pyproject.toml", WEAK)
    outcome = evaluate(monorepo)
    assert outcome.status is Status.FAILED
    assert {item.path for item in outcome.diagnostics} == {"packages/b/pyproject.toml"}
    messages = [item.message for item in outcome.diagnostics]
    assert any(message.startswith("tool.ruff.lint.select lacks ") for message in messages)
    # Only ruff reads a sub-folder's configuration; the others read the root's alone.
    assert not any(message.startswith(("tool.mypy", "tool.pyright")) for message in messages)


def test_a_config_that_extends_the_root_inherits_what_it_leaves_out(monorepo: Path) -> None:
    sub = monorepo / "packages" / "a" / "pyproject.toml"
    append(sub, '\n[tool.ruff]\nextend = "../../pyproject.toml"\n')
    assert nested_ruff_configs(
        monorepo, ("packages/a/src",), project_files(monorepo), DiskReader()
    ) == (NestedRuffConfig(folder="packages/a", extends=True),)
    assert evaluate(monorepo).status is Status.PASSED
    append(sub, '\n[tool.ruff.lint]\nselect = ["E"]\n')
    outcome = evaluate(monorepo)
    assert [item.path for item in outcome.diagnostics] == ["packages/a/pyproject.toml"]
    assert outcome.diagnostics[0].message.startswith("tool.ruff.lint.select lacks ")


def test_a_ruff_toml_inside_a_checked_folder_is_checked(monorepo: Path) -> None:
    (monorepo / "packages" / "b" / "src" / "legacy").mkdir()
    (monorepo / "packages" / "b" / "src" / "legacy" / "ruff.toml").write_text("line-length = 200\n")
    outcome = evaluate(monorepo)
    assert outcome.status is Status.FAILED
    assert {item.path for item in outcome.diagnostics} == {"packages/b/src/legacy/ruff.toml"}


def test_a_value_a_sub_project_config_sets_otherwise_differs_and_is_not_taken_for_outdated(
    monorepo: Path,
) -> None:
    (monorepo / "packages" / "b" / "ruff.toml").write_text("[lint.mccabe]\nmax-complexity = 20\n")
    outcome = evaluate(monorepo)
    differs = [item for item in outcome.diagnostics if item.code == "config-differs"]
    assert [(item.path, item.message.split(";")[0]) for item in differs] == [
        ("packages/b/ruff.toml", "tool.ruff.lint.mccabe.max-complexity is 20")
    ]


def test_a_broken_sub_project_config_is_an_error_not_a_pass(monorepo: Path) -> None:
    (monorepo / "packages" / "a" / "ruff.toml").write_text("select = [\n")
    outcome = evaluate(monorepo)
    assert outcome.status is Status.ERROR
    assert "ruff.toml" in outcome.summary


def test_init_says_which_sub_folder_shadows_the_root_settings(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    append(monorepo / "packages" / "b" / "pyproject.toml", WEAK)
    append(monorepo / "packages" / "a" / "pyproject.toml", '\n[tool.ruff]\nextend = "../../x"\n')
    capsys.readouterr()
    assert main(["init", "--project", str(monorepo), "--no-noxfile"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if "govern" in line]
    assert len(notes) == 1
    assert notes[0].startswith("packages/b: its own ruff settings govern the files checked there")
    assert 'extend = "../../pyproject.toml"' in notes[0]


EXTENDED = [
    # A sub-folder's own configuration that extends the root and takes checks away itself.
    (
        {
            "mono/packages/a/ruff.toml": (
                'extend = "../../pyproject.toml"\n[lint.extend-per-file-ignores]\n'
                '"src/**" = ["ANN"]\n'
            )
        },
        ("packages/a/ruff.toml", '"src/**"'),
        "tool.ruff.lint.extend-per-file-ignores turns off ANN for src/**",
    ),
    (
        {
            "mono/packages/b/.ruff.toml": (
                'extend = "../../pyproject.toml"\nextend-exclude = ["src/b/core.py"]\n'
            )
        },
        ("packages/b/.ruff.toml", "extend-exclude"),
        "tool.ruff.extend-exclude hides src/b/core.py from ruff",
    ),
    # The root's configuration extends a file outside the project.
    (
        {"outside.toml": '[lint]\nextend-ignore = ["ANN", "COM812"]\n'},
        ("pyproject.toml", "extend"),
        (
            "tool.ruff.lint.extend-ignore turns off ANN, in ../outside.toml, which "
            "pyproject.toml extends"
        ),
    ),
    # A chain out of the project, its patterns relative to the file that holds them.
    (
        {
            "mono/packages/a/ruff.toml": 'extend = "../../../shared/ruff.toml"\n',
            "shared/ruff.toml": 'extend = "more.toml"\n',
            "shared/more.toml": '[lint.per-file-ignores]\n"../mono/packages/a/**" = ["D"]\n',
        },
        ("packages/a/ruff.toml", "extend"),
        (
            "tool.ruff.lint.per-file-ignores turns off D for ../mono/packages/a/**, in "
            "../../../shared/more.toml, which ruff.toml extends"
        ),
    ),
    # An exclude in an extended file matches paths from that file's folder.
    (
        {
            "mono/packages/a/ruff.toml": 'extend = "../../../shared/ruff.toml"\n',
            "shared/ruff.toml": 'extend-exclude = ["../mono/packages/a/src"]\n',
        },
        ("packages/a/ruff.toml", "extend"),
        (
            "tool.ruff.extend-exclude hides ../mono/packages/a/src/a/core.py from ruff, in "
            "../../../shared/ruff.toml, which ruff.toml extends"
        ),
    ),
    # A loop of extends (ruff refuses it) is read once.
    (
        {
            "mono/packages/a/ruff.toml": 'extend = "../../../shared/a.toml"\n',
            "shared/a.toml": 'extend = "b.toml"\nextend-ignore = ["ANN"]\n',
            "shared/b.toml": 'extend = "a.toml"\n',
        },
        ("packages/a/ruff.toml", "extend"),
        "tool.ruff.extend-ignore turns off ANN, in ../../../shared/a.toml, which ruff.toml extends",
    ),
]


@pytest.mark.parametrize(("files", "where", "message"), EXTENDED)
def test_what_a_configuration_or_the_files_it_extends_take_away_is_found(
    monorepo: Path, files: dict[str, str], where: tuple[str, str], message: str
) -> None:
    write_files(monorepo.parent, files)
    if "outside.toml" in files:
        edit(
            monorepo / "pyproject.toml",
            "[tool.ruff]\n",
            '[tool.ruff]\nextend = "../outside.toml"\n',
        )
    outcome = evaluate(monorepo)
    (finding,) = outcome.diagnostics
    path, key = where
    assert (finding.code, finding.path) == ("config-opt-out", path)
    assert finding.message.startswith(message)
    lines = (monorepo / path).read_text().splitlines()
    assert finding.line is not None
    assert lines[finding.line - 1].startswith(key)
    name = message.split(" ", 1)[0]
    relaxation = f'\n[tool.pyexpert-gates.relaxations]\n"{name}" = "legacy"\n'
    append(monorepo / "pyproject.toml", relaxation)
    assert evaluate(monorepo).status is Status.PASSED


def test_an_extended_file_that_takes_nothing_away_passes(monorepo: Path) -> None:
    outside = 'line-length = 100\n[lint]\nignore = ["E203"]\n'
    (monorepo.parent / "outside.toml").write_text(outside)
    edit(monorepo / "pyproject.toml", "[tool.ruff]\n", '[tool.ruff]\nextend = "../outside.toml"\n')
    (monorepo / "packages" / "a" / "ruff.toml").write_text('extend = "../../pyproject.toml"\n')
    assert evaluate(monorepo).status is Status.PASSED


def test_the_root_configuration_extended_by_a_sub_folder_is_judged_once(monorepo: Path) -> None:
    edit(monorepo / "pyproject.toml", "[tool.ruff]\n", '[tool.ruff]\nextend-ignore = ["ANN"]\n')
    (monorepo / "packages" / "a" / "ruff.toml").write_text('extend = "../../pyproject.toml"\n')
    outcome = evaluate(monorepo)
    assert [(item.path, item.code) for item in outcome.diagnostics] == [
        ("pyproject.toml", "config-opt-out")
    ]


@pytest.mark.parametrize(
    ("extend", "variables"),
    [
        ("$BASE/base.toml", {"BASE": "shared"}),
        ("${BASE}/base.toml", {"BASE": "shared"}),
        ("~/base.toml", {"HOME": "shared"}),
    ],
)
def test_ruff_extend_takes_its_variables_from_the_snapshot(
    tmp_path: Path, extend: str, variables: dict[str, str]
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.toml").write_text("line-length = 90\n", encoding="utf-8")
    config = tmp_path / "ruff.toml"
    config.write_text(f'extend = "{extend}"\n', encoding="utf-8")
    variables = {name: str(tmp_path / value) for name, value in variables.items()}
    assert ruff_extends(config, variables, DiskReader()) == [
        ((tmp_path / "shared" / "base.toml").resolve(), {"line-length": 90})
    ]
    assert (
        ruff_extends(config, {}, DiskReader()) == []
    )  # unknown: kept as written, a file that is not there


def test_a_users_home_in_ruff_extend_comes_from_the_reader(tmp_path: Path) -> None:
    base = tmp_path / "shared" / "base.toml"
    write_files(
        tmp_path,
        {"shared/base.toml": "line-length = 90\n", "ruff.toml": 'extend = "~bob/base.toml"\n'},
    )
    config = tmp_path / "ruff.toml"
    disk = DiskReader()
    for path in (config, base, base.resolve()):
        disk.real_path(path)
        disk.holds_file(path)
        disk.content(path, str(path))
    answers = dataclasses.replace(disk.answers(), homes={"~bob/base.toml": str(base)})
    assert ruff_extends(config, {}, answers) == [(base.resolve(), {"line-length": 90})]
    assert (
        DiskReader().home_of("~no-such-user-of-pxg/base.toml") == "~no-such-user-of-pxg/base.toml"
    )
