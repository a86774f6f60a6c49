"""Decide what ``check`` will do: which gates run, on which paths, with which limits.

Everything here is decided before any gate starts, so a mistake in the command line or the
configuration ends the run with exit 2 before anything runs, rather than as a half-green report.
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from pyexpert_gates.check.interpreter import Interpreter
from pyexpert_gates.check.request import Request
from pyexpert_gates.check.shortcuts import Shortcuts
from pyexpert_gates.config import GatesConfig, read_layout
from pyexpert_gates.errors import ConfigError, UsageError
from pyexpert_gates.gates.base import CommandGate
from pyexpert_gates.gates.inprocess import InProcessGate
from pyexpert_gates.gates.registry import GATE_TRAITS, configuration_gate
from pyexpert_gates.init.names import covers
from pyexpert_gates.models import GateName

Gate: TypeAlias = CommandGate | InProcessGate


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedGate:
    """One gate that will run.

    Attributes:
        name: The gate's name.
        gate: The gate.
        time_limit: Seconds it may take.
    """

    name: GateName
    gate: Gate
    time_limit: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """Everything ``check`` needs to run.

    Attributes:
        project: The project root, absolute.
        paths: What the gates check, relative to the project, POSIX separators.
        interpreter: The environment the type checkers and pytest use.
        config: The project's settings.
        gates: The gates that run, slowest first.
        skipped: The gates left out on purpose, each with the reason.
        jobs: How many gates run at once.
        shortcuts: The result cache and ``--changed-since`` limits around each gate's run.
    """

    project: Path
    paths: tuple[str, ...]
    interpreter: Interpreter
    config: GatesConfig
    gates: tuple[PlannedGate, ...]
    skipped: tuple[tuple[GateName, str], ...]
    jobs: int
    shortcuts: Shortcuts = field(default_factory=Shortcuts)


def make_plan(
    request: Request,
    *,
    project: Path,
    config: GatesConfig,
    interpreter: Interpreter,
    available: Mapping[GateName, Gate],
) -> Plan:
    """Plan a ``check`` run.

    Args:
        request: What the command line asks for.
        project: The project root.
        config: The project's settings.
        interpreter: The environment the type checkers and pytest use.
        available: The gates this installation provides.

    Returns:
        The plan.

    Raises:
        UsageError: The command line names an unknown gate or leaves no gate to run.
        ConfigError: A configured path does not exist, or nothing to check can be found.
    """
    chosen, skipped = select_gates(request, config)
    # The longest gates start first, so that the short ones fill the spare jobs.
    slow_first = sorted(chosen, key=lambda name: -GATE_TRAITS[name].weight)
    planned = tuple(_planned(name, request, config, available) for name in slow_first)
    return Plan(
        project=project.absolute(),
        paths=resolve_paths(project, config),
        interpreter=interpreter,
        config=config,
        gates=planned,
        skipped=skipped,
        jobs=config.jobs or os.cpu_count() or 1,
    )


def select_gates(
    request: Request, config: GatesConfig
) -> tuple[tuple[GateName, ...], tuple[tuple[GateName, str], ...]]:
    """Choose the gates to run: ``--gate`` or the configured gates, less the skipped ones.

    ``--gate`` names gates explicitly, so the configured ``skip`` does not apply to them.

    Args:
        request: What the command line asks for.
        config: The project's settings.

    Returns:
        The gates to run and the gates skipped with the reason, both in gate order.

    Raises:
        UsageError: A name is not a gate, or no gate is left to run.
    """
    named = _gate_names(request.gates, "--gate")
    skipped_here = _gate_names(request.skip, "--skip")
    configured, skipped_there = _configured_gates(config)
    base = named or configured
    skipped_there = () if named else skipped_there
    reasons = dict.fromkeys(skipped_there, f"skipped in {config.origin}") | dict.fromkeys(
        skipped_here, "skipped by --skip"
    )
    chosen = tuple(name for name in GateName if name in base and name not in reasons)
    if not chosen:
        message = "no gate left to run; check --gate, --skip and the configured gates and skip"
        raise UsageError(message)
    skipped = tuple((name, reasons[name]) for name in GateName if name in base and name in reasons)
    return chosen, skipped


def _configured_gates(config: GatesConfig) -> tuple[tuple[GateName, ...], tuple[GateName, ...]]:
    """The gates the configuration runs and skips.

    Gates left out by the configuration are an opt-out the config gate reports unless a
    relaxation records why; so the configuration leaves out the config gate itself only with a
    recorded reason, and otherwise it runs to say so.
    """
    gates = tuple(GateName) if config.gates is None else config.gates
    skip = config.skip
    judge = configuration_gate()
    unrecorded = [
        key
        for key, left_out in (
            ("gates", judge not in gates),
            ("skip", judge in skip),
        )
        if left_out and not covers(config.relaxations, f"tool.pyexpert-gates.{key}")
    ]
    if unrecorded:
        gates = tuple(name for name in GateName if name in gates or name is judge)
        skip = tuple(name for name in skip if name is not judge)
    return gates, skip


def resolve_paths(project: Path, config: GatesConfig) -> tuple[str, ...]:
    """The paths the gates check: the configured ones, which must exist, or the default ones.

    Args:
        project: The project root.
        config: The project's settings.

    Returns:
        Paths relative to the project, POSIX separators.

    Raises:
        ConfigError: A configured path does not exist, or there is nothing to check.
    """
    if config.paths is None:
        return default_paths(project, config)
    for path in config.paths:
        if not (project / path).exists():
            message = (
                f"{config.origin}: [tool.pyexpert-gates] paths: {path!r} does not exist in "
                f"{project}; fix the path or remove it"
            )
            raise ConfigError(message)
    return config.paths


def default_paths(project: Path, config: GatesConfig) -> tuple[str, ...]:
    """The default paths: ``src`` or every top-level package and module, and the tests.

    Args:
        project: The project root.
        config: The project's settings (for the project's name).

    Returns:
        Paths relative to the project.

    Raises:
        ConfigError: There is neither ``src``, a package, a module nor ``tests``.
    """
    found = read_layout(project).code_paths(config.project_name)
    if not found:
        message = (
            f"nothing to check in {project}: no src/, no package or module and no tests/; "
            'set paths = ["..."] in [tool.pyexpert-gates] of pyproject.toml'
        )
        raise ConfigError(message)
    return found


def _gate_names(names: Sequence[str], flag: str) -> tuple[GateName, ...]:
    """``names`` as gates; an unknown name is a usage error listing the valid ones."""
    valid = {gate.value: gate for gate in GateName}
    for name in names:
        if name not in valid:
            message = f"{flag} {name}: unknown gate; valid gates: {', '.join(valid)}"
            raise UsageError(message)
    return tuple(valid[name] for name in names)


def _planned(
    name: GateName, request: Request, config: GatesConfig, available: Mapping[GateName, Gate]
) -> PlannedGate:
    """The planned run of the gate ``name``."""
    gate = available.get(name)
    if gate is None:
        message = f"the {name} gate is not available in this installation of pyexpert-gates"
        raise UsageError(message)
    time_limit = request.timeout if request.timeout is not None else config.timeout_for(name)
    return PlannedGate(name=name, gate=gate, time_limit=time_limit)
