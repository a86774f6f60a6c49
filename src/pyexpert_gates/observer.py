"""Watch a check as it runs: the engine tells an observer when each gate starts and ends."""

from typing import Protocol

from pyexpert_gates.models import GateName, GateResult


class GateObserver(Protocol):
    """Hears of each gate as the run goes on; a live progress display is one."""

    def started(self, name: GateName) -> None:
        """The gate ``name`` has been scheduled; its result will follow.

        Args:
            name: The gate.
        """
        ...

    def finished(self, result: GateResult) -> None:
        """A gate has ended.

        Args:
            result: Its result.
        """
        ...
