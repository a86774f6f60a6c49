"""The expert rules (``PXG###``): checks no other tool makes, as a pure, fast AST gate.

Nothing here reads files or starts processes: callers hand in a module's path and text and
get findings back.

- PXG000 ``syntax-error``: the module does not parse (one finding, never an exception).
- PXG001 ``dataclass-without-slots``: a dataclass without ``slots=True``.
- PXG002 ``function-too-long``: a function over ``max-function-lines`` lines of code.
- PXG003 ``unjustified-any``: explicit ``Any`` without a suppression naming it and a reason.
- PXG004 ``suppression-without-reason``: a suppression without codes or a reason.
- PXG005 ``duplicated-test``: tests that differ only in literals.

A finding is silenced on its line by ``# noqa: PXGnnn`` followed by a reason.
"""

from pyexpert_gates.expert.catalog import RULES, Rule, RuleCode, find_rules
from pyexpert_gates.expert.checker import check_source
from pyexpert_gates.expert.settings import ExpertSettings, default_settings

__all__ = [
    "RULES",
    "ExpertSettings",
    "Rule",
    "RuleCode",
    "check_source",
    "default_settings",
    "find_rules",
]
