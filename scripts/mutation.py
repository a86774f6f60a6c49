"""Mutation testing of the domain modules: does a test fail when the code is wrong?

Each mutant changes one node of one module (a comparison flipped, ``and`` for ``or``, a
constant changed, a statement or an ``else`` branch removed, ``None`` returned, one item dropped
from a literal list, tuple, set or dict) and runs the fast tests that cover the module
(`TESTS`) against it. A mutant is *killed* when a test fails (or the run times out) and
*survives* when every test passes. A surviving mutant in `EQUIVALENT` behaves as the original
does, for the reason given there, and does not count.

Usage (from the repository root, with the project's interpreter)::

    python -m scripts.mutation src/pyexpert_gates/cache/key.py         # every mutant, a summary
    python -m scripts.mutation --survivors src/pyexpert_gates/init     # only what survives
    python -m scripts.mutation --timeout 60 src/pyexpert_gates/init/merge.py

Each mutant runs in a forked child of this process: pytest and the third-party packages are
imported once, and the child imports the package afresh with the mutated module compiled from
the mutated syntax tree (line numbers stay those of the file, which is never written). Tests
that start ``python -m pyexpert_gates`` in a process of its own do not see the mutant, which
is why only the fast (in-process) tests run.
"""

import argparse
import ast
import copy
import dataclasses
import functools
import gc
import importlib
import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.util
import inspect
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, FrameType, FunctionType, ModuleType
from typing import cast

import pytest
from _pytest.runner import runtestprotocol
from typing_extensions import override

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "pyexpert_gates"

TESTS: dict[str, tuple[str, ...]] = {
    "init/merge.py": ("tests/init/test_merge.py", "tests/init/test_merge_plan.py"),
    "init/names.py": ("tests/init/test_names.py",),
    "init/plan.py": (
        "tests/init/test_plan.py",
        "tests/init/test_plan_as_read.py",
        "tests/init/test_plan_legacy_ruff.py",
        "tests/init/test_plan_migrate.py",
        "tests/init/test_plan_names.py",
        "tests/init/test_plan_render.py",
        "tests/init/test_plan_setup_cfg.py",
        "tests/init/test_merge.py",
        "tests/init/test_merge_plan.py",
        "tests/commands/test_init.py",
        "tests/commands/test_init_migrate.py",
        "tests/commands/test_init_force_and_relax.py",
        "tests/commands/test_init_relaxations.py",
        "tests/init/test_plan_missing_project.py",
        "tests/gates/test_drift.py",
    ),
    "gates/verdict.py": ("tests/gates/test_verdict_pieces.py", "tests/gates/test_verdict.py"),
    "baseline/matching.py": (
        "tests/baseline/test_matching.py",
        "tests/baseline/test_matching_unparsable.py",
        "tests/baseline/test_matching_outdated.py",
    ),
    "cache/key.py": ("tests/cache/test_key.py", "tests/cache/test_key_text.py"),
    "gates/drift.py": (
        "tests/gates/test_drift.py",
        "tests/gates/test_governing.py",
        "tests/gates/test_optouts.py",
        "tests/gates/test_drift_kinds.py",
        "tests/gates/test_drift_unrecorded_settings.py",
        "tests/gates/test_optouts_lines.py",
        "tests/gates/test_drift_missing_rules.py",
    ),
    "gates/optouts.py": (
        "tests/gates/test_optouts.py",
        "tests/gates/test_optouts_patterns.py",
        "tests/gates/test_optouts_entries.py",
        "tests/gates/test_optouts_lines.py",
        "tests/gates/test_governing.py",
        "tests/gates/test_drift.py",
    ),
    "data/codec.py": ("tests/data_/test_codec.py", "tests/data_/test_codec_fields.py"),
    "expert/": ("tests/expert",),
    "expert/anys.py": ("tests/expert/test_anys.py", "tests/expert/test_anys_positions.py"),
    "expert/comments.py": ("tests/expert/test_comments.py",),
    "expert/names.py": (
        "tests/expert/test_names_imports.py",
        "tests/expert/test_names_star_imports.py",
    ),
    "expert/shapes.py": ("tests/expert/test_shapes.py",),
    "expert/slots.py": ("tests/expert/test_slots.py",),
    "expert/suppressions.py": ("tests/expert/test_suppressions.py",),
    "expert/twins.py": ("tests/expert/test_twins.py",),
    "expert/weakening.py": ("tests/expert/test_weakening.py",),
    "report/": ("tests/report",),
    "watch/lsp.py": ("tests/watch/test_lsp.py",),
    "watch/changes.py": ("tests/watch/test_changes.py",),
}
"""The tests that cover each module (a key ending in ``/`` covers every module of a folder)."""

_UNSHOWN = "the member's value is never written, read or shown: only the member itself is used"
_WIDER = (
    "renames_any only widens the search for Any from the lines that say Any to every line: "
    "each use of Any under its own name is on a line that says it"
)

_CONTEXT = "an expression's context (load, store, del) follows from the field it stands in"
_TYPE_COMMENT = "the checker parses without type comments, so the field is None in every body"
_TAG = (
    "a literal's and a local's tokens are the only tuples in a shape: any two tags keep them apart"
)
_SHORT_SPAN = (
    "a shortcut only: a body spanning at most `limit` lines holds at most `limit` lines of code, "
    "so counting them (which skipping spares) finds it within the limit either way"
)

