"""Failures the preset's pytest settings cause, explained in the finding.

A test suite that passed under the project's own settings may fail under the preset's: a warning
that ``filterwarnings = ["error"]`` turns into an exception, a marker that ``--strict-markers``
refuses, a passing ``xfail`` test that ``xfail_strict = true`` fails. Each such finding says
which setting caused it and how to relax it for one test or one warning, so adopting the preset
is not a hunt through pytest's documentation.
"""

import re
from dataclasses import replace

from pyexpert_gates.models import Diagnostic

_WARNING = re.compile(r"^(?P<category>(?:\w+\.)*\w*Warning): (?P<text>.*)", re.DOTALL)
_MARKER = re.compile(r"'(?P<marker>[^']+)' not found in `markers` configuration option")
_XPASS = "[XPASS(strict)]"
_QUOTED_TEXT = 40
_PLAIN = re.compile(r"[^.^$*+?{}\[\]\\|():\n]*")


def explain(problem: Diagnostic) -> Diagnostic:
    """Add the cause and the remedy to a test failure the preset's settings caused.

    Args:
        problem: A failed or errored test, as read from pytest's report.

    Returns:
        The finding with an explanation appended to its message; unchanged when the failure
        is not one the preset's settings cause.
    """
    cause = _cause(problem.message)
    return problem if cause is None else replace(problem, message=f"{problem.message}\n{cause}")


def _cause(message: str) -> str | None:
    """The explanation for a failure message, or None."""
    if message.startswith(_XPASS):
        return (
            "the preset's xfail_strict = true fails an xfail test that passes: remove the xfail "
            "mark if the test is fixed, or mark this test @pytest.mark.xfail(strict=False) if it "
            "passes only sometimes"
        )
    if marker := _MARKER.search(message):
        name = marker["marker"]
        return (
            f"the preset's --strict-markers (addopts) refuses the unregistered marker {name!r}: "
            f'register it in [tool.pytest.ini_options] markers = ["{name}: what it marks"]'
        )
    if warning := _WARNING.match(message):
        category = warning["category"]
        # The filter's message is a regular expression: quote the words before any special sign.
        plain = _PLAIN.match(warning["text"][:_QUOTED_TEXT])
        text = plain[0].strip() if plain else ""
        return (
            f'the preset\'s filterwarnings = ["error"] turns this {category} into an error: fix '
            f'its cause, or let it through for one test with @pytest.mark.filterwarnings("ignore::'
            f'{category}"), or for the whole suite with "ignore:{text}:{category}" after "error" '
            "in [tool.pytest.ini_options] filterwarnings"
        )
    return None
