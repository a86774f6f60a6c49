"""The gates: one module per tool, each a pure command description and a pure output parser.

`pyexpert_gates.gates.registry` holds every gate as one object; `TOOL_GATES` holds the runners of
the gates that run an external tool, by name: the engine runs each one's command and hands the
output back to the same gate to judge. It is built on first use, so a worker process that
imports one gate's module (the docstring worker, the mypy runner) loads no other gate.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyexpert_gates.gates.base import CommandGate
    from pyexpert_gates.models import GateName


def __getattr__(name: str) -> "dict[GateName, CommandGate]":
    """``TOOL_GATES``: the gates that run an external tool, in the order reports list them.

    Args:
        name: The attribute asked for.

    Returns:
        The gates that run an external tool, by name.

    Raises:
        AttributeError: For any other name.
    """
    if name != "TOOL_GATES":
        message = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(message)
    from pyexpert_gates.gates.inprocess import InProcessGate  # noqa: PLC0415 - on first use
    from pyexpert_gates.gates.registry import GATES  # noqa: PLC0415 - on first use

    return {
        gate_name: gate.runner
        for gate_name, gate in GATES.items()
        if not isinstance(gate.runner, InProcessGate)
    }