EQUIVALENT: dict[tuple[str, str, str, str], str] = {
    ("watch/lsp.py", "members", "'a message'", "'XXa messageXX'"): (
        "the shape error's message is caught at once and never shown"
    ),
    ("watch/lsp.py", "elements", "'a message'", "'XXa messageXX'"): (
        "the shape error's message is caught at once and never shown"
    ),
    # (module, function, original, mutant): why the mutant behaves as the original does.
    ("baseline/matching.py", "_match", "strict=True", "strict=False"): (
        "entries() gives one entry per finding, so the two zipped sequences are always as long"
    ),
    ("gates/drift.py", "_ruff_opt_outs", "return []", "return None"): (
        "the config gate plans without migrating: every file of its plans has a merge"
    ),
    ("gates/drift.py", "_drifts", "return []", "return None"): (
        "the config gate plans without migrating: every file of its plans has a merge"
    ),
    ("gates/drift.py", "_ruff_opt_outs", "if edit.merge is None: return []", "<removed>"): (
        "the config gate plans without migrating: every file of its plans has a merge"
    ),
    ("gates/drift.py", "_drifts", "if edit.merge is None: return []", "<removed>"): (
        "the config gate plans without migrating: every file of its plans has a merge"
    ),
    ("gates/drift.py", "_items", "[value]", "[]"): (
        "the gate's changes come from plan_merge, whose EXTEND holds the list of missing items"
    ),
    ("gates/optouts.py", "_regex_matches", "return False", "return None"): (
        "its one caller asks any() of it, and None is as false as False"
    ),
    ("gates/optouts.py", "_prefixes", "1", "2"): (
        "a start of 2 drops one-letter selectors, and every letter that starts a ruff code starts "
        "a stable rule too; an end one past the code's slices the whole code again"
    ),
    ("report/sarif.py", "uri_reference", "safe='/'", "safe='XX/XX'"): (
        "X is an unreserved character, which quote never escapes: the safe set is the same"
    ),
    ("report/junit.py", "<module>", "255", "256"): (
        "U+0100 is a character XML allows: the pattern never hands it over either"
    ),
    ("init/plan.py", "_plan", "strict=True", "strict=False"): (
        "_merge_files plans one merge per file it is given, so the zipped lists are as long"
    ),
    ("init/plan.py", "_parses_to", "return False", "return None"): (
        "its one caller reads it as a truth value, and None is as false as False"
    ),
    ("init/plan.py", "_relaxations", "strict=True", "strict=False"): (
        "_merge_files gives one label per plan it makes, so the zipped lists are as long"
    ),
    (
        "init/plan.py",
        "ask_planner",
        "(PYPROJECT, SETUP_CFG, STATE_FILE, *ruff.OWN_FILES, *own)",
        "(PYPROJECT, STATE_FILE, *ruff.OWN_FILES, *own)",
    ): "setup.cfg is one of mypy's and pytest's own files too: `own` names it either way",
    ("report/junit.py", "_shown", "point <= _LAST_BYTE", "point < _LAST_BYTE"): (
        "U+00FF is a character XML allows: the pattern never hands it over"
    ),
    ("report/junit.py", "_count", "'0'", "'XX0XX'"): (
        "each suite's counts are set before the root's are added up: the default is never read"
    ),
    ("report/junit.py", "_cases", "strict=True", "strict=False"): (
        "identities() gives one identity per finding, so the two zipped sequences are as long"
    ),
    ("report/gitlab.py", "gitlab_issues", "strict=True", "strict=False"): (
        "identities() gives one identity per finding, so the two zipped sequences are as long"
    ),
    ("init/merge.py", "ChangeKind", "'add'", "'XXaddXX'"): _UNSHOWN,
    ("init/merge.py", "ChangeKind", "'extend'", "'XXextendXX'"): _UNSHOWN,
    ("init/merge.py", "ChangeKind", "'replace'", "'XXreplaceXX'"): _UNSHOWN,
    ("init/merge.py", "ChangeKind", "'move'", "'XXmoveXX'"): _UNSHOWN,
    ("init/merge.py", "ChangeKind", "'remove'", "'XXremoveXX'"): _UNSHOWN,
    ("init/merge.py", "_same", "return False", "return None"): (
        "its one caller asks `if not _same(...)`, and None is as false as False"
    ),
    ("init/merge.py", "_table_at", "False", "True"): (
        "the callers that use the default then read a key of the table, which a table created "
        "on the way lacks: both raise KeyError, and the copy they changed is thrown away"
    ),
    ("init/merge.py", "Replacing", "total=False", "total=True"): (
        "a TypedDict's totality is for type checkers; nothing reads it at run time"
    ),
    ("data/codec.py", "<module>", "'_Member'", "'XX_MemberXX'"): (
        "a TypeVar's name is for type checkers and messages; nothing reads it at run time"
    ),
    ("expert/anys.py", "_generic", "return False", "return None"): (
        "its one caller reads it as a truth value, and None is as false as False"
    ),
    ("expert/anys.py", "_call", "2", "3"): (
        "NewType takes exactly two arguments: a slice that reaches a third finds none"
    ),
    (
        "expert/anys.py",
        "_call",
        "(call.func, *call.args, *(keyword.value for keyword in call.keywords))",
        "(*call.args, *(keyword.value for keyword in call.keywords))",
    ): "the function of a call read here is the name cast, NewType or TypeVar, never an Any",
    ("expert/length.py", "_literal_spans", "end > node.lineno", "end >= node.lineno"): (
        "a literal on one line, taken as data, counts 1 - 1 = 0 lines: as many as it adds as code"
    ),
    (
        "expert/length.py",
        "check_length",
        "if (node.end_lineno or node.lineno) - node.body[0].lineno < limit: continue",
        "<removed>",
    ): _SHORT_SPAN,
    ("expert/length.py", "check_length", "continue", "<removed>"): _SHORT_SPAN,
    (
        "expert/length.py",
        "check_length",
        "(node.end_lineno or node.lineno) - node.body[0].lineno",
        "(node.end_lineno or node.lineno) + node.body[0].lineno",
    ): _SHORT_SPAN,
    ("expert/comments.py", "_tokenized", "if number > last: return", "<removed>"): (
        "the chunk ends at the last wanted line: what follows it is end markers, never a comment"
    ),
    ("expert/names.py", "ImportMap.__init__", "False", "True"): _WIDER,
    (
        "expert/names.py",
        "ImportMap._record_from",
        "local != 'Any' and f'{module}.{alias.name}' in ANY",
        "local != 'Any' or f'{module}.{alias.name}' in ANY",
    ): _WIDER,
    ("expert/names.py", "ImportMap._record_from", "'Any'", "'XXAnyXX'"): _WIDER,
    ("expert/names.py", "ImportMap._record_from", "continue", "<removed>"): (
        "a star import then also binds the name `*`, which no expression can use"
    ),
    ("expert/shapes.py", "<module>", "{'ctx', 'type_comment'}", "{'type_comment'}"): _CONTEXT,
    ("expert/shapes.py", "<module>", "'ctx'", "'XXctxXX'"): _CONTEXT,
    ("expert/shapes.py", "<module>", "{'ctx', 'type_comment'}", "{'ctx'}"): _TYPE_COMMENT,
    ("expert/shapes.py", "<module>", "'type_comment'", "'XXtype_commentXX'"): _TYPE_COMMENT,
    ("expert/shapes.py", "<module>", "('literal',)", "()"): _TAG,
    ("expert/shapes.py", "<module>", "'literal'", "'XXliteralXX'"): _TAG,
    ("expert/shapes.py", "_Writer.finish", "'local'", "'XXlocalXX'"): _TAG,
    (
        "expert/shapes.py",
        "_Writer.finish",
        "('local', order.setdefault(name, len(order)))",
        "(order.setdefault(name, len(order)),)",
    ): _TAG,
    ("expert/shapes.py", "_Writer._node", "'list[object]'", "'XXlist[object]XX'"): (
        "cast returns its value unchanged: the type it names is for type checkers"
    ),
    ("expert/slots.py", "_slots_default", "strict=True", "strict=False"): (
        "the defaults belong to the last positional parameters, and kw_defaults holds one item "
        "per keyword-only parameter: each pair of zipped sequences is as long"
    ),
    ("expert/slots.py", "_fix", "''", "'XXXX'"): (
        "no maker is named '' or 'XXXX': a decorator imports cannot name is unknown either way"
    ),
    ("expert/slots.py", "_slots_breakers", "return False", "return None"): (
        "its one caller puts it before `or` and a bool, so None gives what False gives"
    ),
    ("expert/slots.py", "_class_var", "return False", "return None"): (
        "its one caller reads `not` of it, and None is as false as False"
    ),
    ("expert/slots.py", "_named_target", "'<computed>'", "'XX<computed>XX'"): (
        "neither is an identifier, so no declaration in the class body can match it"
    ),
    ("expert/suppressions.py", "parse_suppressions", "strict=True", "strict=False"): (
        "ends holds one end per directive found, so the two zipped lists are as long"
    ),
    ("expert/suppressions.py", "parse_suppressions", "'#'", "'XX#XX'"): (
        "after its `#` a directive has spaces or a tool's name, and no tool's name starts with X"
    ),
    ("expert/twins.py", "check_twins", "len(group) > 1", "len(group) >= 1"): (
        "_by_signature yields only groups of two or more: a group of one yields nothing either way"
    ),
    ("expert/twins.py", "_by_signature", "'\\n'", "'XX\\nXX'"): (
        "ast.dump writes no line break, so either separator joins the dumps without ambiguity"
    ),
    ("expert/twins.py", "_varying", "0", "1"): (
        "twins share one shape key, which holds a token per literal: each twin has as many slots"
    ),
    ("expert/twins.py", "_advice", "0", "1"): (
        "twins share their scope and their decorators (by dump): the second twin's are the first's"
    ),
    ("expert/weakening.py", "mypy_comment_weakens", "inline=True", "inline=False"): (
        "a comment's values are strings, which mypy's TOML and ini readers resolve alike but for "
        "how exclude and mypy_path split, neither of which weakens"
    ),
    ("expert/weakening.py", "_resolved", "''", "'XXXX'"): (
        "the section name only prefixes mypy's messages about bad values, which no one reads"
    ),
}
"""Surviving mutants that cannot be told from the original by any test, with the reason."""

