"""The expert rules' settings: which rules run where, and the length limit.

`pyexpert_gates.config` reads them from ``[tool.pyexpert-gates.expert]``, with the same checks
and wording as every other setting.
"""

from dataclasses import dataclass

from pyexpert_gates.expert.catalog import RULES, RuleCode
from pyexpert_gates.expert.patterns import path_matches

DEFAULT_MAX_FUNCTION_LINES = 30


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
