"""Presets composed along ``extends``: what a child keeps, adds and takes out of its parent."""

import importlib
import tomllib
from pathlib import Path

import pytest

from pyexpert_gates.errors import UsageError
from pyexpert_gates.presets import (
    ENTRY_POINT_GROUP,
    STRICT,
    compose_preset,
    extend,
    load_preset,
    preset_contents,
)
from tests.helpers.presets import sources_of, table

CHILD = """\
extends = "strict"

[preset]
version = 3
description = "ACME"

[tool.ruff.lint]
select = ["A", "NEW"]

[tool.ruff.lint.mccabe]
max-complexity = 8

[remove.tool.ruff.lint]
select = ["CPY"]

[remove.tool.mypy]
warn_unreachable = true
"""


def test_a_child_merges_over_its_parent_leaf_by_leaf(tmp_path: Path) -> None:
    strict = load_preset("strict")
    acme = compose_preset("acme", sources_of(tmp_path, acme=CHILD))
    lint = table(acme.tools, "ruff", "lint")
    strict_select = table(strict.tools, "ruff", "lint")["select"]
    assert isinstance(strict_select, list)
    kept: list[object] = [item for item in strict_select if item != "CPY"]  # pyright: ignore[reportUnknownVariableType]  # parsed TOML
    assert lint["select"] == [*kept, "NEW"]
    assert lint["mccabe"] == {"max-complexity": 8}
    assert lint["pydocstyle"] == {"convention": "google"}
    assert "warn_unreachable" in table(strict.tools, "mypy")
    assert "warn_unreachable" not in table(acme.tools, "mypy")
    assert table(acme.tools, "pyexpert-gates")["preset"] == "acme"
    assert (acme.version, acme.extends, acme.source.distribution) == (3, "strict", "acme")
    assert acme.comments["COM812"] == strict.comments["COM812"]


@pytest.mark.parametrize(
    ("parent", "child", "remove", "merged"),
    [
        ({"a": {"b": 1, "c": 2}}, {"a": {"c": 3}}, {}, {"a": {"b": 1, "c": 3}}),
        ({"s": ["X", "Y"]}, {"s": ["Y", "Z"]}, {}, {"s": ["X", "Y", "Z"]}),
        ({"s": ["X", "Y"]}, {}, {"tool": {"s": ["X"]}}, {"s": ["Y"]}),
        ({"s": ["X", "Y"]}, {"s": ["Q"]}, {"tool": {"s": ["X", "Y"]}}, {"s": ["Q"]}),
        ({"t": {"k": 1, "j": 2}}, {}, {"tool": {"t": {"k": True}}}, {"t": {"j": 2}}),
        ({"k": 1}, {"k": "x"}, {}, {"k": "x"}),
    ],
)
def test_extend(
    parent: dict[str, object],
    child: dict[str, object],
    remove: dict[str, object],
    merged: dict[str, object],
) -> None:
    before = repr(parent)
    assert extend(parent, child, remove) == merged
    assert repr(parent) == before


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (
            {
                "a": 'extends = "b"\n[preset]\nversion = 1',
                "b": 'extends = "a"\n[preset]\nversion = 1',
            },
            "b.toml: extends 'a', which makes a cycle: a -> b -> a",
        ),
        (
            {"a": 'extends = "a"\n[preset]\nversion = 1'},
            "a.toml: extends 'a', which makes a cycle: a -> a",
        ),
        (
            {"a": 'extends = "nope"\n[preset]\nversion = 1'},
            "a.toml: extends 'nope', which no installed distribution provides",
        ),
        ({"a": "[preset]\nversion = 0"}, "a.toml: [preset] version must be a whole number"),
        ({"a": "[preset]\nversion = 1\n[tools]"}, "a.toml: unknown top-level key 'tools'"),
        ({"a": "[preset\n"}, "a.toml: the preset is not valid TOML"),
        ({"a": "extends = 3\n[preset]\nversion = 1"}, "a.toml: extends must be a preset's name"),
    ],
)
def test_a_broken_chain_is_an_error_naming_the_file(
    tmp_path: Path, texts: dict[str, str], message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        compose_preset("a", sources_of(tmp_path, **texts))
    assert message in raised.value.message
    assert str(tmp_path) in raised.value.message


def test_the_built_in_preset_says_what_it_was_verified_with_and_what_changed() -> None:
    strict = load_preset("strict")
    assert strict.verified is not None
    assert set(strict.verified) == {"ruff", "mypy", "pyright", "pytest"}
    assert next(change.version for change in strict.changelog) == strict.version
    assert strict.source.distribution == "pyexpert-gates"


def test_the_verified_versions_are_inside_the_pinned_ranges() -> None:
    from packaging.requirements import Requirement  # noqa: PLC0415 - only this test needs it

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    pins = {
        Requirement(r).name: Requirement(r).specifier for r in pyproject["project"]["dependencies"]
    }
    verified = load_preset("strict").verified or {}
    for tool, version in verified.items():
        assert pins[tool].contains(version), (tool, version, pins[tool])


def test_the_built_in_preset_is_registered_through_the_entry_point_group() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    registered = pyproject["project"]["entry-points"][ENTRY_POINT_GROUP]
    assert registered == {"strict": "pyexpert_gates.presets:STRICT"}
    module, _, name = registered["strict"].partition(":")
    target = getattr(importlib.import_module(module), name)
    assert target.is_file()
    assert target.read_text(encoding="utf-8") == STRICT.read_text(encoding="utf-8")


def test_every_installed_preset_is_in_the_cache_key() -> None:
    contents = dict(preset_contents())
    assert any(name.startswith("strict (pyexpert-gates ") for name in contents)
    assert STRICT.read_bytes() in contents.values()


def test_the_pytest_requirement_accepts_the_pytest_8_libraries_pin() -> None:
    from packaging.requirements import Requirement  # noqa: PLC0415 - only this test needs it

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    pins = {
        Requirement(r).name: Requirement(r).specifier for r in pyproject["project"]["dependencies"]
    }
    assert pins["pytest"].contains("8.0.2")
    assert pins["pytest"].contains("8.4.2")