_FLIPPED: dict[type[ast.AST], type[ast.AST]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.GtE,
    ast.GtE: ast.Lt,
    ast.Gt: ast.LtE,
    ast.LtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.And: ast.Or,
    ast.Or: ast.And,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
"""Each operator and the one its mutant uses instead."""

_BOUNDARY: dict[type[ast.AST], type[ast.AST]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
}
"""Off-by-one: each ordering and the one that differs from it only at equality."""

_REMOVABLE = (
    ast.Expr,
    ast.Assign,
    ast.AugAssign,
    ast.AnnAssign,
    ast.Raise,
    ast.Continue,
    ast.Break,
    ast.If,
    ast.For,
    ast.Delete,
)
"""Statements a mutant removes (inside functions only: a removed definition fails at import)."""


@dataclass(frozen=True, slots=True)
class Mutant:
    """One change to one module.

    Attributes:
        module: The module's path relative to the package folder, such as ``init/merge.py``.
        line: The line of the changed node.
        function: The qualified name of the function the node is in, or ``<module>``.
        original: The node's source (unparsed, on one line).
        mutated: The mutated node's source.
        index: The mutant's position among the module's mutants.
        span: The first (its first decorator's) and last lines of the outermost function the
            node is in (only the tests that run a line of it can tell the mutant apart), or
            None outside a function's body.
        owner: That function's qualified name, as its code object gives it.
    """

    module: str
    line: int
    function: str
    original: str
    mutated: str
    index: int
    span: tuple[int, int] | None
    owner: str | None

    def key(self) -> tuple[str, str, str, str]:
        """The mutant's key in `EQUIVALENT`, stable while lines move.

        Returns:
            The module, the function, the original code and the mutated code.
        """
        return (self.module, self.function, self.original, self.mutated)


Change = Callable[[ast.AST], None]
"""Applies a mutation to the copy of the node it was found on."""


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a mutation applies: the node's position in `ast.walk` order, and how."""

    node: int
    line: int
    function: str
    original: str
    mutated: str
    change: Change
    span: tuple[int, int] | None = None
    owner: str | None = None


_SHOWN = 90
"""Characters of a node's source a report line shows."""


def _one_line(node: ast.AST) -> str:
    """The node's source on one line, shortened to what a report line can hold."""
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 3]}..."


