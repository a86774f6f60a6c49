"""pyright's facts: its own file wins over pyproject, and its JSON takes comments and commas."""

import json

from pyexpert_gates.tools import pyright


def test_pyrightconfig_comes_before_pyproject() -> None:
    assert pyright.CONFIG_FILES == ("pyrightconfig.json", "pyproject.toml")
    assert [file.name for file in pyright.OWN_FILES] == ["pyrightconfig.json"]


def test_plain_json_drops_comments_and_trailing_commas_and_keeps_strings() -> None:
    text = '{\n  // a comment\n  "a": "x // y, }", /* more */\n  "b": [1, 2,],\n}'
    assert json.loads(pyright.plain_json(text)) == {"a": "x // y, }", "b": [1, 2]}
