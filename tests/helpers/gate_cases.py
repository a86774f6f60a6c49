"""The tiny projects whose real tool output is recorded under tests/data/gates.

`python -m tests.helpers.record` runs each gate's command on each project and stores the output;
the parser tests read those files. Line numbers planted here are asserted there.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from pyexpert_gates.models import GateName

LINT = """\
[tool.ruff.lint]
select = ["F", "E", "ANN"]
"""

STRICT = """\
[tool.mypy]
strict = true

[tool.pyright]
typeCheckingMode = "strict"
"""

PACKAGE = {"src/pkg/__init__.py": '"""A package."""\n'}

CLEAN_MODULE = '''\
"""A module."""


def double(number: int) -> int:
    """Double a number.

    Args:
        number: The number.

    Returns:
        Twice the number.
    """
    return number * 2
'''

# Line 3: an unused import; line 6: a return value of the wrong type.
FAULTY_MODULE = '''\
"""A module."""

import os


def name(number: int) -> str:
    """Name a number."""
    return number
'''

SYNTAX_ERROR = "x = (\n"

UNFORMATTED = '''\
"""A module."""

x = {  'a':1}
'''

NOTEBOOK = (
    '{"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {},'
    ' "outputs": [], "source": ["x = 1\\n"]}, {"cell_type": "code", "execution_count": null,'
    ' "id": "b", "metadata": {}, "outputs": [], "source": ["y = 2\\n", "import os\\n"]}],'
    ' "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}\n'
)

MARKDOWN = "# Notes\n\n```python\nimport   math\n```\n"

PYTEST_FAILURES = """\
import pytest


def test_ok() -> None:
    assert True


def test_fail() -> None:
    assert 1 + 1 == 3, "math is broken"


class TestGroup:
    @pytest.mark.parametrize("x", [1, 2])
    def test_param(self, x: int) -> None:
        assert x == 1

    def test_skip(self) -> None:
        pytest.skip("not today")


@pytest.fixture
def broken() -> None:
    raise RuntimeError("fixture boom")


def test_error(broken: None) -> None:
    pass
"""

DOCUMENTED = '''\
"""Shapes."""

__all__ = ["Square", "area"]


class Square:
    """A square.

    Attributes:
        side: The side's length.
    """

    def __init__(self, side: float) -> None:
        """Make a square.

        Args:
            side: The side's length.
        """
        self.side = side

    @property
    def perimeter(self) -> float:
        """The perimeter."""
        return 4 * self.side

    def _helper(self) -> None:
        pass


def area(square: Square) -> float:
    """The area of a square.

    Args:
        square: The square.

    Returns:
        The area.
    """
    return square.side**2


def not_exported() -> None:
    pass
'''

# Undocumented public objects: the module (line 1), `Circle` (3), `Circle.grow` (7),
# `radius` (11); `_hidden` (15) is private and not counted. `Circle.area` (4) is documented,
# but its one-line docstring lacks the `Returns` section its return value needs.
UNDOCUMENTED = '''\
import math

class Circle:
    def area(self) -> float:
        """The area."""
        return math.pi
    def grow(self) -> None:
        pass


def radius() -> float:
    return 1.0


def _hidden() -> None:
    pass
'''

# Line 4: `Args` misses `b` and there is no `Returns`; line 13: a raise without `Raises`.
# The private `_sloppy` (line 22) has the same faults but is not public API.
BAD_SECTIONS = '''\
"""Arithmetic."""


def add(a: int, b: int) -> int:
    """Add two numbers.

    Args:
        a: The first.
    """
    return a + b


def check(value: int) -> None:
    """Check a value.

    Args:
        value: The value.
    """
    raise ValueError(value)


def _sloppy(a: int) -> int:
    """Sloppy."""
    return a
'''


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One recorded run: a gate on a tiny project.

    Attributes:
        gate: The gate whose command runs.
        name: The recording's file name, without ``.json``.
        files: The project's files.
        paths: The paths the gate checks.
        python: Another interpreter for the project, when the case needs one.
    """

    gate: GateName
    name: str
    files: Mapping[str, str] = field(default_factory=dict[str, str])
    paths: tuple[str, ...] = ("src",)
    python: str | None = None


