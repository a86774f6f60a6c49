"""mypy's facts: its files in mypy's order, its sections, its list options, the user's files."""

from pathlib import Path

from pyexpert_gates.tools import mypy


def test_mypy_reads_its_own_files_then_pyproject_then_setup_cfg() -> None:
    assert mypy.CONFIG_FILES == ("mypy.ini", ".mypy.ini", "pyproject.toml", "setup.cfg")


def test_plugins_is_a_list_option_and_python_version_is_text() -> None:
    assert mypy.PLUGINS in mypy.LIST_OPTIONS
    assert "python_version" in mypy.TEXT_OPTIONS
    assert not mypy.LIST_OPTIONS & mypy.TEXT_OPTIONS


def test_the_user_files_are_in_the_configuration_folder_and_home() -> None:
    assert mypy.user_config_files(Path("/home/someone"), Path("/config")) == (
        Path("/config/mypy/config"),
        Path("/home/someone/.config/mypy/config"),
        Path("/home/someone/.mypy.ini"),
    )
