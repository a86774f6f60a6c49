"""``pyexpert-gates rules``: the expert rules, with their rationale and an example of the fix."""

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Sequence

from pyexpert_gates.codemods.catalog import CODEMODS, fix_for
from pyexpert_gates.commands import SUMMARIES, Subparsers, add_color_argument
from pyexpert_gates.errors import UsageError
from pyexpert_gates.expert import RULES, Rule, find_rules
from pyexpert_gates.models import FixSafety

_WIDTH = 88
_CODE_SPAN = re.compile(r"`[^`]*`")
_GLUE = "\x00"


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``rules`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "rules",
        help=SUMMARIES["rules"],
        description="Show the expert rules that the `expert` gate checks: what each asks "
        "for, why, and code before and after the fix.",
    )
    parser.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help="rule codes or prefixes to show (default: every rule), e.g. PXG002",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_color_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Run ``rules`` with the parsed arguments.

    Args:
        args: The parsed command line.

    Returns:
        The exit code: 0.

    Raises:
        UsageError: A code names no rule.
    """
    rules = select_rules(args.codes)
    if args.format == "json":
        text = render_json(rules)
    else:
        text = render_text(rules) + ("" if args.codes else "\n" + render_codemods())
    sys.stdout.write(text)
    return 0


def select_rules(codes: Sequence[str]) -> tuple[Rule, ...]:
    """Return the rules the command line names, in code order.

    Args:
        codes: Codes or prefixes, case-insensitive; none means every rule.

    Returns:
        The rules.

    Raises:
        UsageError: A code names no rule.
    """
    if not codes:
        return RULES
    chosen: set[Rule] = set()
    for code in codes:
        found = find_rules(code.upper())
        if not found:
            valid = ", ".join(rule.code for rule in RULES)
            msg = f"no expert rule matches `{code}`; valid codes: {valid}"
            raise UsageError(msg)
        chosen.update(found)
    return tuple(rule for rule in RULES if rule in chosen)


def render_text(rules: Sequence[Rule]) -> str:
    """Write rules for people.

    Args:
        rules: The rules to show.

    Returns:
        Each rule's code, name, summary, rationale and its bad and good examples.
    """
    return "\n".join(_rule_text(rule) for rule in rules)


def _wrap(text: str) -> str:
    """Wrap prose at spaces outside `code spans`, so no span is split across lines."""
    protected = _CODE_SPAN.sub(lambda span: span.group().replace(" ", _GLUE), text)
    wrapped = textwrap.fill(protected, _WIDTH, initial_indent="  ", subsequent_indent="  ")
    return wrapped.replace(_GLUE, " ")


def _rule_text(rule: Rule) -> str:
    rationale = _wrap(rule.rationale)
    return (
        f"{rule.code} {rule.name}\n  {rule.summary}\n  {_fix_text(fix_for(rule.code))}\n\n"
        f"{rationale}\n\n"
        f"  Reported:\n{textwrap.indent(rule.bad, '    ')}\n"
        f"  Fixed:\n{textwrap.indent(rule.good, '    ')}"
    )


def _fix_text(safety: FixSafety | None) -> str:
    """Whether and how ``pyexpert-gates fix`` resolves a rule's findings."""
    match safety:
        case FixSafety.SAFE:
            return "Fixable: `pyexpert-gates fix` rewrites it where that cannot change behaviour."
        case FixSafety.UNSAFE:
            return "Fixable with `pyexpert-gates fix --unsafe` (the fix may change behaviour)."
        case None:
            return "Not fixable automatically."


def render_codemods() -> str:
    """List the codemods of ``fix``, the rules each resolves and whether it is safe.

    Returns:
        One paragraph per codemod.
    """
    lines = ["Codemods of `pyexpert-gates fix` (ruff's own fixes run too):"]
    for codemod in CODEMODS:
        flag = "" if codemod.safety is FixSafety.SAFE else ", with --unsafe"
        lines.append(f"  {codemod.name} ({', '.join(codemod.resolves)}{flag})")
        lines.append(textwrap.indent(_wrap(codemod.summary), "  "))
    return "\n".join(lines) + "\n"


def render_json(rules: Sequence[Rule]) -> str:
    """Write rules as one JSON document.

    Args:
        rules: The rules to show.

    Returns:
        A JSON array of objects with code, name, summary, rationale, bad, good and fix
        (``safe``, ``unsafe`` or null: how ``pyexpert-gates fix`` resolves the rule).
    """
    items = [
        {
            "code": rule.code.value,
            "name": rule.name,
            "summary": rule.summary,
            "rationale": rule.rationale,
            "bad": rule.bad,
            "good": rule.good,
            "fix": fix_for(rule.code),
        }
        for rule in rules
    ]
    return json.dumps(items, indent=2) + "\n"
