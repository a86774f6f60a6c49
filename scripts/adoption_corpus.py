"""Fetch the adoption corpus: real PyPI libraries at pinned versions, ready to adopt the preset.

Each library's sdist is downloaded once (its hash checked), unpacked, and given a virtual
environment with its test dependencies. Everything lives in a cache outside the repository:
``$PYEXPERT_GATES_CORPUS``, else ``~/.cache/pyexpert-gates-corpus``. Together the libraries cover
what adoption meets in the wild: src and flat layouts, mypy and pytest settings in ``setup.cfg``,
single-quote style, old target versions and thousands of findings. Each is adopted with the same
commands, as the README writes them: nothing here is an option for one library.

Usage::

    python scripts/adoption_corpus.py            # fetch every library, print where each is
    python scripts/adoption_corpus.py idna       # only those named
"""

import argparse
import asyncio
import hashlib
import os
import sys
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.process import Command, ProcessFailure, run_command

TIME_LIMIT_S = 900.0
# Build back ends the sdists need to be installed in place (without build isolation).
BUILD_TOOLS = ("setuptools", "wheel", "flit_core")


@dataclass(frozen=True, slots=True, kw_only=True)
class Library:
    """One library of the corpus.

    Attributes:
        name: The distribution's name on PyPI.
        version: The pinned version.
        sha256: The sdist's hash.
        test_requires: What its tests need besides pytest.
        traits: What it brings to the corpus.
        fault_file: The module a planted fault goes into, relative to the project.
        test_folder: The folder its tests are collected from, where a failing test is planted.
    """

    name: str
    version: str
    sha256: str
    test_requires: tuple[str, ...]
    traits: tuple[str, ...]
    fault_file: str
    test_folder: str

    @property
    def folder(self) -> str:
        """The sdist's top folder, as the sdist names it."""
        return f"{self.sdist.removesuffix('.tar.gz')}"

    @property
    def sdist(self) -> str:
        """The sdist's file name."""
        return f"{self.name}-{self.version}.tar.gz"


