"""The project's snapshot: read once at the edge, and all the gates know of the project."""

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from pyexpert_gates.check.snapshot import CONFIG_NAMES, take_snapshot
from pyexpert_gates.cli import main
from pyexpert_gates.config import load_config
from pyexpert_gates.errors import InputError
from pyexpert_gates.files import project_files
from pyexpert_gates.gates.checked import checked_path
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.models import Status
from pyexpert_gates.textfile import DiskReader
from tests.helpers.projects import edit, write_files
from tests.helpers.snapshots import EMPTY, gate_context


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
    context = gate_context(tmp_path / "link", snapshot)
    assert checked_path(str(real / "src" / "a.py"), context) == "src/a.py"
    assert checked_path(str(tmp_path / "link" / "src" / "a.py"), context) == "src/a.py"
    assert checked_path("/elsewhere/a.py", context) == "/elsewhere/a.py"


def test_the_environment_is_read_once(tmp_path: Path) -> None:
    environ = {"PYTEST_ADDOPTS": "-n 0"}
    snapshot = take_snapshot(tmp_path, (), environ)
    environ["PYTEST_ADDOPTS"] = ""
    assert snapshot.variables["PYTEST_ADDOPTS"] == "-n 0"


def test_the_config_gate_follows_the_files_as_the_snapshot_holds_them(tmp_path: Path) -> None:
    project = tmp_path / "demo"
    write_files(
        project,
        {
            "pyproject.toml": '[project]\nname = "demo"\nrequires-python = ">=3.11"\n',
            "src/demo/__init__.py": '"""Demo."""\n',
        },
    )
    assert main(["init", "--project", str(project), "--no-noxfile"]) == 0
    write_files(
        tmp_path,
        {
            "shared/ruff.toml": '[lint]\nignore = ["E501"]\n',
            "shared/base.json": '{"reportAny": "none"}',
        },
    )
    edit(
        project / "pyproject.toml", "[tool.ruff]\n", '[tool.ruff]\nextend = "../shared/ruff.toml"\n'
    )
    edit(
        project / "pyproject.toml",
        "[tool.pyright]\n",
        '[tool.pyright]\nextends = "../shared/base.json"\n',
    )
    config = load_config(project)
    assert config.paths is not None
    context = dataclasses.replace(
        gate_context(project, take_snapshot(project, config.paths, {})), paths=config.paths
    )
    shutil.rmtree(tmp_path / "shared")
    write_files(project, {"src/ruff.toml": "line-length = 200\n"})
    outcome = CONFIG_GATE.evaluate(context, config)
    messages = [item.message for item in outcome.diagnostics]
    assert {item.path for item in outcome.diagnostics} == {"pyproject.toml"}
    assert any(", in ../shared/ruff.toml, which" in message for message in messages)
    assert any(", in ../shared/base.json, which" in message for message in messages)


def test_a_source_is_read_when_the_gate_checks_it(tmp_path: Path) -> None:
    snapshot = take_snapshot(tmp_path, ("src",), {})
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "mod.py").write_bytes(b"\xff\n")
    assert snapshot.sources.source("src/mod.py") == b"\xff\n"
    with pytest.raises(InputError, match=r"^src/gone\.py: cannot read the file"):
        snapshot.sources.source("src/gone.py")
    with pytest.raises(InputError, match=r"^src/mod\.py: cannot read the file: no project"):
        EMPTY.sources.source("src/mod.py")


