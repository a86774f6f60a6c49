"""The result cache and the baseline under attack, and the inputs a stale replay hides behind.

Each test runs the real tools (and git) on a small project, as an attacker or a user would.
"""

import hashlib
import hmac
import json
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.cli import run, tool_environment
from tests.helpers.git import git
from tests.helpers.projects import (
    check_json,
    clean_project,
    copy_project,
    edit,
    findings,
    gates_of,
    write_files,
)

pytestmark = pytest.mark.slow

COMMIT = ("commit", "-qm")
FAULTS = ("import os\n", '\n\nWRONG: int = "text"\n')
"""An unused import (ruff) and a wrong type (mypy), added to the package."""
FORGED_GATES = ("--gate", "ruff", "--gate", "mypy", "--gate", "expert")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return clean_project(tmp_path_factory.mktemp("template") / "calc")


def repository(template: Path, root: Path, files: dict[str, str] | None = None) -> Path:
    """The clean project with ``files`` over it, committed to a new git repository."""
    project = copy_project(template, root, files)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, *COMMIT, "start")
    return project


def forged(project: Path, user_cache: Path) -> dict[str, str]:
    """Every cache entry the attacker's own run stored, edited to say the gate passed.

    Entries are found where the run left them (in the project or in the attacker's user
    cache); an entry with an HMAC line is signed again with the attacker's own secret.
    """
    found = [*project.glob(".pyexpert-gates/cache/*.json"), *user_cache.rglob("*.json")]
    secrets = list(user_cache.rglob("secret"))
    entries: dict[str, str] = {}
    for path in found:
        text = path.read_text(encoding="utf-8")
        mac, _, rest = text.partition("\n")
        document = json.loads(rest if len(mac) == 64 else text)
        document.update(status="passed", summary="no issues found", diagnostics=[])
        body = json.dumps(document) + "\n"
        if len(mac) == 64 and secrets:
            message = f"{document['key']}\0{body}".encode()
            mac = hmac.new(secrets[0].read_bytes(), message, hashlib.sha256).hexdigest()
            body = f"{mac}\n{body}"
        entries[path.name] = body
    return entries


def forged_pull_request(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An origin whose branch ``pull-request`` adds faults and forged entries saying passed."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    package = {"src/calc/__init__.py": (template / "src/calc/__init__.py").read_text()}
    attacker = repository(template, tmp_path / "attacker" / "calc", package)
    edit(attacker / "src/calc/__init__.py", '"""\n\nfrom', f'"""\n\n{FAULTS[0]}from')
    with (attacker / "src/calc/__init__.py").open("a", encoding="utf-8") as stream:
        stream.write(FAULTS[1])
    git(attacker, "add", "-A")
    git(attacker, *COMMIT, "faulty")
    git(attacker, "remote", "add", "origin", str(origin))
    git(attacker, "push", "-q", "origin", "main")
    # The attacker runs the check as CI would, then forges what it stored: every gate passed.
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker-cache"))
    assert check_json(attacker, *FORGED_GATES)[0] == 1
    entries = forged(attacker, tmp_path / "attacker-cache")
    assert len(entries) >= len(FORGED_GATES) // 2
    folder = attacker / ".pyexpert-gates" / "cache"
    write_files(folder, entries)
    git(attacker, "checkout", "-q", "-b", "pull-request")
    git(attacker, "add", "-f", ".pyexpert-gates")
    git(attacker, *COMMIT, "forged results")
    git(attacker, "push", "-q", "origin", "pull-request")
    return origin


def test_forged_entries_in_a_pull_request_are_never_replayed(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    origin = forged_pull_request(template, tmp_path, monkeypatch)
    for number, ci in enumerate(("true", "")):
        clone = tmp_path / f"clone-{number}" / "calc"
        git(tmp_path, "clone", "-q", "-b", "pull-request", str(origin), str(clone))
        monkeypatch.setenv("CI", ci)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"runner-cache-{number}"))
        code, document = check_json(clone, *FORGED_GATES)
        gates = gates_of(document)
        assert {name: gate["cached"] for name, gate in gates.items()} == dict.fromkeys(gates, False)
        assert (code, gates["ruff"]["status"], gates["mypy"]["status"]) == (1, "failed", "failed")


HIDDEN_TEST = """\
from pathlib import Path

from calc.{module} import VALUE


def test_value() -> None:
    assert VALUE == 1
"""
FIXTURE_TEST = """\
from pathlib import Path


def test_value() -> None:
    assert (Path(__file__).parent / ".fixtures" / "value.txt").read_text() == "1"
"""


