"""ruff's rules by code, as ``ruff rule --all`` lists them: name, fix, summary, preview.

ruff's documentation names each rule's page after the rule (``F401`` is ``unused-import``), and
findings carry only the code. The table ships with the package, regenerated from the ruff this
package supports by ``python -m scripts.update_ruff_rules``.
"""

import functools
import json
from dataclasses import dataclass
from importlib.resources import files
from typing import cast

TABLE = "ruff-rules.json"
"""The table's file name, beside this module."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RuffRule:
    """One ruff rule.

    Attributes:
        name: The rule's name, such as ``unused-import``.
        fix: Whether ruff can fix a finding: ``Always``, ``Sometimes`` or ``None``.
        summary: One line on what the rule reports, as ruff words it.
        preview: True for a rule that runs only when ``preview`` is on.
    """

    name: str
    fix: str
    summary: str
    preview: bool = False


@functools.cache
def ruff_rules() -> dict[str, RuffRule]:
    """Every ruff rule by its code.

    Returns:
        The table, read once.
    """
    text = files("pyexpert_gates.data").joinpath(TABLE).read_text(encoding="utf-8")
    table = cast("dict[str, dict[str, str | bool]]", json.loads(text))
    return {
        code: RuffRule(
            name=str(entry["name"]),
            fix=str(entry["fix"]),
            summary=str(entry["summary"]),
            preview=entry.get("preview") is True,
        )
        for code, entry in table.items()
    }


def ruff_rule_name(code: str) -> str | None:
    """The name of the ruff rule ``code``.

    Args:
        code: A rule code, such as ``F401``.

    Returns:
        The rule's name, such as ``unused-import``; None for a code ruff does not list.
    """
    rule = ruff_rules().get(code)
    return None if rule is None else rule.name
