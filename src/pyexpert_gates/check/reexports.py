"""The modules whose imports other code uses: ``fix`` removes no unused import there.

ruff's F401 sees one module at a time, so an import a module exists to re-export looks unused
to it when no ``__all__`` names it. A package's ``__init__.py`` is such a module, and so is any
module from which another file of the project imports a name that the module itself imports.
"""

import ast
import contextlib
import dataclasses
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from pyexpert_gates.errors import InputError
from pyexpert_gates.files import project_files
from pyexpert_gates.models import Diagnostic, FixSafety, GateResult
from pyexpert_gates.textfile import read_regular

REEXPORT_RULES = ("F401", "RUF100")
"""The rules ``fix`` leaves alone in such a module: the removal, and the ``noqa`` it would leave."""


def readable_sources(project: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    """The bytes of each of ``names`` that is a readable regular file (never waits on a FIFO).

    Args:
        project: The project root.
        names: Python files, relative to it.

    Returns:
        The readable ones' bytes, by name.
    """
    texts: dict[str, bytes] = {}
    for name in names:
        with contextlib.suppress(InputError):
            texts[name] = read_regular(project / name, name)
    return texts


def with_reexports_unsafe(project: Path, results: tuple[GateResult, ...]) -> tuple[GateResult, ...]:
    """The results with ruff's safe fixes of `REEXPORT_RULES` marked unsafe where fix skips them.

    Args:
        project: The project root.
        results: The gates' results.

    Returns:
        The results, so that ``check`` offers ``fix --unsafe`` where ``fix`` alone does nothing.
    """
    if not any(_offered(item) for result in results for item in result.diagnostics):
        return results
    protected = set(
        reexporting_files(readable_sources(project, project_files(project).sources(())))
    )
    return tuple(
        dataclasses.replace(
            result,
            diagnostics=tuple(
                dataclasses.replace(item, fix=FixSafety.UNSAFE)
                if _offered(item) and item.path in protected
                else item
                for item in result.diagnostics
            ),
        )
        for result in results
    )


def _offered(finding: Diagnostic) -> bool:
    """Whether ``finding`` is a re-export rule's finding that ``check`` offers to ``fix``."""
    return finding.code in REEXPORT_RULES and finding.fix is FixSafety.SAFE


def reexporting_files(texts: Mapping[str, bytes]) -> list[str]:
    """The files whose imported names another file imports from them, and every ``__init__.py``.

    Args:
        texts: Each Python file of the project by its path relative to the project root.

    Returns:
        The files, sorted; a file that does not parse is not one.
    """
    trees = {name: tree for name, data in texts.items() if (tree := _parse(data)) is not None}
    wanted: dict[str, set[str]] = {}
    for name, tree in trees.items():
        for module, names in _imported_from(name, tree):
            wanted.setdefault(module, set()).update(names)
    found = {name for name in trees if PurePosixPath(name).name == "__init__.py"}
    for name, tree in trees.items():
        asked = set[str]().union(*(wanted.get(dotted, set()) for dotted in _dotted_names(name)))
        if asked & (_imported_names(tree) | {"*"}):
            found.add(name)
    return sorted(found)


def _parse(data: bytes) -> ast.Module | None:
    """The module's syntax tree, or None when it does not parse."""
    try:
        return ast.parse(data)
    except (SyntaxError, ValueError):
        return None


def _dotted_names(path: str) -> list[str]:
    """Every dotted name the file may be imported by: ``src/pkg/mod.py`` is ``pkg.mod`` too."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return [".".join(parts[start:]) for start in range(len(parts))]


def _imported_from(path: str, tree: ast.Module) -> list[tuple[str, list[str]]]:
    """Each ``from MODULE import names`` in the file, relative ones made absolute."""
    package = list(PurePosixPath(path).parent.parts)
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names]
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((module, names))
    return found


def _imported_names(tree: ast.Module) -> set[str]:
    """The names the module's own top-level imports bind."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
    return names
