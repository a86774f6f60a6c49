"""Each tool fact is written once: the tool modules, which every other module asks."""

import ast
from pathlib import Path

from pyexpert_gates.tools import PYPROJECT, SETUP_CFG, TOX_INI, mypy, pyright, pytest, ruff
from pyexpert_gates.tools.catalog import OWN_FILES, table_header

PACKAGE = Path(__file__).parents[2] / "src" / "pyexpert_gates"
FACTS = {
    PYPROJECT,
    SETUP_CFG,
    TOX_INI,
    pytest.ADDOPTS_VARIABLE,
    *ruff.CONFIG_FILES,
    *mypy.CONFIG_FILES,
    *pyright.CONFIG_FILES,
    # conftest.py is also how test code is told from the rest, by its name: not policed here.
    *(name for name in pytest.CONFIG_FILES if name != pytest.CONFTEST),
}


def _spelled_facts(path: Path) -> list[str]:
    """The string constants of a module that spell a tool fact, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in FACTS
    ]


def test_no_module_outside_the_tool_facts_spells_a_configuration_file() -> None:
    outside = [path for path in PACKAGE.rglob("*.py") if "tools" not in path.parts]
    assert [found for path in sorted(outside) for found in _spelled_facts(path)] == []


def test_the_facts_cover_every_file_a_tool_reads() -> None:
    assert {"pyrightconfig.json", "setup.cfg", "tox.ini", "mypy.ini", ".ruff.toml"} <= FACTS


def test_the_own_files_are_in_each_tools_order() -> None:
    assert [(file.tool, file.name, file.section) for file in OWN_FILES] == [
        ("mypy", "mypy.ini", None),
        ("mypy", ".mypy.ini", None),
        ("mypy", "setup.cfg", "mypy"),
        ("pyright", "pyrightconfig.json", None),
        ("pytest", "pytest.ini", "pytest"),
        ("pytest", ".pytest.ini", "pytest"),
        ("pytest", "tox.ini", "pytest"),
        ("pytest", "setup.cfg", "tool:pytest"),
    ]
    fallbacks = [file.name for file in OWN_FILES if not file.overrides_pyproject]
    assert fallbacks == ["setup.cfg", "tox.ini", "setup.cfg"]


def test_table_header_names_the_table_each_tool_reads_in_pyproject() -> None:
    assert table_header("pytest") == "[tool.pytest.ini_options]"
    assert table_header("mypy") == "[tool.mypy]"
    assert table_header("pyright") == "[tool.pyright]"
    assert table_header("ruff") == "[tool.ruff]"


def test_each_tools_table_is_named_after_it_under_tool() -> None:
    for tool in (ruff, mypy, pyright, pytest):
        assert tool.TABLE[:2] == ("tool", tool.NAME)
    assert [file.tool for file in OWN_FILES] == [
        *(["mypy"] * 3),
        "pyright",
        *(["pytest"] * 4),
    ]
