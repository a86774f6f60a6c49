"""Which changes start a cycle, sorted into sources, configuration and environment."""

from pathlib import Path

import pytest

from pyexpert_gates.watch.changes import Changes, listed_only, sort_changes, watched

PROJECT = Path("/home/project")


def test_changes_are_sorted_into_sources_configuration_and_environment() -> None:
    changes = sort_changes(
        PROJECT,
        [
            PROJECT / "src/a.py",
            PROJECT / "pyproject.toml",
            PROJECT / "uv.lock",
            PROJECT / "data.csv",
        ],
    )
    assert changes.files == ("data.csv", "pyproject.toml", "src/a.py", "uv.lock")
    assert changes.sources == ("src/a.py",)
    assert changes.configuration
    assert changes.environment


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("src/a.py", True),
        (".pyexpert-gates/cache/x.json", False),
        (".mypy_cache/3.11/a.json", False),
        ("src/__pycache__/a.cpython-311.pyc", False),
        (".testmondata", False),
        ("pyrightconfig.json", True),
        (".pyexpert-gates/baseline.json", True),
    ],
)
def test_the_tools_own_files_are_not_watched(path: str, *, expected: bool) -> None:
    assert watched(PROJECT, PROJECT / path) is expected


@pytest.mark.parametrize(
    "name",
    [
        "src/a.py~",
        "src/.a.py.swp",
        "src/a.py.swp",
        "src/a.py.swx",
        "src/4913",
        "src/#a.py#",
        "src/.#a.py",
        "src/a.py___jb_tmp___",
        "src/a.py___jb_old___",
        "src/a.py.tmp",
        "src/a.py.tmp.81234",
        "src/a.py.orig",
        "src/a.py.bak",
        "src/sedAb12Cd",
        "src/.goutputstream-XYZ123",
    ],
)
def test_an_editors_temporary_or_backup_file_starts_no_cycle(name: str) -> None:
    assert not watched(PROJECT, PROJECT / name)
    assert sort_changes(PROJECT, [PROJECT / name]).files == ()


@pytest.mark.parametrize("name", ["src/a.py", "src/tmp.py", "tests/data/backup.json", "4913.py"])
def test_a_file_named_like_a_temporary_one_is_still_watched(name: str) -> None:
    assert watched(PROJECT, PROJECT / name)


def test_files_the_project_list_leaves_out_start_no_cycle() -> None:
    changes = Changes(files=("build/out.py", "pyproject.toml", "src/a.py", "src/gone.py"))
    kept = listed_only(changes, {"src/a.py", "src/gone.py"})
    assert kept.files == ("pyproject.toml", "src/a.py", "src/gone.py")
    assert kept.configuration
    assert listed_only(Changes(files=("build/out.py",)), {"src/a.py"}).files == ()


def test_a_change_only_to_an_ignored_lock_file_is_not_an_environment_change() -> None:
    changes = sort_changes(PROJECT, [PROJECT / "uv.lock"])
    assert changes.environment
    assert not listed_only(changes, set()).environment


@pytest.mark.parametrize(
    "name",
    ["uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "requirements.txt", "constraints.txt"],
)
def test_a_lock_or_requirements_file_is_an_environment_change_not_configuration(name: str) -> None:
    changes = sort_changes(PROJECT, [PROJECT / name])
    assert changes.environment
    assert not changes.configuration
    kept = listed_only(changes, {name})
    assert kept.environment
    assert not kept.configuration


def test_a_source_change_is_neither_configuration_nor_environment() -> None:
    changes = listed_only(sort_changes(PROJECT, [PROJECT / "src/a.py"]), {"src/a.py"})
    assert (changes.configuration, changes.environment) == (False, False)
    assert Changes(files=()).environment is False


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (Changes(files=("src/a.py", "src/b.pyi")), True),
        (Changes(files=("src/a.py",), listing=True), False),
        (Changes(files=("pyproject.toml",), configuration=True), False),
        (Changes(files=("uv.lock",), environment=True), False),
        (Changes(files=("src/ruff.toml",)), False),
        (Changes(files=("src/data.json",)), False),
    ],
)
def test_only_python_files_edited_in_place_leave_the_settings_as_they_were(
    changes: Changes, *, expected: bool
) -> None:
    assert changes.sources_only is expected
