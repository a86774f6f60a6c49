"""The oldest Python from ``setup.cfg``'s ``python_requires`` when ``pyproject.toml`` has none."""

from pathlib import Path

import pytest

from pyexpert_gates.errors import ConfigError
from pyexpert_gates.init.plan import plan_init
from tests.helpers.projects import write_files

PYPROJECT = '[project]\nname = "demo"\n'


def test_a_section_given_twice_is_read_as_one(tmp_path: Path) -> None:
    setup_cfg = (
        "[options]\npython_requires = >=3.13\n\n[metadata]\nname = demo\n\n"
        "[options]\nzip_safe = False\n"
    )
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, "setup.cfg": setup_cfg})
    floor = plan_init(tmp_path, "strict").floor
    assert (floor.dotted, floor.source) == ("3.13", "setup.cfg python_requires '>=3.13'")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"python_requires = >=3.13\n", "File contains no section headers", id="ini"),
        pytest.param(
            b"[metadata]\nauthor = Jos\xe9\n[options]\npython_requires = >=3.13\n",
            "'utf-8' codec can't decode byte 0xe9",
            id="utf-8",
        ),
    ],
)
def test_a_setup_cfg_that_cannot_be_read_stops_init_with_the_reason(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    (tmp_path / "setup.cfg").write_bytes(content)
    with pytest.raises(ConfigError) as raised:
        plan_init(tmp_path, "strict")
    assert str(raised.value).startswith(f"setup.cfg: cannot read it as an INI file ({problem}")


def test_a_folder_named_setup_cfg_sets_no_python(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    (tmp_path / "setup.cfg").mkdir()
    assert plan_init(tmp_path, "strict").floor.source == "the standard (no requires-python)"
