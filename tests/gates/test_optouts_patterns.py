"""A pattern hides what its tool matches with it: files or folders, and by the tool's defaults."""

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


@pytest.mark.parametrize(
    ("tools", "sources", "message"),
    [
        # Two more hidden files are counted in the plural.
        (
            {"mypy": {"exclude": "legacy"}},
            ("src/legacy.py", "tests/legacy/test_a.py", "tests/test_legacy.py"),
            "tool.mypy.exclude hides src/legacy.py and 2 more checked files from mypy",
        ),
        # Only slashes are taken off the end of a folder pattern.
        (
            {"pyright": {"exclude": ["src/UX/"]}},
            ("src/UX/widget.py", "src/U/other.py"),
            "tool.pyright.exclude hides src/UX/widget.py from pyright",
        ),
    ],
)
def test_a_pattern_hides_exactly_the_files_it_matches_each_named(
    tools: dict[str, object], sources: tuple[str, ...], message: str
) -> None:
    assert opt_outs(tools, sources) == [message]


def test_an_invalid_mypy_exclude_hides_nothing_and_the_valid_ones_still_count() -> None:
    sources = ("src/demo/legacy.py", "tests/test_new.py")
    assert opt_outs({"mypy": {"exclude": ["[unclosed", "^build/"]}}, sources) == []
    assert opt_outs({"mypy": {"exclude": ["[unclosed", "legacy"]}}, sources) == [
        "tool.mypy.exclude hides src/demo/legacy.py from mypy"
    ]


SOURCES = ("src/demo/legacy.py", "tests/test_legacy.py")


@pytest.mark.parametrize(
    ("tools", "message"),
    [
        ({"ruff": {"exclude": ["src/"]}}, "tool.ruff.exclude hides src/demo/legacy.py from ruff"),
        (
            {"ruff": {"extend-exclude": ["."]}},
            "tool.ruff.extend-exclude hides src/demo/legacy.py and 1 more checked file from ruff",
        ),
        (
            {"pyright": {"exclude": ["./"]}},
            "tool.pyright.exclude hides src/demo/legacy.py and 1 more checked file from pyright",
        ),
        (
            {"pyright": {"ignore": ["tests/"]}},
            "tool.pyright.ignore hides tests/test_legacy.py from pyright",
        ),
        (
            {"ruff": {"include": ["src/**", "tests"]}},
            "tool.ruff.include leaves tests/test_legacy.py out of ruff",
        ),
    ],
)
def test_a_folder_written_with_a_slash_or_the_project_itself_is_hidden(
    tools: dict[str, object], message: str
) -> None:
    # ruff's include matches files alone: "tests" names no file.
    assert opt_outs(tools, SOURCES) == [message]


@pytest.mark.parametrize(
    "tools",
    [
        {
            "ruff": {
                "lint": {"exclude": ["src", "tests/"]},
                "format": {"exclude": ["src/demo", "."]},
            }
        },
        {"ruff": {"lint": {"per-file-ignores": {"src": ["ALL"], "tests/": ["ANN"]}}}},
        {"pytest": {"ini_options": {"testpaths": ["."]}}},
        {"pytest": {"ini_options": {"testpaths": ["tests/", "./src"]}}},
    ],
)
def test_a_pattern_that_names_a_folder_where_its_tool_matches_files_hides_nothing(
    tools: dict[str, object],
) -> None:
    # ruff's lint and format exclusions and per-file-ignores match files; testpaths, folders.
    assert opt_outs(tools, SOURCES) == []


@pytest.mark.parametrize(
    "tools",
    [
        {"ruff": {"exclude": [".*", "**/.venv"]}},
        {"pyright": {"exclude": [".*"], "ignore": ["./.cache/"]}},
        {"mypy": {"exclude": [r"^\./", r"^\.$"]}},
        {"pytest": {"norecursedirs": "*"}},
    ],
)
def test_the_project_folder_is_no_place_a_pattern_of_hidden_folders_matches(
    tools: dict[str, object],
) -> None:
    # pytest applies norecursedirs below the folders it starts from, never to the project.
    assert opt_outs(tools, ("test_root.py", "src/demo/legacy.py")) == []
