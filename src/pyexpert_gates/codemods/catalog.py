"""What each codemod of ``fix`` resolves and whether it may change behaviour.

This module imports no parser, so ``rules`` can say which rules are fixable without loading one.
"""

from dataclasses import dataclass

from pyexpert_gates.models import FixSafety


@dataclass(frozen=True, slots=True, kw_only=True)
class CodemodInfo:
    """One codemod as users see it.

    Attributes:
        name: A short kebab-case name.
        resolves: The rule codes whose findings it fixes.
        safety: Whether it runs without ``--unsafe``.
        summary: One line: what it rewrites.
    """

    name: str
    resolves: tuple[str, ...]
    safety: FixSafety
    summary: str


DATACLASS_SLOTS = CodemodInfo(
    name="dataclass-slots",
    resolves=("PXG001",),
    safety=FixSafety.SAFE,
    summary="adds `slots=True` to `@dataclass` where slots cannot change what the class does",
)
UTC_DATETIME = CodemodInfo(
    name="aware-utc-datetime",
    resolves=("DTZ003", "DTZ004"),
    safety=FixSafety.UNSAFE,
    summary="rewrites `datetime.utcnow()` and `utcfromtimestamp(t)` to `now(UTC)` and "
    "`fromtimestamp(t, UTC)`, which return aware datetimes",
)

SLOTS_SINCE = (3, 10)
"""The first Python whose ``dataclass`` takes ``slots``: no PXG001 fix for an older target."""

CODEMODS: tuple[CodemodInfo, ...] = (DATACLASS_SLOTS, UTC_DATETIME)
"""Every codemod, in the order ``fix`` applies them."""


def fix_for(code: str) -> FixSafety | None:
    """How ``fix`` resolves findings of the rule ``code``.

    Args:
        code: A rule code, such as ``PXG001``.

    Returns:
        The safety of the codemod that fixes it, or None when no codemod does.
    """
    return next((info.safety for info in CODEMODS if code in info.resolves), None)
