"""The lint settings init moves from the top of ruff's table into ``lint``, where ruff reads them.

ruff lists its lint settings with ``ruff config lint``; it still reads each at the top level of its
table, with a warning, except the few below.
"""

from pathlib import Path

from pyexpert_gates.init.plan import legacy_ruff_moves
from tests.helpers.cli import run_python

LINT_ONLY = {
    "exclude": "at the top it keeps files from every command, not only from lint",
    "preview": "at the top it turns on preview for the formatter too",
    "pydoclint": "newer than the top-level settings: ruff refuses it there",
    "ruff": "newer than the top-level settings: ruff refuses it there",
    "typing-extensions": "newer than the top-level settings: ruff refuses it there",
    "future-annotations": "newer than the top-level settings: ruff refuses it there",
}


def lint_settings(folder: Path) -> set[str]:
    listed = run_python(folder, "-m", "ruff", "config", "lint").stdout.splitlines()
    return {line.split()[0] for line in listed if line.strip()}


def test_every_lint_setting_ruff_reads_at_the_top_is_moved_into_lint(tmp_path: Path) -> None:
    settings = lint_settings(tmp_path)
    assert LINT_ONLY.keys() <= settings
    data = {"tool": {"ruff": dict.fromkeys(settings, "value")}}
    moves = legacy_ruff_moves(data, ("tool", "ruff"))
    assert sorted(moves) == sorted(
        (("tool", "ruff", key), ("tool", "ruff", "lint", key))
        for key in settings - LINT_ONLY.keys()
    )


def test_a_ruff_toml_moves_from_its_top_level() -> None:
    moves = legacy_ruff_moves({"extend-select": ["D"], "line-length": 90}, ())
    assert moves == [(("extend-select",), ("lint", "extend-select"))]


def test_a_file_without_a_ruff_table_moves_nothing() -> None:
    assert legacy_ruff_moves({"tool": {"mypy": {"strict": True}}}, ("tool", "ruff")) == []
    assert legacy_ruff_moves({"tool": ["not", "a", "table"]}, ("tool", "ruff")) == []
