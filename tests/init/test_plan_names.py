"""The settings ``--relax`` and ``--force`` may name, and what init says of a name it refuses.

``--relax`` takes a value init keeps (in any file it merges), a setting the project sets that
the preset does not (an exclude, an override), or one entry of a rule list; ``--force`` takes a
setting the preset sets, or a table above it.
"""

from pathlib import Path

import pytest

from pyexpert_gates.errors import UsageError
from pyexpert_gates.init.plan import plan_init
from tests.helpers.projects import write_files

PYPROJECT = '[project]\nname = "demo"\nrequires-python = ">=3.12"\n'
REASON = "generated code"


@pytest.mark.parametrize(
    ("settings", "name"),
    [
        pytest.param(
            '[tool.ruff.lint]\nignore = ["D301"]\n', "tool.ruff.lint.ignore.D301", id="entry"
        ),
        pytest.param('[tool.ruff]\nextend-exclude = ["gen"]\n', "ruff.extend-exclude", id="unset"),
        pytest.param(
            '[[tool.mypy.overrides]]\nmodule = "gen.*"\nignore_errors = true\n',
            "tool.mypy.overrides.ignore_errors",
            id="override",
        ),
    ],
)
def test_a_setting_of_the_project_the_preset_does_not_write_may_be_relaxed(
    tmp_path: Path, settings: str, name: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": f"{PYPROJECT}\n{settings}"})
    plan = plan_init(tmp_path, "strict", relax={name: REASON})
    assert plan.relaxations == {f"tool.{name.removeprefix('tool.')}": REASON}


def test_a_value_kept_in_ruffs_own_file_may_be_relaxed(tmp_path: Path) -> None:
    ruff = "[lint.mccabe]\nmax-complexity = 20\n"
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, "ruff.toml": ruff})
    name = "tool.ruff.lint.mccabe.max-complexity"
    plan = plan_init(tmp_path, "strict", relax={name: REASON})
    assert plan.relaxations == {name: REASON}
    [ruff_edit] = [edit for edit in plan.merges if edit.label == "ruff.toml"]
    assert f"  kept your {name} = 20 (preset: 10); relaxed: {REASON}" in ruff_edit.notes


def test_a_relaxation_recorded_before_may_get_a_new_reason_where_the_setting_is_gone(
    tmp_path: Path,
) -> None:
    recorded = '[tool.pyexpert-gates.relaxations]\n"tool.mypy.warn_unreachable" = "old"\n'
    write_files(tmp_path, {"pyproject.toml": f"{PYPROJECT}\n{recorded}"})
    plan = plan_init(tmp_path, "strict", relax={"tool.mypy.warn_unreachable": REASON})
    assert plan.relaxations == {"tool.mypy.warn_unreachable": REASON}


@pytest.mark.parametrize(
    ("pyproject", "listing"),
    [
        pytest.param(PYPROJECT, "none", id="no tool table"),
        pytest.param(
            f"{PYPROJECT}[tool.black]\nline-length = 90\n", "tool.black.line-length", id="black"
        ),
    ],
)
def test_relaxing_a_setting_init_neither_keeps_nor_finds_lists_those_it_does(
    tmp_path: Path, pyproject: str, listing: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": pyproject})
    with pytest.raises(UsageError) as raised:
        plan_init(tmp_path, "strict", relax={"mypy.warn_unreachabl": REASON})
    assert str(raised.value) == (
        "--relax tool.mypy.warn_unreachabl: not a setting init keeps or you set; name one "
        "such as tool.mypy.warn_unreachable (or a table above it). "
        f"Settings init keeps or you set: {listing}"
    )


def test_forcing_a_setting_the_preset_does_not_set_lists_twelve_that_it_does(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    with pytest.raises(UsageError) as raised:
        plan_init(tmp_path, "strict", force=["tool.mypy.warn_unreachabl"])
    message, _, listing = str(raised.value).partition("Settings the preset sets: ")
    assert message == (
        "--force tool.mypy.warn_unreachabl: not a setting the preset sets; name one such as "
        "tool.mypy.warn_unreachable (or a table above it). "
    )
    names = listing.split(", ")
    assert len(names) == 12
    assert names == sorted(names)
    assert all(name.startswith("tool.") for name in names)