def _is_docstring(statement: ast.stmt) -> bool:
    """Whether the statement is a bare string (a docstring or an attribute's docstring)."""
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _skipped_children(node: ast.AST) -> set[int]:
    """The ids of the children never mutated: annotations, decorators, type-checking imports."""
    skipped: list[ast.AST | None] = []
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        skipped += [node.returns, *node.decorator_list]
    if isinstance(node, ast.ClassDef):
        skipped += node.decorator_list
    if isinstance(node, ast.arg | ast.AnnAssign):
        skipped.append(node.annotation)
    if isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }:
        skipped.append(node)
    if isinstance(node, ast.Assign) and [ast.unparse(target) for target in node.targets] == [
        "__all__"
    ]:
        skipped.append(node.value)  # what `import *` exports: no behaviour of the module
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple):
        skipped.append(node.slice)  # type parameters, such as `dict[str, int]`, not a table
    if isinstance(node, ast.keyword) and isinstance(node.value, ast.Constant):
        skipped.append(node.value)  # mutated as the keyword, so that it shows which one
    if isinstance(node, ast.JoinedStr):
        skipped += [value for value in node.values if isinstance(value, ast.Constant)]
    return {id(child) for child in skipped if child is not None}


def _owned(found: Iterable[_Site], owner: tuple[str, int, int] | None) -> list[_Site]:
    """The sites, told which top-level function (and its lines) runs them, if one does."""
    if owner is None:
        return list(found)
    return [dataclasses.replace(site, span=owner[1:], owner=owner[0]) for site in found]


def _sites(tree: ast.Module) -> list[_Site]:
    """Every mutation of the module, in the order of `ast.walk`."""
    order = {id(node): position for position, node in enumerate(ast.walk(tree))}
    sites: list[_Site] = []

    def visit(node: ast.AST, function: str, owner: tuple[str, int, int] | None) -> None:
        skip_ids = _skipped_children(node)
        if isinstance(node, ast.Expr) and _is_docstring(node):
            return
        sites.extend(_owned(_node_sites(node, order[id(node)], function), owner))
        body_of, inner = (function, owner), owner
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            function = node.name if function == "<module>" else f"{function}.{node.name}"
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if owner is None:
                first = min([node.lineno, *(item.lineno for item in node.decorator_list)])
                inner = (function, first, node.end_lineno or node.lineno)
            body_of = (function, inner)  # a function's own body is its code too
        if body_of[0] != "<module>":
            sites.extend(_owned(_statement_sites(node, order[id(node)], body_of[0]), body_of[1]))
        for child in ast.iter_child_nodes(node):
            if id(child) not in skip_ids:
                # Default values are evaluated where the function is defined, not in its body.
                visit(child, function, owner if child is getattr(node, "args", None) else inner)

    visit(tree, "<module>", None)
    return [site for site in sites if site.original != site.mutated]


def _node_sites(  # noqa: C901 - one branch per kind of node reads best as one table
    node: ast.AST, position: int, function: str
) -> Iterator[_Site]:
    """The mutations of one expression node: its operators, constant, items or returned value."""
    line = getattr(node, "lineno", 0)

    def site(change: Change, before: ast.AST | None = None) -> _Site:
        after = copy.deepcopy(node)
        change(after)
        shown = node if before is None else before
        return _Site(position, line, function, _one_line(shown), _one_line(after), change)

    if isinstance(node, ast.Compare):
        for at, operator in enumerate(node.ops):
            for table in (_FLIPPED, _BOUNDARY):
                if type(operator) in table:
                    yield site(_set_compare(at, table[type(operator)]))
    elif isinstance(node, ast.BoolOp | ast.BinOp | ast.AugAssign) and type(node.op) in _FLIPPED:
        yield site(_set_op(_FLIPPED[type(node.op)]))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield site(_drop_not)
    elif isinstance(node, ast.Constant):
        yield from (site(change) for change in _constant_changes(node.value))
    elif isinstance(node, ast.keyword) and isinstance(node.value, ast.Constant):
        changes = _constant_changes(node.value.value)
        yield from (site(_in_value(change)) for change in changes)
    elif isinstance(node, ast.List | ast.Tuple | ast.Set) and isinstance(
        getattr(node, "ctx", ast.Load()), ast.Load
    ):
        yield from (site(_drop_item("elts", at)) for at in range(len(node.elts)))
    elif isinstance(node, ast.Dict):
        yield from (site(_drop_entry(at)) for at in range(len(node.keys)))
    elif isinstance(node, ast.Return) and node.value is not None and not _is_none(node.value):
        yield site(_return_none)


def _is_none(node: ast.expr) -> bool:
    """Whether the expression is the constant None."""
    return isinstance(node, ast.Constant) and node.value is None


def _statement_sites(node: ast.AST, position: int, function: str) -> Iterator[_Site]:
    """Removing each removable statement of a body, and each ``else`` branch."""
    for field in ("body", "orelse", "finalbody"):
        statements = getattr(node, field, None)
        if not isinstance(statements, list):
            continue
        for at, statement in enumerate(cast("list[ast.stmt]", statements)):
            if isinstance(statement, _REMOVABLE) and not _is_docstring(statement):
                yield _Site(
                    position,
                    statement.lineno,
                    function,
                    _one_line(statement).split("\n")[0],
                    "<removed>",
                    _remove_statement(field, at),
                )
    if isinstance(node, ast.If | ast.For | ast.While | ast.Try) and node.orelse:
        yield _Site(
            position,
            node.orelse[0].lineno,
            function,
            f"else: {_one_line(node.orelse[0])}",
            "<else removed>",
            _remove_else,
        )


