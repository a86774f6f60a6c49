"""init's plan, as data: what merging the preset into a project's files changes and says."""

import tomllib
from collections import Counter
from pathlib import Path
from typing import cast

from pyexpert_gates.cli import main
from pyexpert_gates.init.merge import ChangeKind
from pyexpert_gates.init.plan import InitPlan, plan_init
from pyexpert_gates.init.state import read_state
from tests.helpers.projects import write_files

RELAXED = """\
[project]
name = "demo"
requires-python = ">=3.12"

[tool.ruff]
ignore = ["E501"]

[tool.ruff.lint]
select = ["E"]

[tool.mypy]
warn_unreachable = false
strict_equality = false

[tool.pyexpert-gates.relaxations]
"tool.mypy.warn_unreachable" = "generated code"
"""


def merged_setting(plan: InitPlan, name: str) -> object:
    text = plan.merges[0].new_text
    assert text is not None
    value: object = tomllib.loads(text)
    for key in name.split("."):
        assert isinstance(value, dict)
        value = cast("dict[str, object]", value)[key]
    return value


def test_the_summary_counts_each_kind_of_change_and_names_the_preset_and_python(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {"pyproject.toml": RELAXED, "src/demo.py": ""})
    plan = plan_init(tmp_path, "strict", force=["tool.mypy.warn_unreachable"])
    [edit] = plan.merges
    assert edit.label == "pyproject.toml"
    assert edit.merge is not None
    added = Counter(change.kind for change in edit.merge.changes)[ChangeKind.ADD]
    assert edit.summary == (
        f"added {added}, extended 2, replaced 1, moved 1, removed 1 "
        "(preset strict v2, Python 3.12 from requires-python '>=3.12')"
    )
    assert edit.current == "with preset strict v2"


def test_a_list_relaxed_on_this_run_is_not_extended(tmp_path: Path) -> None:
    pyproject = '[project]\nname = "demo"\n\n[tool.pytest.ini_options]\naddopts = ["-ra"]\n'
    write_files(tmp_path, {"pyproject.toml": pyproject})
    reason = "the markers come from a plugin"
    plan = plan_init(tmp_path, "strict", relax={"tool.pytest.ini_options.addopts": reason})
    assert merged_setting(plan, "tool.pytest.ini_options.addopts") == ["-ra"]
    assert merged_setting(plan, "tool.pyexpert-gates.relaxations") == {
        "tool.pytest.ini_options.addopts": reason
    }
    assert plan.relaxations == {"tool.pytest.ini_options.addopts": reason}


def test_forcing_a_relaxed_setting_ends_its_relaxation_and_keeps_the_others(
    tmp_path: Path,
) -> None:
    relaxations = '"tool.mypy.strict_equality" = "legacy comparisons"\n'
    write_files(tmp_path, {"pyproject.toml": RELAXED + relaxations})
    plan = plan_init(tmp_path, "strict", force=["tool.mypy.warn_unreachable"])
    assert plan.relaxations == {"tool.mypy.strict_equality": "legacy comparisons"}
    assert merged_setting(plan, "tool.mypy.warn_unreachable") is True
    assert merged_setting(plan, "tool.pyexpert-gates.relaxations") == plan.relaxations


def test_the_record_holds_the_items_the_preset_added_to_a_list_and_not_the_projects(
    tmp_path: Path,
) -> None:
    pyproject = '[project]\nname = "demo"\n\n[tool.ruff.lint]\nignore = ["E501"]\n'
    write_files(tmp_path, {"pyproject.toml": pyproject})
    plan = plan_init(tmp_path, "strict")
    ignore = cast("list[str]", merged_setting(plan, "tool.ruff.lint.ignore"))
    written = plan.state.files["pyproject.toml"][("tool", "ruff", "lint", "ignore")]
    assert written.added == {f'"{code}"' for code in ignore} - {'"E501"'}
    assert ("tool", "mypy", "warn_unreachable") in plan.state.files["pyproject.toml"]


def test_planning_again_after_init_records_what_init_recorded(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": RELAXED, "src/demo.py": ""})
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    assert plan_init(tmp_path, "strict").state == read_state(tmp_path)


def test_the_notes_say_what_moved_and_what_was_kept_and_how_to_resolve_it(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {"pyproject.toml": RELAXED})
    plan = plan_init(tmp_path, "strict", force=["tool.mypy.warn_unreachable"])
    assert plan.merges[0].notes == (
        "  moved tool.ruff.ignore to tool.ruff.lint.ignore (ruff reads lint settings there)",
        (
            "  kept your tool.mypy.strict_equality = false (preset: true); "
            "`--force tool.mypy.strict_equality` replaces it, "
            "`--relax tool.mypy.strict_equality=REASON` records why you keep it"
        ),
    )
