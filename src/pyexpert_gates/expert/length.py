"""PXG002: functions have at most ``max-function-lines`` lines of code.

A function's lines of code are the lines of its body that hold code: its signature and
decorators, its docstring, blank lines and comment-only lines do not count, and neither do
the functions nested in it, which are measured on their own. A literal written over several
lines (a list, tuple, set or dict of constants: the table of cases a test loops over) is data,
not code: it counts as one line. A multi-line string still counts line by line.
"""

import ast
from collections.abc import Iterator, Sequence

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.findings import finding_at
from pyexpert_gates.expert.shapes import is_literal
from pyexpert_gates.expert.walker import FunctionRecord, without_docstring
from pyexpert_gates.models import Diagnostic

_DISPLAYS = (ast.List, ast.Tuple, ast.Set, ast.Dict)


def _code_lines(lines: Sequence[str], start: int, end: int) -> int:
    count = 0
    for text in lines[start - 1 : end]:
        stripped = text.lstrip()
        if stripped and not stripped.startswith("#"):
            count += 1
    return count


def body_lines(record: FunctionRecord, lines: Sequence[str]) -> int:
    """Count a function's lines of code.

    Args:
        record: The function, with the spans of the functions nested in it.
        lines: The module's lines.

    Returns:
        The lines of code of its body, docstring and nested functions left out.
    """
    body = without_docstring(record.node)
    if not body:
        return 0
    end = record.node.end_lineno or record.node.lineno
    nested = sum(_code_lines(lines, first, last) for first, last in record.nested)
    data = sum(_code_lines(lines, first, last) - 1 for first, last in _literal_spans(body))
    return _code_lines(lines, body[0].lineno, end) - nested - data


def _literal_spans(body: Sequence[ast.stmt]) -> Iterator[tuple[int, int]]:
    """The spans of the outermost multi-line literals, nested functions left out."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        end = getattr(node, "end_lineno", None)
        if isinstance(node, _DISPLAYS) and is_literal(node) and end and end > node.lineno:
            yield node.lineno, end
        else:
            stack.extend(ast.iter_child_nodes(node))


def check_length(
    functions: Sequence[FunctionRecord], lines: Sequence[str], *, limit: int, path: str
) -> Iterator[Diagnostic]:
    """Report functions longer than the limit.

    Args:
        functions: The module's functions.
        lines: The module's lines.
        limit: The most lines of code a function may have.
        path: The module's path, for the findings.

    Yields:
        One finding per function over the limit, at its ``def``.
    """
    for record in functions:
        node = record.node
        if (node.end_lineno or node.lineno) - node.body[0].lineno < limit:
            continue  # Too short to exceed the limit even if every line held code.
        count = body_lines(record, lines)
        if count > limit:
            message = (
                f"function `{node.name}` has {count} lines of code, more than {limit}: split it "
                "into smaller functions, each doing one named step (docstring, blank and "
                "comment lines do not count)"
            )
            yield finding_at(node, code=RuleCode.FUNCTION_LENGTH, path=path, message=message)
