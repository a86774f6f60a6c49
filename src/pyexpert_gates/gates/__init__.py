"""The gates: one module per tool, each a pure command description and a pure output parser.

`TOOL_GATES` holds the gates that run an external tool, by name; the engine runs each one's
command and hands the output back to the same gate to judge.
"""

from pyexpert_gates.gates.base import CommandGate
from pyexpert_gates.gates.docstrings import DocstringsGate
from pyexpert_gates.gates.format import FormatGate
from pyexpert_gates.gates.mypy import MypyGate
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.gates.ruff import RuffGate
from pyexpert_gates.models import GateName

TOOL_GATES: dict[GateName, CommandGate] = {
    GateName.RUFF: RuffGate(),
    GateName.FORMAT: FormatGate(),
    GateName.MYPY: MypyGate(),
    GateName.PYRIGHT: PyrightGate(),
    GateName.DOCSTRINGS: DocstringsGate(),
    GateName.PYTEST: PytestGate(),
}
"""The gates that run an external tool, in the order reports list them."""

__all__ = ["TOOL_GATES"]
