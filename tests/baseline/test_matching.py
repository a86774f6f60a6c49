"""Applying a baseline to a report: accepted, new, fixed, locked, and what a gate checked."""

import dataclasses

import pytest

from pyexpert_gates.baseline.floors import BELOW_FLOOR, FloorChange
from pyexpert_gates.baseline.matching import OUTDATED, MatchOptions, Scope, apply_baseline, rebase
from pyexpert_gates.baseline.model import BASELINE_FILE, Baseline
from pyexpert_gates.models import (
    GateName,
    GateResult,
    Severity,
    Status,
)
from tests.helpers.baselines import (
    OPTIONS,
    SOURCES,
    accepting,
    at,
    docstrings,
    gate,
    report,
)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class LineFive:
    """The files of `LINES`, with line 5 of ``a.py`` edited to ``text``."""

    text: str

    def line(self, path: str, number: int) -> str:
        return self.text if (path, number) == ("a.py", 5) else SOURCES.line(path, number)

    def content(self, path: str) -> str:
        return SOURCES.content(path)


def test_accepted_findings_are_counted_and_the_gate_passes() -> None:
    ruff = gate(GateName.RUFF, at("a.py", 1), at("b.py", 1))
    applied = apply_baseline(report(ruff), accepting(ruff), OPTIONS)
    (result,) = applied.report.gates
    assert (result.status, result.diagnostics, result.baselined) == (Status.PASSED, (), 2)
    assert not applied.outdated
    assert applied.baseline == accepting(ruff)


def test_moved_lines_stay_accepted_and_a_second_copy_is_new() -> None:
    before = gate(GateName.MYPY, at("a.py", 2, "no-untyped-def"))
    after = gate(GateName.MYPY, at("a.py", 4, "no-untyped-def"), at("a.py", 2, "no-untyped-def"))
    applied = apply_baseline(report(after), accepting(before), OPTIONS)
    (result,) = applied.report.gates
    assert result.status is Status.FAILED
    assert result.baselined == 1
    assert [item.line for item in result.diagnostics] == [4]


@pytest.mark.parametrize(
    "commented",
    [
        "x = [1,2]  # the reviewer's reason",
        "x = [1,2]  # type: ignore[misc]  # JSON is untyped",
        "x   =  [1,2]#no space",
    ],
)
def test_a_comment_added_to_a_line_keeps_its_findings_accepted(commented: str) -> None:
    before = gate(GateName.RUFF, at("a.py", 5, "E231"))
    baseline = accepting(before)
    options = MatchOptions(sources=LineFive(text=commented), threshold=100.0)
    applied = apply_baseline(report(before), baseline, options)
    (result,) = applied.report.gates
    assert (result.status, result.diagnostics, result.baselined) == (Status.PASSED, (), 1)
    assert not applied.outdated
    assert applied.baseline == baseline


@pytest.mark.parametrize(
    "changed", ["x = [1,3]  # the reviewer's reason", "x = '[1,2]  # not a comment'"]
)
def test_a_changed_line_with_a_comment_is_new(changed: str) -> None:
    before = gate(GateName.RUFF, at("a.py", 5, "E231"))
    baseline = accepting(before)
    options = MatchOptions(sources=LineFive(text=changed), threshold=100.0)
    applied = apply_baseline(report(before), baseline, options)
    (result,) = applied.report.gates
    assert (result.status, result.baselined) == (Status.FAILED, 0)
    assert [entry.fingerprint.source for entry in applied.fixed] == ["x = [1,2]"]


def test_only_the_new_finding_fails() -> None:
    old = gate(GateName.RUFF, at("a.py", 1))
    new = gate(GateName.RUFF, at("a.py", 1), at("a.py", 5, "E231"))
    (result,) = apply_baseline(report(new), accepting(old), OPTIONS).report.gates
    assert [(item.line, item.code) for item in result.diagnostics] == [(5, "E231")]


def test_notes_left_over_do_not_fail_the_gate() -> None:
    note = dataclasses.replace(at("a.py", 5, "note"), severity=Severity.NOTE)
    old = gate(GateName.MYPY, at("a.py", 1))
    new = gate(GateName.MYPY, at("a.py", 1), note)
    (result,) = apply_baseline(report(new), accepting(old), OPTIONS).report.gates
    assert (result.status, result.diagnostics) == (Status.PASSED, (note,))


