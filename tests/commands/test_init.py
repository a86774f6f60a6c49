"""`pyexpert-gates init` from the command line, on real files in a temporary project."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import tomlkit

from pyexpert_gates.cli import main
from pyexpert_gates.init import plan as initialization

PYPROJECT = (
    '[project]\nname = "demo"\nrequires-python = ">=3.12"\n\n'
    "[tool.black]\nline-length = 90  # ours\n"
)


def init(project: Path, *extra: str) -> int:
    return main(["init", "--project", str(project), *extra])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "tests").mkdir()
    return tmp_path


def test_init_merges_and_second_run_changes_no_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init(project) == 0
    first = (project / "pyproject.toml").read_bytes()
    data = tomllib.loads(first.decode())
    assert data["tool"]["black"] == {"line-length": 90}
    assert data["tool"]["ruff"]["target-version"] == "py312"
    assert data["tool"]["mypy"]["python_version"] == "3.12"
    assert data["tool"]["pyright"]["pythonVersion"] == "3.12"
    assert data["tool"]["pyexpert-gates"]["paths"] == ["src", "tests"]
    assert first.decode().startswith(PYPROJECT)
    assert "updated" in capsys.readouterr().out
    assert init(project) == 0
    assert (project / "pyproject.toml").read_bytes() == first
    assert "up to date" in capsys.readouterr().out


def test_a_flat_layout_checks_every_package_and_module_and_names_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for name in ("demo/__init__.py", "demo_plugins/__init__.py", "helpers.py", "setup.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    assert init(tmp_path, "--no-noxfile") == 0
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text(encoding="utf-8"))
    paths = ["demo", "demo_plugins", "helpers.py", "tests"]
    assert data["tool"]["pyexpert-gates"]["paths"] == paths
    assert f"the gates check {', '.join(paths)}; not setup.py" in capsys.readouterr().out


def test_dry_run_prints_a_diff_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init(project, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith("--- a/pyproject.toml\n+++ b/pyproject.toml\n")
    assert '+typeCheckingMode = "strict"' in out
    assert (project / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT


def test_conflicts_are_kept_and_reported_unless_forced(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + "\n[tool.mypy]\nwarn_unreachable = false\n")
    assert init(project) == 0
    assert "kept your tool.mypy.warn_unreachable = false (preset: true)" in capsys.readouterr().out
    assert "warn_unreachable = false" in (project / "pyproject.toml").read_text()
    assert init(project, "--force") == 0
    assert tomllib.loads((project / "pyproject.toml").read_text())["tool"]["mypy"][
        "warn_unreachable"
    ]


def test_missing_pyproject_is_created_with_tool_tables(tmp_path: Path) -> None:
    assert init(tmp_path) == 0
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert set(data) == {"tool"}
    assert data["tool"]["mypy"]["python_version"] == "3.11"


def test_symlink_is_kept_and_its_target_written(project: Path) -> None:
    real = project / "config" / "real.toml"
    real.parent.mkdir()
    (project / "pyproject.toml").rename(real)
    (project / "pyproject.toml").symlink_to(Path("config") / "real.toml")
    assert init(project) == 0
    assert (project / "pyproject.toml").is_symlink()
    assert "[tool.mypy]" in real.read_text()


def test_file_mode_is_kept(project: Path) -> None:
    (project / "pyproject.toml").chmod(0o640)
    assert init(project) == 0
    assert (project / "pyproject.toml").stat().st_mode & 0o777 == 0o640
    assert not list(project.glob(".pyproject.toml.*"))


@pytest.mark.parametrize(
    ("content", "where", "reason"),
    [
        (b"[tool]\nx = 1\nx = 2\n", "pyproject.toml:3:", "invalid TOML"),
        (b"[tool\nx = 1\n", "pyproject.toml:1:", "invalid TOML"),
        (b"\xef\xbb\xbf[tool]\n", "pyproject.toml:1:1:", "byte-order mark"),
        (b'[project]\nname = "caf\xe9"\n', "pyproject.toml:2:12:", "not UTF-8"),
        (b'[project]\nrequires-python = "3.11+"\n', "pyproject.toml:", "not a valid version"),
    ],
)
def test_bad_input_exits_2_with_place_and_leaves_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, where: str, reason: str
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    assert init(tmp_path) == 2
    err = capsys.readouterr().err
    assert where in err
    assert reason in err
    assert "Traceback" not in err
    assert (tmp_path / "pyproject.toml").read_bytes() == content


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").mkdir()
    assert init(tmp_path) == 2
    assert "pyproject.toml: cannot read the file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("mypy.ini", "[mypy]\nstrict = True\n", "mypy reads mypy.ini instead of [tool.mypy]"),
        ("setup.cfg", "[mypy]\nstrict = True\n", "mypy reads setup.cfg [mypy], and adding"),
        ("pyrightconfig.json", "{}", "pyright reads pyrightconfig.json"),
        ("pytest.ini", "[pytest]\n", "pytest reads pytest.ini instead of"),
        ("tox.ini", "[pytest]\naddopts = -ra\n", "pytest reads tox.ini [pytest], and adding"),
    ],
)
def test_a_file_that_wins_over_pyproject_stops_init(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    (project / name).write_text(content)
    assert init(project) == 2
    assert message in capsys.readouterr().err
    assert (project / "pyproject.toml").read_text() == PYPROJECT
    assert (project / name).read_text() == content


def test_fallback_file_is_fine_once_pyproject_has_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + "\n[tool.mypy]\nstrict = true\n")
    (project / "setup.cfg").write_text("[mypy]\nstrict = True\n")
    assert init(project) == 0


@pytest.mark.parametrize("name", ["ruff.toml", ".ruff.toml"])
def test_ruff_settings_go_into_ruffs_own_file(project: Path, name: str) -> None:
    (project / name).write_text('# ours\nline-length = 90\nselect = ["E"]\n')
    assert init(project) == 0
    ruff = tomllib.loads((project / name).read_text())
    assert ruff["line-length"] == 90
    assert ruff["lint"]["select"][0] == "E"
    assert ruff["lint"]["mccabe"] == {"max-complexity": 10}
    assert (project / name).read_text().startswith("# ours\n")
    assert "ruff" not in tomllib.loads((project / "pyproject.toml").read_text())["tool"]


def test_unknown_preset_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(project, "--preset", "lenient") == 2
    assert "unknown preset 'lenient'; the presets are: strict" in capsys.readouterr().err


@pytest.mark.parametrize("spec", [">=3.8", ">=3.10,<4", "~=3.13"])
def test_target_versions_follow_requires_python(tmp_path: Path, spec: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\nrequires-python = "{spec}"\n')
    assert init(tmp_path) == 0
    tool = tomllib.loads((tmp_path / "pyproject.toml").read_text())["tool"]
    floor = int(spec.split("3.")[1].split(",", maxsplit=1)[0])
    assert tool["ruff"]["target-version"] == f"py3{floor}"
    assert tool["pyright"]["pythonVersion"] == f"3.{floor}"
    assert tool["mypy"]["python_version"] == f"3.{max(floor, 10)}"


def test_module_entry_point_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pyexpert_gates", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("pyexpert-gates ")


def test_a_merge_that_does_not_prove_out_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stand in for a tomlkit layout bug: the edit lands somewhere other than planned.
    def misplace(document: tomlkit.TOMLDocument, *_: object, **__: object) -> None:
        document["misplaced"] = {"convention": "google"}

    monkeypatch.setattr(initialization, "apply_changes", misplace)
    assert init(project) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert (project / "pyproject.toml").read_text() == PYPROJECT


def test_a_value_the_tools_refuse_is_replaced_and_the_reason_printed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = '[tool.mypy]\npython_version = "3.8"  # ours\n\n[tool.ruff]\ntarget-version = "py26"\n'
    (project / "pyproject.toml").write_text(PYPROJECT + "\n" + old)
    assert init(project) == 0
    out = capsys.readouterr().out
    assert 'replaced your tool.mypy.python_version = "3.8" with "3.12": mypy 2.4 refuses' in out
    assert 'replaced your tool.ruff.target-version = "py26" with "py312": ruff' in out
    text = (project / "pyproject.toml").read_text()
    assert 'python_version = "3.12"  # ours' in text
    assert "kept your" not in out


def test_force_with_keys_replaces_only_those(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = "[tool.mypy]\nwarn_unreachable = false\nstrict_equality = false\n"
    (project / "pyproject.toml").write_text(PYPROJECT + "\n" + mine)
    assert init(project, "--force", "tool.mypy.warn_unreachable") == 0
    mypy = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["mypy"]
    assert (mypy["warn_unreachable"], mypy["strict_equality"]) == (True, False)
    out = capsys.readouterr().out
    assert "`--force tool.mypy.strict_equality` replaces it" in out
    assert init(project, "--force", "mypy") == 0
    assert tomllib.loads((project / "pyproject.toml").read_text())["tool"]["mypy"][
        "strict_equality"
    ]


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--force", "tool.mypy.warn_unreachabl"), ("--relax", "tool.mypy.strict=legacy")],
)
def test_a_named_setting_init_does_not_know_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str
) -> None:
    before = (project / "pyproject.toml").read_bytes()
    assert init(project, flag, value) == 2
    err = capsys.readouterr().err
    assert f"{flag} {value.partition('=')[0]}: not a setting" in err
    assert (project / "pyproject.toml").read_bytes() == before


def test_relax_records_the_reason_and_init_stops_suggesting_a_fix(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + "\n[tool.mypy]\nwarn_unreachable = false\n")
    assert init(project, "--relax", "mypy.warn_unreachable=generated code") == 0
    data = tomllib.loads((project / "pyproject.toml").read_text())
    relaxations = data["tool"]["pyexpert-gates"]["relaxations"]
    assert relaxations == {"tool.mypy.warn_unreachable": "generated code"}
    capsys.readouterr()
    assert init(project) == 0
    out = capsys.readouterr().out
    assert "up to date" in out
    assert (
        "kept your tool.mypy.warn_unreachable = false (preset: true); relaxed: generated code"
        in out
    )


def test_setup_cfg_python_requires_sets_the_targets_when_pyproject_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "setup.cfg").write_text(
        "[metadata]\nname = demo\n\n[options]\npython_requires = >=3.7\n"
    )
    assert init(tmp_path) == 0
    tools = tomllib.loads((tmp_path / "pyproject.toml").read_text())["tool"]
    assert tools["ruff"]["target-version"] == "py37"
    assert tools["pyright"]["pythonVersion"] == "3.7"
    assert tools["mypy"]["python_version"] == "3.10"
    assert "Python 3.7 from setup.cfg python_requires '>=3.7'" in capsys.readouterr().out