def _set_compare(at: int, operator: type[ast.AST]) -> Change:
    def change(node: ast.AST) -> None:
        if not isinstance(node, ast.Compare):
            raise TypeError(node)
        node.ops[at] = cast("ast.cmpop", operator())

    return change


def _set_op(operator: type[ast.AST]) -> Change:
    def change(node: ast.AST) -> None:
        match node:
            case ast.BoolOp():
                node.op = cast("ast.boolop", operator())
            case ast.BinOp() | ast.AugAssign():
                node.op = cast("ast.operator", operator())
            case _:
                raise TypeError(node)

    return change


def _drop_not(node: ast.AST) -> None:
    if not isinstance(node, ast.UnaryOp):
        raise TypeError(node)
    # `not not x` is the truth of `x`: the negation is gone, the type stays a bool.
    node.operand = ast.UnaryOp(ast.Not(), node.operand)


def _constant_changes(value: object) -> list[Change]:
    """The mutations of a constant: the other boolean, the next integer, another string."""
    if isinstance(value, bool):
        return [_set_value(not value)]
    if isinstance(value, int):
        return [_set_value(value + 1)]
    if isinstance(value, str):
        return [_set_value(f"XX{value}XX")]
    return []


def _in_value(change: Change) -> Change:
    def in_value(node: ast.AST) -> None:
        if not isinstance(node, ast.keyword):
            raise TypeError(node)
        change(node.value)

    return in_value


def _set_value(value: object) -> Change:
    def change(node: ast.AST) -> None:
        if not isinstance(node, ast.Constant):
            raise TypeError(node)
        node.value = cast("bool | int | str", value)

    return change


def _drop_item(field: str, at: int) -> Change:
    def change(node: ast.AST) -> None:
        del getattr(node, field)[at]

    return change


def _drop_entry(at: int) -> Change:
    def change(node: ast.AST) -> None:
        if not isinstance(node, ast.Dict):
            raise TypeError(node)
        del node.keys[at]
        del node.values[at]

    return change


def _return_none(node: ast.AST) -> None:
    if not isinstance(node, ast.Return):
        raise TypeError(node)
    node.value = ast.Constant(None)


def _remove_statement(field: str, at: int) -> Change:
    def change(node: ast.AST) -> None:
        statements = getattr(node, field)
        statements[at] = ast.Pass()

    return change


def _remove_else(node: ast.AST) -> None:
    match node:
        case ast.If() | ast.For() | ast.While() | ast.Try():
            node.orelse = []
        case _:
            raise TypeError(node)


def mutants(module: str) -> list[tuple[Mutant, ast.Module]]:
    """Every mutant of a module and its mutated tree.

    Args:
        module: The module's path relative to the package folder.

    Returns:
        The mutants, by line.
    """
    source = (PACKAGE / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    found: list[tuple[Mutant, ast.Module]] = []
    for index, site in enumerate(_sites(tree)):
        mutated = copy.deepcopy(tree)
        node = next(node for at, node in enumerate(ast.walk(mutated)) if at == site.node)
        site.change(node)
        ast.fix_missing_locations(mutated)
        mutant = Mutant(
            module,
            site.line,
            site.function,
            site.original,
            site.mutated,
            index,
            site.span,
            site.owner,
        )
        found.append((mutant, mutated))
    return sorted(found, key=lambda pair: (pair[0].line, pair[0].index))


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports one module from a mutated syntax tree instead of its file."""

    def __init__(self, name: str, path: Path, tree: ast.Module) -> None:
        self.name = name
        self.path = path
        self.code = compile(tree, str(path), "exec")

    @override
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        locations = [str(self.path.parent)] if self.path.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(
            fullname, self.path, loader=self, submodule_search_locations=locations
        )

    @override
    def create_module(
        self,
        spec: importlib.machinery.ModuleSpec,
    ) -> ModuleType | None:
        return None

    @override
    def exec_module(self, module: ModuleType) -> None:
        exec(self.code, module.__dict__)  # noqa: S102 - the module's own code, mutated


def _module_name(module: str) -> str:
    """The dotted name of a module given by its path relative to the package folder."""
    parts = module.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["pyexpert_gates", *parts])


def tests_for(module: str) -> tuple[str, ...]:
    """The test files that cover ``module``, from `TESTS` (those that exist).

    Args:
        module: The module's path relative to the package folder.

    Returns:
        The test files, relative to the repository root.
    """
    folder = module.rsplit("/", 1)[0] + "/"
    chosen = TESTS.get(module) or TESTS.get(folder)
    if chosen is None:
        sys.exit(f"scripts/mutation.py: no tests are mapped to {module}: add it to TESTS")
    return tuple(path for path in chosen if (ROOT / path).exists())


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one mutant.

    Attributes:
        mutant: The mutant.
        status: ``killed``, ``timeout`` (killed too), ``survived`` or ``equivalent``, the
            last two followed by ``(no test runs it)`` when no test ran the function.
        seconds: How long its tests ran.
    """

    mutant: Mutant
    status: str
    seconds: float

    @property
    def killed(self) -> bool:
        """Whether a test failed (or timed out) on the mutant."""
        return self.status in {"killed", "timeout"}


_Tracer = Callable[[FrameType, str, object], "_Tracer | None"]
"""A trace function, as `sys.settrace` takes it."""


class _Coverage:
    """A pytest plugin that records which tests run each line of one file."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.test = ""
        self.lines: dict[int, set[str]] = {}
        self.seconds: dict[str, float] = {}
        self.caches: list[Callable[[], None]] = []

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Find the package's cached functions, once every test module imported them."""
        del session
        self.caches = _package_caches()

    def trace(self, frame: FrameType, _event: str, _arg: object) -> "_Tracer | None":
        """The global tracer: follow only the frames of the file's functions.

        The module's and its classes' bodies run once, at import, outside every test: their
        ``def`` lines would make each function look run at import, and run every test.
        """
        code = frame.f_code
        in_function = code.co_flags & inspect.CO_OPTIMIZED
        return self._line if in_function and code.co_filename == self.filename else None

    def _line(self, frame: FrameType, event: str, _arg: object) -> "_Tracer":
        if event == "line":
            self.lines.setdefault(frame.f_lineno, set()).add(self.test)
        return self._line

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, object, object]:
        """Attribute the lines run during a test (its fixtures too) to the test.

        The package's caches are emptied first: a value another test cached would hide that
        this one runs the function too.
        """
        for clear in self.caches:
            clear()
        self.test = item.nodeid
        try:
            return (yield)
        finally:
            self.test = ""

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Add up each test's time, so that a mutant runs the quickest tests first."""
        self.seconds[report.nodeid] = self.seconds.get(report.nodeid, 0.0) + report.duration


