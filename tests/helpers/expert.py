"""Run the expert rules on small sources written inline."""

import textwrap
from dataclasses import replace

from pyexpert_gates.expert import ExpertSettings, check_source, default_settings
from pyexpert_gates.models import Diagnostic

MODULE = "src/pkg/module.py"
TEST_MODULE = "tests/test_module.py"


def run(
    source: str, *, path: str = MODULE, settings: ExpertSettings | None = None
) -> list[Diagnostic]:
    """Check a dedented source with the default settings (or the given ones)."""
    return check_source(path, textwrap.dedent(source), settings or default_settings())


def lines_of(
    code: str, source: str, *, path: str = MODULE, max_function_lines: int | None = None
) -> list[int]:
    """The lines where rule ``code`` reports, in order."""
    settings = default_settings()
    if max_function_lines is not None:
        settings = replace(settings, max_function_lines=max_function_lines)
    return [
        found.line or 0 for found in run(source, path=path, settings=settings) if found.code == code
    ]


def messages_of(code: str, source: str, *, path: str = MODULE) -> list[str]:
    """The messages of rule ``code``, in order."""
    return [found.message for found in run(source, path=path) if found.code == code]
