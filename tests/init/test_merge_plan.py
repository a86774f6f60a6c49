"""The merge plan on plain data: what it adds, extends, replaces, removes or keeps as a conflict."""

from collections.abc import Callable

import pytest

from pyexpert_gates.data.toml import toml_value
from pyexpert_gates.init.merge import (
    Change,
    ChangeKind,
    Conflict,
    MergePlan,
    apply_plain,
    extended,
    plan_merge,
)

SELECT = ("tool", "ruff", "lint", "select")


def ruff_lint(**lint: object) -> dict[str, object]:
    return {"tool": {"ruff": {"lint": lint}}}


@pytest.mark.parametrize("theirs", [5, True, {"E": 1}], ids=["integer", "boolean", "table"])
def test_a_rule_list_key_holding_no_list_is_a_conflict(theirs: object) -> None:
    plan = plan_merge(ruff_lint(select=theirs), ruff_lint(select=["E", "F"]))
    assert plan.changes == ()
    assert plan.conflicts == (Conflict(path=SELECT, theirs=theirs, preset=["E", "F"]),)


def test_a_rule_list_key_holding_no_list_is_replaced_when_forced() -> None:
    plan = plan_merge(ruff_lint(select=5), ruff_lint(select=["E"]), force=True)
    assert plan.conflicts == ()
    assert plan.changes == (Change(kind=ChangeKind.REPLACE, path=SELECT, value=["E"], previous=5),)
    assert apply_plain(ruff_lint(select=5), plan.changes) == ruff_lint(select=["E"])


PYRIGHT = ("tool", "pyright")


def pyright(**settings: object) -> dict[str, object]:
    return {"tool": {"pyright": settings}}


@pytest.mark.parametrize(
    ("theirs", "preset", "same"),
    [
        (True, "error", True),
        (False, "none", True),
        ("error", True, True),
        (True, "warning", False),
        ("none", True, False),
    ],
)
def test_pyright_reads_true_as_error_and_false_as_none(
    theirs: object, preset: object, *, same: bool
) -> None:
    plan = plan_merge(pyright(reportUnusedImport=theirs), pyright(reportUnusedImport=preset))
    conflicts = (
        ()
        if same
        else (Conflict(path=(*PYRIGHT, "reportUnusedImport"), theirs=theirs, preset=preset),)
    )
    assert plan.conflicts == conflicts


def test_an_equal_value_of_another_type_is_a_conflict() -> None:
    plan = plan_merge(pyright(strict=1), pyright(strict=True))
    assert plan.conflicts == (Conflict(path=(*PYRIGHT, "strict"), theirs=1, preset=True),)
    plan = plan_merge(pyright(typeCheckingMode=True), pyright(typeCheckingMode="error"))
    assert len(plan.conflicts) == 1


def test_absent_keys_are_added_and_equal_ones_left_alone() -> None:
    plan = plan_merge(pyright(strict=True), pyright(strict=True, venv=".venv"))
    assert plan == MergePlan(
        changes=(Change(kind=ChangeKind.ADD, path=(*PYRIGHT, "venv"), value=".venv"),),
        conflicts=(),
    )


def test_rules_the_preset_took_back_leave_the_list_it_owns() -> None:
    owned: dict[tuple[str, ...], tuple[object, ...]] = {SELECT: ("E", "OLD")}
    plan = plan_merge(
        ruff_lint(select=["E", "OLD", "MINE"]), ruff_lint(select=["E", "F"]), owned=owned
    )
    assert plan.changes == (
        Change(
            kind=ChangeKind.REPLACE,
            path=SELECT,
            value=["E", "MINE", "F"],
            previous=["E", "OLD", "MINE"],
        ),
    )


def test_missing_rules_extend_the_list_after_the_projects_own() -> None:
    plan = plan_merge(ruff_lint(select=["E"]), ruff_lint(select=["E", "F"]))
    assert plan.changes == (Change(kind=ChangeKind.EXTEND, path=SELECT, value=["F"]),)
    assert apply_plain(ruff_lint(select=["E"]), plan.changes) == ruff_lint(select=["E", "F"])


