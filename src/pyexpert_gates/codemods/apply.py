"""Apply the codemods to one module's bytes: parse once, transform, print back."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

import libcst as cst

from pyexpert_gates.codemods.catalog import DATACLASS_SLOTS, UTC_DATETIME, CodemodInfo
from pyexpert_gates.codemods.slots import add_slots, concerns
from pyexpert_gates.codemods.utc import aware_utc
from pyexpert_gates.models import FixSafety

Transform: TypeAlias = Callable[[cst.Module, tuple[int, int]], cst.Module]
"""A codemod: a module and the oldest Python its project supports to the rewritten module."""


def _mentions_naive_utc(source: bytes) -> bool:
    return b"utcnow" in source or b"utcfromtimestamp" in source


TRANSFORMS: tuple[tuple[CodemodInfo, Callable[[bytes], bool], Transform], ...] = (
    (DATACLASS_SLOTS, concerns, add_slots),
    (UTC_DATETIME, _mentions_naive_utc, aware_utc),
)
"""Each codemod, a cheap test of whether it may change a module's bytes, and its transform, in
the order they apply. Parsing with libcst is slow; a module no codemod concerns is not parsed."""
_MAX_ROUNDS = 5
"""Rounds of one codemod on a module; a fix may enable another (a base once its subclass is
slotted), and a second ``fix`` must change nothing."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Unparsable:
    """Why the codemods could not read a module.

    Attributes:
        line: The 1-based line of the error.
        column: The 1-based column of the error.
        reason: What the parser expected.
    """

    line: int
    column: int
    reason: str


def apply_codemods(
    source: bytes,
    *,
    unsafe: bool,
    target: tuple[int, int],
    skip: frozenset[str] = frozenset(),
) -> bytes | Unparsable:
    """Apply every codemod the safety level allows to one module.

    Args:
        source: The module's bytes; their encoding, line endings and layout are kept.
        unsafe: True to apply the codemods that may change behaviour too.
        target: The oldest Python the project supports, which limits what a fix may use.
        skip: Rule codes whose codemods do not run (fix groups held back or not chosen).

    Returns:
        The new bytes (the same when nothing applied), or why the module cannot be parsed.
    """
    active = [
        transform
        for info, concerned, transform in TRANSFORMS
        if (info.safety is FixSafety.SAFE or unsafe)
        and not skip.intersection(info.resolves)
        and concerned(source)
    ]
    if not active:
        return source
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        return Unparsable(line=error.raw_line, column=error.raw_column + 1, reason=error.message)
    for transform in active:
        module = _until_stable(transform, module, target)
    return module.bytes


def _until_stable(
    transform: Transform,
    module: cst.Module,
    target: tuple[int, int],
) -> cst.Module:
    """Apply ``transform`` until it changes nothing more (at most a few rounds)."""
    for _ in range(_MAX_ROUNDS):
        changed = transform(module, target)
        if changed.code == module.code:
            return changed
        module = changed
    return module