def _pytest_options(basetemp: Path) -> list[str]:
    """The options of every run: the fast tests, stopping at the first failure."""
    return [
        *("-x", "-q", "-m", "not slow", "-p", "no:cacheprovider", "-p", "no:xdist"),
        # The parent imported pytest's plugins already, which pytest warns about.
        *("-W", "ignore::pytest.PytestAssertRewriteWarning", f"--basetemp={basetemp}"),
    ]


def _run_child(
    tests: Sequence[str],
    finder: _MutantFinder | None,
    basetemp: Path,
    coverage: tuple[Path, Path] | None,
) -> int:
    """Fork a child that runs ``tests`` with the mutant installed; return its process id.

    Given ``coverage`` (a module's file and a JSON file), the child records in the second
    which tests run each line of the first.
    """
    pid = os.fork()
    if pid:
        return pid
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        if finder is not None:
            sys.meta_path.insert(0, finder)
        recorder = _Coverage(str(coverage[0] if coverage else ""))
        if coverage is not None:
            sys.settrace(recorder.trace)
            threading.settrace(recorder.trace)
        plugins = [recorder] if coverage is not None else []
        code = pytest.main([*_pytest_options(basetemp), *tests], plugins=plugins)
        if coverage is not None:
            sys.settrace(None)
            lines = {line: sorted(tests) for line, tests in recorder.lines.items()}
            recorded = {"lines": lines, "seconds": recorder.seconds}
            coverage[1].write_text(json.dumps(recorded), encoding="utf-8")
        os._exit(int(code))
    finally:
        os._exit(99)


def _wait(pid: int, timeout: float) -> int | None:
    """The child's exit code, or None after killing it when it outlives ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def run_module(module: str, timeout: float | None, *, survivors_only: bool) -> list[Outcome]:
    """Run every mutant of ``module`` against the tests that run its code; print each outcome.

    Args:
        module: The module's path relative to the package folder.
        timeout: Seconds a mutant's tests may take; by default 10 plus 3 times the unmutated run.
        survivors_only: Print only the mutants that survive.

    Returns:
        The outcomes, by line.
    """
    tests = tests_for(module)
    scratch = Path(tempfile.mkdtemp(prefix="mutation-"))
    try:
        lines, seconds, limit = _original_run(module, tests, scratch, timeout)
        plan = [
            (mutant, tree, _covering(mutant, lines, tests, seconds))
            for mutant, tree in mutants(module)
        ]
        report = _Report(survivors_only=survivors_only)
        for mutant, _, chosen in plan:
            if chosen is None:
                report.add(Outcome(mutant, _survivor(mutant) + " (no test runs it)", 0.0))
        # A module-level mutant runs every test in place: the quickest first, to fail soonest.
        everything = sorted(seconds, key=lambda test: (seconds[test], test))
        in_place = [
            (mutant, tree, everything if mutant.owner is None else chosen)
            for mutant, tree, chosen in plan
            if _in_place(mutant, chosen, tests)
        ]
        results = scratch / "in-place.json"
        _wait(_run_in_place(tests, in_place, results, scratch / "session", limit), 3600 * 24)
        done = {int(index): status for index, status in json.loads(results.read_text()).items()}
        for mutant, tree, chosen in plan:
            if mutant.index in done:
                report.add(Outcome(mutant, done[mutant.index], 0.0), printed=True)
            elif chosen is not None:
                report.add(_run_mutant(mutant, tree, (chosen, tests), scratch, limit))
        return sorted(report.outcomes, key=lambda outcome: outcome.mutant.line)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _original_run(
    module: str, tests: tuple[str, ...], scratch: Path, timeout: float | None
) -> tuple[dict[int, set[str]], dict[str, float], float]:
    """The tests run on the unmutated module: which tests run each line, and how long each takes.

    Returns:
        The tests by line, each test's seconds, and the seconds a mutant's tests may take.
    """
    started = time.monotonic()
    coverage = scratch / "coverage.json"
    code = _wait(_run_child(tests, None, scratch / "original", (PACKAGE / module, coverage)), 3600)
    if code != 0:
        sys.exit(f"{module}: its tests fail without a mutant (exit {code}): fix them first")
    limit = timeout or 10 + 3 * (time.monotonic() - started)
    recorded = json.loads(coverage.read_text())
    lines = {int(line): set(ids) for line, ids in recorded["lines"].items()}
    seconds: dict[str, float] = recorded["seconds"]
    return lines, seconds, limit


@dataclass(slots=True)
class _Report:
    """The outcomes so far, each printed as it comes (only survivors, if asked)."""

    survivors_only: bool
    outcomes: list["Outcome"] = dataclasses.field(default_factory=list["Outcome"])

    def add(self, outcome: "Outcome", *, printed: bool = False) -> None:
        self.outcomes.append(outcome)
        if not printed and not (self.survivors_only and outcome.killed):
            print(_line(outcome), flush=True)  # noqa: T201 - the script's report


def _in_place(mutant: Mutant, chosen: Sequence[str] | None, tests: Sequence[str]) -> bool:
    """Whether to try the mutant in the collected session first.

    Swapping one function's code is the whole mutant of a body no import runs. A module-level
    mutant is tried by swapping the value of the constant it changes: a test failing then
    kills it, and one that survives runs again in a fresh import (a copy of the old value made
    at import, in another constant, still holds the old one).
    """
    if mutant.owner is None:
        return chosen is tests
    return chosen is not None and chosen is not tests


def _run_in_place(
    tests: Sequence[str],
    plan: Sequence[tuple[Mutant, ast.Module, Sequence[str] | None]],
    results: Path,
    basetemp: Path,
    limit: float,
) -> int:
    """Fork a child that collects the tests once, then runs each mutant in a child of its own.

    Each grandchild swaps the code of the mutant's function for the mutated code (every
    reference to the function sees it) and runs the tests that run the function. The outcomes
    go to ``results``; a mutant that cannot be swapped in is left out, for a run of its own.
    """
    pid = os.fork()
    if pid:
        return pid
    try:
        loop = _MutantLoop(plan, results, limit, os.dup(1))
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        pytest.main([*_pytest_options(basetemp), *tests], plugins=[loop])
        os._exit(0)
    finally:
        os._exit(99)


_NOT_IN_PLACE = 98
"""A grandchild's exit code when the mutant's function cannot be swapped."""


@dataclass(slots=True)
class _MutantLoop:
    """A pytest plugin that runs the mutants in place of pytest's test loop."""

    plan: Sequence[tuple[Mutant, ast.Module, Sequence[str] | None]]
    results: Path
    limit: float
    output: int

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        """Run each mutant against its tests; write the outcomes."""
        items = {item.nodeid: item for item in session.items}
        functions = _live_functions()
        done: dict[int, str] = {}
        for mutant, tree, chosen in self.plan:
            selected = [items[test] for test in chosen or () if test in items]
            pid = os.fork()
            if not pid:
                _run_in_grandchild(mutant, tree, selected, functions)
            code = _wait(pid, self.limit)
            if code == _NOT_IN_PLACE:
                continue
            status = _status(mutant, code)
            done[mutant.index] = status
            outcome = Outcome(mutant, status, 0.0)
            os.write(self.output, (_line(outcome) + "\n").encode())
        self.results.write_text(json.dumps(done), encoding="utf-8")
        return True


