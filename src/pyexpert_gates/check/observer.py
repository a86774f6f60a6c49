"""Watch a check as it runs: the engine tells an observer as each gate waits, starts and ends."""

import asyncio
from collections.abc import Callable
from typing import Protocol

from pyexpert_gates.models import GateName, GateResult


class GateObserver(Protocol):
    """Hears of each gate as the run goes on; a live progress display is one."""

    def waiting(self, name: GateName) -> None:
        """The gate ``name`` is scheduled and waits for a free job.

        Args:
            name: The gate.
        """
        ...

    def started(self, name: GateName) -> None:
        """The gate ``name`` has its job and runs.

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


class AnnouncedJob:
    """One gate's claim on the shared job limit, announcing the gate once it holds a job."""

    def __init__(self, jobs: asyncio.Semaphore, on_start: Callable[[], None]) -> None:
        """Claim from ``jobs``; call ``on_start`` once the claim is granted.

        Args:
            jobs: The run's job limit.
            on_start: Told when the gate gets its job.
        """
        self._jobs = jobs
        self._on_start = on_start

    async def __aenter__(self) -> None:
        """Wait for a free job, then announce the start."""
        await self._jobs.acquire()
        self._on_start()

    async def __aexit__(self, *_: object) -> None:
        """Free the job, however the gate ended."""
        self._jobs.release()
