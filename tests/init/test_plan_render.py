"""A merged file rendered and proven: an edit tomlkit refuses one way is tried as dotted keys.

tomlkit's errors here stand in for its layout bugs, which no small file in this suite triggers.
"""

import tomllib
from collections.abc import Mapping
from pathlib import Path

import pytest
import tomlkit
from tomlkit.exceptions import TOMLKitError

from pyexpert_gates.errors import GatesError, InputError
from pyexpert_gates.init import plan as planner
from pyexpert_gates.init.merge import Change, apply_plain, plan_merge
from pyexpert_gates.init.toml_edit import apply_changes
from pyexpert_gates.textfile import TextFile, parse_toml

TEXT = "[tool.ruff]\nline-length = 90\n"
REASON = "a layout it does not know"
PATCH = {"tool": {"ruff": {"lint": {"mccabe": {"max-complexity": 10}}}}}


@pytest.mark.parametrize(
    "error", [TOMLKitError("refused"), TypeError("refused"), KeyError("refused"), ValueError("x")]
)
def test_an_edit_tomlkit_refuses_is_written_as_dotted_keys_instead(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def refuse_new_tables(
        document: tomlkit.TOMLDocument,
        changes: tuple[Change, ...],
        comments: Mapping[str, str],
        *,
        dotted: bool = False,
    ) -> None:
        if not dotted:
            raise error
        apply_changes(document, changes, comments, dotted=dotted)

    monkeypatch.setattr(planner, "apply_changes", refuse_new_tables)
    data = parse_toml(TEXT, "pyproject.toml")
    merge = plan_merge(data, PATCH, force=False)
    file = TextFile(path=Path("pyproject.toml"), text=TEXT, exists=True)
    text = planner.render(file, data, merge, {}, "pyproject.toml")
    assert text == f"{TEXT}lint.mccabe.max-complexity = 10\n"
    assert tomllib.loads(text) == apply_plain(data, merge.changes)


def test_a_file_the_toml_editor_cannot_read_is_left_alone_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreadable(_: str) -> tomlkit.TOMLDocument:
        raise TOMLKitError(REASON)

    monkeypatch.setattr(tomlkit, "parse", unreadable)
    data = parse_toml(TEXT, "pyproject.toml")
    merge = plan_merge(data, PATCH, force=False)
    file = TextFile(path=Path("pyproject.toml"), text=TEXT, exists=True)
    with pytest.raises(InputError) as raised:
        planner.render(file, data, merge, {}, "pyproject.toml")
    assert str(raised.value) == (
        f"pyproject.toml: the TOML editor cannot read this file ({REASON}); nothing was changed"
    )


def test_a_rendered_file_that_is_no_longer_toml_is_never_returned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unclosed_header(_: str, new: str) -> str:
        return f"[tool\n{new}"

    monkeypatch.setattr(planner, "separate_tables", unclosed_header)
    data = parse_toml(TEXT, "pyproject.toml")
    merge = plan_merge(data, PATCH, force=False)
    file = TextFile(path=Path("pyproject.toml"), text=TEXT, exists=True)
    with pytest.raises(GatesError) as raised:
        planner.render(file, data, merge, {}, "pyproject.toml")
    assert str(raised.value).startswith(
        "pyproject.toml: the merged file would not mean what the merge intends"
    )
