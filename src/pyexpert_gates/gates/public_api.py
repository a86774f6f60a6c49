"""The public API of one module, by the rules of ruff's pydocstyle checks (D100 to D107).

A module is private when a folder or its file name starts with one underscore (dunder names
such as ``__init__`` stay public); everything in a private module is private. In a public
module, a top-level function or class is public unless its name starts with an underscore or
the module has an ``__all__`` that leaves it out. In a public class, methods and nested classes
are public unless their name starts with one underscore; dunder methods are public (magic
methods and ``__init__``). Not counted at all: ``@overload`` stubs (the implementation carries
the docstring), property setters and deleters (the getter does), ``@override`` methods (the
overridden method does), and anything defined inside a function.

Definitions inside ``if``, ``try``, ``with``, loops and ``match`` belong to the enclosing module
or class, as they do at run time.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import TypeAlias


class Kind(StrEnum):
    """What a public object is, as its missing docstring is reported."""

    MODULE = "module"
    PACKAGE = "package"
    CLASS = "class"
    NESTED_CLASS = "nested class"
    FUNCTION = "function"
    METHOD = "method"
    MAGIC_METHOD = "magic method"
    INIT = "init"


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicObject:
    """One object of a module's public API.

    Attributes:
        name: The qualified name within the module (``Report.passed``), or the module's dotted
            path for the module itself.
        kind: What it is.
        line: The 1-based line of its ``def`` or ``class`` (1 for the module).
        documented: True when it has a non-empty docstring.
    """

    name: str
    kind: Kind
    line: int
    documented: bool


_Definition: TypeAlias = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def public_objects(tree: ast.Module, path: PurePath) -> tuple[PublicObject, ...]:
    """The public objects of one module: the module itself, its classes, functions and methods.

    Args:
        tree: The module's syntax tree.
        path: The module's file, relative to the project root.

    Returns:
        The public objects in source order; empty for a private module.
    """
    if any(_is_private_module(part) for part in (*path.parent.parts, path.stem)):
        return ()
    # In a src layout the import name starts below `src`.
    folders = path.parent.parts[1:] if path.parent.parts[:1] == ("src",) else path.parent.parts
    dotted = (*folders, path.stem) if path.stem != "__init__" else folders
    module = PublicObject(
        name=".".join(dotted) or path.stem,
        kind=Kind.PACKAGE if path.stem == "__init__" else Kind.MODULE,
        line=1,
        documented=_documented(tree),
    )
    return (module, *_module_members(tree, _exported(tree)))


def _module_members(tree: ast.Module, exported: frozenset[str] | None) -> Iterator[PublicObject]:
    """The public top-level functions and classes, with their public members."""
    for node in _definitions(tree.body):
        if node.name.startswith("_") or (exported is not None and node.name not in exported):
            continue
        if isinstance(node, ast.ClassDef):
            yield _public(node, Kind.CLASS, node.name)
            yield from _class_members(node, node.name)
        elif "overload" not in _decorator_names(node):
            yield _public(node, Kind.FUNCTION, node.name)


def _class_members(owner: ast.ClassDef, owner_name: str) -> Iterator[PublicObject]:
    """The public methods and nested classes of a public class, recursively."""
    for node in _definitions(owner.body):
        name = f"{owner_name}.{node.name}"
        if isinstance(node, ast.ClassDef):
            if not node.name.startswith("_"):
                yield _public(node, Kind.NESTED_CLASS, name)
                yield from _class_members(node, name)
        elif _is_public_method(node):
            yield _public(node, _method_kind(node.name), name)


def _is_public_method(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a method counts: public name, and not a stub, accessor or override."""
    if node.name.startswith("_") and not _is_dunder(node.name):
        return False
    decorators = _decorator_names(node)
    skipped = {"overload", "override", f"{node.name}.setter", f"{node.name}.deleter"}
    return not skipped.intersection(decorators)


def _method_kind(name: str) -> Kind:
    """A method's kind by its name."""
    if name == "__init__":
        return Kind.INIT
    return Kind.MAGIC_METHOD if _is_dunder(name) else Kind.METHOD


def _definitions(body: list[ast.stmt]) -> Iterator[_Definition]:
    """The functions and classes defined directly in ``body``, inside blocks included."""
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield statement
        else:
            yield from _definitions(list(_statements_in(statement)))


def _statements_in(node: ast.AST) -> Iterator[ast.stmt]:
    """The statements nested in a compound statement, through ``except`` and ``case`` clauses."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.stmt):
            yield child
        elif isinstance(child, ast.excepthandler | ast.match_case):
            yield from _statements_in(child)


def _decorator_names(node: _Definition) -> frozenset[str]:
    """Each decorator by its dotted name and by its last part (``typing.overload``, ``overload``).

    A call such as ``@functools.cache()`` counts by the name of what is called.
    """
    names: set[str] = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        dotted = _dotted(target)
        if dotted:
            names.update((dotted, dotted.rpartition(".")[2]))
    return frozenset(names)


def _dotted(expression: ast.expr) -> str:
    """``a.b.c`` for a chain of names and attributes; empty for anything else."""
    match expression:
        case ast.Name(id=name):
            return name
        case ast.Attribute(value=value, attr=attribute):
            prefix = _dotted(value)
            return f"{prefix}.{attribute}" if prefix else ""
        case _:
            return ""


def _exported(tree: ast.Module) -> frozenset[str] | None:
    """The names the module's ``__all__`` lists, or None when it has no ``__all__``.

    Assignments, ``+=`` and ``.extend``/``.append`` calls with literal strings are understood;
    names added by code that cannot be read statically are not known.
    """
    exported: set[str] | None = None
    for statement in tree.body:
        match statement:
            case ast.Assign(targets=[ast.Name(id="__all__")], value=value):
                exported = set(_strings(value))
            case ast.AnnAssign(target=ast.Name(id="__all__"), value=ast.expr() as value):
                exported = set(_strings(value))
            case ast.AugAssign(target=ast.Name(id="__all__"), value=value):
                exported = (exported or set[str]()) | _strings(value)
            case ast.Expr(
                value=ast.Call(
                    func=ast.Attribute(value=ast.Name(id="__all__"), attr="extend" | "append"),
                    args=[value],
                )
            ):
                exported = (exported or set[str]()) | _strings(value)
            case _:
                pass
    return None if exported is None else frozenset(exported)


def _strings(value: ast.expr) -> set[str]:
    """The string literals of a list, tuple or sum of them (``[...] + other.__all__``)."""
    match value:
        case ast.Constant(value=str(name)):
            return {name}
        case ast.List(elts=items) | ast.Tuple(elts=items):
            return {
                item.value
                for item in items
                if isinstance(item, ast.Constant) and isinstance(item.value, str)
            }
        case ast.BinOp(left=left, op=ast.Add(), right=right):
            return _strings(left) | _strings(right)
        case _:
            return set()


def _public(node: _Definition, kind: Kind, name: str) -> PublicObject:
    """A public definition."""
    return PublicObject(name=name, kind=kind, line=node.lineno, documented=_documented(node))


def _documented(node: ast.Module | _Definition) -> bool:
    """Whether the node's docstring exists and says something."""
    docstring = ast.get_docstring(node, clean=False)
    return bool(docstring and docstring.strip())


def _is_private_module(name: str) -> bool:
    """``_internal`` is private; ``__init__`` and ``__main__`` are not."""
    return name.startswith("_") and not _is_dunder(name)


def _is_dunder(name: str) -> bool:
    """``__init__``, ``__repr__``: two underscores on each side of a name."""
    return name.startswith("__") and name.endswith("__") and len(name) > len("____")