def _live_functions() -> dict[tuple[str, str, int], list[FunctionType]]:
    """Every function object of the package, by file, qualified name and first line."""
    found: dict[tuple[str, str, int], list[FunctionType]] = {}
    for thing in gc.get_objects():
        if isinstance(thing, FunctionType):
            code = thing.__code__
            key = (code.co_filename, code.co_qualname, code.co_firstlineno)
            found.setdefault(key, []).append(thing)
    return found


def _run_in_grandchild(
    mutant: Mutant,
    tree: ast.Module,
    items: Sequence[pytest.Item],
    functions: dict[tuple[str, str, int], list[FunctionType]],
) -> None:
    """Swap the mutated code into the function, run the items, exit 1 on a failure.

    A module-level mutant that survives exits `_NOT_IN_PLACE`, for a fresh import to confirm.
    """
    try:
        if mutant.owner is None:
            _swap_constant(mutant, tree)
            _run_items(items)
            os._exit(_NOT_IN_PLACE)
        if mutant.span is None:
            os._exit(_NOT_IN_PLACE)
        filename = str(PACKAGE / mutant.module)
        code = _code_of(compile(tree, filename, "exec"), mutant.owner, mutant.span[0])
        live = functions.get((filename, mutant.owner, mutant.span[0]), [])
        if code is None or not live:
            os._exit(_NOT_IN_PLACE)
        try:
            for function in live:
                function.__code__ = code
        except ValueError:  # a closure of another shape
            os._exit(_NOT_IN_PLACE)
        for clear in _package_caches():
            clear()
        _run_items(items)
        os._exit(0)
    finally:
        os._exit(99)


def _package_caches() -> list[Callable[[], None]]:
    """The ``cache_clear`` of each cached function of the package (values made at collection)."""
    found: list[Callable[[], None]] = []
    for thing in gc.get_objects():
        if isinstance(thing, functools.partial | ModuleType) or not callable(thing):
            continue
        try:
            module = getattr(getattr(thing, "__wrapped__", None), "__module__", None)
        except Exception:  # noqa: BLE001, S112 - a test double may answer any attribute with an error
            continue
        if isinstance(module, str) and module.startswith("pyexpert_gates"):
            clear = getattr(thing, "cache_clear", None)
            if callable(clear):
                found.append(cast("Callable[[], None]", clear))
    return found


def _run_items(items: Sequence[pytest.Item]) -> None:
    """Run the items in turn; exit 1 at the first that fails."""
    for at, item in enumerate(items):
        following = items[at + 1] if at + 1 < len(items) else None
        reports = runtestprotocol(item, log=False, nextitem=following)
        if any(report.failed for report in reports):
            os._exit(1)


