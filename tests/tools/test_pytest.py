"""pytest's facts: its files and sections in pytest's order, its table, its option lists."""

from pyexpert_gates.tools import pytest


def test_pytest_reads_its_own_files_then_pyproject_then_the_shared_ones() -> None:
    assert pytest.CONFIG_FILES == (
        "pytest.ini",
        ".pytest.ini",
        "pyproject.toml",
        "tox.ini",
        "setup.cfg",
        "conftest.py",
    )
    assert [file.section for file in pytest.OWN_FILES] == [
        "pytest",
        "pytest",
        "pytest",
        "tool:pytest",
    ]


def test_its_table_is_ini_options_and_addopts_is_an_argument_list() -> None:
    assert pytest.TABLE == ("tool", "pytest", "ini_options")
    assert pytest.ADDOPTS in pytest.ARGUMENT_LIST_OPTIONS
    assert {"filterwarnings", "markers"} == pytest.LINE_LIST_OPTIONS