def test_filterwarnings_error_goes_first_and_options_extend_a_string() -> None:
    pytest_path = ("tool", "pytest", "ini_options")
    current = {
        "tool": {"pytest": {"ini_options": {"filterwarnings": ["ignore::X"], "addopts": "-ra"}}}
    }
    patch = {
        "tool": {
            "pytest": {
                "ini_options": {"filterwarnings": ["error"], "addopts": ["--strict-markers"]}
            }
        }
    }
    plan = plan_merge(current, patch)
    assert plan.changes == (
        Change(
            kind=ChangeKind.EXTEND,
            path=(*pytest_path, "filterwarnings"),
            value=["error"],
            prepend=True,
        ),
        Change(kind=ChangeKind.EXTEND, path=(*pytest_path, "addopts"), value=["--strict-markers"]),
    )
    merged = apply_plain(current, plan.changes)["tool"]
    assert merged == {
        "pytest": {
            "ini_options": {
                "filterwarnings": ["error", "ignore::X"],
                "addopts": "-ra --strict-markers",
            }
        }
    }


def test_moves_come_first_and_the_merge_sees_the_moved_key() -> None:
    current = {"tool": {"ruff": {"select": ["E"]}}}
    plan = plan_merge(
        current, ruff_lint(select=["E"]), moves=[(("tool", "ruff", "select"), SELECT)]
    )
    assert plan.changes == (
        Change(kind=ChangeKind.MOVE, path=SELECT, source=("tool", "ruff", "select")),
    )
    assert apply_plain(current, plan.changes) == ruff_lint(select=["E"])


def test_a_change_below_a_value_that_is_no_table_is_refused() -> None:
    with pytest.raises(TypeError, match=r"^tool\.ruff is not a table$"):
        apply_plain(
            {"tool": {"ruff": 5}}, [Change(kind=ChangeKind.ADD, path=(*SELECT[:2], "x"), value=1)]
        )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (True, "true"),
        (False, "false"),
        ("x", '"x"'),
        ({"a": 1}, "a table"),
        ([1, "a", False], '[1, "a", false]'),
        (3, "3"),
    ],
)
def test_values_are_shown_as_toml_writes_them(value: object, written: str) -> None:
    assert toml_value(value) == written


def test_a_value_the_tool_refuses_is_replaced_with_the_reason() -> None:
    mode = (*PYRIGHT, "typeCheckingMode")

    def refusal(path: tuple[str, ...], value: object) -> str | None:
        return "pyright knows no mode sloppy" if path == mode and value == "sloppy" else None

    current = pyright(typeCheckingMode="sloppy", strict=False)
    plan = plan_merge(current, pyright(typeCheckingMode="strict", strict=True), refusal=refusal)
    assert plan.conflicts == (Conflict(path=(*PYRIGHT, "strict"), theirs=False, preset=True),)
    assert plan.changes == (
        Change(
            kind=ChangeKind.REPLACE,
            path=mode,
            value="strict",
            previous="sloppy",
            reason="pyright knows no mode sloppy",
        ),
    )


def test_a_list_that_is_no_rule_list_differs_as_a_whole() -> None:
    files = ("tool", "mypy", "files")
    plan = plan_merge({"tool": {"mypy": {"files": ["a"]}}}, {"tool": {"mypy": {"files": ["b"]}}})
    assert plan == MergePlan(
        changes=(), conflicts=(Conflict(path=files, theirs=["a"], preset=["b"]),)
    )


def test_a_change_into_a_table_that_is_not_there_creates_it() -> None:
    added = Change(kind=ChangeKind.ADD, path=("tool", "mypy", "strict"), value=True)
    assert apply_plain({"project": {}}, [added]) == {
        "project": {},
        "tool": {"mypy": {"strict": True}},
    }


