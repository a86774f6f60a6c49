"""Files that configuration files name are in the cache key, wherever they are."""

from pathlib import Path

import pytest

from pyexpert_gates.cache.inputs import config_files
from pyexpert_gates.cache.references import referenced_files
from pyexpert_gates.data.snapshot import ProjectFiles

from .projects import check_json, clean_project, edit, findings, gates_of, write_files


def referenced(project: Path, *configs: str) -> list[str]:
    return referenced_files(project, configs)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # A ruff chain out of the project and back, each step relative to the file naming it.
        (
            {
                "p/pyproject.toml": '[tool.ruff]\nextend = "../base.toml"\n',
                "base.toml": 'extend = "shared/more.toml"\n',
                "shared/more.toml": 'extend = "../p/configs/last.toml"\n',
                "p/configs/last.toml": "line-length = 100\n",
            },
            ["{root}/base.toml", "{root}/shared/more.toml", "configs/last.toml"],
        ),
        (
            {"p/ruff.toml": 'extend = "../outside.toml"\n', "outside.toml": ""},
            ["{root}/outside.toml"],
        ),
        (
            {"p/sub/.ruff.toml": 'extend = "../../outside.toml"\n', "outside.toml": ""},
            ["{root}/outside.toml"],
        ),
        (
            {"p/pyproject.toml": '[tool.pyright]\nextends = "../base.json"\n', "base.json": "{}"},
            ["{root}/base.json"],
        ),
        (
            {
                "p/pyrightconfig.json": '{\n  // shared\n  "extends": "../base.json",\n}\n',
                "base.json": '{"extends": "./deeper.json"}',
                "deeper.json": "{}",
            },
            ["{root}/base.json", "{root}/deeper.json"],
        ),
        (
            {
                "p/pyproject.toml": '[tool.mypy]\nplugins = ["../plugin.py", "pydantic.mypy"]\n',
                "plugin.py": "",
            },
            ["{root}/plugin.py"],
        ),
        # Loops end, missing and broken files name nothing.
        (
            {"p/ruff.toml": 'extend = "../a.toml"\n', "a.toml": 'extend = "p/ruff.toml"\n'},
            ["{root}/a.toml"],
        ),
        ({"p/ruff.toml": 'extend = "../missing.toml"\n'}, []),
        (
            {"p/ruff.toml": 'extend = "../broken.toml"\n', "broken.toml": "extend = [\n"},
            ["{root}/broken.toml"],
        ),
        ({"p/pyproject.toml": "[tool.ruff\n"}, []),
        ({"p/ruff.toml": "extend = 5\n"}, []),
    ],
)
def test_every_file_a_configuration_names_is_followed(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    write_files(tmp_path, files)
    found = referenced(tmp_path / "p", next(iter(files)).removeprefix("p/"))
    assert found == [item.format(root=tmp_path.resolve()) for item in expected]


def test_extend_expands_home_and_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SHARED", str(tmp_path / "shared"))
    write_files(
        tmp_path,
        {
            "p/ruff.toml": 'extend = "~/ruff.toml"\n',
            "home/ruff.toml": 'extend = "$SHARED/last.toml"\n',
            "shared/last.toml": "",
        },
    )
    root = tmp_path.resolve()
    assert referenced(tmp_path / "p", "ruff.toml") == [
        f"{root}/home/ruff.toml",
        f"{root}/shared/last.toml",
    ]


def test_the_key_files_hold_the_named_files(tmp_path: Path) -> None:
    write_files(
        tmp_path, {"p/pyproject.toml": '[tool.ruff]\nextend = "../base.toml"\n', "base.toml": ""}
    )
    listed = ProjectFiles(files=("pyproject.toml",), from_git=False)
    found = config_files(tmp_path / "p", listed, {"HOME": str(tmp_path / "nohome")})
    assert f"{tmp_path.resolve()}/base.toml" in found


BASE = '[lint.extend-per-file-ignores]\n"../calc/src/**" = ["F401"]\n'


@pytest.mark.slow
def test_a_changed_outside_extend_file_is_never_replayed_green(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "calc")
    edit(
        project / "pyproject.toml", "[tool.ruff]\n", '[tool.ruff]\nextend = "../shared/base.toml"\n'
    )
    write_files(tmp_path, {"shared/base.toml": 'extend = "more.toml"\n', "shared/more.toml": BASE})
    module = project / "src" / "calc" / "__init__.py"
    edit(module, '"""\n\nfrom', '"""\n\nimport os\nfrom')
    code, document = check_json(project, "--gate", "ruff")
    assert (code, gates_of(document)["ruff"]["status"]) == (0, "passed")
    # The attack: the second file of the chain, outside the project, turns the rule back on.
    (tmp_path / "shared" / "more.toml").write_text("", encoding="utf-8")
    code, document = check_json(project, "--gate", "ruff")
    ruff = gates_of(document)["ruff"]
    assert (code, ruff["status"], ruff["cached"]) == (1, "failed", False)
    assert findings(ruff) == [("src/calc/__init__.py", 3, "F401")]
