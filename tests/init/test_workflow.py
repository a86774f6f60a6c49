"""The workflow init writes: every action it lists is pinned to a major version tag."""

import re

import pytest

from pyexpert_gates.init.workflow import ACTIONS


@pytest.mark.parametrize("action", ACTIONS)
def test_every_listed_action_is_pinned_to_a_major_version_tag(action: str) -> None:
    """A major tag (``v6``) gets the action's fixes; a branch or a missing pin gets anything."""
    name, _, version = action.partition("@")
    assert name.count("/") >= 1
    assert re.fullmatch(r"v[1-9][0-9]*", version)