@pytest.mark.parametrize(
    ("files", "changed", "change"),
    [
        pytest.param(
            {"src/calc/build/__init__.py": "VALUE = 1\n", "tests/test_hidden.py": ""},
            "src/calc/build/__init__.py",
            "VALUE = 2\n",
            id="build",
        ),
        pytest.param(
            {"src/calc/dist/__init__.py": "VALUE = 1\n", "tests/test_hidden.py": ""},
            "src/calc/dist/__init__.py",
            "VALUE = 2\n",
            id="dist",
        ),
        pytest.param(
            {"tests/.fixtures/value.txt": "1", "tests/test_hidden.py": FIXTURE_TEST},
            "tests/.fixtures/value.txt",
            "2",
            id="hidden-folder",
        ),
        pytest.param(
            {"tests/test_hidden.py": ""},
            "../linked/__init__.py",
            "VALUE = 2\n",
            id="symlinked-folder",
        ),
    ],
)
def test_a_change_to_any_file_git_tracks_is_never_replayed_as_green(
    template: Path, tmp_path: Path, files: dict[str, str], changed: str, change: str
) -> None:
    module = Path(changed).parent.name
    test = files["tests/test_hidden.py"] or HIDDEN_TEST.format(module=module)
    project = copy_project(template, tmp_path / "calc", {**files, "tests/test_hidden.py": test})
    if module == "linked":
        write_files(tmp_path / "linked", {"__init__.py": "VALUE = 1\n"})
        (project / "src/calc/linked").symlink_to(tmp_path / "linked")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, *COMMIT, "start")
    assert check_json(project, "--gate", "pytest")[0] == 0
    (project / changed).write_text(change, encoding="utf-8")
    code, document = check_json(project, "--gate", "pytest")
    pytest_gate = gates_of(document)["pytest"]
    assert (code, pytest_gate["cached"], pytest_gate["status"]) == (1, False, "failed")


def test_a_symlinked_cache_folder_or_gitignore_is_never_written_through(
    template: Path, tmp_path: Path
) -> None:
    outside, ignore = tmp_path / "outside", tmp_path / "their-ignore"
    outside.mkdir()
    large = outside / f"{'a' * 40}.json"
    with large.open("wb") as stream:
        stream.truncate(40 * 2**20)
    (outside / "notes.json").write_text("theirs\n", encoding="utf-8")
    ignore.write_text("dist/\n", encoding="utf-8")
    project = copy_project(template, tmp_path / "calc")
    (project / ".pyexpert-gates").mkdir(exist_ok=True)  # init may have recorded its state
    (project / ".pyexpert-gates" / "cache").symlink_to(outside)
    (project / ".gitignore").symlink_to(ignore)
    for _ in range(2):
        assert check_json(project, "--gate", "ruff", "--gate", "format")[0] == 0
    assert sorted(path.name for path in outside.iterdir()) == [large.name, "notes.json"]
    assert large.stat().st_size == 40 * 2**20
    assert ignore.read_text(encoding="utf-8") == "dist/\n"


LAYOUT_ONLY = """\
[tool.pyexpert-gates]
gates = ["ruff", "format"]
relaxations = { "tool.pyexpert-gates.gates" = "these projects test the file-level gates alone" }
"""


def _baselined(project: Path) -> Path:
    """``project``, checked by ruff and format only, with its findings accepted."""
    edit(project / "pyproject.toml", "[tool.pyexpert-gates]\n", LAYOUT_ONLY)
    assert main(["baseline", "--project", str(project), "--python", sys.executable]) == 0
    assert check_json(project)[0] == 0
    return project