def _swap_constant(mutant: Mutant, tree: ast.Module) -> None:
    """Give the names the mutated module-level assignment sets their mutated values.

    Every module that imported the old value under its name gets the new one. Exits `_NOT_IN_PLACE`
    when the mutant is not in an assignment of plain names, or its value cannot be made (a
    pattern that no longer compiles), for a fresh import to run.
    """
    statement = next(
        (
            node
            for node in tree.body
            if node.lineno <= mutant.line <= (node.end_lineno or node.lineno)
        ),
        None,
    )
    targets: list[ast.expr] = []
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        targets = [statement.target]
    names = [target.id for target in targets if isinstance(target, ast.Name)]
    live = sys.modules.get(_module_name(mutant.module))
    if statement is None or not names or len(names) != len(targets) or live is None:
        os._exit(_NOT_IN_PLACE)
    namespace = dict(vars(live))
    code = compile(ast.Module([statement], []), str(PACKAGE / mutant.module), "exec")
    try:
        exec(code, namespace)  # noqa: S102 - the module's own statement, mutated
    except Exception:  # noqa: BLE001 - a value that cannot be made: a fresh import decides
        os._exit(_NOT_IN_PLACE)
    for name in names:
        old = vars(live)[name]
        for module in list(sys.modules.values()):
            found = getattr(module, "__dict__", {})
            if found.get(name) is old:  # the module itself, or one that imported the name
                found[name] = namespace[name]


def _code_of(code: CodeType, qualname: str, first: int) -> CodeType | None:
    """The code object of the function ``qualname`` defined at line ``first``, found in ``code``."""
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            if constant.co_qualname == qualname and constant.co_firstlineno == first:
                return constant
            if (found := _code_of(constant, qualname, first)) is not None:
                return found
    return None


def _covering(
    mutant: Mutant, lines: dict[int, set[str]], tests: Sequence[str], seconds: dict[str, float]
) -> Sequence[str] | None:
    """The tests that run the mutant's function, quickest first; all of them, or None.

    All of them for module-level code, and for a function run at import (by a test module's
    constant, say), which may change what every test sees; None when no test runs it.
    """
    if mutant.span is None:
        return tests
    first, last = mutant.span
    covering = set[str]().union(*(lines.get(line, set()) for line in range(first, last + 1)))
    if "" in covering:
        return tests
    return sorted(covering, key=lambda test: (seconds.get(test, 0.0), test)) or None


def _survivor(mutant: Mutant) -> str:
    """How a mutant that no test tells apart is counted."""
    return "equivalent" if mutant.key() in EQUIVALENT else "survived"


def _status(mutant: Mutant, code: int | None) -> str:
    """The outcome of a mutant's tests from their exit code (None: timed out)."""
    if code is None:
        return "timeout"
    if code == 0:
        return _survivor(mutant)
    if code in {1, 2}:
        return "killed"
    return f"error (exit {code})"


def _run_mutant(
    mutant: Mutant,
    tree: ast.Module,
    tests: tuple[Sequence[str], Sequence[str]],
    scratch: Path,
    limit: float,
) -> Outcome:
    """Run the tests that run the mutant's function (``tests[0]``) against the mutant.

    When some of them are no longer collected (a test's parameters come from a table the mutant
    changed), every test of the module's files (``tests[1]``) runs instead.
    """
    finder = _MutantFinder(_module_name(mutant.module), PACKAGE / mutant.module, tree)
    basetemp = scratch / f"m{mutant.index}"
    started = time.monotonic()
    code = _wait(_run_child(tests[0], finder, basetemp, None), limit)
    if code == pytest.ExitCode.USAGE_ERROR:
        code = _wait(_run_child(tests[1], finder, basetemp, None), limit)
    seconds = time.monotonic() - started
    shutil.rmtree(basetemp, ignore_errors=True)
    return Outcome(mutant, _status(mutant, code), seconds)


def _line(outcome: "Outcome") -> str:
    """The report line of one mutant."""
    mutant = outcome.mutant
    return (
        f"{outcome.status:<10} {mutant.module}:{mutant.line} [{mutant.function}]"
        f"  {mutant.original}  ->  {mutant.mutated}"
    )


def summary(module: str, outcomes: Sequence[Outcome]) -> str:
    """One line: the module's mutants, how many were killed, and the share of those that count.

    Args:
        module: The module's path relative to the package folder.
        outcomes: What became of each of its mutants.

    Returns:
        The line.
    """
    killed = sum(outcome.killed for outcome in outcomes)
    equivalent = sum(outcome.status.startswith("equivalent") for outcome in outcomes)
    survived = sum(outcome.status.startswith("survived") for outcome in outcomes)
    counted = len(outcomes) - equivalent
    share = 100 * killed / counted if counted else 100.0
    return (
        f"{module}: {len(outcomes)} mutants, {killed} killed, {survived} survived, "
        f"{equivalent} equivalent: {share:.1f}% of non-equivalent mutants killed"
    )


def _modules(paths: Sequence[str]) -> list[str]:
    """The modules named by ``paths`` (files or folders), relative to the package folder."""
    found: list[str] = []
    for given in paths:
        path = Path(given).resolve()
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        found += [file.relative_to(PACKAGE).as_posix() for file in files]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run the mutants of the given modules.

    Args:
        argv: The command line's arguments (by default, the process's own).

    Returns:
        1 when a mutant that is not equivalent survives, 0 otherwise.
    """
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("paths", nargs="+", help="modules or folders under src/pyexpert_gates")
    parser.add_argument("--timeout", type=float, help="seconds per mutant (default: adaptive)")
    parser.add_argument("--survivors", action="store_true", help="print only surviving mutants")
    arguments = parser.parse_args(argv)
    os.chdir(ROOT)
    # Imported once here, so that each forked child starts with them loaded.
    for plugin in importlib.metadata.entry_points(group="pytest11"):
        plugin.load()
    for name in ("libcst", "rich", "tomlkit", "packaging.version"):
        importlib.import_module(name)

    summaries: list[str] = []
    survived = False
    for module in _modules(arguments.paths):
        outcomes = run_module(module, arguments.timeout, survivors_only=arguments.survivors)
        survived = survived or any(outcome.status.startswith("survived") for outcome in outcomes)
        summaries.append(summary(module, outcomes))
        print(summaries[-1], flush=True)  # noqa: T201 - the script's report
    print("\n".join(["", *summaries]))  # noqa: T201 - the script's report
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