def test_fixed_findings_leave_the_baseline() -> None:
    old = gate(GateName.RUFF, at("a.py", 1), at("b.py", 1))
    new = gate(GateName.RUFF, at("a.py", 1))
    applied = apply_baseline(report(new), accepting(old), OPTIONS)
    assert applied.report.gates[0].status is Status.PASSED
    assert [entry.fingerprint.path for entry in applied.fixed] == ["b.py"]
    assert applied.baseline == accepting(new)


def test_locked_an_outdated_baseline_fails_and_says_how_to_update() -> None:
    old = gate(GateName.RUFF, at("a.py", 1), at("b.py", 1))
    new = gate(GateName.RUFF, at("a.py", 1))
    locked = dataclasses.replace(OPTIONS, locked=True)
    applied = apply_baseline(report(new), accepting(old), locked)
    (result,) = applied.report.gates
    assert result.status is Status.FAILED
    (stale,) = result.diagnostics
    assert (stale.path, stale.line, stale.code) == (BASELINE_FILE, None, OUTDATED)
    assert "ruff F401 in b.py at `import sys` no longer occurs" in stale.message
    assert "run `pyexpert-gates baseline`" in stale.message


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(gate(GateName.MYPY, status=Status.ERROR), id="error"),
        pytest.param(gate(GateName.MYPY, status=Status.SKIPPED), id="skipped"),
        pytest.param(None, id="absent"),
    ],
)
def test_a_gate_that_checked_nothing_keeps_its_entries(other: GateResult | None) -> None:
    mypy = gate(GateName.MYPY, at("a.py", 2, "no-untyped-def"))
    ruff = gate(GateName.RUFF)
    gates = (ruff,) if other is None else (ruff, other)
    applied = apply_baseline(report(*gates), accepting(mypy), OPTIONS)
    assert not applied.outdated
    assert applied.baseline == accepting(mypy)
    assert all(result.baselined is None for result in applied.report.gates[1:])


def test_a_gate_limited_to_some_files_only_settles_those() -> None:
    old = gate(GateName.RUFF, at("a.py", 1), at("b.py", 1))
    scope = Scope(limited={GateName.RUFF: frozenset({"b.py"})})
    applied = apply_baseline(
        report(gate(GateName.RUFF)), accepting(old), dataclasses.replace(OPTIONS, scope=scope)
    )
    assert [entry.fingerprint.path for entry in applied.fixed] == ["b.py"]
    assert [entry.fingerprint.path for entry in applied.baseline.entries] == ["a.py"]


@pytest.mark.parametrize("name", [GateName.PYTEST, GateName.CONFIG])
def test_pytest_and_config_are_never_baselined(name: GateName) -> None:
    failing = gate(name, at("a.py", 1, "tests/test_a.py::test_x"))
    applied = apply_baseline(report(failing), Baseline(), OPTIONS)
    assert applied.report.gates == (failing,)


UNDOCUMENTED = at("a.py", 2, "undocumented-public-function")


@pytest.mark.parametrize(
    ("floor", "documented", "locked", "codes", "floors"),
    [
        pytest.param(25.0, 1, False, [], {"a.py": 25.0}, id="at-the-floor"),
        pytest.param(40.0, 1, False, [BELOW_FLOOR], {"a.py": 40.0}, id="below-the-floor"),
        pytest.param(25.0, 2, False, [], {"a.py": 50.0}, id="rises"),
        pytest.param(25.0, 2, True, [OUTDATED], {"a.py": 50.0}, id="rises-locked"),
    ],
)
def test_docstring_floors_ratchet(
    floor: float, documented: int, *, locked: bool, codes: list[str], floors: dict[str, float]
) -> None:
    old = docstrings(1, UNDOCUMENTED)
    settings = dataclasses.replace(OPTIONS, locked=locked)
    applied = apply_baseline(
        report(docstrings(documented, UNDOCUMENTED)),
        accepting(old, floors={"a.py": floor}),
        settings,
    )
    (result,) = applied.report.gates
    assert [item.code for item in result.diagnostics] == codes
    assert result.status is (Status.FAILED if codes else Status.PASSED)
    assert dict(applied.baseline.floors) == floors
    assert applied.outdated is (floors != {"a.py": floor})


def test_a_raised_floor_says_so_when_locked() -> None:
    locked = dataclasses.replace(OPTIONS, locked=True)
    applied = apply_baseline(
        report(docstrings(2)), accepting(docstrings(1, UNDOCUMENTED), floors={"a.py": 25.0}), locked
    )
    assert applied.floors == (FloorChange(path="a.py", old=25.0, new=50.0),)
    messages = [item.message for item in applied.report.gates[0].diagnostics]
    assert len(messages) == 2
    assert "floor of a.py is 25.0%, but the module now has 50.0%" in messages[1]


