"""PXG005: tests that differ only in literals are one parametrized test.

Two tests are twins when they stand in the same test module and scope (module level, or the
same ``Test*`` class), have the same signature and decorators, and their bodies (docstring
left out) are equal once every literal and every name bound only to literals is abstracted.
"""

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.findings import finding_at
from pyexpert_gates.expert.walker import FunctionNode, FunctionRecord, TestScope
from pyexpert_gates.models import Diagnostic

_IGNORED_FIELDS = frozenset({"ctx", "type_comment"})
_NAMES_SHOWN = 3
_VALUE_WIDTH = 40
_SUGGESTION_WIDTH = 240


@dataclass(frozen=True, slots=True, kw_only=True)
class _Slot:
    node: ast.expr
    hint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Test:
    node: FunctionNode
    scope: TestScope
    slots: tuple[_Slot, ...]


def is_test_module(path: str) -> bool:
    """Tell whether pytest collects a module by default (``test_*.py``, ``*_test.py``).

    Args:
        path: The module's path with POSIX separators.

    Returns:
        True for a test module.
    """
    name = path.rpartition("/")[2]
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def check_twins(functions: Sequence[FunctionRecord], path: str) -> Iterator[Diagnostic]:
    """Report groups of tests that differ only in literals.

    Args:
        functions: The module's functions.
        path: The module's path, for the findings.

    Yields:
        One finding per test in each group, naming its twins and the parametrize to write.
    """
    groups: dict[tuple[int, str], list[_Test]] = {}
    for record in functions:
        if record.test_scope is None:
            continue
        shaped = _shape(record.node)
        if shaped is not None:
            key, slots = shaped
            test = _Test(node=record.node, scope=record.test_scope, slots=slots)
            groups.setdefault((id(record.test_scope), key), []).append(test)
    for group in groups.values():
        if len(group) > 1:
            yield from _report(group, path)


def _report(group: Sequence[_Test], path: str) -> Iterator[Diagnostic]:
    advice = _advice(group)
    for test in group:
        others = _names([other.node.name for other in group if other is not test])
        message = f"test `{test.node.name}` repeats {others} {advice}"
        yield finding_at(test.node, code=RuleCode.TEST_TWINS, path=path, message=message)


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(f"`{name}`" for name in names[:_NAMES_SHOWN])
    hidden = len(names) - _NAMES_SHOWN
    return f"{shown} and {hidden} more" if hidden > 0 else shown


def _advice(group: Sequence[_Test]) -> str:
    columns = [
        index
        for index in range(len(group[0].slots))
        if len({ast.dump(test.slots[index].node) for test in group}) > 1
    ]
    if not columns:
        return "exactly: keep one of them"
    scope = group[0].scope
    if isinstance(scope, ast.ClassDef) and any(
        "TestCase" in ast.unparse(base) for base in scope.bases
    ):
        return (
            "apart from literals: make them one test that loops over the cases with `self.subTest`"
        )
    if any("parametrize" in ast.unparse(decorator) for decorator in group[0].node.decorator_list):
        return "apart from literals: merge them into one test and join their parameter lists"
    return f"apart from literals: make them one test with `{_parametrize(group, columns)}`"


def _parametrize(group: Sequence[_Test], columns: Sequence[int]) -> str:
    names = _unique([group[0].slots[index].hint or "value" for index in columns])
    rows = [[_short(ast.unparse(test.slots[index].node)) for index in columns] for test in group]
    if len(columns) == 1:
        header = f'"{names[0]}"'
        cases = ", ".join(row[0] for row in rows)
    else:
        header = "(" + ", ".join(f'"{name}"' for name in names) + ")"
        cases = ", ".join("(" + ", ".join(row) + ")" for row in rows)
    text = f"@pytest.mark.parametrize({header}, [{cases}])"
    return text if len(text) <= _SUGGESTION_WIDTH else text[: _SUGGESTION_WIDTH - 5] + " ...])"


