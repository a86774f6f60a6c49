"""Ask the project's own interpreter what its pytest knows and which filter modules it lacks.

Only that interpreter knows the plugins the project installs. Both questions are asked with the
project's ``addopts`` and ``filterwarnings`` switched off, so the settings being checked cannot
stop pytest from answering, and isolated (``python -I`` in an empty folder): no module, file or
``conftest.py`` of the project runs, so a setting that only a ``conftest.py`` declares is
reported as unknown.
"""

import asyncio
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.init.pytest_risks import known_keys
from pyexpert_gates.process import ProcessFailure, ProcessOutput, run_isolated

_TIME_LIMIT_S = 60.0
# Prints the modules, of those given, that cannot be imported.
_MISSING_MODULES = """\
import importlib.util, json, sys
def missing(name):
    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True
print(json.dumps([name for name in sys.argv[1:] if missing(name)]))
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class PytestFacts:
    """What the project's environment says about pytest's settings.

    Attributes:
        known: The settings its pytest knows; empty when it could not be asked.
        missing: The modules, of those asked about, that it cannot import.
        unknown_reason: Why it could not be asked, or empty.
    """

    known: frozenset[str]
    missing: frozenset[str]
    unknown_reason: str = ""


def ask_pytest(python: Path, modules: Collection[str]) -> PytestFacts:
    """Ask the project's interpreter about pytest's settings and the filters' modules.

    Args:
        python: The project's interpreter, whose environment has the plugins it installs.
        modules: The modules that ``filterwarnings`` entries import.

    Returns:
        The facts; a pytest that cannot answer is a reason, not an error.
    """
    help_arguments = ("-m", "pytest", "--help", "-o", "addopts=", "-o", "filterwarnings=")
    modules_arguments = ("-c", _MISSING_MODULES, *sorted(modules))
    help_out, modules_out = asyncio.run(_both(python, help_arguments, modules_arguments))
    missing = frozenset[str]()
    if not isinstance(modules_out, ProcessFailure) and modules_out.returncode == 0:
        missing = frozenset(json.loads(modules_out.stdout or "[]"))
    if isinstance(help_out, ProcessFailure) or not known_keys(help_out.stdout):
        why = help_out.reason if isinstance(help_out, ProcessFailure) else "no list of settings"
        reason = f"could not ask pytest in {python} which settings it knows ({why})"
        return PytestFacts(known=frozenset(), missing=missing, unknown_reason=reason)
    return PytestFacts(known=known_keys(help_out.stdout), missing=missing)


async def _both(
    python: Path, first: tuple[str, ...], second: tuple[str, ...]
) -> tuple[ProcessOutput | ProcessFailure, ProcessOutput | ProcessFailure]:
    """Run ``python`` isolated twice at once, with ``first`` and with ``second``."""
    return await asyncio.gather(
        run_isolated(python, first, time_limit=_TIME_LIMIT_S),
        run_isolated(python, second, time_limit=_TIME_LIMIT_S),
    )