def test_items_prepended_to_a_string_come_before_it() -> None:
    path = ("tool", "pytest", "ini_options", "filterwarnings")
    change = Change(kind=ChangeKind.EXTEND, path=path, value=["error"], prepend=True)
    assert extended("ignore::X", change) == "error ignore::X"


MYPY = ("tool", "mypy")


def relaxed_at(*relaxed: tuple[str, ...]) -> Callable[[tuple[str, ...]], bool]:
    return lambda path: path in relaxed


def test_a_relaxed_key_is_not_added_and_stays_a_conflict_beside_the_added_ones() -> None:
    plan = plan_merge(
        {"project": {}},
        {"tool": {"mypy": {"strict": True, "warn_unreachable": True}}},
        relaxed=relaxed_at((*MYPY, "strict")),
    )
    assert plan.changes == (
        Change(kind=ChangeKind.ADD, path=("tool",), value={"mypy": {"warn_unreachable": True}}),
    )
    assert plan.conflicts == (Conflict(path=(*MYPY, "strict"), theirs=None, preset=True),)


def test_a_table_whose_every_key_is_relaxed_is_not_added() -> None:
    plan = plan_merge(
        {"project": {}}, {"tool": {"mypy": {"strict": True}}}, relaxed=relaxed_at(MYPY)
    )
    assert plan.changes == ()
    assert plan.conflicts == (Conflict(path=MYPY, theirs=None, preset={"strict": True}),)
    plan = plan_merge(
        {"project": {}}, {"tool": {"mypy": {"strict": True}}}, relaxed=relaxed_at((*MYPY, "strict"))
    )
    assert plan.changes == ()


def test_an_empty_table_of_the_preset_is_added_as_it_is() -> None:
    plan = plan_merge({"project": {}}, {"tool": {"mypy": {}}})
    assert plan.changes == (Change(kind=ChangeKind.ADD, path=("tool",), value={"mypy": {}}),)


def test_a_relaxed_option_list_keeps_the_projects_options_and_a_rule_list_still_grows() -> None:
    addopts = ("tool", "pytest", "ini_options", "addopts")
    current = {"tool": {"pytest": {"ini_options": {"addopts": ["-ra"]}}}}
    patch = {"tool": {"pytest": {"ini_options": {"addopts": ["-ra", "--strict-markers"]}}}}
    plan = plan_merge(current, patch, relaxed=relaxed_at(addopts))
    assert plan.changes == ()
    assert plan.conflicts == (
        Conflict(path=addopts, theirs=["-ra"], preset=["-ra", "--strict-markers"]),
    )
    # A rule list's relaxation covers the rules the project turns off, not the preset's own.
    plan = plan_merge(
        ruff_lint(select=["E"]), ruff_lint(select=["E", "F"]), relaxed=relaxed_at(SELECT)
    )
    assert plan.changes == (Change(kind=ChangeKind.EXTEND, path=SELECT, value=["F"]),)
    assert plan.conflicts == ()


def test_removed_keys_the_file_holds_are_removed_last_and_the_others_ignored() -> None:
    current = {"tool": {"mypy": {"strict": True, "warn_unreachable": False}, "ruff": 5}}
    removed = [(*MYPY, "warn_unreachable"), (*MYPY, "absent"), ("tool", "ruff", "select")]
    plan = plan_merge(current, {"tool": {"mypy": {"pretty": True}}}, removed=removed)
    assert plan.changes == (
        Change(kind=ChangeKind.ADD, path=(*MYPY, "pretty"), value=True),
        Change(kind=ChangeKind.REMOVE, path=(*MYPY, "warn_unreachable"), previous=False),
    )
    assert apply_plain(current, plan.changes) == {
        "tool": {"mypy": {"strict": True, "pretty": True}, "ruff": 5}
    }


def test_a_single_item_extends_a_list_as_one_item() -> None:
    change = Change(kind=ChangeKind.EXTEND, path=SELECT, value="F")
    assert extended(["E"], change) == ["E", "F"]
