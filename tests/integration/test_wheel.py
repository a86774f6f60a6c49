"""The wheel as users get it: it ships the presets, and ``init`` works from a fresh install.

The wheel is built from the checkout into a temporary folder and installed, without its
dependencies, into a new virtual environment. ``init`` needs only tomlkit and packaging at run
time; the new environment borrows them from this one through a ``.pth`` line, so the test needs
no network. The package itself must come from the wheel: neither the checkout's sources nor its
``presets/`` folder is on the new environment's path.
"""

import importlib.util
import sys
import tomllib
import zipfile
from pathlib import Path

import packaging
import pytest
import tomlkit

from pyexpert_gates import __version__
from tests.helpers.cli import REPOSITORY, run, run_python
from tests.helpers.projects import write_files

pytestmark = pytest.mark.slow


ENTRY_POINT = "pyexpert-gates = pyexpert_gates.cli:main"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from the checkout."""
    out = tmp_path_factory.mktemp("dist")
    # Without hatchling installed here, the build frontend fetches it into an isolated env.
    isolation = ("--no-isolation",) if importlib.util.find_spec("hatchling") else ()
    result = run_python(REPOSITORY, "-m", "build", "--wheel", *isolation, "--outdir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with only the wheel installed, and its two run-time needs."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    for args in (
        ("venv", "--quiet", "--python", sys.executable, str(venv)),
        ("pip", "install", "--quiet", "--offline", "--no-deps", "--python", str(venv), str(wheel)),
    ):
        result = run_python(venv.parent, "-m", "uv", *args)
        assert result.returncode == 0, result.stderr
    (site_packages,) = venv.glob("lib/python3*/site-packages")
    borrowed = sorted({Path(str(module.__file__)).parents[1] for module in (tomlkit, packaging)})
    lines = "".join(f"{path}\n" for path in borrowed)
    (site_packages / "borrowed_dependencies.pth").write_text(lines, encoding="utf-8")
    return venv


def test_the_wheel_ships_the_presets_and_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = archive.read("pyexpert_gates/presets/strict.toml")
        entry_points = archive.read(f"pyexpert_gates-{__version__}.dist-info/entry_points.txt")
    assert {"pyexpert_gates/__init__.py", "pyexpert_gates/py.typed"} <= names
    assert "pyexpert_gates/data/ruff-rules.json" in names
    assert shipped == (REPOSITORY / "presets" / "strict.toml").read_bytes()
    assert ENTRY_POINT in entry_points.decode()
    assert not any(name.startswith(("tests/", "src/", "presets/")) for name in names)


def test_the_installed_package_comes_from_the_wheel(venv: Path, tmp_path: Path) -> None:
    python = str(venv / "bin" / "python")
    where = run(tmp_path, python, "-c", "import pyexpert_gates; print(pyexpert_gates.__file__)")
    assert where.stdout.startswith(str(venv)), where.stderr
    version = run(tmp_path, python, "-m", "pyexpert_gates", "--version")
    assert (version.returncode, version.stdout) == (0, f"pyexpert-gates {__version__}\n")


def test_the_installed_command_merges_the_shipped_preset(venv: Path, tmp_path: Path) -> None:
    write_files(tmp_path, {"src/pkg/__init__.py": '"""A package."""\n'})
    result = run(tmp_path, str(venv / "bin" / "pyexpert-gates"), "init")
    assert result.returncode == 0, result.stderr
    assert "pyproject.toml: created" in result.stdout
    tools = tomllib.loads((tmp_path / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert tools["ruff"]["lint"]["mccabe"] == {"max-complexity": 10}
    assert tools["pyright"]["typeCheckingMode"] == "strict"
