"""The table of ruff rule names that reports link to is generated from the supported ruff."""

import pytest

from pyexpert_gates.data.ruffrules import ruff_rule_name
from tests.helpers.cli import REPOSITORY, run_python


def test_the_shipped_table_is_current() -> None:
    result = run_python(REPOSITORY, "-m", "scripts.update_ruff_rules", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("F401", "unused-import"),
        ("ANN401", "any-type"),
        ("C901", "complex-structure"),
        ("PXG001", None),
    ],
)
def test_names_by_code(code: str, name: str | None) -> None:
    assert ruff_rule_name(code) == name
