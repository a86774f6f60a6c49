"""PXG005: tests that differ only in literals are one parametrized test.

Two tests are twins when they stand in the same test module and scope (module level, or the
same ``Test*`` class), have the same signature and decorators, and their bodies (docstring
left out) are equal once every literal and every name bound only to literals is abstracted.
"""

import ast
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.findings import finding_at
from pyexpert_gates.expert.shapes import Slot, shape_of
from pyexpert_gates.expert.walker import (
    FunctionNode,
    FunctionRecord,
    TestScope,
    without_docstring,
)
from pyexpert_gates.models import Diagnostic

_NAMES_SHOWN = 3
_VALUE_WIDTH = 40
_SUGGESTION_WIDTH = 240


@dataclass(frozen=True, slots=True, kw_only=True)
class _Test:
    node: FunctionNode
    scope: TestScope
    slots: tuple[Slot, ...]


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
        One finding per group of twins, at its first test, naming the others and the
        parametrize to write.
    """
    groups: dict[tuple[int, Hashable], list[_Test]] = {}
    for record in functions:
        scope = record.test_scope
        body = _body(record.node) if scope is not None else None
        if scope is not None and body is not None:
            shape = shape_of(body)
            test = _Test(node=record.node, scope=scope, slots=shape.slots)
            groups.setdefault((id(scope), shape.key), []).append(test)
    for group in groups.values():
        if len(group) > 1:
            for twins in _by_signature(group):
                yield from _report(twins, path)


def _body(node: FunctionNode) -> list[ast.stmt] | None:
    """Return the statements to compare, or None for an empty or placeholder test."""
    body = without_docstring(node)
    if all(_placeholder(statement) for statement in body):
        return None
    return body


def _by_signature(group: Sequence[_Test]) -> Iterator[list[_Test]]:
    """Split tests of one shape by signature and decorators; yield the groups of two or more."""
    split: dict[str, list[_Test]] = {}
    for test in group:
        node = test.node
        signature = [type(node).__name__, ast.dump(node.args), *map(ast.dump, node.decorator_list)]
        split.setdefault("\n".join(signature), []).append(test)
    return (twins for twins in split.values() if len(twins) > 1)


def _report(group: Sequence[_Test], path: str) -> Iterator[Diagnostic]:
    """One finding per group, at its first test: the group is one problem with one fix."""
    first, *others = group
    names = _names([other.node.name for other in others])
    message = f"test `{first.node.name}` is repeated by {names} {_advice(group)}"
    yield finding_at(first.node, code=RuleCode.TEST_TWINS, path=path, message=message)


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(f"`{name}`" for name in names[:_NAMES_SHOWN])
    hidden = len(names) - _NAMES_SHOWN
    return f"{shown} and {hidden} more" if hidden > 0 else shown


def _varying(group: Sequence[_Test]) -> list[list[int]]:
    """Return the positions of the literals that differ between the twins, grouped by value.

    A literal written twice in every twin (the same list in a call and in the expected
    result) is one parameter, not two.
    """
    columns: dict[tuple[str, ...], list[int]] = {}
    for index in range(len(group[0].slots)):
        values = tuple(ast.dump(test.slots[index].node) for test in group)
        if len(set(values)) > 1:
            columns.setdefault(values, []).append(index)
    return list(columns.values())


def _advice(group: Sequence[_Test]) -> str:
    columns = _varying(group)
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


def _parametrize(group: Sequence[_Test], columns: Sequence[Sequence[int]]) -> str:
    slots = group[0].slots
    hints = [next(filter(None, (slots[index].hint for index in same)), "value") for same in columns]
    names = _unique(hints)
    rows = [[_short(ast.unparse(test.slots[same[0]].node)) for same in columns] for test in group]
    if len(columns) == 1:
        header = f'"{names[0]}"'
        cases = ", ".join(row[0] for row in rows)
    else:
        header = "(" + ", ".join(f'"{name}"' for name in names) + ")"
        cases = ", ".join("(" + ", ".join(row) + ")" for row in rows)
    text = f"@pytest.mark.parametrize({header}, [{cases}])"
    cut = " ...])"
    return text if len(text) <= _SUGGESTION_WIDTH else text[: _SUGGESTION_WIDTH - len(cut)] + cut


def _short(text: str) -> str:
    return text if len(text) <= _VALUE_WIDTH else text[: _VALUE_WIDTH - 3] + "..."


def _unique(names: Sequence[str]) -> list[str]:
    return [
        name if names.count(name) == 1 else f"{name}{names[:index].count(name) + 1}"
        for index, name in enumerate(names)
    ]


def _placeholder(statement: ast.stmt) -> bool:
    """Tell whether a statement does nothing: ``pass``, ``...`` or another bare constant."""
    return isinstance(statement, ast.Pass) or (
        isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
    )
