"""`init --migrate`: settings move from each tool's own file into pyproject.toml, in one step."""

import os
import tomllib
from pathlib import Path

import pytest

from pyexpert_gates.cli import main

pytestmark = pytest.mark.slow  # init asks the project's pytest which settings it knows

PYPROJECT = '[project]\nname = "demo"\nrequires-python = ">=3.12"\n'
SETUP_CFG = """\
[metadata]
name = demo

# type checking
[mypy]
# be strict where it counts
warn_unreachable = True
python_version = 3.8
plugins = pydantic.mypy,
    other.plugin
many_errors_threshold = 5
follow_imports = silent

[mypy-requests.*,yaml]
ignore_missing_imports = True

[tool:pytest]
# where the tests are
testpaths = tests
addopts = -ra --tb=short
filterwarnings =
    error
    ignore::DeprecationWarning
xfail_strict = true
markers =
    slow: takes long
"""


def migrate(project: Path, *extra: str) -> int:
    return main(["init", "--project", str(project), "--no-noxfile", "--migrate", *extra])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "setup.cfg").write_text(SETUP_CFG)
    (tmp_path / "src").mkdir()
    return tmp_path


def test_setup_cfg_sections_move_with_their_types_and_comments(project: Path) -> None:
    assert migrate(project) == 0
    text = (project / "pyproject.toml").read_text()
    data = tomllib.loads(text)["tool"]
    mypy = data["mypy"]
    assert mypy["warn_unreachable"] is True
    assert mypy["python_version"] == "3.12"  # 3.8 is refused by mypy: replaced
    assert mypy["plugins"] == ["pydantic.mypy", "other.plugin"]
    assert mypy["many_errors_threshold"] == 5
    assert mypy["follow_imports"] == "silent"
    assert mypy["overrides"] == [{"module": ["requests.*", "yaml"], "ignore_missing_imports": True}]
    options = data["pytest"]["ini_options"]
    assert options["testpaths"] == ["tests"]
    assert options["addopts"][:2] == ["-ra", "--tb=short"]
    assert options["filterwarnings"] == ["error", "ignore::DeprecationWarning"]
    assert options["xfail_strict"] is True
    assert options["markers"] == ["slow: takes long"]
    for comment in ("# type checking", "# be strict where it counts", "# where the tests are"):
        assert comment in text
    assert (project / "setup.cfg").read_text() == "[metadata]\nname = demo\n\n"
    assert migrate(project) == 0
    assert (project / "pyproject.toml").read_text() == text


def test_an_own_file_is_deleted_and_its_top_comments_move(tmp_path: Path) -> None:
    (tmp_path / "mypy.ini").write_text("# Our checker\n\n[mypy]\nstrict = true\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -q\n")
    (tmp_path / "pyrightconfig.json").write_text(
        '{\n  // only the package\n  "include": ["src"],\n  "reportMissingImports": true,\n}\n'
    )
    assert migrate(tmp_path) == 0
    # The old files are gone; init's record of what it wrote is new.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pyexpert-gates", "pyproject.toml"]
    text = (tmp_path / "pyproject.toml").read_text()
    assert "[tool.mypy]\n# Our checker\nstrict = true\n" in text
    assert '[tool.pyright]\n# only the package\ninclude = ["src"]\n' in text
    assert tomllib.loads(text)["tool"]["pytest"]["ini_options"]["addopts"][0] == "-q"


def test_dry_run_shows_every_files_diff_and_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "tox.ini").write_text("[tox]\nenv_list = py312\n")
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    assert migrate(project, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "+++ b/pyproject.toml" in out
    assert "+++ b/setup.cfg" in out
    assert "-[mypy-requests.*,yaml]" in out
    assert "moved setup.cfg [mypy], [mypy-requests.*,yaml] into [tool.mypy]" in out
    assert {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()} == before


def test_without_migrate_init_names_the_flag(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--project", str(project), "--no-noxfile"]) == 2
    assert "`pyexpert-gates init --migrate` moves them" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"mypy.ini": "[mypy]\nstrict = true\n\n[other]\nx = 1\n"},
            "mypy.ini: [other] (line 4) would stay",
        ),
        (
            {
                "mypy.ini": "[mypy]\nstrict = true\n",
                "pyproject.toml": "[tool.mypy]\nstrict = false\n",
            },
            "pyproject.toml: has [tool.mypy] as well as mypy.ini [mypy]",
        ),
        ({"pyrightconfig.json": '{"include": null}'}, "pyrightconfig.json: include is null"),
        ({"pytest.ini": "[pytest]\naddopts\n"}, "pytest.ini:2: cannot read it as an INI file"),
    ],
)
def test_what_cannot_move_safely_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert migrate(tmp_path) == 2
    assert message in capsys.readouterr().err
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == files


def test_a_failed_write_leaves_every_file_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    real_replace = os.replace
    renames: list[str] = []

    def failing_second_rename(source: str, target: str) -> None:
        renames.append(str(target))
        if len(renames) == 2:
            raise OSError(28, "No space left on device", str(target))
        real_replace(source, target)

    # The one edge that cannot be made real: the disk failing halfway.
    monkeypatch.setattr(os, "replace", failing_second_rename)
    assert migrate(project) == 2
    assert "nothing was written" in capsys.readouterr().err
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()} == before
