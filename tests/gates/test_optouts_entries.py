"""An opt-out names its table and key, and each entry a relaxation may record alone."""

import pytest

from pyexpert_gates.gates.optouts import tool_opt_outs
from pyexpert_gates.presets import load_preset

PRESET = load_preset().tools
SOURCES = ("src/demo/legacy.py", "tests/test_legacy.py")


@pytest.mark.parametrize(
    ("tools", "entries"),
    [
        (
            {
                "mypy": {
                    "overrides": [{"module": ["a", "b"], "disable_error_code": ["misc", "name"]}]
                }
            },
            ("a.misc", "a.name", "b.misc", "b.name"),
        ),
        ({"mypy": {"overrides": [{"module": "a.*", "ignore_errors": True}]}}, ("a.*",)),
        ({"mypy": {"overrides": [{"module": ["a", "b"], "warn_no_return": False}]}}, ("a", "b")),
        ({"mypy": {"overrides": [{"disable_error_code": "misc"}]}}, ()),
        ({"mypy": {"disable_error_code": ["misc", "name"]}}, ("misc", "name")),
        ({"mypy": {"ignore_errors": True}}, ()),
        ({"ruff": {"lint": {"extend-ignore": ["ANN", "COM812", "PTH"]}}}, ("ANN", "PTH")),
        (
            {"ruff": {"lint": {"per-file-ignores": {"src/**": ["ANN", "T20"]}}}},
            ("src/**.ANN", "src/**.T20"),
        ),
        ({"pytest": {"ini_options": {"addopts": "-k fast"}}}, ()),
    ],
)
def test_each_opt_out_names_the_entries_a_relaxation_may_record_one_by_one(
    tools: dict[str, object], entries: tuple[str, ...]
) -> None:
    (found,) = tool_opt_outs("pyproject.toml", {"tool": tools}, PRESET, SOURCES)
    assert found.entries == entries


@pytest.mark.parametrize(
    ("tools", "table", "key"),
    [
        ({"mypy": {"ignore_errors": True}}, ("tool", "mypy"), "ignore_errors"),
        (
            {"mypy": {"overrides": [{"module": "a", "disable_error_code": ["misc"]}]}},
            ("tool", "mypy", "overrides"),
            "disable_error_code",
        ),
        (
            {"ruff": {"lint": {"per-file-ignores": {"src/**": ["ANN"]}}}},
            ("tool", "ruff", "lint", "per-file-ignores"),
            "src/**",
        ),
    ],
)
def test_an_opt_out_names_the_table_that_holds_it_and_its_key(
    tools: dict[str, object], table: tuple[str, ...], key: str
) -> None:
    (found,) = tool_opt_outs("pyproject.toml", {"tool": tools}, PRESET, SOURCES)
    assert (found.table, found.key) == (table, key)
