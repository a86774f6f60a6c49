"""Presets: found through entry points, composed along ``extends``, loaded as plain data.

Any installed distribution can provide presets in the entry point group ``pyexpert_gates.presets``:
the entry point's name is the preset's name and its object is the preset's TOML file (a
`pathlib.Path` or an `importlib.resources` `Traversable`). The built-in ``strict`` is registered
the same way, and is also found in a source checkout that was never installed.

A preset file has an optional ``[preset]`` (version, description, ``verified`` tool versions
and a ``changelog``; a preset without it is unversioned), the ``[tool]`` tables it merges into a
project, and optionally a top-level ``extends = "NAME"``: the named preset is merged first,
then this one, leaf by leaf. A table merges key by key, a scalar replaces the parent's, and a
list adds its items after the parent's (rule lists only ever grow by inheritance). A
``[remove]`` table, shaped like ``[tool]``, takes things out of the parent: a list there removes
those items from the parent's list, ``true`` removes the parent's key. A list the child wants to
own outright is removed and then given anew.
"""

import importlib.metadata
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from pyexpert_gates.data.toml import Data, is_array, is_table
from pyexpert_gates.errors import UsageError

DEFAULT_PRESET = "strict"
ENTRY_POINT_GROUP = "pyexpert_gates.presets"
"""The entry point group through which distributions provide presets."""
BUILT_IN_DISTRIBUTION = "pyexpert-gates"
# An array item with its reason: `    "COM812",  # the formatter places trailing commas itself`.
_ITEM_COMMENT = re.compile(r'^\s*"(?P<item>[^"]+)",\s*#\s*(?P<comment>.+?)\s*$', re.MULTILINE)
_TOP_LEVEL_KEYS = frozenset({"extends", "preset", "tool", "remove"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PresetSource:
    """Where a preset comes from.

    Attributes:
        name: The preset's name: the entry point's name.
        file: The preset's TOML file.
        distribution: The distribution that provides it.
        distribution_version: That distribution's version.
    """

    name: str
    file: Traversable
    distribution: str
    distribution_version: str

    @property
    def label(self) -> str:
        """The file for messages: its path, or the preset and its distribution."""
        if isinstance(self.file, Path):
            return str(self.file)
        return f"preset {self.name!r} of {self.distribution}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """What one version of a preset changed.

    Attributes:
        version: The preset version.
        changes: One line per change, for people.
    """

    version: int
    changes: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Preset:
    """A named, versioned set of tool settings, with everything it extends merged in.

    Attributes:
        name: The name users pass to ``--preset``.
        version: Raised whenever the preset's settings change; None for an unversioned preset.
        description: One line for people.
        tools: The ``[tool]`` tables the preset merges into a project.
        comments: The reason written beside each array item that has one, by item.
        source: Where the preset comes from.
        extends: The preset it extends, or None.
        verified: The tool versions the preset was verified against, by tool.
        changelog: What each version changed, newest first.
        retired: The values earlier versions wrote at settings this one no longer sets, by
            setting name: init removes such a setting where it still holds one of them.
    """

    name: str
    version: int | None
    description: str
    tools: Data
    comments: Mapping[str, str]
    source: PresetSource
    extends: str | None = None
    verified: Mapping[str, str] | None = None
    changelog: tuple[Change, ...] = ()
    retired: Mapping[str, tuple[object, ...]] = field(default_factory=dict[str, tuple[object, ...]])

    @property
    def title(self) -> str:
        """The preset's name and version for people: ``acme v2``, ``acme (unversioned)``."""
        return f"{self.name} v{self.version}" if self.version else f"{self.name} (unversioned)"


def preset_folder() -> Traversable:
    """Where the built-in presets are: inside the installed wheel, or at the top of a checkout.

    Returns:
        The folder.
    """
    packaged = files("pyexpert_gates") / "presets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "presets"


STRICT = preset_folder() / "strict.toml"
"""The built-in ``strict`` preset's file: the object of its entry point."""


def preset_sources() -> dict[str, PresetSource]:
    """Every preset the installed distributions provide, by name.

    Returns:
        The sources, sorted by name; the built-in ``strict`` is always among them.

    Raises:
        UsageError: An entry point cannot be loaded, is not a file, or two distributions
            provide the same name.
    """
    sources = {DEFAULT_PRESET: _built_in()}
    for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        source = _load_entry_point(entry)
        known = sources.get(source.name)
        if known is not None and known.distribution != source.distribution:
            msg = (
                f"preset {source.name!r} is provided by both {known.distribution} and "
                f"{source.distribution}; uninstall one of them"
            )
            raise UsageError(msg)
        sources[source.name] = source
    return dict(sorted(sources.items()))


def _built_in() -> PresetSource:
    """The built-in ``strict``, whether or not this distribution's entry points are installed."""
    try:
        version = importlib.metadata.version(BUILT_IN_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        version = "source"
    return PresetSource(
        name=DEFAULT_PRESET,
        file=STRICT,
        distribution=BUILT_IN_DISTRIBUTION,
        distribution_version=version,
    )


def _load_entry_point(entry: importlib.metadata.EntryPoint) -> PresetSource:
    """The preset one entry point names, checked to be a file."""
    distribution = entry.dist.name if entry.dist is not None else "an unknown distribution"
    version = entry.dist.version if entry.dist is not None else "?"
    where = f"entry point {entry.name!r} ({entry.value}) of {distribution}"
    try:
        target: object = entry.load()
    except Exception as error:  # noqa: BLE001 - any failure of a third-party import is reported
        msg = f"{where} cannot be loaded: {type(error).__name__}: {error}"
        raise UsageError(msg) from None
    if not isinstance(target, Traversable):
        msg = f"{where} must name a preset's TOML file (a pathlib.Path or a Traversable)"
        raise UsageError(msg)
    if not target.is_file():
        msg = (
            f"{where} names {target}, which is not a file: ship the TOML file in the "
            "distribution as package data"
        )
        raise UsageError(msg)
    return PresetSource(
        name=entry.name, file=target, distribution=distribution, distribution_version=version
    )


def preset_contents() -> list[tuple[str, bytes]]:
    """Every installed preset's file, named by preset and providing distribution.

    A gate's cached result depends on the presets (the config gate compares with one), so the
    cache key covers them all: upgrading a preset package invalidates what it could change.

    Returns:
        ``name (distribution version)`` and the file's bytes, by name.
    """
    return [
        (f"{name} ({s.distribution} {s.distribution_version})", s.file.read_bytes())
        for name, s in preset_sources().items()
    ]


def preset_names() -> tuple[str, ...]:
    """The names of every installed preset.

    Returns:
        The names, sorted.
    """
    return tuple(preset_sources())


def load_preset(name: str = DEFAULT_PRESET) -> Preset:
    """Load an installed preset by name, with every preset it extends merged in.

    Args:
        name: The preset's name.

    Returns:
        The preset.

    Raises:
        UsageError: There is no preset of that name, a file in its chain is damaged, or the
            chain of ``extends`` has a cycle or names a preset that is not installed.
    """
    return compose_preset(name, preset_sources())


def compose_preset(name: str, sources: Mapping[str, PresetSource]) -> Preset:
    """Load a preset from the given sources, with every preset it extends merged in.

    Args:
        name: The preset's name.
        sources: The presets to choose from, by name.

    Returns:
        The preset.

    Raises:
        UsageError: There is no preset of that name, a file in its chain is damaged, or the
            chain of ``extends`` has a cycle or names a preset that is not among the sources.
    """
    if name not in sources:
        msg = f"unknown preset {name!r}; the presets are: {', '.join(sources)}"
        raise UsageError(msg)
    return _compose(sources[name], sources, chain=())


def _compose(
    source: PresetSource, sources: Mapping[str, PresetSource], chain: tuple[str, ...]
) -> Preset:
    """One preset merged over the presets it extends, refusing cycles."""
    text, data = _read(source)
    parent_name = data.get("extends")
    if parent_name is not None and not isinstance(parent_name, str):
        msg = f"{source.label}: extends must be a preset's name, as a string"
        raise UsageError(msg)
    tools = _table(data, "tool", source)
    comments = {m["item"]: m["comment"] for m in _ITEM_COMMENT.finditer(text)}
    meta = _table(data, "preset", source)
    retired = _retired(meta, source)
    if parent_name is not None:
        parent = _parent(parent_name, source, sources, (*chain, source.name))
        tools = extend(parent.tools, tools, _table(data, "remove", source))
        comments = {**parent.comments, **comments}
        retired = {**parent.retired, **retired}
    _stamp(tools, source.name)
    return Preset(
        name=source.name,
        version=_version(meta, source),
        description=str(meta.get("description", "")),
        tools=tools,
        comments=comments,
        source=source,
        extends=parent_name,
        verified=_verified(meta, source),
        changelog=_changelog(meta, source),
        retired=retired,
    )


def _parent(
    name: str,
    child: PresetSource,
    sources: Mapping[str, PresetSource],
    chain: tuple[str, ...],
) -> Preset:
    """The preset ``child`` extends, refusing an unknown name or a cycle."""
    if name in chain:
        cycle = " -> ".join((*chain, name))
        msg = f"{child.label}: extends {name!r}, which makes a cycle: {cycle}"
        raise UsageError(msg)
    if name not in sources:
        msg = (
            f"{child.label}: extends {name!r}, which no installed distribution provides; "
            f"the installed presets are: {', '.join(sources)}"
        )
        raise UsageError(msg)
    return _compose(sources[name], sources, chain)


def _read(source: PresetSource) -> tuple[str, Data]:
    """A preset file's text and data, refusing what is not a preset."""
    try:
        text = source.file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{source.label}: cannot read the preset: {error}"
        raise UsageError(msg) from None
    except tomllib.TOMLDecodeError as error:
        msg = f"{source.label}: the preset is not valid TOML: {error}"
        raise UsageError(msg) from None
    unknown = sorted(set(data) - _TOP_LEVEL_KEYS)
    if unknown:
        msg = (
            f"{source.label}: unknown top-level key {unknown[0]!r}; a preset has "
            "extends, [preset], [tool] and [remove]"
        )
        raise UsageError(msg)
    return text, data


def _table(data: Mapping[str, object], key: str, source: PresetSource) -> Data:
    """A top-level table of a preset file (empty when absent)."""
    value = data.get(key, {})
    if not is_table(value):
        msg = f"{source.label}: {key} must be a table"
        raise UsageError(msg)
    return value


def _version(meta: Mapping[str, object], source: PresetSource) -> int | None:
    """The preset's version: a whole number of at least 1, or None for an unversioned preset."""
    version = meta.get("version")
    if version is None:
        return None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        msg = f"{source.label}: [preset] version must be a whole number of at least 1"
        raise UsageError(msg)
    return version


def _verified(meta: Mapping[str, object], source: PresetSource) -> dict[str, str] | None:
    """The tool versions a preset was verified against, when it says."""
    verified = meta.get("verified")
    if verified is None:
        return None
    if not is_table(verified) or not all(isinstance(v, str) for v in verified.values()):
        msg = f"{source.label}: [preset.verified] maps each tool to a version string"
        raise UsageError(msg)
    return {tool: str(version) for tool, version in verified.items()}


def _changelog(meta: Mapping[str, object], source: PresetSource) -> tuple[Change, ...]:
    """A preset's changelog, newest first."""
    entries = meta.get("changelog", [])
    changes: list[Change] = []
    for entry in entries if is_array(entries) else [None]:
        lines = entry.get("changes") if is_table(entry) else None
        version = entry.get("version") if is_table(entry) else None
        if not isinstance(version, int) or not is_array(lines):
            msg = f"{source.label}: each [[preset.changelog]] has a version and a changes list"
            raise UsageError(msg)
        changes.append(Change(version=version, changes=tuple(str(line) for line in lines)))
    return tuple(sorted(changes, key=lambda change: change.version, reverse=True))


def _retired(meta: Mapping[str, object], source: PresetSource) -> dict[str, tuple[object, ...]]:
    """The values earlier versions of a preset wrote at settings it no longer sets."""
    retired = meta.get("retired", {})
    if not is_table(retired) or not all(is_array(values) for values in retired.values()):
        msg = (
            f"{source.label}: [preset.retired] maps each setting's dotted name to the list of "
            "values earlier versions wrote there"
        )
        raise UsageError(msg)
    return {name: tuple(values) for name, values in retired.items() if is_array(values)}


def _stamp(tools: Data, name: str) -> None:
    """Record the preset's own name in the ``[tool.pyexpert-gates]`` it merges."""
    own = tools.setdefault("pyexpert-gates", {})
    if is_table(own):
        own["preset"] = name


def extend(parent: Mapping[str, object], child: Mapping[str, object], remove: Data) -> Data:
    """Merge a child preset's tables over its parent's, after taking out what it removes.

    Args:
        parent: The parent's ``[tool]`` tables.
        child: The child's ``[tool]`` tables.
        remove: The child's ``[remove]`` table: lists of items to drop from the parent's lists,
            or ``true`` to drop the parent's key.

    Returns:
        The merged tables; neither argument changes.
    """
    merged = _without(parent, remove.get("tool", {}))
    for key, value in child.items():
        old = merged.get(key)
        if is_table(old) and is_table(value):
            merged[key] = extend(old, value, {})
        elif is_array(old) and is_array(value):
            merged[key] = [*old, *(item for item in value if item not in old)]
        else:
            merged[key] = value
    return merged


def _without(data: Mapping[str, object], remove: object) -> Data:
    """A copy of ``data`` with ``remove`` taken out, leaf by leaf."""
    kept: Data = {}
    removals = remove if is_table(remove) else {}
    for key, value in data.items():
        drop = removals.get(key)
        if drop is True:
            continue
        if is_table(value):
            kept[key] = _without(value, drop)
        elif is_array(value) and is_array(drop):
            kept[key] = [item for item in value if item not in drop]
        else:
            kept[key] = value
    return kept
