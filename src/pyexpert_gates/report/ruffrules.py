"""The names of ruff's rules by code, as ``ruff rule --all`` lists them.

ruff's documentation names each rule's page after the rule (``F401`` is ``unused-import``), and
findings carry only the code. The table ships with the package, regenerated from the ruff this
package supports by ``python -m scripts.update_ruff_rules``.
"""

import functools
import json
from importlib.resources import files
from typing import cast

TABLE = "ruff-rules.json"
"""The table's file name, beside this module."""


@functools.cache
def ruff_rule_names() -> dict[str, str]:
    """Every ruff rule's name by its code.

    Returns:
        The table, read once.
    """
    text = files("pyexpert_gates.report").joinpath(TABLE).read_text(encoding="utf-8")
    return cast("dict[str, str]", json.loads(text))


def ruff_rule_name(code: str) -> str | None:
    """The name of the ruff rule ``code``.

    Args:
        code: A rule code, such as ``F401``.

    Returns:
        The rule's name, such as ``unused-import``; None for a code ruff does not list.
    """
    return ruff_rule_names().get(code)
