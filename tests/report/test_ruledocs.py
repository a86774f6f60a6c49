"""Where each gate's findings are documented: a tool per gate, a help link per rule."""

import pytest

from pyexpert_gates.models import GateName
from pyexpert_gates.report.ruledocs import TOOLS, rule_doc


@pytest.mark.parametrize(
    ("gate", "code", "uri"),
    [
        (GateName.RUFF, "F401", "https://docs.astral.sh/ruff/rules/unused-import/"),
        (GateName.RUFF, "XYZ999", "https://docs.astral.sh/ruff/rules/"),
        (GateName.DOCSTRINGS, "undocumented-public-function", "https://docs.astral.sh/ruff/rules/undocumented-public-function/"),
        (GateName.DOCSTRINGS, "unreadable", None),
        (GateName.DOCSTRINGS, "DOC201", "https://jsh9.github.io/pydoclint/violation_codes.html"),
        (GateName.MYPY, "return-value", "https://mypy.readthedocs.io/en/stable/_refs.html#code-return-value"),
        (GateName.PYRIGHT, "reportPrivateUsage", "https://microsoft.github.io/pyright/#/configuration?id=reportprivateusage"),
        (GateName.EXPERT, "PXG002", "https://github.com/pyexpert-gates/pyexpert-gates#the-standard"),
        (GateName.EXPERT, "PXG999", None),
        (GateName.PYTEST, "tests/test_a.py::test_b", None),
    ],
)  # fmt: skip
def test_help_uri_per_gate_and_code(gate: GateName, code: str, uri: str | None) -> None:
    assert rule_doc(gate, code).help_uri == uri


def test_every_gate_has_a_tool() -> None:
    assert set(TOOLS) == set(GateName)
