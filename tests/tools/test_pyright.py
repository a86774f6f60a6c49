"""pyright's facts: its own file wins over pyproject."""

from pyexpert_gates.tools import pyright


def test_pyrightconfig_comes_before_pyproject() -> None:
    assert pyright.CONFIG_FILES == ("pyrightconfig.json", "pyproject.toml")
    assert [file.name for file in pyright.OWN_FILES] == ["pyrightconfig.json"]
