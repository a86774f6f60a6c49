"""``pyexpert-gates presets``: every installed preset, where it comes from, and what changed."""

import argparse
import json
import sys

from pyexpert_gates.commands import SUMMARIES, Subparsers, add_color_argument
from pyexpert_gates.presets import Preset, load_preset, preset_names
from pyexpert_gates.report.text import inert, visible


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``presets`` subcommand and its arguments.

    Args:
        subparsers: The top-level parser's subcommand group.
    """
    parser = subparsers.add_parser(
        "presets",
        help=SUMMARIES["presets"],
        description="List the presets that installed distributions provide (entry point group "
        "pyexpert_gates.presets): each one's version, the distribution that provides it, and "
        "the preset it extends.",
    )
    parser.add_argument(
        "--changes",
        action="store_true",
        help="also print each preset's changelog and the tool versions it was verified against",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_color_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Run ``presets`` with the parsed arguments.

    Args:
        args: The parsed command line.

    Returns:
        The exit code: 0.
    """
    presets = [load_preset(name) for name in preset_names()]
    if args.format == "json":
        print(json.dumps([_as_json(preset) for preset in presets], indent=2))
        return 0
    lines: list[str] = []
    for preset in presets:
        source = preset.source
        extends = f", extends {preset.extends}" if preset.extends else ""
        lines.append(
            f"{preset.title} "
            f"({source.distribution} {source.distribution_version}{extends}): "
            f"{preset.description}"
        )
        if args.changes:
            lines.extend(_changes(preset))
    # Each line one line: a preset's text cannot add lines, escape codes or CI commands.
    sys.stdout.write("".join(f"{inert(visible(line))}\n" for line in lines))
    return 0


def _changes(preset: Preset) -> list[str]:
    """The changelog lines of one preset, and what it was verified against."""
    lines: list[str] = []
    if preset.verified:
        tools = ", ".join(f"{tool} {version}" for tool, version in preset.verified.items())
        lines.append(f"  verified with {tools}")
    for change in preset.changelog:
        lines.append(f"  v{change.version}:")
        lines.extend(f"    - {line}" for line in change.changes)
    if not preset.changelog:
        lines.append("  (no changelog)")
    return lines


def _as_json(preset: Preset) -> dict[str, object]:
    """One preset as JSON."""
    return {
        "name": preset.name,
        "version": preset.version,
        "description": preset.description,
        "distribution": preset.source.distribution,
        "distribution_version": preset.source.distribution_version,
        "extends": preset.extends,
        "verified": dict(preset.verified or {}),
        "changelog": [
            {"version": change.version, "changes": list(change.changes)}
            for change in preset.changelog
        ],
    }
