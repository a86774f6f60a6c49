"""PXG003: explicit ``Any`` carries a justification.

Every use of the name ``typing.Any`` (however it was imported) is explicit. Strings count only
where they are type annotations: inside annotations (not inside ``Literal[...]`` or the
metadata of ``Annotated[...]``), the first argument of ``cast`` and the value of a
``TypeAlias``.
"""

import ast
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.findings import finding_at
from pyexpert_gates.expert.names import ANNOTATED, ANY, CAST, LITERAL, ImportMap
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

# A node to visit, whether it is in a type annotation, and the string annotation it was
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
    """Yield the nodes to report: each use of ``Any``, or the string annotation holding it."""
    stack: list[_Visit] = [(root.node, root.annotation, None)]
    while stack:
        node, annotation, anchor = stack.pop()
        if isinstance(node, ast.Name | ast.Attribute) and imports.qualified(node) in ANY:
            yield anchor or node
        else:
            stack.extend(_children(node, annotation=annotation, anchor=anchor, imports=imports))


def _children(
    node: ast.AST, *, annotation: bool, anchor: ast.expr | None, imports: ImportMap
) -> list[_Visit]:
    match node:
        case ast.Constant(value=str() as text) if annotation:
            parsed = _parse_annotation(text)
            return [] if parsed is None else [(parsed, True, anchor or node)]
        case ast.Subscript(value=head, slice=index):
            kind = imports.qualified(head)
            return [
                (head, annotation, anchor),
                *_subscript(kind, index, annotation=annotation, anchor=anchor),
            ]
        case ast.Call(func=func, args=[first, *rest], keywords=keywords) if (
            imports.qualified(func) in CAST
        ):
            others = (*rest, *(keyword.value for keyword in keywords))
            return [
                (func, False, anchor),
                (first, True, anchor),
                *((other, False, anchor) for other in others),
            ]
        case _:
            return [(child, annotation, anchor) for child in ast.iter_child_nodes(node)]


def _subscript(
    kind: str | None, index: ast.expr, *, annotation: bool, anchor: ast.expr | None
) -> list[_Visit]:
    if kind in LITERAL:
        return []
    if kind in ANNOTATED:
        items = index.elts if isinstance(index, ast.Tuple) else [index]
        if not items:
            return []
        return [(items[0], annotation, anchor), *((item, False, anchor) for item in items[1:])]
    return [(index, annotation, anchor)]


def _parse_annotation(text: str) -> ast.expr | None:
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
