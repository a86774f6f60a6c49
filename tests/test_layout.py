"""Tests mirror the package: each test module is named after the module or command it tests.

``src/pyexpert_gates/gates/verdict.py`` is tested in ``tests/gates/test_verdict.py``, a command
(``commands/check.py``) in ``tests/commands/test_check.py``, a package's ``__init__.py`` in
``tests/<package>/test_<package>.py``; ``test_<module>_<aspect>.py`` holds one more side of a
module. Helpers the tests share live in ``tests/helpers/``.

A test module tests only the module it is named after: each of its tests that uses the package
(anything but the plain values of ``models``, ``errors`` and ``data``) uses a name whose module
is its own module, the package's public API (its ``__init__``), or a module that imports its
own module, directly or through others (the command line imports each command), in the
package or in ``tests/helpers/``, whose functions are followed name by name. A test that uses
only another module's code, with nothing that can run its own, belongs in that module's tests.
"""

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyexpert_gates.cli import COMMANDS
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
# Plain values and their codecs, the bottom floors of the import contract: a test builds its
# inputs from them whatever module it tests.
VALUES = ("pyexpert_gates.models", "pyexpert_gates.errors", "pyexpert_gates.data")
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


def _dotted(path: Path) -> str:
    parts = path.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# Every module of the package, and every helper module, by its dotted name.
MODULES: dict[str, Path] = {
    **{_dotted(path.relative_to(PACKAGE.parent)): path for path in PACKAGE.rglob("*.py")},
    **{_dotted(path.relative_to(TESTS.parent)): path for path in HELPERS.glob("*.py")},
}


def _own_module(test_module: str) -> str:
    """The module a test module is named after: the longest name that fits, or the package."""
    folder = _mirrored_folder(Path(test_module).parent)
    tested = Path(test_module).stem.removeprefix("test_")
    fitting = [name for name in _module_names(folder) if f"{tested}_".startswith(f"{name}_")]
    name = max(fitting, key=len)
    path = folder / f"{name}.py" if (folder / f"{name}.py").is_file() else folder / "__init__.py"
    return _dotted(path.relative_to(PACKAGE.parent))


def _imported(node: ast.ImportFrom, alias: ast.alias, package: str) -> str:
    """The module ``from <module> import <alias>`` takes from: the alias itself when it is one."""
    base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
    module = ".".join([*base, node.module] if node.module else base)
    return f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module


def _origins(tree: ast.Module, package: str) -> dict[str, tuple[str, str]]:
    """Each name a module imports (at any depth): the module it comes from, and its name there."""
    origins: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        match node:
            case ast.ImportFrom():
                for alias in node.names:
                    module = _imported(node, alias, package)
                    origins[alias.asname or alias.name] = (module, alias.name)
            case ast.Import():
                for alias in node.names:
                    origins[alias.asname or alias.name.partition(".")[0]] = (alias.name, "")
            case _:
                pass
    return {name: origin for name, origin in origins.items() if origin[0] in MODULES}


@functools.cache
def _parsed(module: str) -> tuple[ast.Module, dict[str, tuple[str, str]]]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return tree, _origins(tree, package)


def _imports(module: str) -> set[str]:
    imported = {origin for origin, _ in _parsed(module)[1].values()}
    # The command line imports each command by its name in COMMANDS, when it runs.
    return imported | set(COMMANDS.values()) if module == "pyexpert_gates.cli" else imported


@functools.cache
def _reach(module: str) -> frozenset[str]:
    """``module`` and the modules it imports, directly or through others."""
    reached = {module}
    waiting = [module]
    while waiting:
        imported = _imports(waiting.pop()) - reached
        waiting += sorted(imported)
        reached |= imported
    return frozenset(reached)


def _names(node: ast.AST) -> Iterator[ast.Name]:
    return (child for child in ast.walk(node) if isinstance(child, ast.Name))


def _definitions(tree: ast.Module) -> dict[str, ast.stmt]:
    """The module's top-level functions, classes and assigned names, each with its statement."""
    definitions: dict[str, ast.stmt] = {}
    for node in tree.body:
        match node:
            case ast.FunctionDef() | ast.AsyncFunctionDef() | ast.ClassDef():
                definitions[node.name] = node
            case ast.Assign(targets=targets) | ast.AnnAssign(target=ast.Name() as targets):
                for target in targets if isinstance(targets, list) else [targets]:
                    definitions |= {name.id: node for name in _names(target)}
            case _:
                pass
    return definitions


def _used(node: ast.AST, definitions: dict[str, ast.stmt]) -> set[str]:
    """The names ``node`` uses, and those its module's definitions (and fixtures) it uses use."""
    used: set[str] = set()
    waiting = [node]
    while waiting:
        current = waiting.pop()
        names = {name.id for name in _names(current)}
        names |= {argument.arg for argument in ast.walk(current) if isinstance(argument, ast.arg)}
        waiting += [definitions[name] for name in sorted(names - used) if name in definitions]
        used |= names
    return used


