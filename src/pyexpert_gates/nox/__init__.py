"""nox sessions for the gates: ``register()`` in a ``noxfile.py`` gives one session per gate.

Each gate's session runs ``pyexpert-gates check --gate NAME``: the same engine, findings and exit
codes as ``check``, so a gate that finds violations or cannot run fails its session. The session
named after the prefix (``gates``) runs no check of its own: it requires every gate's session,
so ``nox -s gates`` and ``nox -j auto -t gates`` both run each gate exactly once.

In place (``venv_backend="none"``, the default) the gates see the project's own environment, as
``check`` does. Isolated (``"uv|virtualenv"`` or any nox backend) each session installs this
pyexpert-gates, with its pinned tools, and the project into a fresh environment and checks
against that environment.
"""

import contextlib
import logging
import logging.handlers
import sys
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nox
import nox.registry

from pyexpert_gates.check.plan import select_gates
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import GatesError
from pyexpert_gates.models import GateName
from pyexpert_gates.nox.provenance import project_arguments, this_installation
from pyexpert_gates.nox.reports import ERROR_SUFFIX
from pyexpert_gates.textfile import read_toml
from pyexpert_gates.tools import PYPROJECT

IN_PLACE = "none"
"""The nox backend that runs in the current environment."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Registration:
    """How `register` was called.

    Attributes:
        prefix: The name of the all-gates session, the prefix of the others, and their tag.
        gates: The gates that get a session.
        named: True when the gates were named, so they run even where the configuration skips
            them (as ``check --gate`` does).
        venv_backend: The nox backend.
        project: The project to check; None for the folder of the ``noxfile.py``.
        reports: A folder where each gate's session writes its JSON report, or None.
    """

    prefix: str
    gates: tuple[GateName, ...]
    named: bool
    venv_backend: str
    project: Path | None
    reports: Path | None


# The sessions this module registered, so that a second identical call changes nothing.
_REGISTERED: dict[str, tuple[Registration, object]] = {}


def register(
    *,
    prefix: str = "gates",
    gates: Iterable[str] | None = None,
    venv_backend: str = IN_PLACE,
    project: str | Path | None = None,
    reports: str | Path | None = None,
) -> tuple[str, ...]:
    """Register a nox session per gate, named ``PREFIX-GATE``, and ``PREFIX`` for them all.

    Every session allows parallel runs and carries the tag ``PREFIX``. Calling again with the
    same arguments changes nothing.

    Args:
        prefix: The all-gates session's name, the other sessions' prefix, and their tag.
        gates: The gates that get a session (default: every gate; the configuration's ``gates``
            and ``skip`` then make sessions skip); named gates run even where it skips them.
        venv_backend: ``"none"`` to run in the current environment, or a nox backend such as
            ``"uv|virtualenv"`` to install the project and the tools in a fresh one.
        project: The project to check (default: the folder of the ``noxfile.py``).
        reports: A folder where each session writes its gate's JSON report (``GATE.json``).

    Returns:
        The registered session names, the gates' first.

    Raises:
        ValueError: No gate is named, a gate name is unknown, or a session name is already
            taken by another session.
    """
    settings = Registration(
        prefix=prefix,
        gates=_gate_names(gates),
        named=gates is not None,
        venv_backend=venv_backend,
        project=None if project is None else Path(project).absolute(),
        reports=None if reports is None else Path(reports).absolute(),
    )
    _refuse_taken((*(f"{prefix}-{gate}" for gate in settings.gates), prefix), settings)
    names = tuple(
        _add(f"{prefix}-{gate}", _gate_session(gate, settings), settings) for gate in settings.gates
    )
    # The all-gates session runs nothing itself, so it needs no environment of its own.
    everything = _add(prefix, _all_session(names), settings, requires=names, backend=IN_PLACE)
    return (*names, everything)


def _gate_names(gates: Iterable[str] | None) -> tuple[GateName, ...]:
    """The gates named, or all of them; an unknown name is an error that lists the valid ones."""
    if gates is None:
        return tuple(GateName)
    names = (gates,) if isinstance(gates, str) else tuple(dict.fromkeys(gates))
    if not names:
        # ``check`` refuses an empty selection too: a session that runs nothing must not pass.
        message = f"register(gates=...) names no gate; name at least one of: {', '.join(GateName)}"
        raise ValueError(message)
    unknown = [name for name in names if name not in set(GateName)]
    if unknown:
        valid = ", ".join(GateName)
        message = f"unknown gate {', '.join(map(repr, unknown))}; valid gates: {valid}"
        raise ValueError(message)
    return tuple(GateName(name) for name in names)


def _refuse_taken(names: Sequence[str], settings: Registration) -> None:
    """Fail before registering anything when a name belongs to another session."""
    registry = nox.registry.get()
    taken = [
        name
        for name in names
        if name in registry and _REGISTERED.get(name) != (settings, registry[name])
    ]
    if taken:
        message = (
            f"nox already has a session named {taken[0]!r} (your own, or registered with other "
            "options); pass another prefix to register()"
        )
        raise ValueError(message)


def _add(
    name: str,
    function: Callable[[nox.Session], None],
    settings: Registration,
    requires: Sequence[str] = (),
    backend: str | None = None,
) -> str:
    """Register ``function`` as the session ``name``, unless this very session already is."""
    if name in nox.registry.get():
        return name
    session = nox.session(
        name=name,
        venv_backend=backend or settings.venv_backend,
        tags=[settings.prefix],
        allow_parallel=True,
        requires=list(requires) or None,
    )(function)
    _REGISTERED[name] = (settings, session)
    return name


def _gate_session(gate: GateName, settings: Registration) -> Callable[[nox.Session], None]:
    """The session that runs one gate."""

    def run_gate(session: nox.Session) -> None:
        check_gate(session, gate, settings)

    run_gate.__doc__ = f"Run the {gate} gate: pyexpert-gates check --gate {gate}."
    return run_gate


def _all_session(names: Sequence[str]) -> Callable[[nox.Session], None]:
    """The session that requires every gate's session."""

    def all_gates(session: nox.Session) -> None:
        session.log(f"every gate passed or was skipped: {', '.join(names)}")

    all_gates.__doc__ = "Run every gate, each in its own session (requires them all)."
    return all_gates


