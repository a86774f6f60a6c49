"""The result cache and ``--changed-since`` end to end, with the real tools on a tiny project."""

import asyncio
import os
import sys
from pathlib import Path

import pytest

from pyexpert_gates.cache.store import open_cache
from pyexpert_gates.cli import main
from pyexpert_gates.process import Command, ProcessOutput, run_command
from tests.helpers.git import commit_all
from tests.helpers.projects import (
    check_json,
    clean_project,
    copy_project,
    edit,
    findings,
    gates_of,
)

pytestmark = pytest.mark.slow


UNUSED_IMPORT = "import os\n"
STATIC = ("--gate", "ruff", "--gate", "mypy", "--gate", "expert", "--gate", "config")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return clean_project(tmp_path_factory.mktemp("template") / "calc")


def _comparable(document: dict[str, object]) -> dict[str, dict[str, object]]:
    """The report's gates without what a replay may change: durations and the cached mark."""
    return {
        name: {key: value for key, value in gate.items() if key not in {"duration_s", "cached"}}
        for name, gate in gates_of(document).items()
    }


def _cache_folder(project: Path) -> Path:
    """The project's folder in the user's cache."""
    cache = open_cache(project, os.environ)
    assert cache is not None
    return cache.folder


def _cached(document: dict[str, object]) -> dict[str, object]:
    """Each gate's cached mark."""
    return {name: gate["cached"] for name, gate in gates_of(document).items()}


def test_a_repeat_run_replays_an_identical_report(template: Path, tmp_path: Path) -> None:
    project = copy_project(template, tmp_path / "calc")
    edit(project / "src" / "calc" / "__init__.py", '"""\n\nfrom', f'"""\n\n{UNUSED_IMPORT}from')
    first_code, first = check_json(project)
    assert set(_cached(first).values()) == {False}
    assert findings(gates_of(first)["ruff"]) == [("src/calc/__init__.py", 3, "F401")]
    second_code, second = check_json(project)
    assert _cached(second) == dict.fromkeys(gates_of(first), True)
    assert (second_code, _comparable(second)) == (first_code, _comparable(first))
    # The cache lives outside the project: its folder holds only what init recorded.
    own = project / ".pyexpert-gates"
    assert {path.name for path in own.iterdir()} <= {"preset-state.json"}


@pytest.mark.parametrize(
    ("path", "text", "missed"),
    [
        ("src/calc/__init__.py", "\n\n# changed\n", {"ruff", "mypy", "expert"}),
        ("tests/test_calc.py", "\n\n# changed\n", {"ruff", "mypy", "expert"}),
        ("pyproject.toml", "\n# changed\n", {"ruff", "mypy", "expert", "config"}),
        ("notes/readme.txt", "anything", {"mypy"}),
        # init's record is read by the config gate alone.
        (".pyexpert-gates/preset-state.json", "\n", {"config"}),
    ],
)
def test_a_changed_input_misses_only_for_the_gates_that_read_it(
    template: Path, tmp_path: Path, path: str, text: str, missed: set[str]
) -> None:
    project = copy_project(template, tmp_path / "calc")
    check_json(project, *STATIC)
    target = project / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as stream:
        stream.write(text)
    _, document = check_json(project, *STATIC)
    assert {name for name, cached in _cached(document).items() if not cached} == missed


def test_recording_a_baseline_leaves_every_gate_cached(template: Path, tmp_path: Path) -> None:
    project = copy_project(template, tmp_path / "calc")
    edit(project / "src" / "calc" / "__init__.py", '"""\n\nfrom', f'"""\n\n{UNUSED_IMPORT}from')
    check_json(project, *STATIC)
    assert main(["baseline", "--project", str(project), "--python", sys.executable]) == 0
    assert (project / ".pyexpert-gates" / "baseline.json").is_file()
    code, document = check_json(project, *STATIC)
    assert code == 0
    assert set(_cached(document).values()) == {True}


def test_a_damaged_entry_is_recomputed_then_replaced(template: Path, tmp_path: Path) -> None:
    project = copy_project(template, tmp_path / "calc")
    _, first = check_json(project, *STATIC)
    entries = sorted(_cache_folder(project).glob("*.json"))
    assert len(entries) == len(gates_of(first))
    for number, entry in enumerate(entries):
        entry.write_text(entry.read_text()[: number * 7], encoding="utf-8")
    _, second = check_json(project, *STATIC)
    assert set(_cached(second).values()) == {False}
    assert _comparable(second) == _comparable(first)
    _, third = check_json(project, *STATIC)
    assert set(_cached(third).values()) == {True}


