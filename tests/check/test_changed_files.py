"""``--changed-since``: the changed Python files inside a file-level gate's paths."""

from pathlib import Path

import pytest

from pyexpert_gates.check.changed_files import limit_paths
from pyexpert_gates.files import project_files


@pytest.mark.parametrize(
    ("changed", "paths", "limited"),
    [
        (("src/a.py", "src/b.txt", "docs/c.py"), ("src",), ("src/a.py",)),
        (("src/a.py", "tests/t.py", "setup.py"), ("src", "tests"), ("src/a.py", "tests/t.py")),
        (("src/a.py", "setup.py"), (".",), ("src/a.py", "setup.py")),
        (("src/gone.py",), ("src",), ()),
        (("src/.hidden/a.py", "src/__pycache__/a.pyi"), ("src",), ("src/.hidden/a.py",)),
        (("srcx/a.py",), ("src",), ()),
        (("src/stub.pyi",), ("src/stub.pyi",), ("src/stub.pyi",)),
    ],
)
def test_file_level_gates_get_the_changed_python_files_in_their_paths(
    tmp_path: Path, changed: tuple[str, ...], paths: tuple[str, ...], limited: tuple[str, ...]
) -> None:
    for name in changed:
        if name != "src/gone.py":
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("")
    assert limit_paths(changed, paths, project_files(tmp_path)) == limited