def check_gate(session: nox.Session, gate: GateName, settings: Registration) -> None:
    """Run ``pyexpert-gates check`` for one gate in ``session``; its failure fails the session.

    Arguments after ``--`` on nox's command line go to ``check`` (``-- --format github``).

    Args:
        session: The running nox session.
        gate: The gate.
        settings: How the session was registered.
    """
    project = settings.project or Path.cwd()
    if not settings.named and (reason := configured_skip(project, gate)):
        session.skip(reason)
    reports = settings.reports
    if reports is not None:
        reports.mkdir(parents=True, exist_ok=True)
    with session_errors(None if reports is None else reports / f"{gate}{ERROR_SUFFIX}"):
        program, environment = _prepare(session, project, quiet=reports is not None)
        command = [*program, "check", "--project", str(project), "--gate", gate, *environment]
        if reports is not None:
            command += ["--format", "json", "--output", str(reports / f"{gate}.json")]
        session.run(*command, *session.posargs)


@contextlib.contextmanager
def session_errors(destination: Path | None) -> Generator[None]:
    """When the session fails inside, write the errors nox logged for it to ``destination``.

    Sessions run side by side and their output mixes on nox's terminal; this file keeps the
    failing session's own words (an install's output included) for ``check --nox`` to show.

    Args:
        destination: The file to write; None to write nothing.

    Yields:
        Nothing; the block runs with nox's errors collected.

    Raises:
        Exception: Whatever failed the session, once its errors are written down.
    """
    if destination is None:
        yield
        return
    # Holds every record until the session ends: no session logs that many errors.
    collected = logging.handlers.BufferingHandler(capacity=1_000_000)
    collected.setLevel(logging.ERROR)
    logger = logging.getLogger("nox")
    logger.addHandler(collected)
    try:
        yield
    except Exception as failure:
        said = "\n".join(record.getMessage() for record in collected.buffer)
        destination.write_text(said or str(failure), encoding="utf-8")
        raise
    finally:
        logger.removeHandler(collected)


def configured_skip(project: Path, gate: GateName) -> str | None:
    """Why the project's configuration leaves ``gate`` out, if it does.

    Args:
        project: The project root.
        gate: The gate.

    Returns:
        The reason, or None when the gate runs (or the configuration is invalid, which the
        check itself then reports).
    """
    try:
        config = load_config(project)
        chosen, skipped = select_gates(Request(), config)
    except GatesError:
        return None
    if gate in chosen:
        return None
    return dict(skipped).get(gate, f"not among the gates configured in {config.origin}")


def _prepare(
    session: nox.Session, project: Path, *, quiet: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The program that runs pyexpert-gates and the ``check`` arguments naming its environment.

    In place that is our own interpreter and the environment ``check`` chooses; isolated, the
    session's environment, where this pyexpert-gates and the project are installed first
    (``quiet``: the installer's output is logged only when it fails).
    """
    if session.venv_backend == IN_PLACE:
        return (sys.executable, "-m", "pyexpert_gates"), ()
    try:
        _, pyproject = read_toml(project / PYPROJECT, PYPROJECT)
    except GatesError as error:
        session.error(error.message)
    session.install(*this_installation(), *project_arguments(project, pyproject), silent=quiet)
    return ("python", "-m", "pyexpert_gates"), ("--python", session.virtualenv.location)
