"""What keeps ``fix`` from changing behaviour: pure parts, with no tool started."""

from collections.abc import Sequence
from pathlib import Path

import pytest

from pyexpert_gates.check.held_back import (
    FORMAT_GROUP,
    HELD_BACK_FILE,
    read_held_back,
    without_held_back,
    write_held_back,
)
from pyexpert_gates.check.reexports import reexporting_files, with_reexports_unsafe
from pyexpert_gates.errors import InputError
from pyexpert_gates.fix.guard import TestRun, guard
from pyexpert_gates.fix.outcome import FixOutcome
from pyexpert_gates.fix.run import fix_groups
from pyexpert_gates.fix.steps import fix_options
from pyexpert_gates.gates.ruff import NOT_SAFE_IN_FIX
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Status


class FakeTests:
    """Fake test runs: a run fails when it applies a breaking group; every run is recorded."""

    def __init__(self, breaking: set[str]) -> None:
        self.breaking = breaking
        self.tried: list[list[str]] = []

    def __call__(self, groups: Sequence[str]) -> TestRun:
        self.tried.append(list(groups))
        broken = sorted(self.breaking.intersection(groups))
        return TestRun(passed=not broken, failed=tuple(f"test_{group}" for group in broken))


def test_guard_keeps_every_group_in_one_run_when_the_tests_pass() -> None:
    tests = FakeTests(breaking=set())
    guarded = guard(["I001", "F401", "format"], tests)
    assert guarded.kept == ("F401", "I001", "format")
    assert guarded.held_back == {}
    assert tests.tried == [["F401", "I001", "format"]]


@pytest.mark.parametrize(
    "breaking", [{"D212"}, {"format"}, {"D212", "format"}, {"C408", "D212", "F401", "format"}]
)
def test_guard_holds_back_exactly_the_groups_that_break_a_test(breaking: set[str]) -> None:
    groups = ["C408", "D212", "E711", "F401", "I001", "UP006", "format"]
    tests = FakeTests(breaking=breaking)
    guarded = guard(groups, tests)
    assert set(guarded.held_back) == breaking
    assert set(guarded.kept) == set(groups) - breaking
    assert guarded.held_back["D212" if "D212" in breaking else "format"]
    assert guarded.runs == len(tests.tried) < 2 * len(groups)
    # What is kept was tried together, and passed.
    assert any(sorted(tried) == sorted(guarded.kept) for tried in tests.tried) or not breaking


LEGACY = {
    "src/pkg/__init__.py": b"from pkg.core import run\n",
    "src/pkg/legacy.py": b"from os import sep, getcwd\nimport json\n",
    "src/pkg/core.py": b"import sys\n\ndef run():\n    return sys\n",
    "src/pkg/api.py": b"from .legacy import sep\n",
    "src/pkg/broken.py": b"def (:\n",
    "tests/test_core.py": b"from pkg.core import run\n",
}


@pytest.mark.parametrize(
    ("texts", "protected"),
    [
        # core's own `run` is defined there, not imported: removing its unused imports is safe.
        (LEGACY, ["src/pkg/__init__.py", "src/pkg/legacy.py"]),
        ({"compat.py": b"import json\n", "main.py": b"from compat import *\n"}, ["compat.py"]),
    ],
)
def test_init_modules_and_modules_whose_imports_others_use_are_protected(
    texts: dict[str, bytes], protected: list[str]
) -> None:
    assert reexporting_files(texts) == protected


def test_fix_options_leave_unsafe_held_back_and_protected_fixes_out() -> None:
    options = fix_options(
        unsafe=False, only=["F401", "I001"], held_back=["I001"], protected=["src/a[1].py"]
    )
    unfixable = options[options.index("--unfixable") + 1].split(",")
    assert {"D212", "D200", "PLR0402", "I001"} <= set(unfixable)
    assert set(unfixable) == {*NOT_SAFE_IN_FIX, "I001"}
    assert options[options.index("--fixable") + 1] == "F401,I001"
    assert options[-2:] == (
        "--config",
        'lint.extend-per-file-ignores = { "src/a[[]1[]].py" = ["F401", "RUF100"] }',
    )
    assert fix_options(unsafe=True, protected=["a.py"]) == ("--fix", "--unsafe-fixes")


def test_the_held_back_record_round_trips_and_a_damaged_one_names_its_file(
    tmp_path: Path,
) -> None:
    assert read_held_back(tmp_path) == {}
    write_held_back(tmp_path, {"format": "a test failed", "D212": "help text"})
    text = (tmp_path / HELD_BACK_FILE).read_text(encoding="utf-8")
    assert text.index('"D212"') < text.index('"format"')
    assert read_held_back(tmp_path) == {"D212": "help text", "format": "a test failed"}
    (tmp_path / HELD_BACK_FILE).write_text('{"version": 1}', encoding="utf-8")
    with pytest.raises(InputError, match=r"fix-held-back\.json: .*pyexpert-gates adopt"):
        read_held_back(tmp_path)


def test_a_held_back_rule_is_not_offered_as_a_fix() -> None:
    found = (
        Diagnostic(path="a.py", line=1, code="D212", message="m", fix=FixSafety.SAFE),
        Diagnostic(path="a.py", line=2, code="F401", message="m", fix=FixSafety.SAFE),
    )
    result = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=found)
    unformatted = Diagnostic(
        path="a.py", line=None, code="unformatted", message="m", fix=FixSafety.SAFE
    )
    layout = GateResult(name=GateName.FORMAT, status=Status.FAILED, diagnostics=(unformatted,))
    held = {"D212": "a test failed", "format": "a test read the layout"}
    marked, format_marked = without_held_back((result, layout), held)
    assert [item.fix for item in marked.diagnostics] == [None, FixSafety.SAFE]
    assert format_marked.diagnostics[0].fix is None
    assert without_held_back((layout,), {"D212": "a test failed"}) == (layout,)


def test_fix_groups_are_ruff_rules_codemods_and_format_not_expert_findings_fixed_in_passing() -> (
    None
):
    fixed = {("a.py", "F401"): 2, ("a.py", "PXG001"): 1, ("b.py", "PXG004"): 1}
    outcome = FixOutcome(fixed=fixed, reformatted=("b.py",))
    assert fix_groups(outcome) == {"F401", "PXG001", FORMAT_GROUP}
    assert fix_groups(FixOutcome(fixed={("a.py", "PXG004"): 1})) == set()


def test_check_offers_a_re_export_removal_only_with_unsafe(tmp_path: Path) -> None:
    for name, text in LEGACY.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(text)
    found = tuple(
        Diagnostic(path=path, line=1, code="F401", message="m", fix=FixSafety.SAFE)
        for path in ("src/pkg/legacy.py", "src/pkg/core.py")
    )
    result = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=found)
    (marked,) = with_reexports_unsafe(tmp_path, (result,))
    assert [item.fix for item in marked.diagnostics] == [FixSafety.UNSAFE, FixSafety.SAFE]
    assert with_reexports_unsafe(tmp_path, ()) == ()
