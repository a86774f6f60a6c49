"""Check one module against the expert rules: parse once, walk once, then judge."""

import ast
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pyexpert_gates.expert.anys import check_any
from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.comments import matching_lines, read_comments, suppression_lines
from pyexpert_gates.expert.length import check_length
from pyexpert_gates.expert.reasons import check_reasons
from pyexpert_gates.expert.settings import ExpertSettings
from pyexpert_gates.expert.slots import check_slots
from pyexpert_gates.expert.suppressions import Kind, SuppressionIndex
from pyexpert_gates.expert.twins import check_twins, is_test_module
from pyexpert_gates.expert.walker import Walker
from pyexpert_gates.models import Diagnostic

_ANY_WORD = re.compile(r"\bAny\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Module:
    path: str
    lines: Sequence[str]
    walker: Walker
    suppressions: SuppressionIndex
    settings: ExpertSettings


_Check = Callable[[_Module], Iterable[Diagnostic]]

_CHECKS: tuple[tuple[RuleCode, _Check], ...] = (
    (
        RuleCode.DATACLASS_SLOTS,
        # A stub describes classes defined elsewhere; their slots are decided there.
        lambda module: (
            () if module.path.endswith(".pyi") else check_slots(module.walker, module.path)
        ),
    ),
    (
        RuleCode.FUNCTION_LENGTH,
        lambda module: check_length(
            module.walker.functions,
            module.lines,
            limit=module.settings.max_function_lines,
            path=module.path,
        ),
    ),
    (
        RuleCode.EXPLICIT_ANY,
        lambda module: check_any(
            module.walker.roots, module.walker.imports, module.suppressions, module.path
        ),
    ),
    (RuleCode.SUPPRESSION_REASON, lambda module: check_reasons(module.suppressions, module.path)),
    (
        RuleCode.TEST_TWINS,
        lambda module: (
            check_twins(module.walker.functions, module.path) if is_test_module(module.path) else ()
        ),
    ),
)


def check_source(path: str, source: str, settings: ExpertSettings) -> list[Diagnostic]:
    """Check one module's source against the expert rules.

    A module that does not parse gives exactly one finding, PXG000, at the syntax error.

    Args:
        path: The module's path relative to the project root, with POSIX separators; it
            decides which rules apply (``per-file-ignores``) and whether it holds tests.
        source: The module's text.
        settings: Which rules run, and their limits.

    Returns:
        The findings, sorted by line and column.
    """
    codes = settings.codes_for(path)
    if not codes:
        return []
    text = source.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    with warnings.catch_warnings():
        # Invalid escape sequences and the like are other tools' findings, not ours to print.
        warnings.simplefilter("ignore")
        parsed = _parse(path, text)
        if isinstance(parsed, Diagnostic):
            return [parsed] if RuleCode.SYNTAX_ERROR in codes else []
        findings = _check(parsed, path, text, codes, settings)
    return sorted(
        findings, key=lambda found: (found.line or 0, found.column or 0, found.code or "")
    )


def _check(
    tree: ast.Module, path: str, text: str, codes: frozenset[str], settings: ExpertSettings
) -> list[Diagnostic]:
    lines = text.split("\n")
    comment_lines = suppression_lines(text)
    any_lines = matching_lines(text, _ANY_WORD) if RuleCode.EXPLICIT_ANY in codes else []
    walker = Walker(any_lines=any_lines or None, comment_lines=comment_lines)
    walker.walk(tree)
    comments = read_comments(lines, comment_lines, walker.origins) if comment_lines else ()
    module = _Module(
        path=path,
        lines=lines,
        walker=walker,
        suppressions=SuppressionIndex.build(comments),
        settings=settings,
    )
    found = [finding for code, check in _CHECKS if code in codes for finding in check(module)]
    return [
        finding
        for finding in found
        if finding.line is None
        or not module.suppressions.names(finding.line, [(Kind.NOQA, finding.code or "")])
    ]


def _parse(path: str, text: str) -> ast.Module | Diagnostic:
    try:
        return ast.parse(text, filename=path)
    except SyntaxError as error:
        line = error.lineno or _nul_line(text)
        return _syntax_error(path, line, error.offset if error.lineno else None, error.msg)
    except ValueError as error:  # Some Python versions refuse NUL bytes with a ValueError.
        return _syntax_error(path, _nul_line(text), None, str(error))
    except (RecursionError, MemoryError):
        return _syntax_error(path, 1, None, "too deeply nested for the parser")


def _nul_line(text: str) -> int:
    """Return the line of the first NUL byte, the one error Python reports without a line."""
    return text.count("\n", 0, max(text.find("\0"), 0)) + 1


def _syntax_error(path: str, line: int, offset: int | None, reason: str) -> Diagnostic:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return Diagnostic(
        path=path,
        line=line,
        column=max(offset or 1, 1),
        code=RuleCode.SYNTAX_ERROR.value,
        message=f"the file does not parse ({reason}; read as Python {version}): fix the syntax, "
        f"or list {RuleCode.SYNTAX_ERROR.value} in per-file-ignores if it is broken on purpose",
    )
