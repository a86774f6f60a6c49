"""Findings counted by rule: which few rules make most of a report, and which ones fix themselves.

On a project adopting the standard, thousands of findings usually come from a handful of rules;
the counts say where to start (and which ones ``ruff --fix`` or ``ruff format`` clear at once)
before any single finding matters.
"""

import re
from dataclasses import dataclass

from pyexpert_gates.data.ruffrules import RuffRule, ruff_rules
from pyexpert_gates.gates.registry import GATES, RuleDocs
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Report
from pyexpert_gates.report.ruledocs import rule_doc

NO_CODE = "-"
"""The code shown for findings whose tool gives none."""
FAILED_TEST = "failed-test"
"""The code under which the failed tests are counted (a test's finding has its node id)."""

_DESCRIPTION_WIDTH = 72
_FIXABLE = {"Always": "yes", "Sometimes": "some", "None": "no"}
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleCount:
    """How many findings one rule of one gate produced.

    Attributes:
        code: The rule's code, or ``-`` for findings without one.
        gate: The gate that reported them.
        count: How many findings.
        fixable: ``yes`` when ``pyexpert-gates fix`` resolves every one, ``unsafe`` when it
            resolves every one but some only with ``--unsafe``, ``some`` when it resolves some,
            ``no`` otherwise: the same verdict as each finding's ``[fix]`` mark.
        description: One line on what the rule reports.
    """

    code: str
    gate: GateName
    count: int
    fixable: str
    description: str


def rule_counts(report: Report) -> tuple[RuleCount, ...]:
    """Count the report's findings by gate and rule, most frequent first.

    Args:
        report: The outcome of a ``check``.

    Returns:
        One entry per gate and code, sorted by count (highest first), then gate and code.
    """
    counts = [count for gate in report.gates for count in _gate_counts(gate)]
    return tuple(sorted(counts, key=lambda item: (-item.count, item.gate.value, item.code)))


def _gate_counts(gate: GateResult) -> list[RuleCount]:
    """The counts of one gate's findings, with each code's first finding for its description."""
    by_rule: dict[str, list[Diagnostic]] = {}
    for item in gate.diagnostics:
        by_rule.setdefault(_rule(gate.name, item), []).append(item)
    return [
        RuleCount(
            code=code,
            gate=gate.name,
            count=len(found),
            fixable=_fixable(found),
            description=_one_line(_description(gate.name, code) or found[0].message),
        )
        for code, found in by_rule.items()
    ]


def _rule(gate: GateName, finding: Diagnostic) -> str:
    """The rule a finding counts under; every failed test counts under one."""
    if GATES[gate].rule_docs is RuleDocs.TESTS:
        return FAILED_TEST
    return finding.code or NO_CODE


def _fixable(found: list[Diagnostic]) -> str:
    """Whether ``pyexpert-gates fix`` resolves a rule's findings: yes, unsafe, some or no."""
    fixes = {item.fix for item in found}
    if None in fixes:
        return "some" if len(fixes) > 1 else "no"
    return "unsafe" if FixSafety.UNSAFE in fixes else "yes"


def _description(gate: GateName, code: str) -> str | None:
    """What the rule reports, from its tool's documentation; None when it has none."""
    match GATES[gate].rule_docs:
        case RuleDocs.RUFF:
            return _ruff_summary(ruff_rules().get(code))
        case RuleDocs.PYDOCLINT:
            # The docstrings gate names missing docstrings as ruff's D1 rules do.
            named = (rule for rule in ruff_rules().values() if rule.name == code)
            return _ruff_summary(next(named, None))
        case RuleDocs.TESTS:
            return "tests that failed, errored or could not be collected"
        case RuleDocs.EXPERT:
            # The expert rules load only for reports that hold expert findings.
            from pyexpert_gates.expert.catalog import RULES  # noqa: PLC0415 - see above

            return next((rule.summary for rule in RULES if rule.code == code), None)
        case _:
            return None


def _ruff_summary(rule: RuffRule | None) -> str | None:
    """A ruff rule's summary up to its advice, placeholders (``{name}``) left out."""
    if rule is None:
        return None
    return _PLACEHOLDER.sub("…", rule.summary).split("; ", 1)[0]


def _one_line(text: str) -> str:
    """The first line of ``text``, shortened to the description column."""
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= _DESCRIPTION_WIDTH else line[: _DESCRIPTION_WIDTH - 1] + "…"


def render_statistics(counts: tuple[RuleCount, ...]) -> str:
    """The counts as a table for people: count, code, gate, fixable, description.

    Args:
        counts: The counts, in the order to show them.

    Returns:
        The table ending with a newline; empty when there are no findings.
    """
    if not counts:
        return ""
    total = sum(item.count for item in counts)
    number = max(len(str(counts[0].count)), len("count"))
    code = max(len("code"), *(len(item.code) for item in counts))
    gate = max(len("gate"), *(len(item.gate.value) for item in counts))
    rows = [
        f"findings by rule: {_plural(total, 'finding')} from {_plural(len(counts), 'rule')}",
        f"  {'count':>{number}}  {'code':<{code}}  {'gate':<{gate}}  {'fix':<6}  description",
        *(
            f"  {item.count:>{number}}  {item.code:<{code}}  {item.gate.value:<{gate}}  "
            f"{item.fixable:<6}  {item.description}"
            for item in counts
        ),
    ]
    return "\n".join(rows) + "\n"


def render_rule_links(counts: tuple[RuleCount, ...]) -> str:
    """Where each rule of the counts is documented: one line per page, with its codes.

    Args:
        counts: The counts, in the order to show them.

    Returns:
        ``rule docs:`` and a line ``CODE[, CODE...]  URL`` per page, ending with a newline;
        empty when no rule has a page.
    """
    pages: dict[str, list[str]] = {}
    for item in counts:
        page = rule_doc(item.gate, item.code).help_uri
        if page is not None and item.code not in pages.get(page, []):
            pages.setdefault(page, []).append(item.code)
    if not pages:
        return ""
    width = max(len(", ".join(codes)) for codes in pages.values())
    rows = [f"  {', '.join(codes):<{width}}  {page}" for page, codes in pages.items()]
    return "\n".join(["rule docs:", *rows]) + "\n"


def _plural(number: int, noun: str) -> str:
    """``1 rule``, ``2 rules``."""
    return f"{number} {noun}{'s' * (number != 1)}"
