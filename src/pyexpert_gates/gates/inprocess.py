"""What an in-process gate is: a check that runs inside pyexpert-gates rather than as a tool.

The engine runs it in a worker thread next to the tool gates, under the same timeout, and
records its outcome exactly like a tool's. It may read the project's files; it starts no process.
"""

from typing import Protocol, runtime_checkable

from pyexpert_gates.config import GatesConfig
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.models import GateName


@runtime_checkable
class InProcessGate(Protocol):
    """A gate implemented in Python, such as the expert rules or the config check."""

    @property
    def name(self) -> GateName:
        """The gate's name."""
        ...

    def evaluate(self, context: GateContext, config: GatesConfig) -> GateOutcome:
        """Check the project described by ``context`` with the project's gate settings.

        Args:
            context: The project root, the paths to check and the environment.
            config: The project's ``[tool.pyexpert-gates]`` settings.

        Returns:
            The verdict; ``error`` when the check could not be made.
        """
        ...
