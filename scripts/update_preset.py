"""Regenerate the ``select`` list of the strict preset from the installed ruff.

The preset selects every stable rule linter by linter, one line per linter with its name as the
comment, so a reader sees what each selector means. pycodestyle and Pylint are selected by
category (``E``, ``W``; ``PLC``, ``PLE``, ``PLR``, ``PLW``), as ``ruff linter`` lists them. A
linter whose rules are all in preview is left out: selecting it would make ruff warn that the
selection has no effect. Everything else in the file stays byte for byte as it is.

Usage::

    python scripts/update_preset.py            # rewrite the list
    python scripts/update_preset.py --check    # exit 1 when the list is out of date
"""

import argparse
import asyncio
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NotRequired, TypedDict, cast

from pyexpert_gates.process import Command, ProcessOutput, run_command

PRESET = Path(__file__).resolve().parents[1] / "presets" / "strict.toml"
TIME_LIMIT_S = 60
LINT_TABLE = "[tool.ruff.lint]\n"
SELECT_BLOCK = re.compile(r"^select = \[\n(?:.*\n)*?\]\n", re.MULTILINE)


class Category(TypedDict):
    """A category of a linter in ``ruff linter --output-format json``."""

    prefix: str
    name: str


class Linter(TypedDict):
    """A linter in ``ruff linter --output-format json``."""

    prefix: str
    name: str
    categories: NotRequired[list[Category]]


class Rule(TypedDict):
    """A rule in ``ruff rule --all --output-format json``."""

    code: str | None
    linter: str | None
    status: dict[str, object]


@dataclass(frozen=True, slots=True, kw_only=True)
class Selector:
    """One line of the ``select`` list.

    Attributes:
        code: What ruff selects, such as ``ANN`` or ``PLR``.
        name: The linter's name, and its category's, for the comment.
        linter: The linter's name as ruff's rule list gives it.
    """

    code: str
    name: str
    linter: str


class ToolError(Exception):
    """ruff could not be run or its output could not be read."""


def ruff_json(*args: str) -> object:
    """Run ``ruff ARGS --output-format json`` and parse what it prints.

    Args:
        *args: The ruff subcommand and its arguments.

    Returns:
        The parsed JSON.

    Raises:
        ToolError: ruff could not run, failed, or printed something that is not JSON.
    """
    argv = (sys.executable, "-m", "ruff", *args, "--output-format", "json")
    outcome = asyncio.run(run_command(Command(argv=argv, cwd=Path.cwd()), time_limit=TIME_LIMIT_S))
    if not isinstance(outcome, ProcessOutput) or outcome.returncode != 0:
        detail = outcome.stderr if isinstance(outcome, ProcessOutput) else outcome.reason
        msg = f"`ruff {' '.join(args)}` failed: {detail.strip()}"
        raise ToolError(msg)
    try:
        return cast("object", json.loads(outcome.stdout))
    except json.JSONDecodeError as error:
        msg = f"`ruff {' '.join(args)}` printed no JSON: {error}"
        raise ToolError(msg) from None


def selectors(linters: Iterable[Linter]) -> list[Selector]:
    """Every selector of every linter: the linter's prefix, or one per category.

    Args:
        linters: The linters as ruff lists them.

    Returns:
        The selectors, sorted by code.
    """
    found: list[Selector] = []
    for linter in linters:
        categories = linter.get("categories", [])
        found.extend(
            Selector(
                code=linter["prefix"] + c["prefix"],
                name=f"{linter['name']} {c['name']}",
                linter=linter["name"],
            )
            for c in categories
        )
        if not categories:
            found.append(
                Selector(code=linter["prefix"], name=linter["name"], linter=linter["name"])
            )
    return sorted(found, key=lambda selector: selector.code)


def with_stable_rules(found: Iterable[Selector], rules: Iterable[Rule]) -> list[Selector]:
    """The selectors that select at least one stable rule.

    Args:
        found: The selectors.
        rules: Every rule as ruff lists them.

    Returns:
        The selectors, in their order, without those whose rules are all in preview or removed.
    """
    stable = [(r["linter"], r["code"]) for r in rules if r["code"] and "Stable" in r["status"]]
    return [
        s
        for s in found
        if any(linter == s.linter and code.startswith(s.code) for linter, code in stable if code)
    ]


def render_select(chosen: Iterable[Selector]) -> str:
    """The ``select`` array as the preset writes it.

    Args:
        chosen: The selectors.

    Returns:
        The array, one selector per line, ending with a newline.
    """
    lines = "".join(f'    "{selector.code}",  # {selector.name}\n' for selector in chosen)
    return f"select = [\n{lines}]\n"


def replace_select(text: str, block: str) -> str:
    """The preset's text with its ``[tool.ruff.lint]`` ``select`` array replaced by ``block``.

    Args:
        text: The preset.
        block: The new array.

    Returns:
        The new text; everything but the array is unchanged.

    Raises:
        ToolError: The preset has no ``select = [`` array under ``[tool.ruff.lint]``.
    """
    start = text.find(LINT_TABLE)
    found = SELECT_BLOCK.search(text, start) if start >= 0 else None
    if found is None:
        msg = "no `select = [` array, one item per line, under [tool.ruff.lint]"
        raise ToolError(msg)
    return text[: found.start()] + block + text[found.end() :]


def regenerated(text: str) -> str:
    """The preset's text with the ``select`` list the installed ruff calls for.

    Args:
        text: The preset.

    Returns:
        The new text.
    """
    linters = cast("list[Linter]", ruff_json("linter"))
    rules = cast("list[Rule]", ruff_json("rule", "--all"))
    return replace_select(text, render_select(with_stable_rules(selectors(linters), rules)))


def main(argv: Sequence[str] | None = None) -> int:
    """Check or rewrite the preset's ``select`` list.

    Args:
        argv: The command-line arguments.

    Returns:
        0 when the list is current (or was rewritten), 1 when ``--check`` finds it out of date,
        2 when ruff or the preset cannot be read.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the list is out of date; write nothing"
    )
    parser.add_argument(
        "--preset", type=Path, default=PRESET, help="the preset file (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    preset: Path = args.preset
    try:
        text = preset.read_bytes().decode("utf-8")
        new = regenerated(text)
    except (OSError, UnicodeDecodeError, ToolError) as error:
        sys.stderr.write(f"{preset}: {error}\n")
        return 2
    if new == text:
        sys.stdout.write(f"{preset}: the select list is up to date\n")
        return 0
    if args.check:
        sys.stdout.write(
            f"{preset}: the select list is out of date; run scripts/update_preset.py\n"
        )
        return 1
    preset.write_bytes(new.encode("utf-8"))
    sys.stdout.write(f"{preset}: the select list was regenerated\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
