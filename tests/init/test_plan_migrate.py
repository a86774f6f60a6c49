"""``init --migrate`` planned: the tools' own files move into pyproject.toml, then the preset."""

import tomllib
from pathlib import Path

import pytest

from pyexpert_gates.errors import ConfigError
from pyexpert_gates.init.plan import plan_init
from tests.helpers.projects import write_files

PYPROJECT = '[project]\nname = "demo"\nrequires-python = ">=3.12"\n'
MYPY_INI = "[mypy]\n# ours\nwarn_unreachable = False\nfollow_imports = silent\n"


def test_the_merge_starts_from_the_moved_settings_and_the_diff_from_the_file_on_disk(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, "mypy.ini": MYPY_INI})
    plan = plan_init(tmp_path, "strict", migrate=True)
    [edit] = plan.merges
    assert edit.file.text == PYPROJECT
    assert edit.new_text is not None
    assert "# ours" in edit.new_text
    mypy = tomllib.loads(edit.new_text)["tool"]["mypy"]
    assert (mypy["follow_imports"], mypy["warn_unreachable"]) == ("silent", False)
    assert mypy["strict_equality"] is True
    assert edit.notes == (
        "  moved mypy.ini [mypy] into [tool.mypy]",
        (
            "  kept your tool.mypy.warn_unreachable = false (preset: true); "
            "`--force tool.mypy.warn_unreachable` replaces it, "
            "`--relax tool.mypy.warn_unreachable=REASON` records why you keep it"
        ),
    )
    assert plan.migration is not None
    assert [retired.label for retired in plan.migration.retired] == ["mypy.ini"]


def test_unless_asked_to_migrate_a_tools_own_file_stops_the_plan(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, "mypy.ini": MYPY_INI})
    with pytest.raises(ConfigError) as raised:
        plan_init(tmp_path, "strict")
    assert "mypy reads mypy.ini instead of [tool.mypy]" in str(raised.value)
