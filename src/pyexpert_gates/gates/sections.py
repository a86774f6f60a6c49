"""Google docstring sections checked against signatures and bodies, by pydoclint.

pydoclint (``style = "google"``) checks that ``Args`` names every parameter and nothing else,
that ``Returns``, ``Yields`` and ``Raises`` are present where the body needs them, and that a
class's constructor arguments are documented in one place. The settings follow the standard:

- argument types live in signatures, not docstrings (``arg-type-hints-in-docstring = false``,
  and return or yield types are not compared);
- a one-line docstring gets no exemption (``skip-checking-short-docstrings = false``);
- ``__init__`` may have its own docstring with its ``Args`` (ruff's D107 asks for one);
- class attributes are not checked: ``Attributes`` sections are a style choice, not a contract;
- DOC502 (a ``Raises`` section in a function without a ``raise`` statement) is not reported:
  pydoclint cannot see exceptions that propagate from the functions called, and documenting
  those is what a caller needs. A missing ``Raises`` section (DOC501) is still a finding.
- a missing annotation in a signature (DOC106, DOC107) is not reported here: ruff's ANN001
  owns it, one finding per missing annotation;
- pydoclint words its type-hint findings (DOC108 to DOC111) after its own command-line
  options; they are reworded after the standard's settings, which the user never set as such;
- one problem, one finding: pydoclint reports a wrong ``Args`` section as DOC101 or DOC102
  (counts) and DOC103 (names), and a missing ``Raises`` section as DOC501 and DOC503 (names).
  The finding that names the arguments or exceptions owns the problem; its echo on the same
  definition is left out.
- ``raise cast(ValueError, error)`` raises a ``ValueError``: pydoclint reads the exception's
  name from the call, so the cast is unwrapped before pydoclint sees it.
"""

import ast
import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, cast

from pydoclint.visitor import Visitor  # type: ignore[import-untyped]  # pyright: ignore[reportMissingTypeStubs]  # pydoclint ships no py.typed

_NOT_REPORTED = frozenset({"DOC502", "DOC106", "DOC107"})
"""pydoclint codes the standard does not ask for, or another gate owns (see the docstring)."""

_OPTION_WORDING = "The option `--"
"""How pydoclint's type-hint messages start: they name its options, never set by the user."""
_OUR_WORDING = {
    "DOC108": "argument types go in the signature (types there, not in the docstring), "
    "but this signature has none",
    "DOC109": "the docstring's Args have no types; the standard keeps them in the signature",
    "DOC110": "some of the docstring's Args have types; the standard keeps them in the signature",
    "DOC111": "the docstring's Args repeat argument types; the standard keeps types in the "
    "signature only: remove them from the docstring",
}
"""pydoclint's type-hint findings in the words of the standard's docstring settings."""

_ECHOES = {"DOC101": "DOC103", "DOC102": "DOC103", "DOC501": "DOC503"}
"""pydoclint codes left out when the code they echo is reported on the same definition."""

_CASTS = frozenset({"cast", "typing.cast", "t.cast", "typing_extensions.cast"})


class _Violation(Protocol):
    """The part of pydoclint's ``Violation`` this module reads."""

    @property
    def line(self) -> int:
        """The 1-based line of the definition."""
        ...

    @property
    def code(self) -> int:
        """The number of the ``DOC`` code."""
        ...

    @property
    def msg(self) -> str:
        """The message."""
        ...


class _Visitor(Protocol):
    """The part of pydoclint's ``Visitor`` this module uses."""

    @property
    def violations(self) -> Sequence[_Violation]:
        """What the visit found."""
        ...

    def visit(self, node: ast.AST) -> object:
        """Check every definition under ``node``."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionFinding:
    """A docstring whose sections do not match its definition.

    Attributes:
        line: The 1-based line of the ``def`` or ``class``.
        code: pydoclint's code, such as ``DOC101``.
        message: pydoclint's message.
    """

    line: int
    code: str
    message: str


def section_findings(tree: ast.Module, lines: Collection[int]) -> tuple[SectionFinding, ...]:
    """Check the docstrings of the definitions that start on ``lines``.

    Args:
        tree: The module's syntax tree.
        lines: The lines of the definitions to report on (the public API); pydoclint's
            findings elsewhere are left out.

    Returns:
        The findings, in pydoclint's order.
    """
    visitor = cast(
        "_Visitor",
        Visitor(
            style="google",
            argTypeHintsInDocstring=False,
            checkReturnTypes=False,
            checkYieldTypes=False,
            skipCheckingShortDocstrings=False,
            allowInitDocstring=True,
            checkClassAttributes=False,
        ),
    )
    visitor.visit(_without_casts(tree))
    found = [
        SectionFinding(
            line=violation.line,
            code=(code := f"DOC{violation.code:03d}"),
            message=_reworded(code, violation.msg),
        )
        for violation in visitor.violations
        if violation.line in lines
    ]
    reported = {(finding.line, finding.code) for finding in found}
    return tuple(
        finding
        for finding in found
        if finding.code not in _NOT_REPORTED
        and (finding.line, _ECHOES.get(finding.code)) not in reported
    )


def _reworded(code: str, message: str) -> str:
    """``message`` with pydoclint's option sentence replaced by the standard's words."""
    prefix, found, _ = message.partition(_OPTION_WORDING)
    if not found or code not in _OUR_WORDING:
        return message
    return f"{prefix}{_OUR_WORDING[code]}"


def _without_casts(tree: ast.Module) -> ast.Module:
    """The tree with ``raise cast(T, value)`` read as ``raise T``, on a copy when there is one."""
    if not any(_cast_type(node) for node in ast.walk(tree)):
        return tree
    copied = copy.deepcopy(tree)
    for node in ast.walk(copied):
        if isinstance(node, ast.Raise) and (raised := _cast_type(node)) is not None:
            node.exc = raised
    return copied


def _cast_type(node: ast.AST) -> ast.expr | None:
    """The type a ``raise cast(T, value)`` names, or None for any other node."""
    match node:
        case ast.Raise(exc=ast.Call(func=func, args=[kind, _])) if ast.unparse(func) in _CASTS:
            if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                return ast.Name(id=kind.value)
            return kind
        case _:
            return None
