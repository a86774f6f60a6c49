"""What pytest and mypy do by default decides whether a setting takes checks away."""

import pytest

from pyexpert_gates.gates.optouts import tool_opt_outs
from pyexpert_gates.presets import load_preset

PRESET = load_preset().tools


def opt_outs(tools: dict[str, object], sources: tuple[str, ...]) -> list[str]:
    """Each opt-out of a ``[tool]`` table, as its name and message."""
    found = tool_opt_outs("pyproject.toml", {"tool": tools}, PRESET, sources)
    return [f"{opt_out.name} {opt_out.message}" for opt_out in found]


@pytest.mark.parametrize(
    "folder",
    ["demo.egg", ".hidden", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}"],
)
def test_a_folder_pytest_skips_by_default_may_stay_skipped(folder: str) -> None:
    tools: dict[str, object] = {"pytest": {"ini_options": {"norecursedirs": [folder, "docs"]}}}
    assert opt_outs(tools, (f"{folder}/test_old.py", "tests/test_new.py")) == []


@pytest.mark.parametrize("pattern", ["tests/legacy", "*/legacy", "tests/leg*"])
def test_a_norecursedirs_pattern_with_a_slash_is_matched_against_the_folders_path(
    pattern: str,
) -> None:
    sources = ("tests/legacy/test_old.py", "tests/test_new.py", "docs/older/test_doc.py")
    tools: dict[str, object] = {"pytest": {"norecursedirs": [pattern, "docs/old"]}}
    assert opt_outs(tools, sources) == [
        "tool.pytest.norecursedirs leaves tests/legacy/test_old.py out of pytest"
    ]


def test_a_test_file_named_by_pytests_second_default_pattern_counts_as_a_test() -> None:
    tools: dict[str, object] = {"pytest": {"ini_options": {"testpaths": ["tests"]}}}
    assert opt_outs(tools, ("src/demo/legacy_test.py", "tests/test_new.py")) == [
        "tool.pytest.ini_options.testpaths leaves src/demo/legacy_test.py out of pytest"
    ]


def test_more_than_one_more_hidden_file_is_counted_in_the_plural() -> None:
    sources = ("src/legacy.py", "tests/legacy/test_a.py", "tests/test_legacy.py")
    assert opt_outs({"mypy": {"exclude": "legacy"}}, sources) == [
        "tool.mypy.exclude hides src/legacy.py and 2 more checked files from mypy"
    ]


def test_an_invalid_mypy_exclude_hides_nothing_and_the_valid_ones_still_count() -> None:
    sources = ("src/demo/legacy.py", "tests/test_new.py")
    assert opt_outs({"mypy": {"exclude": ["[unclosed", "^build/"]}}, sources) == []
    assert opt_outs({"mypy": {"exclude": ["[unclosed", "legacy"]}}, sources) == [
        "tool.mypy.exclude hides src/demo/legacy.py from mypy"
    ]
