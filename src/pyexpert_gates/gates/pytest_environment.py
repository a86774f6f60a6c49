"""Options in ``PYTEST_ADDOPTS`` that would change which tests the pytest gate runs.

pytest adds ``PYTEST_ADDOPTS`` to every command line, so ``--deselect``, ``--ignore``, ``-k``,
``-m``, ``-p no:warnings`` or ``-W ignore`` set in a shell or a CI job would make the gate pass
with failing tests left out or warnings silenced. The gate runs the tests the project
configures: only options that change how pytest reports, never what it runs, may come from the
environment.
"""

import re
import shlex

VARIABLE = "PYTEST_ADDOPTS"

# Options that change only how pytest shows what it runs (or, like -x, stop it on a failure).
_HARMLESS = re.compile(
    r"-q+|-v+|--quiet|--verbose|-r\w*|-l|--showlocals|-s|--capture=\w+|--tb=\w+|"
    r"--color=\w+|--code-highlight=\w+|--no-header|--no-summary|--durations=\d+|"
    r"--durations-min=[\d.]+|-x|--exitfirst|--maxfail=\d+|--strict-markers|--strict-config|"
    r"--full-trace|-n=?\w*|--numprocesses=\w+|\d+|auto|logical"
)


def narrowing_options(value: str) -> list[str]:
    """The options in a ``PYTEST_ADDOPTS`` value that could select, deselect or silence.

    Args:
        value: The variable's value.

    Returns:
        Every argument that is not a known reporting option, in order; an unparseable value
        is one such argument.
    """
    try:
        arguments = shlex.split(value)
    except ValueError:
        return [value]
    return [argument for argument in arguments if not _HARMLESS.fullmatch(argument)]
