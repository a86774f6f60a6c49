"""``check --nox``: the same gates, each in an isolated nox session, run by nox in parallel.

The noxfile is generated in a scratch folder, so the project's own ``noxfile.py`` (if any) does
not change what runs: one session per selected gate, ``venv_backend="uv|virtualenv"``, each
writing its gate's JSON report. nox keeps the environments in the project's ``.nox`` folder, in a
folder named by a digest of the project's dependency metadata: a run reuses them (and only
reinstalls the project) while that metadata is the same, and starts from clean environments when
it changed, so that a dependency the project no longer declares is not there; the environments
of older metadata are then deleted. nox runs as one process through the runner, so a timeout or
Ctrl-C ends every session with it.
"""

import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from pyexpert_gates.baseline.store import read_baseline
from pyexpert_gates.check.members import Locking, cannot_check, judged
from pyexpert_gates.check.plan import resolve_paths, select_gates
from pyexpert_gates.check.request import Request
from pyexpert_gates.check.workspace import Member
from pyexpert_gates.config import load_config
from pyexpert_gates.data.invocation import Command, ProcessFailure, ProcessOutput
from pyexpert_gates.errors import ConfigError, InputError
from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.nox.provenance import environment_key
from pyexpert_gates.nox.reports import ERROR_SUFFIX, gate_from_report, session_outcomes
from pyexpert_gates.process import run_command
from pyexpert_gates.textfile import read_toml
from pyexpert_gates.tools import PYPROJECT

ISOLATED_BACKEND = "uv|virtualenv"
"""uv when it is installed (fast), else virtualenv."""

INSTALL_ALLOWANCE_S = 600.0
"""Seconds added to the gates' time limits for nox to create environments and install."""

PREFIX = "gates"
ENVIRONMENTS = "pyexpert-gates"
"""The name of the ``.nox`` folders that hold the environments, before their key."""


def check_with_nox(project: Path, request: Request) -> Report:
    """Run the gates ``request`` selects, each in an isolated nox session, in parallel.

    Args:
        project: The project root.
        request: The ``--gate``, ``--skip`` and ``--timeout`` arguments.

    Returns:
        The report, as ``check`` would build it.
    """
    started = time.monotonic()
    root = project.absolute()
    config = load_config(root)
    chosen, skipped = select_gates(request, config)
    resolve_paths(root, config)
    limits = sum(request.timeout or config.timeout_for(gate) for gate in chosen)
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-nox-") as folder:
        scratch = Path(folder)
        _, pyproject = read_toml(root / PYPROJECT, PYPROJECT)
        key = environment_key(root, pyproject)
        _refuse_linked_environments(root, key)
        command = nox_command(root, chosen, scratch, timeout=request.timeout, key=key)
        (scratch / "noxfile.py").write_text(noxfile_text(root, chosen, scratch), encoding="utf-8")
        output = asyncio.run(run_command(command, time_limit=limits + INSTALL_ALLOWANCE_S))
        results = [gate_result(gate, scratch, output) for gate in chosen]
    remove_stale_environments(root / ".nox", key)
    results += [GateResult(name=name, status=Status.SKIPPED, summary=why) for name, why in skipped]
    order = list(GateName)
    return Report(
        project=str(root),
        duration_s=time.monotonic() - started,
        gates=tuple(sorted(results, key=lambda result: order.index(result.name))),
    )


def check_members_with_nox(
    members: Sequence[Member], request: Request, *, baselines: Locking | None
) -> tuple[Report, ...]:
    """Check every project of ``members`` through nox, one project after another.

    Each project's gates run in parallel nox sessions of their own, isolated as ``--nox`` is.

    Args:
        members: The projects, in the order they are reported.
        request: The ``--gate``, ``--skip`` and ``--timeout`` arguments.
        baselines: How each project's baseline judges its report; None to leave them out.

    Returns:
        One report per project, in order; a project that cannot be checked is its own error.
    """
    reports: list[Report] = []
    for member in members:
        try:
            baseline = None if baselines is None else read_baseline(member.path)
            report = check_with_nox(member.path, request)
        except (ConfigError, InputError) as error:
            reports.append(cannot_check(member.path, error.message))
            continue
        reports.append(judged(report, baseline, member.path, baselines))
    return tuple(reports)


def _refuse_linked_environments(root: Path, key: str) -> None:
    """Refuse a ``.nox`` folder that a link leads elsewhere: nox installs into it through links."""
    for name in (".nox", f".nox/{ENVIRONMENTS}-{key}"):
        if (root / name).is_symlink():
            message = (
                f"{name}: a symlink (to {(root / name).resolve()}); nox would install the "
                "environments through it. Remove the link and run again"
            )
            raise InputError(message)


