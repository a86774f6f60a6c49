"""Tests for adoption as data: the reasons adopt writes for what it holds back."""

from pyexpert_gates.fix.adoption import Adopted, broke


def test_broke_names_the_first_three_tests_and_counts_the_rest() -> None:
    tests = ["t.py::a", "t.py::b", "t.py::c", "t.py::d", "t.py::e"]

    assert broke(tests) == (
        "a passing test failed with this fix: t.py::a; t.py::b; t.py::c; and 2 more"
    )


def test_broke_says_the_tests_did_not_pass_when_none_is_named() -> None:
    assert broke([], "under it") == "a passing test failed under it: the tests did not pass"


def test_adopted_records_nothing_kept_back_by_default() -> None:
    adopted = Adopted(kept=("UP032",), failing=())

    assert (adopted.loosened, adopted.registered, adopted.relaxations, adopted.held) == (
        {},
        (),
        {},
        {},
    )
