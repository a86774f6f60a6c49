"""pytest options that would change which tests the pytest gate runs or how it judges them.

pytest adds ``PYTEST_ADDOPTS`` and the project's ``addopts`` to every command line, so
``--deselect``, ``--ignore``, ``-k``, ``-m``, ``-p no:warnings``, ``-W default``,
``-o python_functions=...`` or a bare test path would make the gate pass with failing tests left
out or warnings silenced. Both are read as pytest reads them: split like a shell, each option
with its value (``-k EXPR``, ``-kEXPR``, ``--deselect=ID``), and every other word a path that
selects tests (``PYTEST_ADDOPTS=auto`` runs the path ``auto``, not ``-n auto``).

From the environment only options that change how pytest reports, never what it runs, are
accepted. A project's own ``addopts`` is read against a list of what narrows instead: plugins
add options (``--cov``, ``--import-mode``) that change nothing the gate judges.
"""

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass

from pyexpert_gates.tools import pytest

VARIABLE = pytest.ADDOPTS_VARIABLE

# Options of pytest and the common plugins that take a value, given apart or attached.
_VALUED = frozenset(
    {
        *("-k", "-m", "-p", "-W", "--pythonwarnings", "-o", "--override-ini", "-c"),
        *("--config-file", "--inifile", "--rootdir", "--confcutdir", "--deselect", "--ignore"),
        *("--ignore-glob", "--basetemp", "-r", "--tb", "--capture", "--maxfail", "--durations"),
        *("--durations-min", "--import-mode", "--junit-xml", "--junitxml", "--junit-prefix"),
        *("--log-level", "--log-format", "--log-date-format", "--log-file", "--log-file-level"),
        *("--log-cli-level", "--log-cli-format", "--log-disable", "--color", "--code-highlight"),
        *("--show-capture", "--assert", "--lfnf", "--last-failed-no-failures", "--doctest-glob"),
        *("--doctest-report", "--pdbcls", "--verbosity", "-n", "--numprocesses", "--dist"),
        *("--maxprocesses", "--max-worker-restart", "--tx", "--timeout", "--timeout-method"),
        *("--cov-report", "--cov-config", "--cov-fail-under", "--cov-context", "--report-log"),
    }
)
# Options whose value is optional: the next word is theirs unless it is an option.
_OPTIONAL_VALUE = frozenset({"--cov", "--debug", "--cache-show"})

# From the environment: what changes only how pytest shows what it runs (or, like -x, stops it
# on a failure); xdist's and the cache provider's absence change only speed (see pytest_xdist).
_HARMLESS_FLAGS = re.compile(
    r"-q+|-v+|--quiet|--verbose|-l|--showlocals|-s|--no-header|--no-summary|-x|--exitfirst|"
    r"--strict-markers|--strict-config|--full-trace"
)
_HARMLESS_VALUED = frozenset(
    {"-r", "--capture", "--tb", "--color", "--code-highlight", "--durations", "--durations-min"}
    | {"--maxfail", "-n", "--numprocesses"}
)
_SPEED_ONLY_PLUGINS = frozenset({"no:xdist", "no:cacheprovider"})

# In a project's addopts: what leaves tests out, stops them running, or silences warnings.
_NARROWING_FLAGS = frozenset(
    {
        *("--co", "--collect-only", "--lf", "--last-failed", "--sw", "--stepwise", "--sw-skip"),
        *("--stepwise-skip", "--noconftest", "--disable-warnings", "--disable-pytest-warnings"),
        *("--continue-on-collection-errors", "--setup-only", "--setup-plan", "--fixtures"),
        *("--fixtures-per-test", "--markers", "--help", "-h", "--version", "-V"),
    }
)
# Options of pytest and the common plugins that take no value and narrow nothing.
_PLAIN_FLAGS = frozenset(
    {
        *("--runxfail", "--pyargs", "--ff", "--failed-first", "--nf", "--new-first"),
        *("--cache-clear", "--trace", "--pdb", "--doctest-modules", "--keep-duplicates"),
        *("--doctest-continue-on-failure", "--strict", "--trace-config", "--setup-show"),
        *("--force-short-summary", "--no-showlocals", "--testmon", "--testmon-noselect"),
        *("--no-cov", "--cov-branch", "--cov-append", "--no-cov-on-fail", "--looponfail"),
    }
)
_SELECTING = frozenset({"-k", "-m", "--deselect", "--ignore", "--ignore-glob"})
# A configuration file of pytest's own choosing replaces the one the config gate judges.
_CONFIG_FILE = frozenset({"-c", "--config-file", "--inifile"})
_WARNINGS = frozenset({"-W", "--pythonwarnings"})
_OVERRIDE = frozenset({"-o", "--override-ini"})
# ini keys that decide which tests are collected or what fails them.
_NARROWING_INI = frozenset(
    {
        *("python_files", "python_classes", "python_functions", "testpaths", "norecursedirs"),
        *("filterwarnings", "xfail_strict", "strict_xfail", "strict", "strict_config"),
        *("strict_markers", "strict_parametrization_ids", "empty_parameter_set_mark"),
        *("collect_imported_tests", "addopts", "python_classes", "usefixtures"),
    }
)
_PATH_LIKE = re.compile(r".*(?:/|::|\.py$).*|\.")


