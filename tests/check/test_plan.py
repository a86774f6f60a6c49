import sys
from pathlib import Path

import pytest

from pyexpert_gates.check.interpreter import Interpreter
from pyexpert_gates.check.plan import Gate, default_paths, make_plan, resolve_paths, select_gates
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import GatesConfig, read_layout
from pyexpert_gates.errors import ConfigError, UsageError
from pyexpert_gates.models import GateName
from tests.helpers.standins import PythonGate, ScriptGate

G = GateName
ORIGIN = "pyproject.toml"
ALL: dict[GateName, Gate] = {
    name: PythonGate(name=name) if name in {G.EXPERT, G.CONFIG} else ScriptGate(name=name)
    for name in GateName
}


@pytest.mark.parametrize(
    ("request_", "config", "chosen", "skipped"),
    [
        (Request(), GatesConfig(origin=ORIGIN), tuple(GateName), ()),
        (
            Request(),
            GatesConfig(
                origin=ORIGIN,
                gates=(G.MYPY, G.RUFF),
                skip=(G.MYPY,),
                relaxations={"pyexpert-gates.gates": "the other gates run in another job"},
            ),
            (G.RUFF,),
            ((G.MYPY, f"skipped in {ORIGIN}"),),
        ),
        # Gates left out by the configuration with no recorded reason: the config gate runs to
        # report it, even when the configuration leaves it out too.
        (
            Request(),
            GatesConfig(origin=ORIGIN, gates=(G.MYPY, G.RUFF), skip=(G.MYPY,)),
            (G.RUFF, G.CONFIG),
            ((G.MYPY, f"skipped in {ORIGIN}"),),
        ),
        (
            Request(),
            GatesConfig(origin=ORIGIN, skip=(G.PYTEST, G.CONFIG)),
            (G.RUFF, G.FORMAT, G.MYPY, G.PYRIGHT, G.DOCSTRINGS, G.EXPERT, G.CONFIG),
            ((G.PYTEST, f"skipped in {ORIGIN}"),),
        ),
        (
            Request(gates=("pytest", "ruff", "ruff")),
            GatesConfig(origin=ORIGIN, gates=(G.MYPY,), skip=(G.PYTEST,)),
            (G.RUFF, G.PYTEST),
            (),
        ),
        (
            Request(skip=("pytest", "config")),
            GatesConfig(origin=ORIGIN),
            (G.RUFF, G.FORMAT, G.MYPY, G.PYRIGHT, G.DOCSTRINGS, G.EXPERT),
            ((G.PYTEST, "skipped by --skip"), (G.CONFIG, "skipped by --skip")),
        ),
        (
            Request(gates=("mypy", "ruff"), skip=("mypy",)),
            GatesConfig(origin=ORIGIN),
            (G.RUFF,),
            ((G.MYPY, "skipped by --skip"),),
        ),
    ],
)
def test_select_gates(
    request_: Request,
    config: GatesConfig,
    chosen: tuple[GateName, ...],
    skipped: tuple[tuple[GateName, str], ...],
) -> None:
    assert select_gates(request_, config) == (chosen, skipped)


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (Request(gates=("black",)), "--gate black: unknown gate; valid gates: ruff, format, mypy"),
        (Request(skip=("Ruff",)), "--skip Ruff: unknown gate; valid gates: ruff"),
        (Request(gates=("ruff",), skip=("ruff",)), "no gate left to run"),
    ],
)
def test_select_gates_refuses(request_: Request, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        select_gates(request_, GatesConfig(origin=ORIGIN))
    assert message in caught.value.message


@pytest.mark.parametrize(
    "config",
    [
        GatesConfig(
            origin=ORIGIN,
            gates=(G.RUFF,),
            skip=(G.RUFF,),
            relaxations={"tool.pyexpert-gates.gates": "a template project, checked elsewhere"},
        ),
        GatesConfig(origin=ORIGIN, gates=(), relaxations={"pyexpert-gates": "a template"}),
    ],
)
def test_no_gate_left_by_configuration(config: GatesConfig) -> None:
    with pytest.raises(UsageError, match="no gate left to run"):
        select_gates(Request(), config)


def make_tree(root: Path, *paths: str) -> None:
    for path in paths:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("")


@pytest.mark.parametrize(
    ("files", "name", "paths"),
    [
        (("src/pkg/__init__.py", "tests/test_a.py", "pkg/__init__.py"), None, ("src", "tests")),
        (("src/pkg/__init__.py",), None, ("src",)),
        # A flat layout: every top-level package and module, whatever the project's name.
        (("my_pkg/__init__.py", "other/__init__.py"), "My.Pkg", ("my_pkg", "other")),
        (("my_pkg/x.py", "other/__init__.py"), "My.Pkg", ("my_pkg", "other")),
        (
            ("b/__init__.py", "a/__init__.py", "tests/__init__.py", "c/x.py"),
            None,
            ("a", "b", "tests"),
        ),
        (("tests/test_a.py",), None, ("tests",)),
        (("test/test_a.py", "single.py"), None, ("single.py", "test")),
        (
            ("pkg/__init__.py", "_version.py", "setup.py", "noxfile.py", "conftest.py"),
            None,
            ("_version.py", "pkg"),
        ),
        (("build/__init__.py", "dist/__init__.py", ".hidden/__init__.py"), None, ()),
    ],
)
def test_default_paths(
    tmp_path: Path, files: tuple[str, ...], name: str | None, paths: tuple[str, ...]
) -> None:
    make_tree(tmp_path, *files)
    config = GatesConfig(origin=ORIGIN, project_name=name)
    assert read_layout(tmp_path).code_paths(name) == paths
    if paths:
        assert default_paths(tmp_path, config) == paths
        assert resolve_paths(tmp_path, config) == paths


def test_nothing_to_check_is_a_config_error(tmp_path: Path) -> None:
    make_tree(tmp_path, "setup.py", "docs/index.md")
    with pytest.raises(ConfigError, match=r"nothing to check in .*set paths"):
        default_paths(tmp_path, GatesConfig(origin=ORIGIN))


def test_configured_paths_must_exist(tmp_path: Path) -> None:
    make_tree(tmp_path, "src/a.py")
    config = GatesConfig(origin=ORIGIN, paths=("src", "lib"))
    with pytest.raises(ConfigError) as caught:
        resolve_paths(tmp_path, config)
    assert caught.value.message.startswith(
        f"{ORIGIN}: [tool.pyexpert-gates] paths: 'lib' does not exist"
    )
    assert resolve_paths(tmp_path, GatesConfig(origin=ORIGIN, paths=("src",))) == ("src",)


def plan(
    tmp_path: Path, request: Request, config: GatesConfig, available: dict[GateName, Gate] = ALL
) -> list[tuple[GateName, float]]:
    make_tree(tmp_path, "src/a.py")
    interpreter = Interpreter(path=Path(sys.executable), source="test")
    made = make_plan(
        request, project=tmp_path, config=config, interpreter=interpreter, available=available
    )
    assert made.paths == ("src",)
    assert made.jobs >= 1
    return [(gate.name, gate.time_limit) for gate in made.gates]


def test_slow_gates_start_first_with_their_time_limits(tmp_path: Path) -> None:
    config = GatesConfig(origin=ORIGIN, timeout=50, timeouts={G.PYTEST: 900})
    assert plan(tmp_path, Request(), config) == [
        (G.PYRIGHT, 50),
        (G.MYPY, 50),
        (G.PYTEST, 900),
        (G.DOCSTRINGS, 50),
        (G.EXPERT, 50),
        (G.CONFIG, 50),
        (G.RUFF, 50),
        (G.FORMAT, 50),
    ]


def test_timeout_flag_bounds_every_gate(tmp_path: Path) -> None:
    config = GatesConfig(origin=ORIGIN, timeouts={G.PYTEST: 900})
    assert plan(tmp_path, Request(gates=("ruff", "pytest"), timeout=7), config) == [
        (G.PYTEST, 7),
        (G.RUFF, 7),
    ]


def test_a_gate_this_installation_lacks_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="the pyright gate is not available"):
        plan(tmp_path, Request(), GatesConfig(origin=ORIGIN), {G.MYPY: ALL[G.MYPY]})
