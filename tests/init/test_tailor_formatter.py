"""The preset's lint rules follow the project's formatter settings."""

import pytest

from pyexpert_gates.config import Layout
from pyexpert_gates.data.toml import is_array, is_table
from pyexpert_gates.init.tailor import PythonFloor, build_patch
from pyexpert_gates.presets import load_preset

FLOOR = PythonFloor(version=(3, 11), source="test")


def _ruff(tool: dict[str, object]) -> dict[str, object]:
    patch = build_patch(load_preset(), {"tool": tool}, FLOOR, Layout())
    ruff = patch["ruff"]
    assert is_table(ruff)
    return ruff


@pytest.mark.parametrize(
    ("tool", "ignored"),
    [
        ({"ruff": {"format": {"indent-style": "tab"}}}, {"W191", "D206"}),
        ({"ruff": {"format": {"quote-style": "preserve"}}}, {"Q000", "Q001"}),
        ({"black": {"skip-string-normalization": True}}, {"Q000", "Q001"}),
        (dict[str, object](), set[str]()),
    ],
)
def test_rules_the_formatter_contradicts_are_ignored(
    tool: dict[str, object], ignored: set[str]
) -> None:
    assert _ignored(_ruff(tool)) - _ignored(_ruff({})) == ignored


def _ignored(ruff: dict[str, object]) -> set[str]:
    lint = ruff["lint"]
    assert is_table(lint)
    ignore = lint["ignore"]
    assert is_array(ignore)
    return {str(code) for code in ignore}


def test_black_settings_become_ruffs_unless_ruff_has_its_own() -> None:
    black = {"line-length": 100, "skip-magic-trailing-comma": True}
    ruff = _ruff({"black": black})
    assert (ruff["line-length"], ruff["format"]) == (100, {"skip-magic-trailing-comma": True})
    assert "line-length" not in _ruff({"black": black, "ruff": {"line-length": 79}})


def test_single_quotes_set_the_inline_quote_rule() -> None:
    lint = _ruff({"ruff": {"format": {"quote-style": "single"}}})["lint"]
    assert is_table(lint)
    assert lint["flake8-quotes"] == {"inline-quotes": "single"}