LIBRARIES = (
    Library(
        name="itsdangerous",
        version="2.1.2",
        sha256="5dbbc68b317e5e42f327f9021763545dc3fc3bfe22e6deb96aaf1fc38874156a",
        test_requires=("freezegun",),
        traits=("src layout", "setup.cfg [mypy], [mypy-*] and [tool:pytest]", "Python 3.7"),
        fault_file="src/itsdangerous/encoding.py",
        test_folder="tests",
    ),
    Library(
        name="MarkupSafe",
        version="2.1.5",
        sha256="d283d37a890ba4c1ae73ffadf8046435c76e7bc2247bbb63c00bd1a709c6544b",
        test_requires=(),
        traits=("src layout", "setup.cfg [mypy] and [tool:pytest]", "a C extension"),
        fault_file="src/markupsafe/_native.py",
        test_folder="tests",
    ),
    Library(
        name="pyflakes",
        version="3.2.0",
        sha256="1c61603ff154621fb2a9172037d84dca3500def8c8b630657d1701f026f8af3f",
        test_requires=(),
        traits=("flat layout", "single quotes", "no pyproject.toml", "thousands of findings"),
        fault_file="pyflakes/reporter.py",
        test_folder="pyflakes/test",
    ),
    Library(
        name="pluggy",
        version="1.5.0",
        sha256="2cffa88e94fdc978c4c574f15f9e59b7f4201d439195c3715ca9e2486f1d0cf1",
        test_requires=("pytest-benchmark",),
        traits=("src layout", "[tool.mypy] and ruff settings", "tox.ini [pytest]", "Python 3.8"),
        fault_file="src/pluggy/_result.py",
        test_folder="testing",
    ),
    Library(
        name="idna",
        version="3.7",
        sha256="028ff3aadf0609c1fd278d8ea3089299412a7a8b9bd005dd08b9f8285bcb5cfc",
        test_requires=(),
        traits=("flat layout", "single quotes", "requires-python >=3.5", "large data tables"),
        fault_file="idna/intranges.py",
        test_folder="tests",
    ),
    Library(
        name="click",
        version="8.1.7",
        sha256="ca9853ad459e787e2192211578cc907e7594e294c7ccc834310722b41b9ca6de",
        # Its own filterwarnings = error fails its tests on pytest 9's deprecations.
        test_requires=("pytest<9",),
        traits=("src layout", "setup.cfg [mypy], [mypy-*], [tool:pytest]", "\\f in docstrings"),
        # Not a module that ``import click`` loads: a test counts the modules that loads.
        fault_file="src/click/testing.py",
        test_folder="tests",
    ),
    Library(
        name="humanize",
        version="4.9.0",
        sha256="582a265c931c683a7e9b8ed9559089dea7edcf6cc95be39a3cbc2c5d5ac2bcfa",
        test_requires=("freezegun", "hatchling", "hatch-vcs", "editables"),
        traits=("src layout", "top-level [tool.ruff] settings", "pytest in pyproject and tox.ini"),
        fault_file="src/humanize/number.py",
        test_folder="tests",
    ),
    Library(
        name="platformdirs",
        version="4.2.2",
        sha256="38b7b51f512eed9e84a22788b4bce1de17c0adb134d6becb09836e37d8654cd3",
        test_requires=("pytest-mock", "appdirs", "hatchling", "hatch-vcs", "editables"),
        traits=("src layout", "[tool.ruff] with dotted lint.preview and a legacy table", "ALL"),
        fault_file="src/platformdirs/api.py",
        test_folder="tests",
    ),
    Library(
        name="structlog",
        version="24.1.0",
        sha256="41a09886e4d55df25bdcb9b5c9674bccfab723ff43e0a86a1b7b236be8e57b16",
        test_requires=(
            *("pytest-asyncio", "freezegun", "pretend", "simplejson"),
            *("hatchling", "hatch-vcs", "hatch-fancy-pypi-readme", "editables"),
        ),
        traits=("src layout", "mypy overrides, strict pytest, filterwarnings once::Warning"),
        fault_file="src/structlog/_utils.py",
        test_folder="tests",
    ),
    Library(
        name="tabulate",
        version="0.9.0",
        sha256="0095b12bf5966de529c0feb1fa08671671b3368eec77d7ef7ab114be2c068b3c",
        test_requires=("setuptools_scm",),
        traits=("flat layout", "untyped", "a .gitignore of .*", "a git-ignored version.py"),
        fault_file="tabulate/__init__.py",
        test_folder="test",
    ),
    Library(
        name="pathspec",
        version="1.1.1",
        sha256="17db5ecd524104a120e173814c90367a96a98d07c45b2e10c2f3919fff91bf5a",
        test_requires=(),
        traits=("flat layout", "typed", "no tool settings", "tabs", "a dependency of mypy"),
        fault_file="pathspec/util.py",
        test_folder="tests",
    ),
    Library(
        name="more-itertools",
        version="10.2.0",
        sha256="8fccb480c43d3e99a00087634c06dd02b0d50fbf088b380de5a41a015ec239e1",
        test_requires=(),
        traits=("flat layout", ".pyi stubs", "setup.cfg [mypy]", "tests that warn on purpose"),
        fault_file="more_itertools/recipes.py",
        test_folder="tests",
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A library ready to adopt.

    Attributes:
        library: The library.
        source: Its unpacked sdist (never changed: copy it before adopting).
        python: The interpreter of its environment, with its test dependencies.
    """

    library: Library
    source: Path
    python: Path


def cache_root() -> Path:
    """The corpus cache: ``$PYEXPERT_GATES_CORPUS``, else ``~/.cache/pyexpert-gates-corpus``.

    Returns:
        The folder (it may not exist yet).
    """
    named = os.environ.get("PYEXPERT_GATES_CORPUS")
    return Path(named) if named else Path.home() / ".cache" / "pyexpert-gates-corpus"


def prepare(library: Library) -> Prepared:
    """Download, check and unpack a library, and give it an environment; cached.

    Args:
        library: The library.

    Returns:
        Where it is.

    Raises:
        RuntimeError: A download, a hash or an install failed; the message says which.
    """
    root = cache_root()
    sdist = root / "sdists" / library.sdist
    if not sdist.is_file():
        _run(sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--dest", str(sdist.parent), f"{library.name}=={library.version}")  # fmt: skip
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != library.sha256:
        msg = f"{sdist}: sha256 {digest}, expected {library.sha256}; delete it and run again"
        raise RuntimeError(msg)
    source = root / "src" / library.folder
    if not source.is_dir():
        with tarfile.open(sdist) as archive:
            archive.extractall(source.parent, filter="data")
    venv = root / "venvs" / library.folder
    python = venv / "bin" / "python"
    if not python.is_file():
        _run(sys.executable, "-m", "venv", str(venv))
        _run(str(python), "-m", "pip", "install", "-q", "pytest", *BUILD_TOOLS,
             *library.test_requires, str(source))  # fmt: skip
    return Prepared(library=library, source=source, python=python)


def install_in_place(prepared: Prepared, project: Path) -> None:
    """Point the library's environment at a copy of its source, as an editable install.

    Args:
        prepared: The library and its environment.
        project: The copy whose code the environment's tests should import.
    """
    _run(str(prepared.python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "-e", str(project))  # fmt: skip


def _run(*argv: str) -> None:
    """Run a command to the end; a failure is a RuntimeError with its output."""
    command = Command(argv=argv, cwd=Path.cwd())
    match asyncio.run(run_command(command, time_limit=TIME_LIMIT_S)):
        case ProcessFailure(reason=reason):
            msg = f"{' '.join(argv)}: {reason}"
            raise RuntimeError(msg)
        case result if result.returncode != 0:
            msg = f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}{result.stderr}"
            raise RuntimeError(msg)
        case _:
            pass


def main(argv: Sequence[str] | None = None) -> int:
    """Fetch the libraries named (all by default) and print where each one is.

    Args:
        argv: The command line without the program name.

    Returns:
        0 when every library is ready, 1 when one failed (its error printed).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("names", nargs="*", help="libraries to fetch (default: all)")
    names = set(parser.parse_args(argv).names)
    status = 0
    for library in LIBRARIES:
        if names and library.name not in names:
            continue
        try:
            ready = prepare(library)
        except RuntimeError as error:
            sys.stderr.write(f"{library.name}: {error}\n")
            status = 1
            continue
        sys.stdout.write(
            f"{library.name} {library.version}: {ready.source} (python {ready.python})\n"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
