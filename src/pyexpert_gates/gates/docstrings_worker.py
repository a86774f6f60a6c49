"""Read a project's Python files and print what the ``docstrings`` gate judges, as JSON.

Run as ``python -m pyexpert_gates.gates.docstrings_worker PATH...`` in the project folder, with
the project's files on standard input, NUL-separated. Gates read no files themselves, so this
small program does the reading in a process of its own, and the gate parses what it prints:

```
{"version": 1, "files": 12, "missing": [],
 "objects": [{"path": "src/pkg/mod.py", "line": 3, "name": "f", "kind": "function",
              "documented": true}],
 "sections": [{"path": "src/pkg/mod.py", "line": 3, "code": "DOC101", "message": "..."}],
 "problems": [{"path": "src/pkg/bad.py", "line": 2, "code": "invalid-syntax", "message": "..."}]}
```

The files are the project's Python files inside the paths, as `pyexpert_gates.files` lists them
for every gate (the gate hands over that list). Test code is not public API: files named
``test_*.py``, ``*_test.py`` or ``conftest.py`` and anything under a ``tests`` or ``test`` folder
are skipped.
"""

import ast
import json
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TypeAlias

from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.gates.docstrings import INVALID_SYNTAX, UNREADABLE, WORKER_VERSION
from pyexpert_gates.gates.paths import is_test_code
from pyexpert_gates.gates.public_api import Kind, public_objects
from pyexpert_gates.gates.sections import section_findings

MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""The largest source file read, as for every file pyexpert-gates reads itself."""
_MODULE_KINDS = frozenset({Kind.MODULE, Kind.PACKAGE})

_Record: TypeAlias = dict[str, object]


def main(arguments: Sequence[str] | None = None) -> int:
    """Print the worker's JSON for the paths on the command line (default: the current folder).

    Args:
        arguments: The paths, relative to the current folder; None reads ``sys.argv``.

    Returns:
        The exit code: 0, since findings are for the gate to judge.
    """
    paths = list(sys.argv[1:] if arguments is None else arguments) or ["."]
    received = sys.stdin.buffer.read().decode("utf-8", errors="surrogateescape")
    listed = tuple(name for name in received.split("\0") if name)
    sys.stdout.write(json.dumps(worker(Path.cwd(), paths, listed)))
    return 0


def worker(root: Path, paths: Sequence[str], listed: Sequence[str]) -> _Record:
    """Examine every Python file under ``paths``.

    Args:
        root: The folder the paths are relative to (the project root).
        paths: Files and folders to examine.
        listed: The project's files, relative to ``root``.

    Returns:
        The JSON document described in the module docstring.
    """
    files, missing = python_files(root, paths, listed)
    objects: list[_Record] = []
    sections: list[_Record] = []
    problems: list[_Record] = []
    for relative in files:
        tree = _parse(root / relative, relative, problems)
        if tree is not None:
            _examine(tree, relative, objects, sections)
    return {
        "version": WORKER_VERSION,
        "files": len(files),
        "missing": missing,
        "objects": objects,
        "sections": sections,
        "problems": problems,
    }


def python_files(
    root: Path, paths: Sequence[str], listed: Sequence[str]
) -> tuple[list[str], list[str]]:
    """The non-test Python files under ``paths``, and the paths that do not exist.

    Args:
        root: The folder the paths are relative to (the project root).
        paths: Files and folders.
        listed: The project's files, relative to ``root``.

    Returns:
        The files, relative to ``root`` with POSIX separators and in a stable order, without
        duplicates; and the paths that name nothing.
    """
    missing = [name for name in paths if not (root / name).exists()]
    present = [name for name in paths if name not in missing]
    inside = ProjectFiles(files=tuple(listed), from_git=False).sources(present) if present else ()
    # A file named on its own is read even when git ignores it: the user asked for it.
    named = tuple(
        PurePosixPath(name).as_posix()
        for name in present
        if name.endswith(".py") and (root / name).is_file()
    )
    found = dict.fromkeys(sorted({*inside, *named}))
    return [name for name in found if name.endswith(".py") and not is_test_code(name)], missing


def _parse(path: Path, relative: str, problems: list[_Record]) -> ast.Module | None:
    """The file's syntax tree, or None with the reason added to ``problems``."""
    try:
        if not path.is_file():
            # A FIFO would block this worker and a device such as /dev/zero would never end.
            problems.append(_problem(relative, None, UNREADABLE, "not a regular file"))
            return None
        with path.open("rb") as stream:
            source = stream.read(MAX_SOURCE_BYTES + 1)
    except OSError as error:
        problems.append(_problem(relative, None, UNREADABLE, error.strerror or str(error)))
        return None
    if len(source) > MAX_SOURCE_BYTES:
        problems.append(_problem(relative, None, UNREADABLE, "larger than 64 MiB"))
        return None
    try:
        return ast.parse(source, filename=relative)
    except SyntaxError as error:
        problems.append(_problem(relative, error.lineno, INVALID_SYNTAX, error.msg))
    except ValueError as error:  # a NUL byte in the source, on some Python versions
        problems.append(_problem(relative, None, INVALID_SYNTAX, str(error)))
    except (RecursionError, MemoryError):
        problems.append(_problem(relative, None, INVALID_SYNTAX, "too deeply nested to parse"))
    return None


def _examine(
    tree: ast.Module, relative: str, objects: list[_Record], sections: list[_Record]
) -> None:
    """Add one module's public objects and section findings."""
    public = public_objects(tree, Path(relative))
    objects.extend(
        {
            "path": relative,
            "line": item.line,
            "name": item.name,
            "kind": item.kind.value,
            "documented": item.documented,
        }
        for item in public
    )
    lines = {item.line for item in public if item.kind not in _MODULE_KINDS}
    sections.extend(
        {"path": relative, "line": finding.line, "code": finding.code, "message": finding.message}
        for finding in section_findings(tree, lines)
    )


def _problem(relative: str, line: int | None, code: str, message: str) -> _Record:
    """A file that could not be examined."""
    return {"path": relative, "line": line, "code": code, "message": message}


if __name__ == "__main__":
    raise SystemExit(main())