def _cases(
    gate: GateName, table: Mapping[str, tuple[Mapping[str, str], tuple[str, ...]]]
) -> list[Case]:
    return [
        Case(gate=gate, name=name, files=files, paths=paths)
        for name, (files, paths) in table.items()
    ]


SRC = ("src",)
RUFF_CASES = _cases(
    GateName.RUFF,
    {
        "clean": ({"pyproject.toml": LINT, **PACKAGE, "src/pkg/mod.py": CLEAN_MODULE}, SRC),
        "findings": ({"pyproject.toml": LINT, **PACKAGE, "src/pkg/mod.py": FAULTY_MODULE}, SRC),
        "syntax-error": ({"pyproject.toml": LINT, **PACKAGE, "src/pkg/bad.py": SYNTAX_ERROR}, SRC),
        "zero-files": ({"pyproject.toml": LINT, "empty/notes.txt": "notes\n"}, ("empty",)),
        "missing-path": ({"pyproject.toml": LINT, **PACKAGE}, ("nonexistent",)),
        "config-error": (
            {"pyproject.toml": '[tool.ruff.lint]\nselect = ["XYZ999"]\n', **PACKAGE},
            SRC,
        ),
        "notebook": ({"pyproject.toml": LINT, "src/explore.ipynb": NOTEBOOK}, SRC),
        "deprecated-setting": ({"pyproject.toml": '[tool.ruff]\nselect = ["F"]\n', **PACKAGE}, SRC),
    },
)
FORMAT_CASES = _cases(
    GateName.FORMAT,
    {
        "clean": ({**PACKAGE, "src/pkg/mod.py": CLEAN_MODULE}, SRC),
        "unformatted": (
            {**PACKAGE, "src/pkg/ugly.py": UNFORMATTED, "src/pkg/NOTES.md": MARKDOWN},
            SRC,
        ),
        "syntax-error": (
            {**PACKAGE, "src/pkg/ugly.py": UNFORMATTED, "src/pkg/bad.py": SYNTAX_ERROR},
            SRC,
        ),
        "zero-files": ({"empty/notes.txt": "notes\n"}, ("empty",)),
        "missing-path": (PACKAGE, ("nonexistent",)),
        "config-error": ({"pyproject.toml": "[tool.ruff.format]\nbogus = 1\n", **PACKAGE}, SRC),
    },
)
MYPY_CASES = _cases(
    GateName.MYPY,
    {
        "clean": ({"pyproject.toml": STRICT, **PACKAGE, "src/pkg/mod.py": CLEAN_MODULE}, SRC),
        "findings": ({"pyproject.toml": STRICT, **PACKAGE, "src/pkg/mod.py": FAULTY_MODULE}, SRC),
        "syntax-error": (
            {"pyproject.toml": STRICT, **PACKAGE, "src/pkg/bad.py": SYNTAX_ERROR},
            SRC,
        ),
        "note-only": ({**PACKAGE, "src/pkg/mod.py": "x = 1\nreveal_type(x)\n"}, SRC),
        "unrecognized-option": ({"pyproject.toml": "[tool.mypy]\nbogus_key = 1\n", **PACKAGE}, SRC),
        "invalid-toml": ({"pyproject.toml": "[tool.mypy\n", **PACKAGE}, SRC),
        "unused-section": (
            {
                "pyproject.toml": "[tool.mypy]\nwarn_unused_configs = true\n\n"
                '[[tool.mypy.overrides]]\nmodule = "nothere.*"\nignore_errors = true\n',
                **PACKAGE,
            },
            SRC,
        ),
        "python-2": ({"pyproject.toml": '[tool.mypy]\npython_version = "2.7"\n', **PACKAGE}, SRC),
        "zero-files": ({"empty/notes.txt": "notes\n"}, ("empty",)),
        "missing-path": (PACKAGE, ("nonexistent",)),
    },
)
PYRIGHT_CASES = _cases(
    GateName.PYRIGHT,
    {
        "clean": ({"pyproject.toml": STRICT, **PACKAGE, "src/pkg/mod.py": CLEAN_MODULE}, SRC),
        "findings": ({"pyproject.toml": STRICT, **PACKAGE, "src/pkg/mod.py": FAULTY_MODULE}, SRC),
        "syntax-error": (
            {"pyproject.toml": STRICT, **PACKAGE, "src/pkg/bad.py": SYNTAX_ERROR},
            SRC,
        ),
        "warnings": (
            {
                "pyproject.toml": '[tool.pyright]\nreportUnusedImport = "warning"\n',
                **PACKAGE,
                "src/pkg/mod.py": "import os\n",
            },
            SRC,
        ),
        "information": ({**PACKAGE, "src/pkg/mod.py": "reveal_type(1)\n"}, SRC),
        "config-warning": (
            {
                "pyproject.toml": "[tool.pyright]\n"
                'typeCheckingMode = "strictest"\nbogusSetting = 1\n',
                **PACKAGE,
            },
            SRC,
        ),
        "config-unparsable": ({"pyrightconfig.json": '{"typeCheckingMode": ', **PACKAGE}, SRC),
        "zero-files": ({"empty/notes.txt": "notes\n"}, ("empty",)),
        "missing-path": (PACKAGE, ("nonexistent",)),
    },
)
TESTS = ("tests",)
PYTEST_CASES = [
    *_cases(
        GateName.PYTEST,
        {
            "passed": ({"tests/test_ok.py": "def test_ok() -> None:\n    assert True\n"}, TESTS),
            "failures": (
                {
                    "tests/test_a.py": PYTEST_FAILURES,
                    "tests/sub/test_b.py": "def test_deep() -> None:\n"
                    '    raise ValueError("deep")\n',
                },
                TESTS,
            ),
            "collection-error": (
                {
                    "tests/test_ok.py": "def test_ok() -> None:\n    assert True\n",
                    "tests/test_c.py": "import nonexistent_module\n",
                },
                TESTS,
            ),
            "no-tests": ({"tests/helpers.py": "VALUE = 1\n"}, TESTS),
            "usage-error": (
                {
                    "pyproject.toml": '[tool.pytest.ini_options]\naddopts = ["--no-such-flag"]\n',
                    "tests/test_ok.py": "def test_ok() -> None:\n    assert True\n",
                },
                TESTS,
            ),
            "max-warnings": (
                {
                    "pyproject.toml": '[tool.pytest.ini_options]\naddopts = ["--max-warnings=0"]\n',
                    "tests/test_warn.py": "import warnings\n\n\ndef test_warn() -> None:\n"
                    '    warnings.warn("careful", UserWarning, stacklevel=1)\n',
                },
                TESTS,
            ),
        },
    ),
    Case(
        gate=GateName.PYTEST,
        name="not-installed",
        files={"tests/test_ok.py": "def test_ok() -> None:\n    assert True\n"},
        paths=TESTS,
        python="/usr/bin/python3",
    ),
]
DOCSTRINGS_CASES = _cases(
    GateName.DOCSTRINGS,
    {
        "clean": ({**PACKAGE, "src/pkg/shapes.py": DOCUMENTED}, SRC),
        "undocumented": ({**PACKAGE, "src/pkg/circle.py": UNDOCUMENTED}, SRC),
        "sections": ({**PACKAGE, "src/pkg/arithmetic.py": BAD_SECTIONS}, SRC),
        "syntax-error": ({**PACKAGE, "src/pkg/bad.py": SYNTAX_ERROR}, SRC),
        "private-only": ({"src/_internal.py": "def f() -> None:\n    pass\n"}, SRC),
        "tests-only": ({"tests/test_x.py": "def test_x() -> None:\n    pass\n"}, ("tests",)),
        "missing-path": (PACKAGE, ("src", "nonexistent")),
    },
)

CASES: tuple[Case, ...] = (
    *RUFF_CASES,
    *FORMAT_CASES,
    *MYPY_CASES,
    *PYRIGHT_CASES,
    *PYTEST_CASES,
    *DOCSTRINGS_CASES,
)
