"""What each tool says about a project's configuration when it loads it.

Each tool runs on a trivial, correct file (``probe.py``: one annotated assignment; a test file with
one passing test), so whatever it prints about anything but its findings comes from the
configuration: unknown options, invalid values, conflicting rules, plugins that cannot load.
Messages are sets of lines with the project's folder replaced, so two runs compare across folders
and the project's own, pre-existing problems cancel out.
"""

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from tests.helpers.cli import run_python
from tests.helpers.projects import write_files

PROBE_MODULE = "probe.py"
PROBE_TEST = "tests/test_probe.py"
PROBE_FILES = {
    PROBE_MODULE: "x: int = 1\n",
    PROBE_TEST: "def test_probe() -> None:\n    assert True\n",
}
_DURATION = re.compile(r"\bin \d+\.\d+s\b")
# With `warn_unused_configs`, mypy notes every [[tool.mypy.overrides]] section that matches no
# module it checked. On the probe that is every section, so the note says nothing about loading.
_UNUSED_SECTIONS = re.compile(r": note: unused section\(s\): ")


def write_probes(project: Path) -> None:
    """Write the probe files into ``project``.

    Args:
        project: The project folder.
    """
    write_files(project, PROBE_FILES)


def _lines(*texts: str) -> frozenset[str]:
    """The distinct non-blank lines of ``texts``, without trailing spaces."""
    return frozenset(line.rstrip() for text in texts for line in text.splitlines() if line.strip())


def ruff_messages(project: Path) -> frozenset[str]:
    """What ruff prints on stderr while loading the settings (its findings go to stdout).

    ``ruff check`` and ``ruff format`` each resolve the settings and each warn about conflicts
    between the selected rules and the formatter.
    """
    check = run_python(project, "-m", "ruff", "check", "--no-cache", PROBE_MODULE)
    formatting = run_python(project, "-m", "ruff", "format", "--check", "--no-cache", PROBE_MODULE)
    return frozenset(
        {f"check: {line}" for line in _lines(check.stderr)}
        | {f"format: {line}" for line in _lines(formatting.stderr)}
    )


def mypy_messages(project: Path) -> frozenset[str]:
    """Everything mypy prints on the probe: config warnings, invalid options, plugin errors."""
    result = run_python(project, "-m", "mypy", PROBE_MODULE)
    lines = _lines(result.stdout, result.stderr)
    return frozenset(line for line in lines if not _UNUSED_SECTIONS.search(line))


def pyright_messages(project: Path) -> frozenset[str]:
    """Pyright's config messages (stderr) and any diagnostic on the probe."""
    result = run_python(project, "-m", "pyright", "--outputjson", PROBE_MODULE)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return _lines(result.stdout, result.stderr)
    diagnostics = report.get("generalDiagnostics", [])
    found = {f"{d.get('rule', '')}: {d.get('message', '')}" for d in diagnostics}
    return _lines(result.stderr) | found


def pytest_messages(project: Path) -> frozenset[str]:
    """What pytest prints while collecting the probe test: warnings, config and usage errors."""
    result = run_python(project, "-m", "pytest", "--collect-only", "-q", PROBE_TEST)
    return _lines(_DURATION.sub("in <time>", result.stdout), result.stderr)


PROBES: dict[str, Callable[[Path], frozenset[str]]] = {
    "ruff": ruff_messages,
    "mypy": mypy_messages,
    "pyright": pyright_messages,
    "pytest": pytest_messages,
}
# What each tool prints on the probe files when it has nothing to say about the configuration.
QUIET: dict[str, frozenset[str]] = {
    "ruff": frozenset(),
    "mypy": frozenset({"Success: no issues found in 1 source file"}),
    "pyright": frozenset(),
    "pytest": frozenset({f"{PROBE_TEST}::test_probe", "1 test collected in <time>"}),
}


def config_messages(project: Path, tools: Iterable[str] = PROBES) -> dict[str, frozenset[str]]:
    """What the tools say while loading ``project``'s configuration, beyond their quiet output.

    Args:
        project: A project with the probe files written.
        tools: The tools to run.

    Returns:
        The messages of every tool that said something, by tool; the project's folder reads
        ``<project>``, so messages compare across folders.
    """
    said = {tool: PROBES[tool](project) - QUIET[tool] for tool in tools}
    folder = str(project)
    return {
        tool: frozenset(line.replace(folder, "<project>") for line in lines)
        for tool, lines in said.items()
        if lines
    }
