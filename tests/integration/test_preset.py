"""The strict preset against the pinned tools: it loads cleanly, and its strictness is real.

``pyexpert-gates init`` merges the preset into a new project (``src/pkg``, ``tests``). On correct
code every tool then passes with nothing on stderr; on planted code each tool reports the
findings that only the preset's strict settings produce.
"""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import run_init, run_python
from tests.helpers.projects import write_files

pytestmark = pytest.mark.slow


CLEAN_PROJECT = {
    "src/pkg/__init__.py": '"""A package that meets the standard."""\n',
    "src/pkg/arithmetic.py": (
        '"""Arithmetic."""\n\n\n'
        "def add(left: int, right: int) -> int:\n"
        '    """Add two numbers.\n\n'
        "    Args:\n        left: The first number.\n        right: The second number.\n\n"
        "    Returns:\n        The sum.\n"
        '    """\n'
        "    return left + right\n"
    ),
    "tests/__init__.py": '"""Tests."""\n',
    "tests/test_arithmetic.py": (
        "from pkg.arithmetic import add\n\n\ndef test_add() -> None:\n    assert add(1, 2) == 3\n"
    ),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A new project with correct code and the preset merged by init."""
    write_files(tmp_path, CLEAN_PROJECT)
    result = run_init(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "created" in result.stdout
    return tmp_path


# pytest finds `pkg` through the src layout only when told where it is; a project would install it.
PYTEST = ("pytest", "-p", "no:cacheprovider", "-o", "pythonpath=src", "tests")
PATHS = ("src", "tests")


@pytest.mark.parametrize(
    ("command", "quiet_output"),
    [
        pytest.param(("ruff", "check", "--no-cache", *PATHS), "All checks passed!", id="ruff"),
        pytest.param(
            ("ruff", "format", "--check", "--no-cache", *PATHS), "already formatted", id="format"
        ),
        pytest.param(("mypy", *PATHS), "Success: no issues found in 4 source files", id="mypy"),
        pytest.param(("pyright", *PATHS), "0 errors, 0 warnings, 0 informations", id="pyright"),
        pytest.param(PYTEST, "1 passed in", id="pytest"),
    ],
)
def test_correct_code_passes_every_tool_with_nothing_on_stderr(
    project: Path, command: tuple[str, ...], quiet_output: str
) -> None:
    result = run_python(project, "-m", *command)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    # pytest would say "1 passed, 1 warning in"; the others print nothing else on success.
    assert quiet_output in result.stdout


def eleven_branches() -> str:
    """A function whose cyclomatic complexity is 12, above the preset's 10."""
    branches = "".join(f"    if x == {n}:\n        return {n}\n" for n in range(11))
    return f"def branchy(x):\n{branches}    return -1\n"


RUFF_PLANT = (
    '"""Planted findings."""\n\n'
    "import datetime\nfrom enum import Enum\n\n\n"
    'class Color(str, Enum):\n    """A colour."""\n\n    RED = "red"\n\n\n'
    "def stamp() -> datetime.datetime:\n"
    '    """The time, without a time zone."""\n'
    "    return datetime.datetime.now()\n\n\n"
    f"{eleven_branches()}"
)
MYPY_PLANT = (
    '"""Planted findings."""\n\n'
    "from typing import Any\n\n\n"
    "def untyped(x):\n    return x\n\n\n"
    "def explicit(value: Any) -> int:\n    return 1\n"
)
PYRIGHT_PLANT = (
    '"""Planted findings."""\n\n\n'
    "def missing(x) -> int:\n    return 1\n\n\n"
    "count: int = 1  # pyright: ignore[reportAssignmentType]\n"
)


def test_a_test_folder_without_init_is_no_namespace_package_finding(project: Path) -> None:
    (project / "tests" / "__init__.py").unlink()
    write_files(project, {"tools/build.py": '"""Build."""\n'})
    command = ("ruff", "check", "--no-cache", "--output-format", "json", "tests", "tools")
    result = run_python(project, "-m", *command)
    found = {(item["filename"], item["code"]) for item in json.loads(result.stdout)}
    # pytest collects tests/ as it is; a package folder outside the tests still needs one.
    assert found == {(str(project / "tools" / "build.py"), "INP001")}


def ruff_codes(stdout: str) -> set[str]:
    return {finding["code"] for finding in json.loads(stdout)}


def mypy_codes(stdout: str) -> set[str]:
    return {json.loads(line)["code"] for line in stdout.splitlines() if line.strip()}


def pyright_rules(stdout: str) -> set[str]:
    return {finding.get("rule", "") for finding in json.loads(stdout)["generalDiagnostics"]}


@pytest.mark.parametrize(
    ("plant", "command", "codes", "expected"),
    [
        pytest.param(
            RUFF_PLANT,
            ("ruff", "check", "--no-cache", "--output-format", "json"),
            ruff_codes,
            # The docstrings gate, not ruff's D103, reports the undocumented `branchy`.
            {"C901", "ANN001", "ANN201", "DTZ005", "UP042"},
            id="ruff",
        ),
        pytest.param(
            MYPY_PLANT,
            ("mypy", "--output", "json"),
            mypy_codes,
            {"no-untyped-def", "explicit-any"},
            id="mypy",
        ),
        pytest.param(
            PYRIGHT_PLANT,
            ("pyright", "--outputjson"),
            pyright_rules,
            {"reportMissingParameterType", "reportUnnecessaryTypeIgnoreComment"},
            id="pyright",
        ),
    ],
)
def test_strict_findings_are_reported(
    project: Path,
    plant: str,
    command: tuple[str, ...],
    codes: Callable[[str], set[str]],
    expected: set[str],
) -> None:
    write_files(project, {"src/pkg/planted.py": plant})
    result = run_python(project, "-m", *command, "src/pkg/planted.py")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert expected <= codes(result.stdout)


ASSERTS = "LIMIT = 3\n\n\ndef test_limit() -> None:\n    assert LIMIT == 3\n"


def test_tests_may_assert_wherever_they_live(project: Path) -> None:
    tests = (
        "src/pkg/tests/test_inside.py",
        "src/pkg/test/check_old_style.py",
        "src/pkg/test_beside.py",
        "src/pkg/beside_test.py",
        "src/pkg/conftest.py",
        "conftest.py",
    )
    write_files(project, dict.fromkeys((*tests, "src/pkg/library.py"), ASSERTS))
    command = ("ruff", "check", "--no-cache", "--output-format", "json", "--select", "S101,PLR2004")
    result = run_python(project, "-m", *command, ".")
    flagged = {(item["filename"], item["code"]) for item in json.loads(result.stdout)}
    library = str(project / "src/pkg/library.py")
    assert flagged == {(library, "S101"), (library, "PLR2004")}


@pytest.mark.parametrize(
    ("test_code", "expected"),
    [
        pytest.param(
            "import pytest\n\n\n@pytest.mark.unregistered\ndef test_marked() -> None:\n    pass\n",
            "'unregistered' not found in `markers` configuration option",
            id="unknown-marker",
        ),
        pytest.param(
            'import pytest\n\n\n@pytest.mark.xfail(reason="planted")\n'
            "def test_passes_unexpectedly() -> None:\n    pass\n",
            "[XPASS(strict)] planted",
            id="xpass",
        ),
        pytest.param(
            "import warnings\n\n\ndef test_warns() -> None:\n"
            '    warnings.warn("planted", UserWarning, stacklevel=1)\n',
            "UserWarning: planted",
            id="warning",
        ),
    ],
)
def test_pytest_fails_what_the_preset_makes_strict(
    project: Path, test_code: str, expected: str
) -> None:
    write_files(project, {"tests/test_planted.py": test_code})
    result = run_python(project, "-m", *PYTEST[:-1], "tests/test_planted.py")
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr


WARNS = (
    "import warnings\n\n\n"
    "def test_deprecated() -> None:\n"
    '    warnings.warn("old", DeprecationWarning, stacklevel=1)\n\n\n'
    "def test_user() -> None:\n"
    '    warnings.warn("new", UserWarning, stacklevel=1)\n'
)


def test_the_projects_own_warning_filters_still_win(tmp_path: Path) -> None:
    own = '[tool.pytest.ini_options]\nfilterwarnings = ["ignore::DeprecationWarning"]\n'
    write_files(tmp_path, {"pyproject.toml": own, "tests/test_warns.py": WARNS})
    assert run_init(tmp_path).returncode == 0
    result = run_python(tmp_path, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "tests")
    assert "PASSED tests/test_warns.py::test_deprecated" in result.stdout
    assert "FAILED tests/test_warns.py::test_user - UserWarning: new" in result.stdout
