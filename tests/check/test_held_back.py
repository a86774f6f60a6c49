"""The fixes a test run held back: their record, and no finding offered as fixable by them."""

from pathlib import Path

import pytest

from pyexpert_gates.check.held_back import (
    HELD_BACK_FILE,
    read_held_back,
    without_held_back,
    write_held_back,
)
from pyexpert_gates.errors import InputError
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Status


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