def remove_stale_environments(folder: Path, key: str) -> None:
    """Delete the environments made for dependency metadata the project no longer has.

    Only folders named ``pyexpert-gates-KEY`` that ``check --nox`` made are candidates; a
    symlink is never followed (nor removed).

    Args:
        folder: The project's ``.nox`` folder.
        key: The current `environment_key`, whose folder stays.
    """
    keep = f"{ENVIRONMENTS}-{key}"
    stale = folder.glob(f"{ENVIRONMENTS}-*") if folder.is_dir() else ()
    for path in stale:
        if path.name != keep and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def noxfile_text(project: Path, gates: tuple[GateName, ...], scratch: Path) -> str:
    """The generated noxfile: a session per gate, isolated, each writing its JSON report.

    Args:
        project: The project root, absolute.
        gates: The gates to run.
        scratch: The run's scratch folder; reports go into ``reports`` inside it.

    Returns:
        The file's text.
    """
    names = [str(gate) for gate in gates]
    return (
        '"""Generated by pyexpert-gates check --nox."""\n\n'
        "from pyexpert_gates.nox import register\n\n"
        f"register(\n    prefix={PREFIX!r},\n    gates={names!r},\n"
        f"    venv_backend={ISOLATED_BACKEND!r},\n    project={str(project)!r},\n"
        f"    reports={str(scratch / 'reports')!r},\n)\n"
    )


def nox_command(
    project: Path,
    gates: tuple[GateName, ...],
    scratch: Path,
    *,
    timeout: float | None,
    key: str = "",
) -> Command:
    """The nox command line that runs the gates' sessions in parallel.

    Args:
        project: The project root, absolute.
        gates: The gates to run.
        scratch: The run's scratch folder, holding the generated noxfile.
        timeout: The ``--timeout`` seconds passed on to every gate, or None.
        key: The `environment_key` of the project: the environments live in
            ``.nox/pyexpert-gates-KEY``, so that they are reused only for the same dependency
            metadata.

    Returns:
        The command.
    """
    sessions = [f"{PREFIX}-{gate}" for gate in gates]
    environments = project / ".nox" / f"{ENVIRONMENTS}-{key}" if key else project / ".nox"
    # --unjudged: each session leaves the baseline to this run, which judges every gate at once.
    forwarded = [
        "--",
        "--unjudged",
        *(("--timeout", f"{timeout:g}") if timeout is not None else ()),
    ]
    argv = (
        *(sys.executable, "-m", "nox", "--noxfile", str(scratch / "noxfile.py")),
        *("--parallel", "auto", "--report", str(scratch / "nox.json")),
        *("--envdir", str(environments), "--reuse-venv", "yes", "--sessions", *sessions),
        *forwarded,
    )
    return Command(argv=argv, cwd=project, report_file=scratch / "nox.json")


def gate_result(
    gate: GateName, scratch: Path, output: ProcessOutput | ProcessFailure
) -> GateResult:
    """The gate's result from its session's report, or an ``error`` saying why there is none.

    Args:
        gate: The gate.
        scratch: The run's scratch folder, where the sessions write ``reports/GATE.json``.
        output: What the nox run left, or why it could not run.

    Returns:
        The result.
    """
    report = scratch / "reports" / f"{gate}.json"
    if report.is_file():
        return gate_from_report(report.read_text(encoding="utf-8", errors="replace"), gate)
    said = scratch / "reports" / f"{gate}{ERROR_SUFFIX}"
    own = said.read_text(encoding="utf-8", errors="replace") if said.is_file() else None
    return GateResult(name=gate, status=Status.ERROR, summary=_why_no_report(gate, output, own))


def _why_no_report(
    gate: GateName, output: ProcessOutput | ProcessFailure, own_error: str | None
) -> str:
    """Why the gate's session left no report, in its own words when it wrote them down.

    nox's stderr mixes every session's output, so its last line speaks for this session only
    when no session ran at all (nox itself failed).
    """
    match output:
        case ProcessFailure(reason=reason):
            return f"nox could not run: {reason}"
        case ProcessOutput(report_text=nox_report, stderr=stderr):
            outcomes = session_outcomes(nox_report)
            said = outcomes.get(f"{PREFIX}-{gate}", "not run")
            if own_error is not None:
                return f"nox session {PREFIX}-{gate}: {said}: {_gist(own_error)}"
            if outcomes:
                return f"nox session {PREFIX}-{gate}: {said} (nox's output says more)"
            return f"nox session {PREFIX}-{gate}: {said}; nox: {_last_line(stderr)}"


def _gist(error: str) -> str:
    """A failed session's error in one line: what failed, and the last thing it printed."""
    lines = [line.strip() for line in error.splitlines() if line.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else "(no message)"
    return f"{lines[0].rstrip(':')}: {lines[-1]}"


def _last_line(stderr: str) -> str:
    """The last line nox printed on stderr, which usually says what went wrong."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else "(nothing on stderr)"
