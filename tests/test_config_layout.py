"""The project's layout: which of its folders and files the code paths leave out."""

from pathlib import Path

from pyexpert_gates.config import read_layout
from tests.helpers.projects import write_files


def test_the_layout_says_what_paths_leave_out(tmp_path: Path) -> None:
    names = ("src/pkg/__init__.py", "tools/__init__.py", "setup.py", "tests/t.py")
    write_files(tmp_path, dict.fromkeys(names, ""))
    layout = read_layout(tmp_path)
    assert layout.left_out(layout.code_paths(None)) == ("setup.py", "tools")
    assert layout.left_out(("src", "tools", "setup.py")) == ()
    assert layout.left_out((".",)) == ()
