"""The presets shipped with pyexpert-gates, loaded from the package's data."""

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from pyexpert_gates.errors import UsageError
from pyexpert_gates.init.merge import Data, is_table

DEFAULT_PRESET = "strict"
# An array item with its reason: `    "COM812",  # the formatter places trailing commas itself`.
_ITEM_COMMENT = re.compile(r'^\s*"(?P<item>[^"]+)",\s*#\s*(?P<comment>.+?)\s*$', re.MULTILINE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Preset:
    """A named, versioned set of tool settings.

    Attributes:
        name: The name users pass to ``--preset``.
        version: Raised whenever the preset's settings change.
        description: One line for people.
        tools: The ``[tool]`` tables the preset merges into a project.
        comments: The reason written beside each array item that has one, by item.
    """

    name: str
    version: int
    description: str
    tools: Data
    comments: Mapping[str, str]


def preset_folder() -> Traversable:
    """Where the presets are: inside the installed wheel, or at the top of a source checkout.

    Returns:
        The folder.
    """
    packaged = files("pyexpert_gates") / "presets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "presets"


def preset_names() -> tuple[str, ...]:
    """The names of every shipped preset.

    Returns:
        The names, sorted.
    """
    folder = preset_folder()
    return tuple(
        sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
    )


def load_preset(name: str = DEFAULT_PRESET) -> Preset:
    """Load a shipped preset by name.

    Args:
        name: The preset's name.

    Returns:
        The preset.

    Raises:
        UsageError: There is no preset of that name.
    """
    if name not in preset_names():
        known = ", ".join(preset_names())
        msg = f"unknown preset {name!r}; the presets are: {known}"
        raise UsageError(msg)
    text = (preset_folder() / f"{name}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    meta = data["preset"]
    tools = data["tool"]
    if not is_table(meta) or not is_table(tools):
        msg = f"preset {name!r} is damaged: it needs [preset] and [tool] tables"
        raise UsageError(msg)
    return Preset(
        name=str(meta["name"]),
        version=int(str(meta["version"])),
        description=str(meta["description"]),
        tools=tools,
        comments={m["item"]: m["comment"] for m in _ITEM_COMMENT.finditer(text)},
    )