def test_a_baselined_format_finding_hides_no_later_formatting_fault(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Unlocked, as on a developer's machine: in CI the stale entry is a finding of its own.
    monkeypatch.delenv("CI", raising=False)
    messy = {"src/calc/messy.py": '"""Messy."""\n\nVALUES = [1,2]\n'}
    project = _baselined(copy_project(template, tmp_path / "calc", messy))
    with (project / "src/calc/messy.py").open("a", encoding="utf-8") as stream:
        stream.write('OTHER = {"a":1}\n')
    code, document = check_json(project)
    found = findings(gates_of(document)["format"])
    assert (code, [path for path, _, _ in found]) == (1, ["src/calc/messy.py"])


def test_a_baselined_whole_file_finding_stays_accepted_when_a_line_is_added_on_top(
    template: Path, tmp_path: Path
) -> None:
    project = copy_project(template, tmp_path / "calc", {"src/calc/tool.py": '"""Tool."""\n'})
    (project / "src/calc/tool.py").chmod(0o755)
    _baselined(project)
    baseline = (project / ".pyexpert-gates/baseline.json").read_text(encoding="utf-8")
    assert '"EXE002"' in baseline
    edit(project / "src/calc/tool.py", '"""Tool."""\n', '# The tool.\n"""Tool."""\n')
    code, document = check_json(project)
    assert code == 0, gates_of(document)["ruff"]["diagnostics"]


@pytest.fixture
def unreadable_tests(template: Path, tmp_path: Path) -> Iterator[Path]:
    """The clean project with its ``tests`` folder unreadable (mode 000)."""
    project = copy_project(template, tmp_path / "calc")
    (project / "tests").chmod(0)
    yield project
    (project / "tests").chmod(0o755)


def test_an_unreadable_configured_path_is_an_error_for_every_gate(
    unreadable_tests: Path, tmp_path: Path
) -> None:
    if not shutil.which("setpriv"):
        pytest.skip("setpriv is needed to take away root's right to read anything")
    report = tmp_path / "report.json"
    argv = [
        # Root reads anything through these two capabilities; without them, modes apply.
        *("setpriv", "--bounding-set=-dac_override,-dac_read_search"),
        *(sys.executable, "-m", "pyexpert_gates", "check", "--project", str(unreadable_tests)),
        *("--python", sys.executable, "--gate", "ruff", "--gate", "expert", "--gate", "format"),
        *("--format", "json", "--output", str(report)),
    ]
    result = subprocess.run(  # noqa: S603 - programs and arguments the test chooses
        argv, env=tool_environment(), capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 2, result.stdout + result.stderr
    gates = gates_of(json.loads(report.read_text(encoding="utf-8")))
    assert {name: gate["status"] for name, gate in gates.items()} == dict.fromkeys(
        ("ruff", "format", "expert"), "error"
    )
    assert all("cannot read tests" in str(gate["summary"]) for gate in gates.values())


def editable_environment(root: Path, source: Path) -> Path:
    """A virtual environment with this one's packages and ``source`` installed editable.

    The install is written as pip writes one: a ``.pth`` file naming the source folder and a
    ``.dist-info`` folder whose ``direct_url.json`` says ``editable``.
    """
    git(root, "init", "-q", str(source))  # the sibling is a repository of its own
    created = run(root, sys.executable, "-m", "venv", "--without-pip", str(root / "env"))
    assert created.returncode == 0, created.stderr
    python = root / "env" / "bin" / "python"
    where = run(root, str(python), "-c", "import site; print(site.getsitepackages()[0])")
    site = Path(where.stdout.strip())
    ours = sysconfig.get_paths()["purelib"]
    info = site / "sibling-0.1.0.dist-info"
    write_files(
        site,
        {
            "outer.pth": f"import site; site.addsitedir({ours!r})\n",
            "sibling.pth": f"{source}\n",
            f"{info.name}/METADATA": "Metadata-Version: 2.1\nName: sibling\nVersion: 0.1.0\n",
            f"{info.name}/direct_url.json": json.dumps(
                {"url": source.as_uri(), "dir_info": {"editable": True}}
            ),
        },
    )
    return python


def test_a_change_to_an_editable_sibling_the_project_imports_is_never_replayed(
    template: Path, tmp_path: Path
) -> None:
    source = tmp_path / "sibling-source"
    write_files(source, {"sibling/__init__.py": "VALUE = 1\n"})
    python = editable_environment(tmp_path, source)
    test = "from sibling import VALUE\n\n\ndef test_value() -> None:\n    assert VALUE == 1\n"
    project = repository(template, tmp_path / "calc", {"tests/test_sibling.py": test})
    argv = ("-m", "pyexpert_gates", "check", "--python", str(python), "--gate", "pytest")
    first = run(project, sys.executable, *argv)
    assert first.returncode == 0, first.stdout
    (source / "sibling/__init__.py").write_text("VALUE = 2\n", encoding="utf-8")
    second = run(project, sys.executable, *argv)
    assert second.returncode == 1, second.stdout
    assert "(cached)" not in second.stdout