def test_no_cache_neither_replays_nor_stores(template: Path, tmp_path: Path) -> None:
    project = copy_project(template, tmp_path / "calc")
    check_json(project, "--gate", "ruff", "--no-cache")
    assert not list(_cache_folder(project).glob("*.json"))
    check_json(project, "--gate", "ruff")
    _, document = check_json(project, "--gate", "ruff", "--no-cache")
    assert _cached(document) == {"ruff": False}


def test_two_concurrent_checks_both_succeed(template: Path, tmp_path: Path) -> None:
    project = copy_project(template, tmp_path / "calc")
    argv = (sys.executable, "-m", "pyexpert_gates", "check", "--python", sys.executable, *STATIC)
    command = Command(argv=argv, cwd=project)

    async def both() -> list[ProcessOutput | object]:
        return list(await asyncio.gather(*(run_command(command, time_limit=300) for _ in "ab")))

    outputs = asyncio.run(both())
    assert [getattr(output, "returncode", output) for output in outputs] == [0, 0]
    _, document = check_json(project, *STATIC)
    assert set(_cached(document).values()) == {True}


@pytest.fixture
def repository(template: Path, tmp_path: Path) -> Path:
    """The clean project, committed to a new git repository."""
    project = copy_project(template, tmp_path / "calc")
    commit_all(project)
    return project


def test_changed_since_limits_the_file_level_gates(repository: Path) -> None:
    edit(repository / "src" / "calc" / "__init__.py", '"""\n\nfrom', f'"""\n\n{UNUSED_IMPORT}from')
    (repository / "tests" / "test_new.py").write_text("def test_new() -> None:\n    pass\n")
    code, document = check_json(repository, "--changed-since", "HEAD")
    gates = gates_of(document)
    limited = {name: gate.get("limited_to") for name, gate in gates.items()}
    changed = ["src/calc/__init__.py", "tests/test_new.py"]
    assert limited == {
        "ruff": changed,
        "format": changed,
        "mypy": None,
        "pyright": None,
        "docstrings": ["src/calc/__init__.py"],  # test code is not public API
        "pytest": None,
        "expert": changed,
        "config": None,
    }
    assert code == 1
    assert findings(gates["ruff"]) == [("src/calc/__init__.py", 3, "F401")]
    assert gates["pytest"]["summary"] == "3 passed"


def test_changed_since_with_nothing_changed_passes_the_file_level_gates(
    repository: Path,
) -> None:
    code, document = check_json(repository, "--changed-since", "HEAD", "--gate", "ruff")
    ruff = gates_of(document)["ruff"]
    assert (code, ruff["status"], ruff["limited_to"]) == (0, "passed", [])
    assert "changed since HEAD" in str(ruff["summary"])


def test_changed_since_an_unknown_revision_is_a_usage_error(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", "--project", str(repository), "--changed-since", "no-such-branch"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--changed-since no-such-branch: fatal:" in captured.err


def test_pytest_runs_on_every_core_when_xdist_is_installed(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(template, tmp_path / "calc")
    _, document = check_json(project, "--gate", "pytest", "--no-cache")
    command = gates_of(document)["pytest"]["command"]
    assert isinstance(command, list)
    assert command[-2:] == ["-n", "auto"]
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:xdist")
    _, document = check_json(project, "--gate", "pytest", "--no-cache")
    pytest_gate = gates_of(document)["pytest"]
    assert (pytest_gate["status"], pytest_gate["summary"]) == ("passed", "2 passed")
    assert isinstance(pytest_gate["command"], list)
    assert "auto" not in pytest_gate["command"]


def test_a_source_git_ignores_in_the_paths_is_in_the_type_checkers_keys(
    repository: Path,
) -> None:
    # The version module a build back end writes, ignored as the back ends advise.
    version = repository / "src" / "calc" / "version.py"
    version.write_text('"""Written by the build."""\n\nversion = "1.0"\n')
    (repository / ".gitignore").write_text("/src/calc/version.py\n")
    code, _ = check_json(repository, "--gate", "mypy")
    assert code == 0
    version.write_text(version.read_text() + "\n\ndef planted(value: int):\n    return value\n")
    code, document = check_json(repository, "--gate", "mypy")
    assert _cached(document) == {"mypy": False}
    assert code == 1
    assert findings(gates_of(document)["mypy"]) == [("src/calc/version.py", 6, "no-untyped-def")]
