"""Files that configuration files name as more configuration, wherever they live.

ruff's ``extend`` (a chain of files, outside the project too), pyright's ``extends`` and mypy's
``plugins`` given as paths change a gate's result as much as the project's own files: a cached
result must not be replayed after one of them changed. Each named file is read in turn for the
files it names, to the end of each chain. A file that cannot be read or parsed names nothing;
the tool itself reports it.
"""

import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyexpert_gates.data.toml import Data, is_array, is_table
from pyexpert_gates.errors import GatesError
from pyexpert_gates.textfile import decode, read_regular
from pyexpert_gates.tools import PYPROJECT, mypy, pyright, ruff

_MOST_FILES = 64  # a chain longer than this is a loop or an attack: the key stops growing
# pyright reads JSON with comments; only the value of ``extends`` matters here.
_JSON_EXTENDS = re.compile(r'"extends"\s*:\s*"((?:[^"\\]|\\.)*)"')


def referenced_files(project: Path, configs: Iterable[str]) -> list[str]:
    """Every file the configuration files name, and every file those name, and so on.

    Args:
        project: The project root, absolute.
        configs: The configuration files, relative to the project or absolute.

    Returns:
        The named files that exist and are not among ``configs``: relative to the project
        when inside it, else absolute, POSIX separators.
    """
    queue = [project / config for config in configs]
    seen = {path.resolve() for path in queue}
    found: list[str] = []
    while queue and len(seen) < _MOST_FILES:
        for named in _named(queue.pop(0)):
            resolved = named.resolve()
            if resolved not in seen and resolved.is_file():
                seen.add(resolved)
                queue.append(named)
                found.append(_shown(project, resolved))
    return found


def _named(config: Path) -> Iterator[Path]:
    """The files one configuration file names as more configuration."""
    try:
        text = decode(read_regular(config, str(config)), str(config))
    except (GatesError, OSError):
        return
    if config.suffix == ".json":
        for value in _JSON_EXTENDS.findall(text):
            yield config.parent / json.loads(f'"{value}"')
        return
    try:
        document: Data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return
    tool = document.get("tool")
    tools = tool if config.name == PYPROJECT and is_table(tool) else {ruff.NAME: document}
    for table, key in ((ruff.NAME, ruff.EXTEND), (pyright.NAME, pyright.EXTENDS)):
        settings = tools.get(table)
        value = settings.get(key) if is_table(settings) else None
        if isinstance(value, str):
            # ruff expands ``~`` and environment variables in ``extend``.
            yield ruff.extended_path(config, value)
    mypy_settings = tools.get(mypy.NAME)
    plugins = mypy_settings.get(mypy.PLUGINS) if is_table(mypy_settings) else None
    listed = (
        plugins.split(",") if isinstance(plugins, str) else plugins if is_array(plugins) else []
    )
    for plugin in listed:
        if isinstance(plugin, str) and plugin.strip().endswith(".py"):
            yield config.parent / plugin.strip()


def _shown(project: Path, path: Path) -> str:
    """A path relative to the project when inside it, else absolute; POSIX separators."""
    root = project.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
