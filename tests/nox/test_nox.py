"""``register()`` in a real noxfile, run by the real nox on projects in temporary folders."""

import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import nox.registry
import pytest

from pyexpert_gates.models import GateName
from pyexpert_gates.nox import register
from tests.helpers.nox_projects import REGISTER, listed, nox_project, run_nox, session_results
from tests.helpers.projects import edit, write_files

pytestmark = pytest.mark.slow


GATE_SESSIONS = [f"gates-{gate}" for gate in GateName]


def test_nox_lists_a_session_per_gate_and_one_for_all(tmp_path: Path) -> None:
    # Registering twice, as a noxfile that is imported twice would, changes nothing.
    project = nox_project(tmp_path / "calc", REGISTER + "register()\n")
    sessions = listed(project)
    assert [item["session"] for item in sessions] == [*GATE_SESSIONS, "gates"]
    assert all(item["tags"] == ["gates"] for item in sessions)
    result = run_nox(project, "-l")
    assert "already been registered" not in result.stderr


@pytest.mark.parametrize("exit_code", [0, 1])
def test_a_gate_session_passes_or_fails_with_its_gate(tmp_path: Path, exit_code: int) -> None:
    faulty = exit_code == 1
    project = nox_project(tmp_path / "calc", faulty=faulty)
    result = run_nox(project, "-s", "gates-ruff")
    assert result.returncode == exit_code, result.stderr
    assert ("F841" in result.stdout) is faulty
    assert "check --project" in result.stderr


def test_nox_runs_the_tagged_sessions_in_parallel_each_once(tmp_path: Path) -> None:
    project = nox_project(tmp_path / "calc")
    report = tmp_path / "nox.json"
    result = run_nox(project, "-j", "2", "-t", "gates", "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert session_results(report) == dict.fromkeys([*GATE_SESSIONS, "gates"], "success")


def test_a_gate_the_configuration_skips_is_a_skipped_session(tmp_path: Path) -> None:
    project = nox_project(tmp_path / "calc")
    edit(
        project / "pyproject.toml",
        "[tool.pyexpert-gates]\n",
        '[tool.pyexpert-gates]\nskip = ["pytest"]\n',
    )
    report = tmp_path / "nox.json"
    result = run_nox(project, "-s", "gates-pytest", "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert session_results(report) == {"gates-pytest": "skipped"}
    assert "skipped in" in result.stderr


def test_arguments_after_a_double_dash_go_to_check(tmp_path: Path) -> None:
    project = nox_project(tmp_path / "calc", faulty=True)
    result = run_nox(project, "-s", "gates-ruff", "--", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [gate["name"] for gate in report["gates"]] == ["ruff"]
    assert [item["code"] for item in report["gates"][0]["diagnostics"]] == ["F841"]


def test_an_isolated_session_checks_against_its_own_environment(tmp_path: Path) -> None:
    noxfile = (
        "from pyexpert_gates.nox import register\n\n"
        'register(prefix="isolated", gates=["mypy"], venv_backend="uv|virtualenv")\n'
    )
    project = nox_project(tmp_path / "calc", noxfile)
    result = run_nox(project, "-s", "isolated-mypy")
    assert result.returncode == 0, result.stderr
    environment = project / ".nox" / "isolated-mypy"
    assert f"python: {environment}" in result.stdout
    assert (environment / "bin" / "pyexpert-gates").is_file()


@pytest.fixture
def empty_registry() -> Iterator[None]:
    """The global registry of nox, empty during the test and afterwards."""
    nox.registry.reset()
    yield
    nox.registry.reset()


@pytest.mark.usefixtures("empty_registry")
def test_registering_again_with_the_same_options_changes_nothing() -> None:
    first = register(gates=["ruff", "mypy"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert register(gates=["ruff", "mypy"]) == first
    assert first == ("gates-ruff", "gates-mypy", "gates")
    assert set(nox.registry.get()) == set(first)


@pytest.mark.usefixtures("empty_registry")
@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ({}, {"venv_backend": "uv"}, "nox already has a session named 'gates-ruff'"),
        ({"prefix": "lint"}, {"gates": ["ruff", "nope"]}, "unknown gate 'nope'; valid gates: ruff"),
        ({"prefix": "lint"}, {"gates": []}, r"register\(gates=...\) names no gate"),
    ],
)
def test_register_refuses_a_taken_name_and_an_unknown_gate(
    first: dict[str, str], second: dict[str, object], message: str
) -> None:
    registered = register(**first)
    with pytest.raises(ValueError, match=message):
        register(**second)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]  # the test's keyword arguments
    assert list(nox.registry.get()) == list(registered)


@pytest.mark.usefixtures("empty_registry")
def test_register_refuses_to_replace_a_session_of_the_noxfile() -> None:
    @nox.session(name="gates")
    def own(session: nox.Session) -> None:
        """The noxfile's own session."""

    with pytest.raises(ValueError, match="nox already has a session named 'gates'"):
        register()
    assert list(nox.registry.get()) == ["gates"]


def test_the_version_does_not_import_nox(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pyexpert_gates.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('nox' in sys.modules)\n"
    )
    write_files(tmp_path, {"probe.py": script})
    from tests.helpers.cli import run  # noqa: PLC0415 - beside its one use

    result = run(tmp_path, sys.executable, "probe.py")
    assert result.stdout.splitlines()[-1] == "False"


def test_a_check_without_nox_does_not_import_nox(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pyexpert_gates.cli import main\n"
        "try:\n    main(['check', '--gate', 'expert', '--format', 'json', '--no-cache'])\n"
        "except SystemExit:\n    pass\n"
        "print('nox' in sys.modules)\n"
    )
    write_files(tmp_path, {"probe.py": script, "module.py": '"""A module."""\n'})
    from tests.helpers.cli import run  # noqa: PLC0415 - beside its one use

    result = run(tmp_path, sys.executable, "probe.py")
    assert '"name": "expert"' in result.stdout
    assert result.stdout.splitlines()[-1] == "False"
