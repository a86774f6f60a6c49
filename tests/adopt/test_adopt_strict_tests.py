"""adopt on a project whose passing tests fail under the preset's pytest settings.

A marker --strict-markers refuses is registered (a fix). Each setting a passing test fails
under (a warning turned into an error, a test marked xfail that passes) is taken back to the
project's own value and kept as a relaxation; the others stay; ``check`` and ``check --locked``
then pass, and a failing test still fails, named. A second adopt lists every kept setting again.
"""

import sys
import tomllib
from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.cli import main
from tests.check.projects import check_json, findings, gates_of, write_files

pytestmark = pytest.mark.slow

PYPROJECT = """\
[project]
name = "shop"
version = "0.1.0"
requires-python = ">=3.11"

[tool.pytest.ini_options]
pythonpath = ["src"]
"""

MODULE = '''"""Core."""

import warnings


def total(prices: list[int]) -> int:
    """Sum.

    Args:
        prices: The prices.

    Returns:
        Their sum.
    """
    warnings.warn("total is old", DeprecationWarning, stacklevel=2)
    return sum(prices)
'''

# Passes under pytest's defaults; each test fails under one of the preset's settings.
TESTS = '''"""Tests."""

import pytest

from shop.core import total


def test_total_warns() -> None:
    """A deprecation warning: an error under filterwarnings = ["error"]."""
    assert total([1, 2]) == 3


@pytest.mark.slow
def test_marked() -> None:
    """An unregistered marker: an error under --strict-markers."""
    assert total([]) == 0


@pytest.mark.xfail(reason="was broken once")
def test_fixed_since() -> None:
    """It passes: a failure under xfail_strict."""
    assert total([2]) == 2
'''

FILES = {
    "pyproject.toml": PYPROJECT,
    "src/shop/__init__.py": '"""Shop."""\n',
    "src/shop/core.py": MODULE,
    "tests/test_core.py": TESTS,
}


def ini_options(root: Path) -> dict[str, object]:
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return cast("dict[str, object]", data["tool"]["pytest"]["ini_options"])


def test_the_settings_a_passing_test_fails_under_are_kept_and_check_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, FILES)
    adopt = ["adopt", "--project", str(tmp_path), "--python", sys.executable]
    assert main(adopt) == 0
    out = capsys.readouterr().out
    assert "registered the markers your tests use, which --strict-markers refused: slow" in out
    assert "kept at your pytest value, as a passing test failed under the preset's:" in out
    name = "tool.pytest.ini_options"
    assert (
        f"  {name}.filterwarnings error: a passing test failed under it: tests/test_core.py" in out
    )
    assert f"  {name}.xfail_strict: a passing test failed" in out
    assert f"  {name}.filterwarnings: `pyexpert-gates init --force {name}.filterwarnings`" in out
    options = ini_options(tmp_path)
    # A marker's registration is a fix: the preset's --strict-markers stays.
    assert options["markers"] == ["slow: registered at adoption, as the tests use it"]
    assert options["addopts"] == ["--strict-markers", "--strict-config"]
    assert "filterwarnings" not in options
    assert "xfail_strict" not in options
    for locked in ((), ("--locked",)):
        code, report = check_json(tmp_path, *locked)
        assert code == 0, gates_of(report)
    # Adopting again changes nothing, and lists every kept setting again.
    assert main(adopt) == 0
    again = capsys.readouterr().out
    assert f"  {name}.xfail_strict: `pyexpert-gates init --force {name}.xfail_strict`" in again
    assert ini_options(tmp_path) == options
    assert_a_failing_test_fails_named(tmp_path)
    assert_a_function_without_a_return_type_fails_named(tmp_path)


def assert_a_failing_test_fails_named(root: Path) -> None:
    """A planted failing test fails the pytest gate, and it alone is named."""
    failing = (
        '"""Planted."""\n\n\ndef test_planted() -> None:\n    """Fails."""\n    assert 1 == 2\n'
    )
    (root / "tests/test_planted.py").write_text(failing, encoding="utf-8")
    code, report = check_json(root, "--gate", "pytest")
    assert code == 1
    assert {path for path, _, _ in findings(gates_of(report)["pytest"])} == {
        "tests/test_planted.py"
    }


def assert_a_function_without_a_return_type_fails_named(root: Path) -> None:
    """A new function without a return annotation fails ruff at its line."""
    core = root / "src/shop/core.py"
    before = core.read_text(encoding="utf-8")
    core.write_text(before + '\n\ndef planted(value: int):\n    """Planted."""\n    return value\n')
    code, report = check_json(root, "--gate", "ruff")
    assert code == 1
    line = len(before.splitlines()) + 3
    assert ("src/shop/core.py", line, "ANN201") in findings(gates_of(report)["ruff"])
