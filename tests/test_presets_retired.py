"""A preset's ``[preset.retired]``: the values earlier versions wrote at settings it dropped."""

from pathlib import Path

import pytest

from pyexpert_gates.errors import UsageError
from pyexpert_gates.presets import STRICT, PresetSource, compose_preset, load_preset

OLD_TESTS = "tool.ruff.lint.per-file-ignores.tests/**"


def sources(tmp_path: Path, text: str) -> dict[str, PresetSource]:
    file = tmp_path / "acme.toml"
    file.write_text(text, encoding="utf-8")
    return {
        "strict": PresetSource(
            name="strict", file=STRICT, distribution="pyexpert-gates", distribution_version="0"
        ),
        "acme": PresetSource(name="acme", file=file, distribution="acme", distribution_version="1"),
    }


def test_a_child_keeps_its_parents_retired_values_and_adds_its_own(tmp_path: Path) -> None:
    text = 'extends = "strict"\n\n[preset.retired]\n"tool.mypy.strict" = [true]\n'
    retired = compose_preset("acme", sources(tmp_path, text)).retired
    assert retired["tool.mypy.strict"] == (True,)
    assert ["S101", "PLR2004", "D1"] in retired[OLD_TESTS]


def test_a_retired_value_that_is_not_a_list_names_the_table(tmp_path: Path) -> None:
    text = '[preset.retired]\n"tool.mypy.strict" = true\n'
    with pytest.raises(UsageError, match=r"\[preset\.retired\] maps each setting"):
        compose_preset("acme", sources(tmp_path, text))


def test_the_strict_preset_lists_the_test_ignores_its_first_version_wrote() -> None:
    retired = load_preset().retired["tool.ruff.lint.per-file-ignores.tests/**"]
    assert ["S101", "PLR2004", "D1"] in retired