def _short(text: str) -> str:
    return text if len(text) <= _VALUE_WIDTH else text[: _VALUE_WIDTH - 3] + "..."


def _unique(names: Sequence[str]) -> list[str]:
    return [
        name if names.count(name) == 1 else f"{name}{names[:index].count(name) + 1}"
        for index, name in enumerate(names)
    ]


def _shape(node: FunctionNode) -> tuple[str, tuple[_Slot, ...]] | None:
    """Return the test's shape (its identity up to literals) and its literals in order."""
    body = node.body[1:] if _is_literal_statement(node.body[0], strings_only=True) else node.body
    if all(
        isinstance(statement, ast.Pass) or _is_literal_statement(statement) for statement in body
    ):
        return None  # Empty and placeholder tests are not copies of anything.
    shaper = _Shaper(_literal_names(body))
    try:
        signature = ast.dump(node.args) + "".join(
            ast.dump(decorator) for decorator in node.decorator_list
        )
        shape = "\n".join(shaper.shape(statement) for statement in body)
    except RecursionError:
        return None
    return f"{type(node).__name__}:{signature}\n{shape}", tuple(shaper.slots)


def _is_literal_statement(statement: ast.stmt, *, strings_only: bool = False) -> bool:
    if not isinstance(statement, ast.Expr) or not isinstance(statement.value, ast.Constant):
        return False
    return isinstance(statement.value.value, str) or not strings_only


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


def _literal_names(body: Sequence[ast.stmt]) -> frozenset[str]:
    """Return the local names every binding of which gives them a literal."""
    nodes = [node for statement in body for node in ast.walk(statement)]
    literal_targets: set[int] = set()
    for node in nodes:
        match node:
            case ast.Assign(targets=targets, value=value) if is_literal(value):
                literal_targets.update(
                    id(target) for target in targets if isinstance(target, ast.Name)
                )
            case ast.AnnAssign(target=ast.Name() as target, value=ast.expr() as value) if (
                is_literal(value)
            ):
                literal_targets.add(id(target))
            case _:
                pass
    bound: dict[str, bool] = {}
    for node in nodes:
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound[node.id] = bound.get(node.id, True) and id(node) in literal_targets
    return frozenset(name for name, literal in bound.items() if literal)


def _hint(parent: ast.AST, field: str) -> str | None:
    """Name the parameter a literal in this place would become."""
    match parent, field:
        case ast.Assign(targets=[ast.Name(id=name)]) | ast.AnnAssign(
            target=ast.Name(id=name)
        ), "value":
            return name
        case ast.keyword(arg=str() as name), "value":
            return name
        case ast.Compare(), "comparators":
            return "expected"
        case _:
            return None


class _Shaper:
    """Writes a body as text with literals and literal-bound names abstracted."""

    __slots__ = ("_bound", "_order", "slots")

    def __init__(self, bound: frozenset[str]) -> None:
        self._bound = bound
        self._order: dict[str, int] = {}
        self.slots: list[_Slot] = []

    def shape(self, node: ast.AST, hint: str | None = None) -> str:
        if isinstance(node, ast.expr) and is_literal(node):
            self.slots.append(_Slot(node=node, hint=hint))
            return "#"
        if isinstance(node, ast.Name) and node.id in self._bound:
            return f"${self._order.setdefault(node.id, len(self._order))}"
        fields = (
            self._field(value, _hint(node, name))
            for name, value in ast.iter_fields(node)
            if name not in _IGNORED_FIELDS
        )
        return f"{type(node).__name__}({','.join(fields)})"

    def _field(self, value: object, hint: str | None) -> str:
        if isinstance(value, ast.AST):
            return self.shape(value, hint)
        if isinstance(value, list):
            items = (self._field(item, hint) for item in cast("list[object]", value))
            return f"[{','.join(items)}]"
        return repr(value)