@dataclass(frozen=True, slots=True, kw_only=True)
class PytestArgument:
    """One option with its value, or one path, as pytest reads a command line.

    Attributes:
        option: The option (``-k``, ``--deselect``); empty for a path.
        value: Its value, or the path; None for an option without one.
        written: The words it was written as, to show it.
    """

    option: str
    value: str | None
    written: tuple[str, ...]

    def shown(self) -> str:
        """The argument as a shell would write it.

        Returns:
            Its words, quoted where a shell needs it.
        """
        return shlex.join(self.written)


def pytest_arguments(arguments: Sequence[str]) -> list[PytestArgument]:
    """Pair each option with its value, as pytest's parser does.

    Args:
        arguments: The words of a command line (``shlex.split`` of a string).

    Returns:
        The options and paths, in order. A word after an option this module does not know is
        that option's value unless it looks like a test path (``/``, ``::``, ``.py``).
    """
    found: list[PytestArgument] = []
    words = list(arguments)
    while words:
        word = words.pop(0)
        option, value = _attached(word)
        if word == "--":
            found.extend(PytestArgument(option="", value=w, written=(w,)) for w in words)
            words.clear()
        elif value is None and words and _owns_next(option, words[0]):
            found.append(PytestArgument(option=option, value=words[0], written=(word, words[0])))
            words.pop(0)
        else:
            found.append(PytestArgument(option=option, value=value, written=(word,)))
    return found


def _attached(word: str) -> tuple[str, str | None]:
    """An option and the value written in the same word; a path has the empty option."""
    if not word.startswith("-") or word == "-":
        return "", word
    if word.startswith("--"):
        option, equals, value = word.partition("=")
        return (option, value) if equals else (word, None)
    short, attached = word[:2], word[2:]
    return (short, attached.removeprefix("=")) if short in _VALUED and attached else (word, None)


def _owns_next(option: str, word: str) -> bool:
    """Whether ``word`` is the value of ``option``, which has none attached."""
    if option in _VALUED:
        return True
    if word.startswith("-"):
        return False
    if option in _OPTIONAL_VALUE:
        return True
    known = option in _NARROWING_FLAGS | _PLAIN_FLAGS or _HARMLESS_FLAGS.fullmatch(option)
    return not known and not _PATH_LIKE.fullmatch(word)


def _split(value: str | Sequence[str]) -> list[PytestArgument] | None:
    """The arguments of a string split like a shell, or of a list; None when it cannot split."""
    try:
        words = shlex.split(value) if isinstance(value, str) else list(value)
    except ValueError:
        return None
    return pytest_arguments(words)


def narrowing_options(value: str) -> list[str]:
    """The options in a ``PYTEST_ADDOPTS`` value that could select, deselect or silence.

    Args:
        value: The variable's value.

    Returns:
        Every argument that is not a known reporting option, each with its value, in order;
        an unparseable value is one such argument.
    """
    arguments = _split(value)
    if arguments is None:
        return [value]
    return [argument.shown() for argument in arguments if not _harmless(argument)]


def _harmless(argument: PytestArgument) -> bool:
    """Whether an argument from the environment changes only how pytest reports."""
    if argument.option == "-p":
        return argument.value in _SPEED_ONLY_PLUGINS
    if argument.option in _HARMLESS_VALUED:
        return argument.value is not None
    return argument.value is None and _HARMLESS_FLAGS.fullmatch(argument.option) is not None


def configured_narrowing(addopts: str | Sequence[str]) -> list[str]:
    """The options in a project's ``addopts`` that leave tests out or silence warnings.

    Args:
        addopts: The setting's value: one string pytest splits like a shell, or a list.

    Returns:
        Each such option with its value, and each test path, in order; ``-p no:xdist`` and
        ``-p no:cacheprovider`` change only speed and are not among them. None for a value
        pytest cannot split either.
    """
    arguments = _split(addopts) or []
    return [argument.shown() for argument in arguments if _narrows(argument)]


def _narrows(argument: PytestArgument) -> bool:
    """Whether one argument of a project's ``addopts`` leaves tests out or softens them."""
    option, value = argument.option, argument.value or ""
    if option in _WARNINGS:
        return not value.startswith("error")
    if option in _OVERRIDE:
        return value.partition("=")[0].strip() in _NARROWING_INI
    if option == "-p":
        return value.startswith("no:") and value not in _SPEED_ONLY_PLUGINS
    return not option or option in _SELECTING | _CONFIG_FILE | _NARROWING_FLAGS