def test_a_new_undocumented_object_fails_once_not_twice() -> None:
    new = at("a.py", 4, "undocumented-public-function")
    applied = apply_baseline(
        report(docstrings(0, UNDOCUMENTED, new)),
        accepting(docstrings(1, UNDOCUMENTED), floors={"a.py": 25.0}),
        OPTIONS,
    )
    (result,) = applied.report.gates
    assert result.diagnostics == (new,)
    assert result.status is Status.FAILED


def test_a_shrunk_baseline_is_what_baseline_would_record() -> None:
    first, second = at("a.py", 2, "no-untyped-def"), at("a.py", 4, "no-untyped-def")
    old = gate(GateName.MYPY, first, second)
    new = gate(GateName.MYPY, second)
    applied = apply_baseline(report(new), accepting(old), OPTIONS)
    assert [entry.fingerprint.occurrence for entry in applied.fixed] == [1]
    assert applied.baseline == accepting(new)
    assert applied.baseline.entries[0].message == "no-untyped-def at 4"


def test_a_file_no_gate_could_parse_keeps_its_entries() -> None:
    old = gate(GateName.PYRIGHT, at("a.py", 2, "reportMissingParameterType"), at("b.py", 1))
    broken = gate(GateName.RUFF, at("a.py", 5, "invalid-syntax"))
    applied = apply_baseline(
        report(broken, gate(GateName.PYRIGHT, status=Status.PASSED)),
        accepting(old, floors={"a.py": 10.0}),
        OPTIONS,
    )
    assert [entry.fingerprint.path for entry in applied.fixed] == ["b.py"]
    assert [entry.fingerprint.path for entry in applied.baseline.entries] == ["a.py"]
    assert applied.report.gates[0].diagnostics == broken.diagnostics


def test_mypy_stopped_on_a_syntax_error_keeps_all_its_entries() -> None:
    old = gate(GateName.MYPY, at("a.py", 2, "no-untyped-def"), at("b.py", 1, "import-untyped"))
    stopped = gate(GateName.MYPY, at("a.py", 5, "syntax"))
    applied = apply_baseline(report(stopped), accepting(old), OPTIONS)
    assert applied.fixed == ()
    assert applied.baseline == accepting(old)
    assert applied.report.gates[0].status is Status.FAILED


def test_the_floor_of_a_module_that_cannot_be_parsed_stays() -> None:
    broken = docstrings(0, at("a.py", 5, "invalid-syntax"))
    unmeasured = dataclasses.replace(broken, coverage=())
    applied = apply_baseline(report(unmeasured), Baseline(floors={"a.py": 25.0}), OPTIONS)
    assert dict(applied.baseline.floors) == {"a.py": 25.0}
    assert applied.floors == ()


def test_checks_of_different_gates_at_once_each_remove_their_own_fixed_findings() -> None:
    ruff_before = gate(GateName.RUFF, at("a.py", 1), at("b.py", 1))
    mypy_before = gate(GateName.MYPY, at("a.py", 2, "no-untyped-def"), at("a.py", 4, "misc"))
    read = accepting(ruff_before, mypy_before, floors={"a.py": 25.0, "b.py": 10.0})
    ruff_after = gate(GateName.RUFF, at("a.py", 1))
    mypy_after = gate(GateName.MYPY, at("a.py", 4, "misc"))
    by_ruff = apply_baseline(report(ruff_after), read, OPTIONS)
    by_mypy = apply_baseline(report(mypy_after), read, OPTIONS)
    written_by_ruff = by_ruff.baseline
    both = rebase(by_mypy, written_by_ruff)
    assert both == accepting(ruff_after, mypy_after, floors={"a.py": 25.0, "b.py": 10.0})


def test_a_floor_changed_meanwhile_is_left_to_the_newer_file() -> None:
    read = Baseline(floors={"a.py": 25.0})
    applied = apply_baseline(report(docstrings(2)), read, OPTIONS)
    assert applied.floors == (FloorChange(path="a.py", old=25.0, new=50.0),)
    assert dict(rebase(applied, Baseline(floors={"a.py": 75.0})).floors) == {"a.py": 75.0}
    newer = Baseline(floors={"a.py": 25.0, "b.py": 10.0})
    assert dict(rebase(applied, newer).floors) == {"a.py": 50.0, "b.py": 10.0}
