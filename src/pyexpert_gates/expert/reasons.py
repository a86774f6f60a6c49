"""PXG004: every suppression names its codes and says why."""

from collections.abc import Iterator, Mapping

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.suppressions import Kind, Suppression, SuppressionIndex
from pyexpert_gates.models import Diagnostic

_EXAMPLES: Mapping[Kind, str] = {
    Kind.NOQA: "# noqa: E501 - <why the rule does not apply here>",
    Kind.FILE_NOQA: "# ruff: noqa: E501 - <why the rule does not apply to this file>",
    Kind.TYPE_IGNORE: "# type: ignore[arg-type]  # <why the error is wrong here>",
    Kind.PYRIGHT_IGNORE: "# pyright: ignore[reportArgumentType]  # <why the error is wrong here>",
}


def _problem(found: Suppression) -> str | None:
    if found.kind is Kind.FILE_CONFIG:
        # mypy and pyright read no reason on such a line (mypy even crashes on a comment after).
        return (
            f"`# {found.written}` turns checks off for the whole file, with no room for a "
            "reason: suppress each line with `# type: ignore[code]  # <why>` or "
            "`# pyright: ignore[rule]  # <why>`, or ignore PXG004 for this file in "
            "[tool.pyexpert-gates.expert] per-file-ignores and record why in "
            "[tool.pyexpert-gates.relaxations]"
        )
    if not found.codes:
        return (
            f"`# {found.written}` names no code, so it hides every finding on the line: "
            f"name the codes and say why, e.g. `{_EXAMPLES[found.kind]}`"
        )
    if not found.explained:
        return (
            f"`# {found.written}` gives no reason: say why after it, "
            f"e.g. `# {found.written}  # <why it does not apply here>`"
        )
    return None


def check_reasons(suppressions: SuppressionIndex, path: str) -> Iterator[Diagnostic]:
    """Report suppressions that name no code or give no reason.

    Args:
        suppressions: The module's suppression comments.
        path: The module's path, for the findings.

    Yields:
        One finding per faulty suppression, at its ``#``.
    """
    for found in suppressions.all():
        problem = _problem(found)
        if problem is not None:
            yield Diagnostic(
                path=path,
                line=found.line,
                column=found.column,
                end_line=found.line,
                end_column=found.end_column,
                code=RuleCode.SUPPRESSION_REASON.value,
                message=problem,
            )
