"""The gates: one module per tool, each a pure command description and a pure output parser.

`pyexpert_gates.gates.registry` holds every gate as one object; `TOOL_GATES` holds the runners of
the gates that run an external tool, by name: the engine runs each one's command and hands the
output back to the same gate to judge.
"""

from pyexpert_gates.gates.base import CommandGate
from pyexpert_gates.gates.inprocess import InProcessGate
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.models import GateName

TOOL_GATES: dict[GateName, CommandGate] = {
    name: gate.runner for name, gate in GATES.items() if not isinstance(gate.runner, InProcessGate)
}
"""The gates that run an external tool, in the order reports list them."""

__all__ = ["TOOL_GATES"]
