"""The pure parts of the shortcuts: xdist options, the probe's answer, changed-file limits."""

import asyncio
import dataclasses
import json
import sys
from pathlib import Path

import pytest

from pyexpert_gates.check.changed_files import limit_paths
from pyexpert_gates.check.distributions import Installed, keep_file, parse_probe, probe_installed
from pyexpert_gates.files import project_files
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.pytest_xdist import allows_xdist, chooses_xdist
from tests.snapshots import snapshot

PROBE_ANSWER = """{"python": "3.11.7", "executable": "/p/.venv/bin/python", "path": ["/p/lib"],
 "distributions": ["attrs==25.1.0", "pytest==9.0.0"], "xdist": false, "editable": []}"""


@pytest.mark.parametrize(
    ("addopts", "chosen"),
    [
        ([], False),
        (["--strict-markers -ra"], False),
        (["--no-header"], False),
        (["-n 4"], True),
        (["-n0"], True),
        (["-nauto"], True),
        (["--numprocesses=auto"], True),
        (["--numprocesses", "2"], True),
        (["-p no:xdist"], True),
        (["-pno:xdist"], True),
        (["-p no:cacheprovider"], False),
        (["--strict-markers", "-p no:xdist"], True),
        (["-k 'broken quote"], False),
    ],
)
def test_xdist_is_left_alone_when_the_options_choose(addopts: list[str], *, chosen: bool) -> None:
    assert chooses_xdist(addopts) is chosen


@pytest.mark.parametrize(
    ("files", "allowed"),
    [
        ({}, True),
        ({"pyproject.toml": '[tool.pytest.ini_options]\naddopts = "-ra"\n'}, True),
        ({"pyproject.toml": '[tool.pytest.ini_options]\naddopts = ["-n", "0"]\n'}, False),
        ({"pyproject.toml": '[tool.pytest]\naddopts = ["-p", "no:xdist"]\n'}, False),
        ({"pytest.ini": "[pytest]\naddopts = -n 2\n"}, False),
        ({"tox.ini": "[pytest]\naddopts = --numprocesses=2\n"}, False),
        ({"setup.cfg": "[tool:pytest]\naddopts = -p no:xdist\n"}, False),
        ({"pyproject.toml": "not toml ["}, True),
    ],
)
def test_the_project_configuration_can_turn_xdist_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *, allowed: bool
) -> None:
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    context = GateContext(
        project=tmp_path,
        paths=(),
        python=Path(sys.executable),
        scratch=tmp_path,
        snapshot=snapshot(tmp_path, ()),
    )
    assert allows_xdist(context) is allowed
    monkeypatch.setenv("PYTEST_ADDOPTS", "-n 0")
    assert not allows_xdist(dataclasses.replace(context, snapshot=snapshot(tmp_path, ())))


def test_the_probe_answer_is_a_digest_of_every_distribution() -> None:
    installed = parse_probe(PROBE_ANSWER)
    assert installed.folders == ("/p/lib",)
    assert not installed.xdist
    upgraded = parse_probe(PROBE_ANSWER.replace("attrs==25.1.0", "attrs==25.2.0"))
    assert upgraded.digest != installed.digest
    editable = parse_probe(PROBE_ANSWER.replace('"editable": []', '"editable": ["/src/lib"]'))
    assert editable.editable == ("/src/lib",)
    assert editable.digest != installed.digest


def test_the_probe_answer_is_reused_until_a_folder_on_sys_path_changes(tmp_path: Path) -> None:
    python = Path(sys.executable)
    keep = keep_file(tmp_path / "cache", python)
    probed = asyncio.run(probe_installed(python, keep=keep))
    assert probed is not None
    assert probed.xdist
    # Pretend one more folder is on sys.path, so the test can install into it.
    site = tmp_path / "site-packages"
    site.mkdir()
    kept = json.loads(keep.read_text())
    kept["path"].insert(0, str(site))
    kept["stamp"].insert(1, site.stat().st_mtime_ns)
    kept["digest"] = "kept"
    keep.write_text(json.dumps(kept))
    again = asyncio.run(probe_installed(python, keep=keep))
    folders = (str(site), *probed.folders)
    assert again == Installed(digest="kept", xdist=True, folders=folders, editable=probed.editable)
    (site / "new-1.0.dist-info").mkdir()
    fresh = asyncio.run(probe_installed(python, keep=keep))
    assert fresh == probed


@pytest.mark.parametrize(
    ("changed", "paths", "limited"),
    [
        (("src/a.py", "src/b.txt", "docs/c.py"), ("src",), ("src/a.py",)),
        (("src/a.py", "tests/t.py", "setup.py"), ("src", "tests"), ("src/a.py", "tests/t.py")),
        (("src/a.py", "setup.py"), (".",), ("src/a.py", "setup.py")),
        (("src/gone.py",), ("src",), ()),
        (("src/.hidden/a.py", "src/__pycache__/a.pyi"), ("src",), ("src/.hidden/a.py",)),
        (("srcx/a.py",), ("src",), ()),
        (("src/stub.pyi",), ("src/stub.pyi",), ("src/stub.pyi",)),
    ],
)
def test_file_level_gates_get_the_changed_python_files_in_their_paths(
    tmp_path: Path, changed: tuple[str, ...], paths: tuple[str, ...], limited: tuple[str, ...]
) -> None:
    for name in changed:
        if name != "src/gone.py":
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("")
    assert limit_paths(changed, paths, project_files(tmp_path)) == limited
