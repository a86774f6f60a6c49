"""How settings are named: dotted from pyproject.toml's root, ``tool.`` optional when given."""

import pytest

from pyexpert_gates.init.names import canonical, covers, setting_name


@pytest.mark.parametrize(
    ("label", "path", "name"),
    [
        ("pyproject.toml", ("tool", "mypy", "strict"), "tool.mypy.strict"),
        ("ruff.toml", ("lint", "select"), "tool.ruff.lint.select"),
        (".ruff.toml", ("line-length",), "tool.ruff.line-length"),
        ("ruff.toml", ("lint", "per-file-ignores", "a.b"), "tool.ruff.lint.per-file-ignores.a.b"),
    ],
)
def test_a_setting_is_named_from_pyprojects_root(
    label: str, path: tuple[str, ...], name: str
) -> None:
    assert setting_name(label, path) == name


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("mypy.strict", "tool.mypy.strict"),
        ("  tool.mypy  ", "tool.mypy"),
        ("toolbox", "tool.toolbox"),
    ],
)
def test_a_given_name_may_leave_out_tool(given: str, name: str) -> None:
    assert canonical(given) == name


@pytest.mark.parametrize(
    ("keys", "covered"),
    [
        (["tool.mypy.strict"], True),
        (["mypy.strict"], True),
        (["mypy"], True),
        (["tool.mypy"], True),
        (["mypy.stric"], False),
        (["mypy.strict_equality"], False),
        (["tool.mypy.strict.deeper"], False),
        (["ruff", "mypy.strict"], True),
        ([], False),
    ],
)
def test_a_name_covers_its_setting_and_every_setting_below(
    keys: list[str], *, covered: bool
) -> None:
    assert covers(keys, "tool.mypy.strict") is covered
