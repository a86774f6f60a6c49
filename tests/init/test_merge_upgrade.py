"""A preset upgrade updates what init wrote and keeps what the user changed since."""

from pathlib import Path

from pyexpert_gates.data.toml import Data
from pyexpert_gates.init.merge import ChangeKind, apply_plain, plan_merge
from pyexpert_gates.init.state import (
    STATE_FILE,
    PresetState,
    Written,
    digest,
    owned_settings,
    read_state,
    record,
    render_state,
)

SELECT = ("tool", "ruff", "lint", "select")
COMPLEXITY = ("tool", "ruff", "lint", "mccabe", "max-complexity")
TIMEOUT = ("tool", "pyexpert-gates", "timeout")


def pyproject(select: list[str], complexity: int, timeout: int) -> Data:
    lint: Data = {"select": select, "mccabe": {"max-complexity": complexity}}
    return {"tool": {"ruff": {"lint": lint}, "pyexpert-gates": {"timeout": timeout}}}


def first_init(before: Data, patch: Data) -> tuple[Data, PresetState]:
    after = apply_plain(before, plan_merge(before, patch).changes)
    state = PresetState(
        preset="acme", version=1, files={"pyproject.toml": record(before, after, patch, {})}
    )
    return after, state


def upgrade(data: Data, patch: Data, state: PresetState) -> Data:
    owned = owned_settings(state, "pyproject.toml", data)
    return apply_plain(data, plan_merge(data, patch, owned=owned).changes)


def test_init_records_the_presets_values_and_not_the_kept_ones() -> None:
    before: Data = {
        "tool": {"ruff": {"lint": {"select": ["E"]}}, "pyexpert-gates": {"timeout": 900}}
    }
    _, state = first_init(before, pyproject(["E", "D"], 8, 600))
    written = state.files["pyproject.toml"]
    assert TIMEOUT not in written  # the user's 900 was kept: never the preset's to change
    assert written[COMPLEXITY] == Written(digest=digest(8))
    assert written[SELECT].added == frozenset({'"D"'})  # "E" was the user's before init


def test_an_upgrade_updates_untouched_values_and_keeps_edited_ones() -> None:
    after, state = first_init({}, pyproject(["E", "D", "CPY"], 8, 600))
    tools = after["tool"]
    assert isinstance(tools, dict)
    tools["pyexpert-gates"] = {"timeout": 1200}  # the user's edit since
    upgraded = upgrade(after, pyproject(["E", "D", "N"], 6, 300), state)
    assert upgraded == pyproject(["E", "D", "N"], 6, 1200)


def test_an_upgrade_keeps_rules_the_user_had_before_the_preset_added_them() -> None:
    before = pyproject(["E", "MINE", "CPY"], 8, 600)
    after, state = first_init(before, pyproject(["E", "CPY"], 8, 600))
    upgraded = upgrade(after, pyproject(["E"], 8, 600), state)
    assert upgraded == before  # CPY was the user's own before init: it stays


def test_an_upgrade_takes_back_only_the_rules_it_added() -> None:
    before = pyproject(["MINE"], 8, 600)
    after, state = first_init(before, pyproject(["E", "CPY"], 8, 600))
    owned = owned_settings(state, "pyproject.toml", after)
    plan = plan_merge(after, pyproject(["E"], 8, 600), owned=owned)
    assert [(c.kind, c.path, c.value) for c in plan.changes] == [
        (ChangeKind.REPLACE, SELECT, ["MINE", "E"])
    ]


def test_a_list_the_user_edited_is_theirs() -> None:
    _, state = first_init({}, pyproject(["E", "CPY"], 8, 600))
    edited = pyproject(["E", "CPY", "MINE"], 8, 600)
    assert upgrade(edited, pyproject(["E"], 8, 600), state) == edited


def test_the_record_round_trips_one_line_per_setting(tmp_path: Path) -> None:
    _, state = first_init({}, pyproject(["E", "D"], 8, 600))
    text = render_state(state)
    (tmp_path / STATE_FILE).parent.mkdir()
    (tmp_path / STATE_FILE).write_text(text)
    assert read_state(tmp_path) == state
    settings = len(state.files["pyproject.toml"])
    assert text.count("\n") == 6 + settings + 3
