"""ruff's facts: its files in ruff's order, its table, ``extend``, the user's own files."""

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pyexpert_gates.tools import ruff

if TYPE_CHECKING:
    from pyexpert_gates.data.toml import Data


def test_ruff_prefers_its_own_files_to_pyproject_within_a_folder() -> None:
    assert ruff.CONFIG_FILES == (".ruff.toml", "ruff.toml", "pyproject.toml")


def test_its_settings_are_a_table_of_pyproject_and_the_whole_of_its_own_files() -> None:
    assert ruff.table_in("pyproject.toml") == ("tool", "ruff")
    assert ruff.table_in("ruff.toml") == ()
    document: Data = {"tool": {"ruff": {"line-length": 100}}}
    assert ruff.settings_in("pyproject.toml", document) == {"line-length": 100}
    assert ruff.settings_in("ruff.toml", document) == document
    assert ruff.settings_in("pyproject.toml", {"tool": {"mypy": {}}}) is None
    assert ruff.settings_in("pyproject.toml", {"tool": []}) is None


def test_extend_is_relative_to_its_file_with_home_and_variables_expanded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SHARED", "/shared")
    monkeypatch.setenv("HOME", "/home/someone")
    config = Path("/project/sub/ruff.toml")
    assert ruff.extended_path(config, "../base.toml") == Path("/project/sub/../base.toml")
    assert ruff.extended_path(config, "$SHARED/ruff.toml") == Path("/shared/ruff.toml")
    assert ruff.extended_path(config, "~/ruff.toml") == Path("/home/someone/ruff.toml")


def test_the_user_files_are_in_ruffs_configuration_folder() -> None:
    assert ruff.user_config_files(Path("/config")) == (
        Path("/config/ruff/ruff.toml"),
        Path("/config/ruff/.ruff.toml"),
        Path("/config/ruff/pyproject.toml"),
    )
