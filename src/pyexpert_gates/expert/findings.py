"""Findings of the expert rules, placed on the syntax they are about."""

import ast

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.models import Diagnostic


def finding_at(node: ast.expr | ast.stmt, *, code: RuleCode, path: str, message: str) -> Diagnostic:
    """Return a finding that spans one node of the syntax tree.

    Args:
        node: The expression or statement the finding is about.
        code: The rule.
        path: The module's path.
        message: What is wrong and how to fix it.

    Returns:
        The finding, with 1-based start and end positions.
    """
    return Diagnostic(
        path=path,
        line=node.lineno,
        column=node.col_offset + 1,
        end_line=node.end_lineno,
        end_column=None if node.end_col_offset is None else node.end_col_offset + 1,
        code=code.value,
        message=message,
    )
