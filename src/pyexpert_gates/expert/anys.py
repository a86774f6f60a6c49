"""PXG003: explicit ``Any`` carries a justification.

``typing.Any`` (however it was imported) is reported where it stands as a type: in
annotations (string annotations too), type arguments (``dict[str, Any]``, ``Foo[Any]``),
unions, aliases (``X = Any``, ``TypeAlias`` values, ``type`` statements), base classes, the
first argument of ``cast``, the type of ``NewType`` and the bound or constraints of ``TypeVar``.
A runtime use of the object (``if hint is Any:``) is not a type and is not reported, and
neither is a string unless it is an annotation; ``Literal[...]`` and the metadata of
``Annotated[...]`` are never types.
"""

import ast
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.findings import finding_at
from pyexpert_gates.expert.names import ANNOTATED, ANY, CAST, LITERAL, NEW_TYPE, TYPE_VAR, ImportMap
from pyexpert_gates.expert.suppressions import Kind, SuppressionIndex
from pyexpert_gates.expert.walker import ExpressionRoot
from pyexpert_gates.models import Diagnostic

JUSTIFICATIONS = (
    (Kind.TYPE_IGNORE, "explicit-any"),
    (Kind.PYRIGHT_IGNORE, "reportExplicitAny"),
    (Kind.NOQA, RuleCode.EXPLICIT_ANY.value),
)
"""The suppressions that justify an ``Any`` when a reason follows them."""

_MESSAGE = (
    "explicit `Any` without a justification: use a precise type, `object` or a Protocol, or "
    "say why on this line: `# type: ignore[explicit-any]  # <why Any is needed>`"
)

# Subscripting these builtins writes a type, as does subscripting a capitalised name.
_BUILTIN_GENERICS = frozenset({"dict", "list", "set", "frozenset", "tuple", "type"})

# A node to visit, whether it stands where a type is expected, and the string annotation it was
# parsed from (whose position is the one to report), if any.
_Visit: TypeAlias = tuple[ast.AST, bool, ast.expr | None]


def check_any(
    roots: Iterable[ExpressionRoot], imports: ImportMap, suppressions: SuppressionIndex, path: str
) -> Iterator[Diagnostic]:
    """Report uses of ``Any`` with no justification on their line or their statement's line.

    Args:
        roots: The expressions that may mention ``Any``.
        imports: The module's imports.
        suppressions: The module's suppression comments.
        path: The module's path, for the findings.

    Yields:
        One finding per unjustified use.
    """
    for root in roots:
        for use in _uses(root, imports):
            lines = (use.lineno, root.statement_line)
            if any(suppressions.names(line, JUSTIFICATIONS) for line in lines):
                continue
            yield finding_at(use, code=RuleCode.EXPLICIT_ANY, path=path, message=_MESSAGE)


def _uses(root: ExpressionRoot, imports: ImportMap) -> Iterator[ast.expr]:
    """Yield the nodes to report: each ``Any`` in a type position, or the string holding it."""
    stack: list[_Visit] = [(root.node, root.annotation, None)]
    while stack:
        node, typed, anchor = stack.pop()
        if isinstance(node, ast.Name | ast.Attribute) and imports.qualified(node) in ANY:
            if typed:
                yield anchor or node
        else:
            stack.extend(_children(node, typed=typed, anchor=anchor, imports=imports))


def _children(
    node: ast.AST, *, typed: bool, anchor: ast.expr | None, imports: ImportMap
) -> list[_Visit]:
    """Return a node's children, each marked with whether it stands in a type position."""
    match node:
        case ast.Constant(value=str() as text) if typed:
            parsed = _parse_annotation(text)
            return [] if parsed is None else [(parsed, True, anchor or node)]
        case ast.Subscript(value=head, slice=index):
            kind = imports.qualified(head)
            arguments = _subscript(kind, index, typed=typed or _generic(head), anchor=anchor)
            return [(head, typed, anchor), *arguments]
        case ast.BinOp(left=left, op=ast.BitOr(), right=right):
            return [(left, True, anchor), (right, True, anchor)]
        case ast.Call() if (call := _call(imports.qualified(node.func), node, anchor)) is not None:
            return call
        case ast.Assign(targets=targets, value=ast.Name() | ast.Attribute() as value):
            return [*((target, False, anchor) for target in targets), (value, True, anchor)]
        case _:
            return [(child, typed, anchor) for child in ast.iter_child_nodes(node)]


def _generic(head: ast.expr) -> bool:
    """Tell whether subscripting this expression writes a type (``dict[...]``, ``Foo[...]``)."""
    match head:
        case ast.Name(id=name) | ast.Attribute(attr=name):
            return name in _BUILTIN_GENERICS or name[:1].isupper()
        case _:
            return False


def _subscript(
    kind: str | None, index: ast.expr, *, typed: bool, anchor: ast.expr | None
) -> list[_Visit]:
    if kind in LITERAL:
        return []
    if kind in ANNOTATED:
        items = index.elts if isinstance(index, ast.Tuple) else [index]
        if not items:
            return []
        return [(items[0], typed, anchor), *((item, False, anchor) for item in items[1:])]
    return [(index, typed, anchor)]


def _call(kind: str | None, call: ast.Call, anchor: ast.expr | None) -> list[_Visit] | None:
    """Mark the arguments of ``cast``, ``NewType`` and ``TypeVar`` that are types."""
    if kind in CAST:
        types = call.args[:1]
    elif kind in NEW_TYPE:
        types = call.args[1:2]
    elif kind in TYPE_VAR:
        types = [
            *call.args[1:],
            *(keyword.value for keyword in call.keywords if keyword.arg == "bound"),
        ]
    else:
        return None
    marked = {id(argument) for argument in types}
    children = (call.func, *call.args, *(keyword.value for keyword in call.keywords))
    return [(child, id(child) in marked, anchor) for child in children]


def _parse_annotation(text: str) -> ast.expr | None:
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
