"""The merge plan on plain data: what is added, extended, replaced or kept as a conflict."""

import pytest

from pyexpert_gates.init.merge import Change, ChangeKind, Conflict, apply_plain, plan_merge

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
