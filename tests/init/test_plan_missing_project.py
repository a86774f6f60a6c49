"""init on a folder that does not exist says so and what to pass instead."""

from pathlib import Path

import pytest

from pyexpert_gates.errors import UsageError
from pyexpert_gates.init.plan import plan_init


def test_planning_for_a_missing_folder_names_it_and_the_option(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(UsageError) as raised:
        plan_init(missing, "strict")
    assert (
        str(raised.value)
        == f"{missing}: no such project folder; pass an existing folder to --project"
    )
