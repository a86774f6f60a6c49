"""Options in ``PYTEST_ADDOPTS`` that would change which tests the pytest gate runs.

pytest adds ``PYTEST_ADDOPTS`` to every command line, so ``--deselect``, ``--ignore``, ``-k``,
``-m``, ``-p no:warnings`` or ``-W ignore`` set in a shell or a CI job would make the gate pass
with failing tests left out or warnings silenced. The gate runs the tests the project
configures: only options that change how pytest reports, never what it runs, may come from the
environment.
"""

import re
import shlex
from collections.abc import Sequence

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


# Options in a project's own ``addopts`` that leave tests out, stop them running or silence
# warnings. The project's configuration is read against a list of what narrows, not of what is
# harmless: plugins add options (``--cov``, ``--import-mode``) that change nothing the gate judges.
_NARROWING = re.compile(
    r"(?:-k|-m|--deselect|--ignore|--ignore-glob)[ =]?.+|(?:-W|--pythonwarnings)[ =]?ignore.*|"
    r"-p ?no:.+|--co|--collect-only|--lf|--last-failed|--sw|--stepwise|--sw-skip|"
    r"--stepwise-skip|--noconftest|--disable-warnings|--disable-pytest-warnings"
)
_SPEED_ONLY = re.compile(r"-p ?no:(?:xdist|cacheprovider)")
_SEPARATE_VALUE = frozenset(
    {"-k", "-m", "--deselect", "--ignore", "--ignore-glob", "-W", "--pythonwarnings", "-p"}
)


def configured_narrowing(addopts: str | Sequence[str]) -> list[str]:
    """The options in a project's ``addopts`` that leave tests out or silence warnings.

    Args:
        addopts: The setting's value: one string pytest splits like a shell, or a list.

    Returns:
        Each such option with its value, in order; ``-p no:xdist`` and ``-p no:cacheprovider``
        change only speed and are not among them. None for a value pytest cannot split either.
    """
    try:
        arguments = shlex.split(addopts) if isinstance(addopts, str) else list(addopts)
    except ValueError:
        return []
    options: list[str] = []
    for argument in arguments:
        if options and options[-1] in _SEPARATE_VALUE:
            options[-1] += f" {argument}"
        else:
            options.append(argument)
    return [
        option
        for option in options
        if _NARROWING.fullmatch(option) and not _SPEED_ONLY.fullmatch(option)
    ]
