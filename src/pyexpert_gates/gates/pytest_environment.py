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
    r"--full-trace|-n=?\w*|--numprocesses=\w+|\d+|auto|logical|"
    # Plugins whose absence changes only speed or the cache: xdist (see pytest_xdist) and the
    # cache provider (``--lf`` needs it, and the gate refuses ``--lf`` from here anyway).
    r"-pno:(?:xdist|cacheprovider)"
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
    # ``-p no:xdist`` as one argument, so that the plugin name is judged with its option.
    joined = " ".join(arguments).replace("-p no:", "-pno:").split(" ") if arguments else []
    return [argument for argument in joined if not _HARMLESS.fullmatch(argument)]
