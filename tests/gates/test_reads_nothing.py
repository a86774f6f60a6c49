"""The gates read nothing themselves: no environment, no file, no process; the snapshot does."""

import ast
from pathlib import Path

import pytest

GATES = Path(__file__).parents[2] / "src" / "pyexpert_gates" / "gates"
PROGRAMS = frozenset({"docstrings_worker.py", "mypy_runner.py"})
"""Programs the gates run in a process of their own: reading is their job."""
ENVIRONMENT = frozenset({"environ", "environb", "getenv", "putenv", "expandvars", "expanduser"})
FILE_METHODS = frozenset(
    {
        *("open", "read_text", "read_bytes", "write_text", "write_bytes", "is_file", "is_dir"),
        *("exists", "stat", "lstat", "iterdir", "glob", "rglob", "resolve", "readlink"),
        *("scandir", "listdir", "access", "walk"),
    }
)
FILE_FUNCTIONS = frozenset({"open", "read_regular", "read_text", "read_toml", "project_files"})
PROCESS_MODULES = frozenset({"subprocess", "pyexpert_gates.process", "pyexpert_gates.files"})


def _reads(tree: ast.Module) -> set[str]:
    """What a module reads: ``os.environ``, ``.is_file()``, ``open()``, ``import subprocess``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        match node:
            case ast.Attribute(attr=attr) if attr in ENVIRONMENT:
                found.add(f"os.{attr}")
            case ast.Call(func=ast.Attribute(value=value, attr=attr)) if attr in FILE_METHODS:
                # `ast.walk` and the like walk trees, not folders.
                if not (isinstance(value, ast.Name) and value.id == "ast"):
                    found.add(f".{attr}()")
            case ast.Call(func=ast.Name(id=name)) if name in FILE_FUNCTIONS:
                found.add(f"{name}()")
            case ast.Import(names=names):
                found.update(f"import {a.name}" for a in names if a.name in PROCESS_MODULES)
            case ast.ImportFrom(module=module) if module in PROCESS_MODULES:
                found.add(f"import {module}")
            case _:
                pass
    return found


def _gate_reads() -> set[tuple[str, str]]:
    """Every read of every gate module, by file name."""
    return {
        (path.name, read)
        for path in sorted(GATES.glob("*.py"))
        if path.name not in PROGRAMS
        for read in _reads(ast.parse(path.read_text(encoding="utf-8")))
    }


def test_no_gate_reads_the_environment_a_file_or_starts_a_process() -> None:
    assert _gate_reads() == set()


@pytest.mark.parametrize(
    ("source", "read"),
    [
        ("import os\nos.environ.get('PYTEST_ADDOPTS')\n", "os.environ"),
        ("import os\nos.getenv('HOME')\n", "os.getenv"),
        ("import os.path\nos.path.expandvars('$HOME')\n", "os.expandvars"),
        ("from pathlib import Path\nPath('~bob').expanduser()\n", "os.expanduser"),
        ("from pathlib import Path\nPath('x').read_text()\n", ".read_text()"),
        ("from pathlib import Path\nPath('x').is_file()\n", ".is_file()"),
        ("open('x')\n", "open()"),
        ("import subprocess\n", "import subprocess"),
        ("from pyexpert_gates.files import project_files\n", "import pyexpert_gates.files"),
    ],
)
def test_the_scan_sees_each_kind_of_read(source: str, read: str) -> None:
    assert read in _reads(ast.parse(source))


def test_the_scan_leaves_syntax_tree_walks_alone() -> None:
    assert _reads(ast.parse("import ast\nast.walk(ast.parse(''))\n")) == set()
