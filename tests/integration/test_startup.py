"""Start-up stays cheap: each command imports only its own module, and the benchmark runs."""

from pathlib import Path

import pytest

from tests.helpers.cli import REPOSITORY, run_python

pytestmark = pytest.mark.slow

LOADED_COMMANDS = """
import sys
from pyexpert_gates.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted(m for m in sys.modules if m.startswith("pyexpert_gates.commands."))))
"""


@pytest.mark.parametrize(
    ("argv", "loaded"),
    [
        pytest.param(("--version",), "", id="version"),
        pytest.param(("-V",), "", id="V"),
        pytest.param(("--help",), "", id="help"),
        pytest.param(("chekc",), "", id="unknown command"),
        pytest.param(("init", "--dry-run"), "pyexpert_gates.commands.init", id="init"),
        pytest.param(("rules", "--help"), "pyexpert_gates.commands.rules", id="rules"),
        pytest.param(("fix", "--help"), "pyexpert_gates.commands.fix", id="fix"),
    ],
)
def test_a_command_imports_only_its_own_module(
    tmp_path: Path, argv: tuple[str, ...], loaded: str
) -> None:
    result = run_python(tmp_path, "-c", LOADED_COMMANDS, *argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == loaded


def test_the_benchmark_prints_both_timings_beside_their_targets() -> None:
    layout = REPOSITORY / "tests" / "data" / "pyprojects" / "project-table-only.toml"
    result = run_python(REPOSITORY, "benchmarks/init.py", "--runs", "1", "--pyproject", str(layout))
    assert result.returncode == 0, result.stderr
    init_line, version_line = result.stdout.splitlines()
    assert init_line.startswith("init on project-table-only.toml (")
    assert "target 0.5 s, ratio " in init_line
    assert version_line.startswith("--version: median ")
    assert "target 0.3 s, ratio " in version_line


def test_the_benchmark_reports_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    result = run_python(
        REPOSITORY, "benchmarks/init.py", "--runs", "1", "--pyproject", str(tmp_path / "none.toml")
    )
    assert result.returncode == 2
    assert result.stderr.startswith("benchmark: ")
    assert "Traceback" not in result.stderr


def test_the_startup_benchmark_prints_each_ratio_beside_its_target() -> None:
    result = run_python(REPOSITORY, "-m", "benchmarks.startup", "--runs", "1")
    assert result.returncode == 0, result.stderr
    help_line, version_line, init_line, load_line = result.stdout.splitlines()
    assert help_line.startswith("--help (bare python ")
    assert version_line.startswith("-V (bare python ")
    assert init_line.startswith("init on a 5-file project with tests: median ")
    assert "target 1.0 s, ratio " in init_line
    assert load_line.startswith("load average: ")
