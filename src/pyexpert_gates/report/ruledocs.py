"""Where each finding's rule is documented: the tool behind a gate and a help page per code.

Findings carry only a gate and a code, so the documentation is derived here, from what each
tool publishes: mypy and pyright give every code an anchor in their docs, pydoclint lists its
violation codes on one page, ruff names a page after each rule, and the expert rules are
documented by ``pyexpert-gates rules``.
"""

from dataclasses import dataclass

from pyexpert_gates import __version__
from pyexpert_gates.data.ruffrules import ruff_rule_name, ruff_rules
from pyexpert_gates.gates.registry import GATE_TRAITS, GATES, RuleDocs
from pyexpert_gates.models import GateName

HOMEPAGE = "https://github.com/pyexpert-gates/pyexpert-gates"
RUFF_RULES = "https://docs.astral.sh/ruff/rules/"
MYPY_CODES = "https://mypy.readthedocs.io/en/stable/_refs.html#code-"
PYRIGHT_RULES = "https://microsoft.github.io/pyright/#/configuration?id="
PYDOCLINT_CODES = "https://jsh9.github.io/pydoclint/violation_codes.html"


@dataclass(frozen=True, slots=True, kw_only=True)
class Tool:
    """The tool that stands behind a gate.

    Attributes:
        name: The tool's name as code scanning shows it; unique per gate.
        information_uri: The tool's home page.
        version: The tool's version, when it is this package's own.
    """

    name: str
    information_uri: str
    version: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleDoc:
    """What is known about one rule.

    Attributes:
        code: The rule's code, such as ``F401`` or ``return-value``.
        name: A readable name, when the tool gives one (``unused-import``).
        summary: One line on what the rule asks for, when known.
        help_text: Longer guidance, when known.
        help_uri: The rule's documentation page, when it has one.
    """

    code: str
    name: str | None = None
    summary: str | None = None
    help_text: str | None = None
    help_uri: str | None = None


TOOLS: dict[GateName, Tool] = {
    gate: Tool(name=traits.tool, information_uri=traits.home)
    if traits.home is not None
    else Tool(name=traits.tool, information_uri=HOMEPAGE, version=__version__)
    for gate, traits in GATE_TRAITS.items()
}
"""The tool behind each gate; this package's own checks carry its home page and version."""


def rule_doc(gate: GateName, code: str) -> RuleDoc:
    """What is known about the rule ``code`` of ``gate``.

    Args:
        gate: The gate that reported the finding.
        code: The finding's code.

    Returns:
        The rule's documentation; only the code when the tool documents none.
    """
    match GATES[gate].rule_docs:
        case RuleDocs.RUFF:
            return _ruff(code)
        case RuleDocs.PYDOCLINT:
            return _pydoclint(code) if code.startswith("DOC") else _ruff_by_name(code)
        case RuleDocs.MYPY:
            return RuleDoc(code=code, help_uri=f"{MYPY_CODES}{code}")
        case RuleDocs.PYRIGHT:
            return RuleDoc(code=code, help_uri=f"{PYRIGHT_RULES}{code.lower()}")
        case RuleDocs.EXPERT:
            return _expert(code)
        case RuleDocs.TESTS | RuleDocs.NONE:
            return RuleDoc(code=code)


def _ruff(code: str) -> RuleDoc:
    """A ruff rule: its page is named after the rule."""
    name = ruff_rule_name(code)
    if name is None:
        return RuleDoc(code=code, help_uri=RUFF_RULES)
    return RuleDoc(code=code, name=name, help_uri=f"{RUFF_RULES}{name}/")


def _ruff_by_name(code: str) -> RuleDoc:
    """A finding named after a ruff rule (a missing docstring is ruff's D1 rule by name)."""
    if code in {rule.name for rule in ruff_rules().values()}:
        return RuleDoc(code=code, name=code, help_uri=f"{RUFF_RULES}{code}/")
    return RuleDoc(code=code)


def _pydoclint(code: str) -> RuleDoc:
    """A pydoclint violation: one page lists them all."""
    return RuleDoc(code=code, help_uri=PYDOCLINT_CODES)


def _expert(code: str) -> RuleDoc:
    """An expert rule, documented by this package."""
    # Importing the expert package loads its checker; only reports of expert findings need it.
    from pyexpert_gates.expert.catalog import RULES  # noqa: PLC0415 - see above

    for rule in RULES:
        if rule.code == code:
            return RuleDoc(
                code=code,
                name=rule.name,
                summary=rule.summary,
                help_text=f"{rule.summary}\n\n{rule.rationale}\n\nRun `pyexpert-gates rules "
                f"{code}` for an example and its fix.",
                help_uri=f"{HOMEPAGE}#the-standard",
            )
    return RuleDoc(code=code)