HOSTILE_FOLLOWS: list[tuple[str, dict[str, str]]] = [
    ('[tool.ruff]\nextend = "../shared/pipe.toml"\n', {}),
    ('[tool.ruff]\nextend = "../shared/bad.toml"\n', {"shared/bad.toml": "[lint\n"}),
    ('[tool.ruff]\nextend = "../shared"\n', {"shared/x.toml": ""}),
    ('[tool.ruff]\nextend = "../shared/gone.toml"\n', {"shared/link.toml": "->gone"}),
    ('[tool.ruff]\nextend = "../shared/link.toml"\n', {"shared/link.toml": "->base.toml"}),
    ('[tool.pyright]\nextends = "../shared/bad.json"\n', {"shared/bad.json": "{,"}),
    ("", {"demo/src/ruff.toml": 'extend = "../../shared/gone.toml"\n'}),
    ("", {"demo/src/ruff.toml": "[lint\n"}),
    ("", {"demo/src/ruff.toml": '[lint]\nselect = ["E"]\n', "demo/src/setup.cfg": "[options\n"}),
    ("", {"demo/setup.cfg": "[options]\npython_requires = >=3.13\n"}),
    ("", {"demo/setup.cfg": "->../shared/pipe.toml"}),
    ("", {"demo/.pyexpert-gates/preset-state.json": "{"}),
    ("", {"demo/mypy.ini": "[mypy]\nstrict = true\n"}),
    ("", {"demo/tox.ini": "[pytest\n"}),
    ("", {"demo/ruff.toml": "line-length = 120\n"}),
]


@pytest.mark.parametrize(("header", "files"), HOSTILE_FOLLOWS)
def test_the_config_gate_sees_in_the_snapshot_what_it_would_see_on_disk(
    tmp_path: Path, header: str, files: dict[str, str]
) -> None:
    project = tmp_path / "demo"
    write_files(project, {"pyproject.toml": '[project]\nname = "demo"\n', "src/demo/m.py": ""})
    assert main(["init", "--project", str(project), "--no-noxfile"]) == 0
    (tmp_path / "shared").mkdir()
    os.mkfifo(tmp_path / "shared" / "pipe.toml")
    write_files(tmp_path, {"shared/base.toml": '[lint]\nignore = ["E501"]\n'})
    for name, text in files.items():
        if text.startswith("->"):
            (tmp_path / name).symlink_to(text.removeprefix("->"))
        else:
            write_files(tmp_path, {name: text})
    if header:
        table = header.split("\n", 1)[0] + "\n"
        edit(project / "pyproject.toml", table, header)
    config = load_config(project)
    assert config.paths is not None
    snapshot = take_snapshot(project, config.paths, {})
    context = dataclasses.replace(gate_context(project, snapshot), paths=config.paths)
    on_disk = dataclasses.replace(
        context, snapshot=dataclasses.replace(snapshot, followed=DiskReader())
    )
    assert CONFIG_GATE.evaluate(context, config) == CONFIG_GATE.evaluate(on_disk, config)


def test_the_config_gate_plans_from_the_snapshot(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": '[project]\nname = "demo"\n', "src/demo/m.py": ""})
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    config = load_config(tmp_path)
    assert config.paths is not None
    context = dataclasses.replace(
        gate_context(tmp_path, take_snapshot(tmp_path, config.paths, {})), paths=config.paths
    )
    edit(tmp_path / "pyproject.toml", "strict = true", "strict = false")
    write_files(tmp_path, {"mypy.ini": "[mypy]\n", "src/ruff.toml": "line-length = 200\n"})
    assert CONFIG_GATE.evaluate(context, config).status is Status.PASSED


def test_the_config_gate_matches_real_paths_in_a_project_reached_through_a_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real"
    write_files(real, {"pyproject.toml": '[project]\nname = "demo"\n', "src/demo/m.py": ""})
    assert main(["init", "--project", str(real), "--no-noxfile"]) == 0
    write_files(tmp_path, {"shared/ruff.toml": 'extend-exclude = ["../real/src/demo/m.py"]\n'})
    edit(real / "pyproject.toml", "[tool.ruff]\n", '[tool.ruff]\nextend = "../shared/ruff.toml"\n')
    (tmp_path / "link").symlink_to(real)
    project = tmp_path / "link"
    config = load_config(project)
    assert config.paths is not None
    context = dataclasses.replace(
        gate_context(project, take_snapshot(project, config.paths, {})), paths=config.paths
    )
    (finding,) = CONFIG_GATE.evaluate(context, config).diagnostics
    assert finding.message.startswith(
        "tool.ruff.extend-exclude hides ../real/src/demo/m.py from ruff, in ../shared/ruff.toml, "
        "which pyproject.toml extends"
    )
