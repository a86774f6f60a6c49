"""The pytest settings init adds, one by one, and taking each back to the project's own value."""

from pyexpert_gates.data.toml import Data
from pyexpert_gates.init.merge import ChangeKind, apply_plain, plan_merge
from pyexpert_gates.init.strictness import (
    StrictSetting,
    added_strictness,
    registered_markers,
    taken_back,
    unknown_markers,
)

OPTIONS = ("tool", "pytest", "ini_options")
PRESET: Data = {
    "tool": {
        "pytest": {
            "ini_options": {
                "addopts": ["--strict-markers", "--strict-config"],
                "xfail_strict": True,
                "filterwarnings": ["error"],
            }
        },
        "mypy": {"strict": True},
    }
}


def test_each_scalar_and_each_added_item_is_one_setting() -> None:
    project: Data = {"tool": {"pytest": {"ini_options": {"addopts": "-ra -m 'not slow'"}}}}
    plan = plan_merge(project, PRESET)
    assert [setting.label for setting in added_strictness(plan)] == [
        "tool.pytest.ini_options.addopts --strict-markers",
        "tool.pytest.ini_options.addopts --strict-config",
        "tool.pytest.ini_options.xfail_strict",
        "tool.pytest.ini_options.filterwarnings error",
    ]


def test_a_new_pytest_table_brings_each_leaf_and_item() -> None:
    names = {setting.label for setting in added_strictness(plan_merge({}, PRESET))}
    assert names == {
        "tool.pytest.ini_options.addopts --strict-markers",
        "tool.pytest.ini_options.addopts --strict-config",
        "tool.pytest.ini_options.xfail_strict",
        "tool.pytest.ini_options.filterwarnings error",
    }


def test_taking_back_restores_the_projects_own_values() -> None:
    before: Data = {
        "tool": {"pytest": {"ini_options": {"addopts": "-ra -m 'not slow'", "filterwarnings": []}}}
    }
    merged = apply_plain(before, plan_merge(before, PRESET).changes)
    settings = [
        StrictSetting(path=(*OPTIONS, "addopts"), item="--strict-markers"),
        StrictSetting(path=(*OPTIONS, "xfail_strict")),
        StrictSetting(path=(*OPTIONS, "filterwarnings"), item="error"),
    ]
    plan = taken_back(merged, settings)
    assert [change.kind for change in plan.changes] == [
        ChangeKind.REPLACE,
        ChangeKind.REMOVE,
        ChangeKind.REMOVE,
    ]
    loosened = apply_plain(merged, plan.changes)
    expected = {"addopts": "-ra -m 'not slow' --strict-config"}
    assert loosened == {"tool": {"pytest": {"ini_options": expected}, "mypy": {"strict": True}}}


def test_nothing_to_take_back_changes_nothing() -> None:
    setting = StrictSetting(path=(*OPTIONS, "xfail_strict"))
    assert taken_back({}, [setting]).changes == ()


def test_the_markers_strict_markers_refuses_are_read_from_the_failures() -> None:
    failures = [
        "tests/test_a.py: collection failure: 'slow' not found in `markers` configuration option",
        "tests/test_b.py: collection failure: 'db' not found in `markers` configuration option",
        "tests/test_c.py: 'slow' not found in `markers` configuration option",
        "tests/test_d.py::test_x: assert 1 == 2",
    ]
    assert unknown_markers(failures) == ["db", "slow"]


def test_markers_are_added_to_the_projects_list_or_created() -> None:
    entry = "slow: registered at adoption, as the tests use it"
    own: Data = {"tool": {"pytest": {"ini_options": {"markers": ["db: a database"]}}}}
    for data, expected in ((own, ["db: a database", entry]), ({}, [entry])):
        plan = registered_markers(data, ["slow"])
        assert plan is not None
        after = apply_plain(data, plan.changes)
        assert after["tool"] == {"pytest": {"ini_options": {"markers": expected}}}
    text: Data = {"tool": {"pytest": {"ini_options": {"markers": "db: a database"}}}}
    assert registered_markers(text, ["slow"]) is None
