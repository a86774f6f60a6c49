"""The project's snapshot: read once at the edge, and all the gates know of the project."""

import dataclasses
import os
import sys
from pathlib import Path

import pytest

from pyexpert_gates.check.snapshot import CONFIG_NAMES, take_snapshot
from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.data.snapshot import ProjectSnapshot
from pyexpert_gates.files import project_files
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.checked import checked_path
from pyexpert_gates.gates.governing import ruff_extends
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.gates.pytest_xdist import allows_xdist
from pyexpert_gates.models import Status
from tests.snapshots import EMPTY


def _context(project: Path, snapshot: ProjectSnapshot = EMPTY) -> GateContext:
    """A context of ``project`` that knows of it what ``snapshot`` holds."""
    return GateContext(
        project=project, paths=(), python=Path(sys.executable), scratch=project, snapshot=snapshot
    )


def test_every_root_configuration_file_of_a_gate_is_read() -> None:
    assert {"pyproject.toml", "ruff.toml", "setup.cfg", "tox.ini", "mypy.ini"} <= set(CONFIG_NAMES)
    assert all("/" not in name for name in CONFIG_NAMES)


def test_the_snapshot_holds_what_the_gates_read(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "mod.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\n", encoding="utf-8")
    (tmp_path / "tox.ini").mkdir()  # not a file: left out, as a missing one
    os.mkfifo(tmp_path / "setup.cfg")  # would block a reader: left out
    outside = tmp_path.parent / f"{tmp_path.name}-mypy.ini"
    outside.write_text("[mypy]\n", encoding="utf-8")
    (tmp_path / "mypy.ini").symlink_to(outside)
    (tmp_path / "src" / "b\udcff.py").write_bytes(b"")
    os.mkfifo(tmp_path / "src" / "pipe.py")
    snapshot = take_snapshot(tmp_path, ("src", "src/mod.py"), {"PYTEST_ADDOPTS": "-ra"})
    assert snapshot.files == project_files(tmp_path)
    assert dict(snapshot.configs) == {"pyproject.toml": b"[tool.ruff]\n", "mypy.ini": b"[mypy]\n"}
    assert snapshot.linked_out == {"mypy.ini"}
    assert snapshot.named == {"src/mod.py"}
    assert snapshot.undecodable == ("src/b\udcff.py",)
    assert snapshot.special == ("src/pipe.py",)
    assert dict(snapshot.variables) == {"PYTEST_ADDOPTS": "-ra"}


def test_a_tool_printing_the_real_path_of_a_linked_project_is_understood(tmp_path: Path) -> None:
    (tmp_path / "real" / "src").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    snapshot = take_snapshot(tmp_path / "link", ("src",), {})
    real = (tmp_path / "real").resolve()
    assert snapshot.real_project == real
    context = _context(tmp_path / "link", snapshot)
    assert checked_path(str(real / "src" / "a.py"), context) == "src/a.py"
    assert checked_path(str(tmp_path / "link" / "src" / "a.py"), context) == "src/a.py"
    assert checked_path("/elsewhere/a.py", context) == "/elsewhere/a.py"


def test_the_environment_is_read_once(tmp_path: Path) -> None:
    environ = {"PYTEST_ADDOPTS": "-n 0"}
    snapshot = take_snapshot(tmp_path, (), environ)
    environ["PYTEST_ADDOPTS"] = ""
    assert snapshot.variables["PYTEST_ADDOPTS"] == "-n 0"


def test_the_pytest_gates_read_the_environment_of_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", "-k slow -n 0")
    plain = _context(tmp_path)
    narrowed = _context(
        tmp_path, dataclasses.replace(EMPTY, variables={"PYTEST_ADDOPTS": "-k slow -n 0"})
    )
    output = ProcessOutput(returncode=0, stdout="", stderr="")
    assert "-k" not in PytestGate().parse(output, plain).summary
    refused = PytestGate().parse(output, narrowed)
    assert refused.status is Status.ERROR
    assert "PYTEST_ADDOPTS holds options" in refused.summary
    assert allows_xdist(plain)
    assert not allows_xdist(narrowed)
    in_tox = _context(
        tmp_path, dataclasses.replace(EMPTY, configs={"tox.ini": b"[pytest]\naddopts = -n 2\n"})
    )
    assert not allows_xdist(in_tox)


@pytest.mark.parametrize(
    ("extend", "variables"),
    [
        ("$BASE/base.toml", {"BASE": "shared"}),
        ("${BASE}/base.toml", {"BASE": "shared"}),
        ("~/base.toml", {"HOME": "shared"}),
    ],
)
def test_ruff_extend_takes_its_variables_from_the_snapshot(
    tmp_path: Path, extend: str, variables: dict[str, str]
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.toml").write_text("line-length = 90\n", encoding="utf-8")
    config = tmp_path / "ruff.toml"
    config.write_text(f'extend = "{extend}"\n', encoding="utf-8")
    variables = {name: str(tmp_path / value) for name, value in variables.items()}
    assert ruff_extends(config, variables) == [
        ((tmp_path / "shared" / "base.toml").resolve(), {"line-length": 90})
    ]
    assert ruff_extends(config, {}) == []  # unknown: kept as written, a file that is not there
