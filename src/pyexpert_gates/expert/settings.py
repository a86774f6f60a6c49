"""The ``[tool.pyexpert-gates.expert]`` table: which rules run where, and the length limit."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from pyexpert_gates.errors import ConfigError
from pyexpert_gates.expert.catalog import RULES, RuleCode, find_rules
from pyexpert_gates.expert.patterns import path_matches

TABLE = "[tool.pyexpert-gates.expert]"
DEFAULT_MAX_FUNCTION_LINES = 30
_KEYS = ("select", "ignore", "per-file-ignores", "max-function-lines")


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpertSettings:
    """Which expert rules run on which files, and their limits.

    Attributes:
        select: The rule codes enabled everywhere (default: every rule).
        ignore: The rule codes disabled everywhere.
        per_file_ignores: Pairs of a glob and the codes disabled on the files it matches.
        max_function_lines: The most lines of code a function may have (PXG002).
    """

    select: frozenset[str]
    ignore: frozenset[str]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...]
    max_function_lines: int = DEFAULT_MAX_FUNCTION_LINES

    def codes_for(self, path: str) -> frozenset[str]:
        """Return the rule codes that apply to one file.

        The syntax-error finding (PXG000) is on whenever the file is checked at all, unless a
        setting ignores it by name, since a file that does not parse is checked by no rule.

        Args:
            path: The file, relative to the project root, with POSIX separators.

        Returns:
            The enabled codes.
        """
        ignored = set(self.ignore)
        for pattern, codes in self.per_file_ignores:
            if path_matches(pattern, path):
                ignored.update(codes)
        enabled = self.select - ignored
        if enabled and RuleCode.SYNTAX_ERROR not in ignored:
            return enabled | {RuleCode.SYNTAX_ERROR.value}
        return enabled


def default_settings() -> ExpertSettings:
    """Return the settings used when the project sets nothing: every rule, limit 30.

    Returns:
        The default settings.
    """
    return ExpertSettings(
        select=frozenset(rule.code.value for rule in RULES),
        ignore=frozenset(),
        per_file_ignores=(),
    )


def parse_settings(table: Mapping[str, object], *, origin: str) -> ExpertSettings:
    """Read the ``[tool.pyexpert-gates.expert]`` table.

    Args:
        table: The table's keys and values, as a TOML parser returns them.
        origin: Where the table comes from, for messages (``pyproject.toml``).

    Returns:
        The settings; keys the table leaves out keep their defaults.

    Raises:
        ConfigError: A key is unknown, or a value has the wrong type or names no rule.
    """
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        msg = f"{origin}: unknown key `{unknown[0]}` in {TABLE}; valid keys: {', '.join(_KEYS)}"
        raise ConfigError(msg)
    defaults = default_settings()
    return ExpertSettings(
        select=_codes(table, "select", origin) if "select" in table else defaults.select,
        ignore=_codes(table, "ignore", origin) if "ignore" in table else defaults.ignore,
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), origin),
        max_function_lines=_max_function_lines(table, origin),
    )


def _fail(origin: str, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{origin}: {TABLE} `{key}` {problem}")


def _code_list(value: object, key: str, origin: str) -> Sequence[object]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        msg = 'must be a list of rule codes, such as ["PXG001", "PXG00"]'
        raise _fail(origin, key, msg)
    return cast("Sequence[object]", value)


def _expand(selectors: Sequence[object], key: str, origin: str) -> frozenset[str]:
    codes: set[str] = set()
    for selector in selectors:
        rules = find_rules(selector) if isinstance(selector, str) else ()
        if not rules:
            valid = ", ".join(rule.code for rule in RULES)
            msg = f"has `{selector}`, which names no rule; use ALL, a code or a prefix of: {valid}"
            raise _fail(origin, key, msg)
        codes.update(rule.code.value for rule in rules)
    return frozenset(codes)


def _codes(table: Mapping[str, object], key: str, origin: str) -> frozenset[str]:
    return _expand(_code_list(table[key], key, origin), key, origin)


def _per_file_ignores(value: object, origin: str) -> tuple[tuple[str, frozenset[str]], ...]:
    key = "per-file-ignores"
    if not isinstance(value, Mapping):
        raise _fail(
            origin, key, 'must be a table of glob = [codes], such as "tests/**" = ["PXG002"]'
        )
    pairs: list[tuple[str, frozenset[str]]] = []
    for pattern, codes in cast("Mapping[object, object]", value).items():
        entry = f'{key}."{pattern}"'
        pairs.append((str(pattern), _expand(_code_list(codes, entry, origin), entry, origin)))
    return tuple(pairs)


def _max_function_lines(table: Mapping[str, object], origin: str) -> int:
    value = table.get("max-function-lines", DEFAULT_MAX_FUNCTION_LINES)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail(
            origin, "max-function-lines", f"must be a whole number of at least 1, not {value!r}"
        )
    return value
