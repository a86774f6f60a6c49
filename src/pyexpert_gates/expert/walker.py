"""One pass over a module's statements, collecting what the expert rules judge.

The walk visits every statement once, in source order, and never descends into expressions
except where ``Any`` may stand: the source text says which lines mention it, and only the
expressions touching those lines are kept for the ``Any`` rule. Along the way it records
imports, classes, functions (with the functions nested in them and whether they may be tests)
and, for the lines that may hold a suppression comment, where tokenizing may safely start.
"""

import ast
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias, cast

from pyexpert_gates.expert.names import TYPE_ALIAS, ImportMap

FunctionNode: TypeAlias = ast.FunctionDef | ast.AsyncFunctionDef
TestScope: TypeAlias = ast.Module | ast.ClassDef
_Compound: TypeAlias = (
    ast.If
    | ast.For
    | ast.AsyncFor
    | ast.While
    | ast.With
    | ast.AsyncWith
    | ast.Try
    | ast.TryStar
    | ast.Match
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FunctionRecord:
    """A function (or method) and what the walk learnt about it.

    Attributes:
        node: The function.
        nested: The first and last lines of each function defined directly inside it.
        test_scope: The module or ``Test*`` class it belongs to when pytest may collect it as a
            test, else None.
    """

    node: FunctionNode
    nested: tuple[tuple[int, int], ...] = ()
    test_scope: TestScope | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpressionRoot:
    """An expression that may mention ``Any``.

    Attributes:
        node: The expression (or a whole simple statement).
        statement_line: The first line of the statement it belongs to (the ``def`` line for a
            signature), where a justification may also stand.
        annotation: True when the expression is a type annotation, so strings in it are
            forward references.
    """

    node: ast.expr | ast.stmt
    statement_line: int
    annotation: bool


@dataclass(slots=True)
class _Owner:
    """Where the walk is.

    Attributes:
        nested: The spans of the functions nested in the enclosing function, which grow as its
            body is walked; None at module level.
        test_scope: The module or ``Test*`` class a test function here would belong to.
    """

    nested: list[tuple[int, int]] | None
    test_scope: TestScope | None


def first_line(node: FunctionNode | ast.ClassDef) -> int:
    """Return the first line of a definition, its decorators included.

    Args:
        node: The function or class.

    Returns:
        The 1-based line.
    """
    return node.decorator_list[0].lineno if node.decorator_list else node.lineno


def without_docstring(node: FunctionNode) -> list[ast.stmt]:
    """Return a function's body without its docstring.

    Args:
        node: The function.

    Returns:
        Its statements after the docstring; all of them when it has none.
    """
    first = node.body[0]
    documented = (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )
    return node.body[1:] if documented else node.body


def _touches(lines: Sequence[int], start: int, end: int) -> bool:
    index = bisect_left(lines, start)
    return index < len(lines) and lines[index] <= end


class Walker:
    """Collects, in one pass, the facts every expert rule needs."""

    __slots__ = (
        "_any_lines",
        "_comment_lines",
        "classes",
        "functions",
        "imports",
        "origins",
        "roots",
    )

    def __init__(self, *, any_lines: Sequence[int] | None, comment_lines: Sequence[int]) -> None:
        """Prepare a walk.

        Args:
            any_lines: The lines whose text mentions ``Any``, ascending; None to skip the
                ``Any`` rule's expressions altogether.
            comment_lines: The lines that may hold a suppression comment, ascending.
        """
        self._any_lines = any_lines
        self._comment_lines = comment_lines
        self.imports = ImportMap()
        self.classes: list[ast.ClassDef] = []
        self.functions: list[FunctionRecord] = []
        self.roots: list[ExpressionRoot] = []
        self.origins: dict[int, int] = {}

    def walk(self, module: ast.Module) -> None:
        """Walk a module's statements once.

        Args:
            module: The parsed module.
        """
        self._block(module.body, _Owner(nested=None, test_scope=module))

    def _block(self, body: Sequence[ast.stmt], owner: _Owner) -> None:
        for statement in body:
            self._statement(statement, owner)

    def _statement(self, statement: ast.stmt, owner: _Owner) -> None:
        match statement:
            case ast.FunctionDef() | ast.AsyncFunctionDef():
                self._function(statement, owner)
            case ast.ClassDef():
                self._class(statement, owner)
            case ast.If() | ast.For() | ast.AsyncFor() | ast.While() | ast.With() | ast.AsyncWith():
                self._compound(statement, owner)
            case ast.Try() | ast.TryStar() | ast.Match():
                self._compound(statement, owner)
            case _:
                self._simple(statement)

    def _simple(self, statement: ast.stmt) -> None:
        self._mark(statement.lineno, statement.end_lineno or statement.lineno)
        match statement:
            case ast.Import() | ast.ImportFrom():
                self.imports.record(statement)
            case ast.AnnAssign():
                self._annotated(statement)
            case _:
                # Python 3.12's `type X = ...` holds a type in its value.
                alias = type(statement).__name__ == "TypeAlias"
                self._expression(statement, statement.lineno, annotation=alias)

    def _annotated(self, statement: ast.AnnAssign) -> None:
        line = statement.lineno
        self._expression(statement.target, line, annotation=False)
        self._expression(statement.annotation, line, annotation=True)
        if statement.value is not None:
            alias = self.imports.qualified(statement.annotation) in TYPE_ALIAS
            self._expression(statement.value, line, annotation=alias)

    def _function(self, node: FunctionNode, owner: _Owner) -> None:
        start = first_line(node)
        if owner.nested is not None:
            owner.nested.append((start, node.end_lineno or node.lineno))
        self._mark(start, node.body[0].lineno)
        self._signature(node)
        index = len(self.functions)
        nested: list[tuple[int, int]] = []
        self._block(node.body, _Owner(nested=nested, test_scope=None))
        scope = owner.test_scope if node.name.startswith("test") else None
        # Before the functions nested in it, which the walk of its body recorded.
        self.functions.insert(
            index, FunctionRecord(node=node, nested=tuple(nested), test_scope=scope)
        )

    def _signature(self, node: FunctionNode) -> None:
        line = node.lineno
        for decorator in node.decorator_list:
            self._expression(decorator, decorator.lineno, annotation=False)
        arguments = node.args
        every = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
        for argument in (*every, arguments.vararg, arguments.kwarg):
            if argument is not None and argument.annotation is not None:
                self._expression(argument.annotation, line, annotation=True)
        for default in (*arguments.defaults, *arguments.kw_defaults):
            if default is not None:
                self._expression(default, line, annotation=False)
        if node.returns is not None:
            self._expression(node.returns, line, annotation=True)
        for parameter in cast("list[ast.expr]", getattr(node, "type_params", [])):
            self._expression(parameter, line, annotation=True)

    def _class(self, node: ast.ClassDef, owner: _Owner) -> None:
        self.classes.append(node)
        self._mark(first_line(node), node.body[0].lineno)
        for expression in (*node.decorator_list, *(keyword.value for keyword in node.keywords)):
            self._expression(expression, expression.lineno, annotation=False)
        for base in node.bases:
            self._expression(base, node.lineno, annotation=True)
        for parameter in cast("list[ast.expr]", getattr(node, "type_params", [])):
            self._expression(parameter, node.lineno, annotation=True)
        in_scope = owner.test_scope is not None and node.name.startswith("Test")
        self._block(node.body, _Owner(nested=owner.nested, test_scope=node if in_scope else None))

    def _compound(self, statement: _Compound, owner: _Owner) -> None:
        if isinstance(statement, ast.Match):
            self._mark(statement.lineno, statement.subject.end_lineno or statement.lineno)
        else:
            self._mark(statement.lineno, statement.body[0].lineno)
        for _, value in ast.iter_fields(statement):
            if isinstance(value, ast.expr):
                self._expression(value, statement.lineno, annotation=False)
            elif isinstance(value, list):
                for item in cast("list[object]", value):
                    self._item(item, statement.lineno, owner)

    def _item(self, item: object, line: int, owner: _Owner) -> None:
        match item:
            case ast.stmt():
                self._statement(item, owner)
            case ast.ExceptHandler(type=kind, body=body):
                self._mark(item.lineno, body[0].lineno)
                if kind is not None:
                    self._expression(kind, item.lineno, annotation=False)
                self._block(body, owner)
            case ast.match_case(pattern=pattern, guard=guard, body=body):
                # A pattern may start inside the parentheses after `case`: the tokenizer
                # starts at the match statement, the last line known to begin a statement.
                self._mark(pattern.lineno, body[0].lineno, origin=line)
                if guard is not None:
                    self._expression(guard, pattern.lineno, annotation=False)
                self._block(body, owner)
            case ast.withitem(context_expr=context, optional_vars=target):
                self._expression(context, line, annotation=False)
                if target is not None:
                    self._expression(target, line, annotation=False)
            case _:
                pass

    def _expression(self, node: ast.expr | ast.stmt, line: int, *, annotation: bool) -> None:
        lines = self._any_lines
        if lines is None:
            return
        end = node.end_lineno or node.lineno
        if self.imports.renames_any or _touches(lines, node.lineno, end):
            self.roots.append(ExpressionRoot(node=node, statement_line=line, annotation=annotation))

    def _mark(self, start: int, end: int, *, origin: int | None = None) -> None:
        """Give the comment lines from ``start`` to ``end`` an origin, ``start`` unless given."""
        lines = self._comment_lines
        index = bisect_left(lines, start)
        while index < len(lines) and lines[index] <= end:
            self.origins[lines[index]] = start if origin is None else origin
            index += 1
