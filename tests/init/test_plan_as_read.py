"""The config gate's plan from the snapshot: the answers `ask_planner` keeps plan as the disk does.

The edge asks the disk every question the planner may ask and keeps the answers; a plan made
from those answers alone must be the plan made from the disk, whichever file decides it.
"""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.data.snapshot import ConfigReader
from pyexpert_gates.errors import GatesError
from pyexpert_gates.init.plan import InitPlan, ask_planner, plan_as_read
from pyexpert_gates.textfile import DiskReader
from tests.helpers.projects import write_files

PYPROJECT = '[project]\nname = "demo"\nrequires-python = ">=3.12"\n'


def planned(project: Path, reader: ConfigReader) -> InitPlan | str:
    try:
        return plan_as_read(project, "strict", reader)
    except GatesError as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"pyproject.toml": PYPROJECT, "src/demo/__init__.py": ""}, id="pyproject"),
        pytest.param(
            {"setup.cfg": "[options]\npython_requires = >=3.13\n", "demo.py": ""}, id="setup.cfg"
        ),
        pytest.param({"pyproject.toml": PYPROJECT, "ruff.toml": "line-length = 90\n"}, id="ruff"),
        pytest.param({"pyproject.toml": PYPROJECT, ".ruff.toml": "ignore = []\n"}, id=".ruff"),
        pytest.param({"pyproject.toml": PYPROJECT, "mypy.ini": "[mypy]\n"}, id="mypy.ini"),
        pytest.param({"pyproject.toml": "[project\n"}, id="unparsable"),
    ],
)
def test_the_answers_kept_plan_as_the_disk_does(tmp_path: Path, files: dict[str, str]) -> None:
    write_files(tmp_path, files)
    reader = DiskReader()
    ask_planner(tmp_path, reader)
    assert planned(tmp_path, reader.answers()) == planned(tmp_path, DiskReader())


def test_the_answers_kept_hold_the_record_of_the_last_init(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, "src/demo/__init__.py": ""})
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    reader = DiskReader()
    ask_planner(tmp_path, reader)
    assert planned(tmp_path, reader.answers()) == planned(tmp_path, DiskReader())


def test_a_folder_that_is_not_there_is_asked_about_and_refused(tmp_path: Path) -> None:
    reader = DiskReader()
    ask_planner(tmp_path / "gone", reader)
    assert planned(tmp_path / "gone", reader.answers()) == (
        f"UsageError: {tmp_path / 'gone'}: no such project folder; "
        "pass an existing folder to --project"
    )


def test_the_config_gates_plan_moves_no_tools_own_file(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, "mypy.ini": "[mypy]\n"})
    outcome = planned(tmp_path, DiskReader())
    assert isinstance(outcome, str)
    assert "mypy reads mypy.ini instead of [tool.mypy]" in outcome
