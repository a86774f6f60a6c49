"""The record of what the preset wrote: a damaged one is an input error naming its file."""

from pathlib import Path

import pytest

from pyexpert_gates.errors import InputError
from pyexpert_gates.init.state import (
    STATE_FILE,
    read_state,
)


@pytest.mark.parametrize(
    "text", ["", "[]", '{"version": 2}', '{"version": 1, "preset": "a"}', "{" * 100_000]
)
def test_a_damaged_record_is_an_input_error_naming_the_file(tmp_path: Path, text: str) -> None:
    (tmp_path / STATE_FILE).parent.mkdir()
    (tmp_path / STATE_FILE).write_text(text)
    with pytest.raises(InputError, match=r"preset-state.json: cannot read .* delete the file"):
        read_state(tmp_path)
