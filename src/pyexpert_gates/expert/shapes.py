"""The shape of a function body: its syntax, with literals and literal-bound names abstracted.

Two bodies have the same shape when they differ only in their literals and in the names of
local variables every assignment of which is a literal (``size = 1`` / ``amount = 100``). The
shape is a flat tuple written in one iterative pre-order pass (deep trees cannot overflow the
stack), so shapes are cheap to compare and to hash.
"""

import ast
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import cast

_IGNORED_FIELDS = frozenset({"ctx", "type_comment"})
_LITERAL = ("literal",)
# Only these nodes can be literals, and only literals in these can be named by a hint.
_LITERAL_KINDS = (ast.Constant, ast.UnaryOp, ast.Tuple, ast.List, ast.Set, ast.Dict)
_HINTING_KINDS = (ast.Assign, ast.AnnAssign, ast.keyword, ast.Compare)


@dataclass(frozen=True, slots=True, kw_only=True)
class Slot:
    """A literal of the body, in the order the shape meets it.

    Attributes:
        node: The literal.
        hint: A name for the parameter it would become: the variable it is assigned to, the
            keyword it is passed as, or ``expected`` on the right of a comparison.
    """

    node: ast.expr
    hint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Shape:
    """A body's identity up to literals.

    Attributes:
        key: Equal for bodies that differ only in literals and literal-bound names.
        slots: The literals, in a fixed order that lines up between bodies of equal key.
    """

    key: tuple[Hashable, ...]
    slots: tuple[Slot, ...]


def is_literal(node: ast.expr) -> bool:
    """Tell whether an expression is a literal: a constant, or a display of literals.

    Args:
        node: The expression.

    Returns:
        True for ``1``, ``-2.5``, ``"a"``, ``None``, ``(1, "a")``, ``[]``, ``{"k": [1]}``.
    """
    match node:
        case ast.Constant():
            return True
        case ast.UnaryOp(
            op=ast.USub() | ast.UAdd(), operand=ast.Constant(value=int() | float() | complex())
        ):
            return True
        case ast.Tuple(elts=items) | ast.List(elts=items) | ast.Set(elts=items):
            return all(is_literal(item) for item in items)
        case ast.Dict(keys=keys, values=values):
            return all(key is not None and is_literal(key) for key in keys) and all(
                map(is_literal, values)
            )
        case _:
            return False


def shape_of(body: Sequence[ast.stmt]) -> Shape:
    """Return the shape of a sequence of statements.

    Args:
        body: The statements, such as a function body without its docstring.

    Returns:
        The shape.
    """
    writer = _Writer()
    writer.write(body)
    return writer.finish()


def _hint(parent: ast.AST, name: str) -> str | None:
    """Name the parameter a literal in this field of this node would become."""
    match parent, name:
        case ast.Assign(targets=[ast.Name(id=target)]) | ast.AnnAssign(
            target=ast.Name(id=target)
        ), "value":
            return target
        case ast.keyword(arg=str() as keyword), "value":
            return keyword
        case ast.Compare(), "comparators":
            return "expected"
        case _:
            return None


@dataclass(slots=True)
class _Writer:
    tokens: list[Hashable] = field(default_factory=list[Hashable])
    slots: list[Slot] = field(default_factory=list[Slot])
    names: list[tuple[int, str]] = field(default_factory=list[tuple[int, str]])
    literal_targets: set[int] = field(default_factory=set[int])
    literal_only: dict[str, bool] = field(default_factory=dict[str, bool])

    def write(self, body: Sequence[ast.stmt]) -> None:
        stack: list[tuple[object, str | None]] = [(statement, None) for statement in reversed(body)]
        while stack:
            item, hint = stack.pop()
            if isinstance(item, ast.AST):
                stack.extend(reversed(self._node(item, hint)))
            else:
                self.tokens.append(item)

    def _node(self, node: ast.AST, hint: str | None) -> list[tuple[object, str | None]]:
        """Write one node's own token; return its fields to write next, in order."""
        if isinstance(node, _LITERAL_KINDS) and is_literal(node):
            self.tokens.append(_LITERAL)
            self.slots.append(Slot(node=node, hint=hint))
            return []
        if isinstance(node, ast.Name):
            self._name(node)
            return []
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value and is_literal(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            self.literal_targets.update(id(target) for target in targets)
        self.tokens.append(type(node).__name__)
        children: list[tuple[object, str | None]] = []
        hinted = isinstance(node, _HINTING_KINDS)
        for name, value in ast.iter_fields(node):
            if name not in _IGNORED_FIELDS:
                child_hint = _hint(node, name) if hinted else None
                if isinstance(value, list):
                    items = cast("list[object]", value)
                    children.append((len(items), None))
                    children.extend((item, child_hint) for item in items)
                else:
                    children.append((value, child_hint))
        return children

    def _name(self, node: ast.Name) -> None:
        self.names.append((len(self.tokens), node.id))
        self.tokens.append(node.id)
        if isinstance(node.ctx, ast.Store):
            literal = id(node) in self.literal_targets
            self.literal_only[node.id] = self.literal_only.get(node.id, True) and literal

    def finish(self) -> Shape:
        order: dict[str, int] = {}
        for index, name in self.names:
            if self.literal_only.get(name):
                self.tokens[index] = ("local", order.setdefault(name, len(order)))
        return Shape(key=tuple(self.tokens), slots=tuple(self.slots))
