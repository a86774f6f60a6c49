"""Regenerate the table of ruff's rules that reports name, count and link to, from ruff.

Usage (from the repository root)::

    python -m scripts.update_ruff_rules            # rewrite the table
    python -m scripts.update_ruff_rules --check    # exit 1 when the table is out of date
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict, cast

from scripts.update_preset import ToolError, ruff_json

TABLE = Path(__file__).resolve().parents[1] / "src" / "pyexpert_gates" / "data" / "ruff-rules.json"


class Rule(TypedDict):
    """The part of a rule in ``ruff rule --all --output-format json`` that the table keeps."""

    code: str | None
    name: str
    summary: str
    fix_availability: str
    preview: bool


def render_table(rules: Sequence[Rule]) -> str:
    """The table's text: one rule per line, by code, with its name, fix, summary and preview.

    Args:
        rules: The rules ruff lists (a few internal ones have no code and no page).

    Returns:
        The JSON text, ending with a newline.
    """
    table = {
        code: {"name": rule["name"], "fix": rule["fix_availability"], "summary": rule["summary"]}
        | ({"preview": True} if rule["preview"] else {})
        for rule in rules
        if (code := rule["code"])
    }
    lines = [f"{json.dumps(code)}: {json.dumps(entry)}" for code, entry in sorted(table.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Check or rewrite the table.

    Args:
        argv: The command-line arguments.

    Returns:
        0 when the table is current (or was rewritten), 1 when ``--check`` finds it out of
        date, 2 when ruff cannot be run.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the table is out of date; write nothing"
    )
    args = parser.parse_args(argv)
    try:
        new = render_table(cast("list[Rule]", ruff_json("rule", "--all")))
    except ToolError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
    if new == current:
        sys.stdout.write(f"{TABLE.name}: up to date\n")
        return 0
    if args.check:
        sys.stdout.write(f"{TABLE.name}: out of date; run python -m scripts.update_ruff_rules\n")
        return 1
    TABLE.write_text(new, encoding="utf-8")
    sys.stdout.write(f"{TABLE.name}: regenerated\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
