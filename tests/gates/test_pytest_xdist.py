"""Whether pytest-xdist is left to the project's options, or may spread the tests over cores."""

import dataclasses
import sys
from pathlib import Path

import pytest

from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.pytest_xdist import allows_xdist, chooses_xdist
from tests.helpers.snapshots import snapshot


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
