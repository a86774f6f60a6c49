"""Tests mirror the package: each test module is named after the module or command it tests.

``src/pyexpert_gates/gates/verdict.py`` is tested in ``tests/gates/test_verdict.py``, a command
(``commands/check.py``) in ``tests/commands/test_check.py``, a package's ``__init__.py`` in
``tests/<package>/test_<package>.py``; ``test_<module>_<aspect>.py`` holds one more side of a
module. Helpers the tests share live in ``tests/helpers/``.
"""

from pathlib import Path

import pytest

from scripts.mutation import TESTS as MUTATION_TESTS

TESTS = Path(__file__).parent
PACKAGE = TESTS.parent / "src" / "pyexpert_gates"
HELPERS = TESTS / "helpers"
# tests/data holds the fixtures, so the tests of the data package sit in tests/data_.
FOLDERS = {"data_": "data"}
# Suites that test the product across modules, so no one module can name them.
CROSS_CUTTING = {
    "hostile": "attacks grouped by threat (links, names, processes, output) on every command",
    "integration": "the product as a whole: the preset on the pinned tools, the corpus, the wheel",
    "expert/test_repository.py": "this repository's own code under the expert rules",
    "gates/test_reads_nothing.py": "a scan of every module of gates/ for reads and processes",
    "test_import_direction.py": "pyproject's import contracts over the whole package",
    "test_layout.py": "the layout of tests/ itself",
}
TEST_MODULES = sorted(
    path.relative_to(TESTS).as_posix()
    for path in TESTS.rglob("test_*.py")
    if not path.is_relative_to(TESTS / "data")
)


def _cross_cutting(test_module: str) -> bool:
    return any(test_module == name or test_module.startswith(f"{name}/") for name in CROSS_CUTTING)


def _mirrored_folder(test_folder: Path) -> Path:
    return PACKAGE.joinpath(*(FOLDERS.get(folder, folder) for folder in test_folder.parts))


def _module_names(folder: Path) -> set[str]:
    names = {path.stem for path in folder.glob("*.py") if path.stem != "__init__"}
    if folder != PACKAGE and (folder / "__init__.py").is_file():
        names.add(folder.name)
    return names


@pytest.mark.parametrize("test_module", [name for name in TEST_MODULES if not _cross_cutting(name)])
def test_each_test_module_is_named_after_a_module_of_its_folder(test_module: str) -> None:
    folder = _mirrored_folder(Path(test_module).parent)
    tested = Path(test_module).stem.removeprefix("test_")
    names = _module_names(folder)
    assert any(tested == name or tested.startswith(f"{name}_") for name in names), (
        f"tests/{test_module} names no module of {folder.relative_to(PACKAGE.parent)}: "
        f"rename it test_<module>[_<aspect>].py after one of {sorted(names)}, "
        "or move it beside the module it tests"
    )


def test_the_cross_cutting_suites_exist() -> None:
    missing = [name for name in CROSS_CUTTING if not (TESTS / name).exists()]
    assert missing == []


def test_every_mirrored_folder_is_a_package_of_the_project() -> None:
    folders = {Path(name).parent for name in TEST_MODULES if not _cross_cutting(name)}
    assert [folder for folder in folders if not _mirrored_folder(folder).is_dir()] == []


def test_shared_helpers_live_in_one_folder() -> None:
    strays = sorted(
        path.relative_to(TESTS).as_posix()
        for path in TESTS.rglob("*.py")
        if not path.name.startswith("test_")
        and path.name not in {"__init__.py", "conftest.py"}
        and not path.is_relative_to(HELPERS)
        and not path.is_relative_to(TESTS / "data")
    )
    assert strays == [], "move shared test code into tests/helpers/"


def test_the_mutation_script_names_test_paths_that_exist() -> None:
    named = [path for paths in MUTATION_TESTS.values() for path in paths]
    assert [path for path in named if not (TESTS.parent / path).exists()] == []