@functools.cache
def _name_reach(module: str, name: str) -> frozenset[str]:
    """What using ``name`` of ``module`` can run: a helper's name is followed to what it uses."""
    tree, origins = _parsed(module)
    definitions = _definitions(tree)
    if not module.startswith("tests.helpers.") or name not in definitions:
        return _reach(module)
    used = _used(definitions[name], definitions) & origins.keys()
    return frozenset({module}).union(*(_name_reach(*origins[each]) for each in used))


def _is_value(module: str) -> bool:
    return any(module == value or module.startswith(f"{value}.") for value in VALUES)


def misplaced_tests(source: str, own: str) -> list[str]:
    """The tests in ``source`` that use the package but nothing that can run the module ``own``.

    Returns:
        Their names, in the order of the source.
    """
    tree = ast.parse(source)
    origins = _origins(tree, "tests")
    definitions = _definitions(tree)
    package = own if MODULES[own].name == "__init__.py" else own.rpartition(".")[0]
    public = {package, "pyexpert_gates"}
    strays: list[str] = []
    for name, node in definitions.items():
        if not name.startswith("test_") or isinstance(node, ast.Assign | ast.AnnAssign):
            continue
        used = [origins[each] for each in _used(node, definitions) & origins.keys()]
        modules = {module for module, _ in used}
        if all(
            module.partition(".")[0] != "pyexpert_gates" or _is_value(module) for module in modules
        ):
            continue  # it uses no code of the package, or only plain values
        if not any(module in public or own in _name_reach(module, each) for module, each in used):
            strays.append(name)
    return strays


@pytest.mark.parametrize("test_module", [name for name in TEST_MODULES if not _cross_cutting(name)])
def test_each_test_tests_the_module_its_test_module_is_named_after(test_module: str) -> None:
    own = _own_module(test_module)
    strays = misplaced_tests((TESTS / test_module).read_text(encoding="utf-8"), own)
    assert strays == [], (
        f"tests/{test_module} tests {own}, but these tests use nothing that can run it: "
        "move each into the test module of the module it uses"
    )


@pytest.mark.parametrize(
    ("test_module", "own"),
    [
        ("report/test_report_golden.py", "pyexpert_gates.report"),
        ("watch/test_cycle_settings_kept.py", "pyexpert_gates.watch.cycle"),
        ("gates/test_pytest_xdist.py", "pyexpert_gates.gates.pytest_xdist"),
        ("data_/test_codec_fields.py", "pyexpert_gates.data.codec"),
        ("test_config_layout.py", "pyexpert_gates.config"),
        ("commands/test_watch_usage.py", "pyexpert_gates.commands.watch"),
    ],
)
def test_a_test_module_is_named_after_the_longest_module_name_that_fits(
    test_module: str, own: str
) -> None:
    assert _own_module(test_module) == own


WATCHED = """\
from pathlib import Path

from pyexpert_gates.models import GateName
from pyexpert_gates.watch.changes import Changes, watched
from pyexpert_gates.watch.cycle import Cycle


def test_watched() -> None:
    assert watched(Path("/home/p"), Path("/home/p/a.py"))


def test_a_cycle_of_changes() -> None:
    assert Cycle and Changes(files=())


def test_a_gate_name() -> None:
    assert GateName.RUFF
"""


def test_a_test_that_uses_only_another_modules_code_is_misplaced() -> None:
    assert misplaced_tests(WATCHED, "pyexpert_gates.watch.cycle") == ["test_watched"]
    assert misplaced_tests(WATCHED, "pyexpert_gates.watch.changes") == []
    # A cycle runs a check, so it can run the engine; a test of plain values only is not judged.
    assert misplaced_tests(WATCHED, "pyexpert_gates.check.engine") == ["test_watched"]


THROUGH = """\
import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.report import render
from pyexpert_gates.gates.governing import ruff_extends
from tests.helpers.snapshots import EMPTY, snapshot


@pytest.fixture
def taken() -> object:
    return snapshot


def test_through_a_fixture(taken: object) -> None:
    assert taken and ruff_extends


def test_through_a_helper_constant() -> None:
    assert EMPTY and ruff_extends


def test_through_the_package() -> None:
    assert render


def test_through_the_command_line() -> None:
    assert main
"""


def test_a_fixture_a_helper_the_public_api_or_the_command_line_can_run_the_module() -> None:
    assert misplaced_tests(THROUGH, "pyexpert_gates.check.snapshot") == [
        "test_through_a_helper_constant",
        "test_through_the_package",
    ]
    assert misplaced_tests(THROUGH, "pyexpert_gates.report.junit") == [
        "test_through_a_fixture",
        "test_through_a_helper_constant",
    ]
    assert "test_through_the_command_line" not in misplaced_tests(
        THROUGH, "pyexpert_gates.commands.watch"
    )
