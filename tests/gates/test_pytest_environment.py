"""pytest options are read as pytest reads them: each option with its value, other words paths."""

import dataclasses
from pathlib import Path

import pytest

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.gates.pytest_environment import configured_narrowing, narrowing_options
from pyexpert_gates.gates.pytest_xdist import allows_xdist
from pyexpert_gates.models import Status
from tests.helpers.snapshots import EMPTY, gate_context


@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("", []),
        ("-q --tb=short --color=no -rA", []),
        ("-n 4 -p no:xdist -p no:cacheprovider -x --maxfail=2", []),
        ("-n auto -vv -n4 --numprocesses=logical -pno:xdist", []),
        ("--deselect tests/test_x.py::test_fails", ["--deselect tests/test_x.py::test_fails"]),
        ("--ignore=tests/test_x.py", ["--ignore=tests/test_x.py"]),
        ("-k 'not fail'", ["-k 'not fail'"]),
        ("-knot", ["-knot"]),
        ("-W ignore", ["-W ignore"]),
        ("-W error", ["-W error"]),
        ("-p no:warnings", ["-p no:warnings"]),
        ("-m 'not slow'", ["-m 'not slow'"]),
        ("tests/test_one.py", ["tests/test_one.py"]),
        # A bare word is a path to pytest, even one that reads like a value of -n.
        ("auto", ["auto"]),
        ("4", ["4"]),
        ("-n auto logical", ["logical"]),
        ("-o python_functions=check_*", ["-o 'python_functions=check_*'"]),
        ("-- -k fail", ["-k", "fail"]),
        ("--lf", ["--lf"]),
        # A reporting option with a value it does not take, or without the one it needs.
        ("--quiet=tests/test_x.py", ["--quiet=tests/test_x.py"]),
        ("-q --tb", ["--tb"]),
        ("-k 'unclosed", ["-k 'unclosed"]),
    ],
)
def test_only_reporting_options_may_come_from_the_environment(
    value: str, refused: list[str]
) -> None:
    assert narrowing_options(value) == refused


@pytest.mark.parametrize(
    ("addopts", "narrowing"),
    [
        ("tests/test_one.py", ["tests/test_one.py"]),
        ("-x tests", ["tests"]),
        (["--strict-markers", "tests/unit"], ["tests/unit"]),
        ("--runxfail auto", ["auto"]),
        ("--plugin-option tests/test_one.py", ["tests/test_one.py"]),
        ("-o python_functions=check_*", ["-o 'python_functions=check_*'"]),
        ("--override-ini=xfail_strict=false", ["--override-ini=xfail_strict=false"]),
        ("-o filterwarnings=ignore", ["-o filterwarnings=ignore"]),
        ("-W default", ["-W default"]),
        ("-Walways", ["-Walways"]),
        (
            "--pythonwarnings=ignore::DeprecationWarning",
            ["--pythonwarnings=ignore::DeprecationWarning"],
        ),
        ("-k fast", ["-k fast"]),
        ("-mfast", ["-mfast"]),
        (["--deselect", "tests/a.py::b"], ["--deselect tests/a.py::b"]),
        ("--ignore-glob=*_slow.py", ["'--ignore-glob=*_slow.py'"]),
        ("-p no:warnings", ["-p no:warnings"]),
        ("-pno:randomly", ["-pno:randomly"]),
        ("-c other.ini", ["-c other.ini"]),
        ("--continue-on-collection-errors", ["--continue-on-collection-errors"]),
        ("--disable-warnings", ["--disable-warnings"]),
        ("--sw", ["--sw"]),
        ("-- -k", ["-k"]),
    ],
)
def test_configured_options_that_narrow_or_soften_are_found(
    addopts: str | list[str], narrowing: list[str]
) -> None:
    assert configured_narrowing(addopts) == narrowing


@pytest.mark.parametrize(
    "addopts",
    [
        "--strict-markers --strict-config",
        "--cov demo --cov-report=term -n auto -p no:xdist -pno:cacheprovider",
        "--cov tests/unit",
        "-W error -Werror::DeprecationWarning --import-mode=importlib",
        "-o log_cli=true --tb short -ra --maxfail 3 --runxfail --doctest-modules",
        "--plugin-option value",
        "-k 'unclosed",
    ],
)
def test_configured_options_that_narrow_nothing_pass(addopts: str) -> None:
    assert configured_narrowing(addopts) == []


def test_the_pytest_gates_read_the_environment_of_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", "-k slow -n 0")
    plain = gate_context(tmp_path)
    narrowed = gate_context(
        tmp_path, dataclasses.replace(EMPTY, variables={"PYTEST_ADDOPTS": "-k slow -n 0"})
    )
    output = ProcessOutput(returncode=0, stdout="", stderr="")
    assert "-k" not in PytestGate().parse(output, plain).summary
    refused = PytestGate().parse(output, narrowed)
    assert refused.status is Status.ERROR
    assert "PYTEST_ADDOPTS holds options" in refused.summary
    assert allows_xdist(plain)
    assert not allows_xdist(narrowed)
    in_tox = gate_context(
        tmp_path, dataclasses.replace(EMPTY, configs={"tox.ini": b"[pytest]\naddopts = -n 2\n"})
    )
    assert not allows_xdist(in_tox)
