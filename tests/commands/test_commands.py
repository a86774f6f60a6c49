"""What every command shares: the project found upward, ``-v``, ``--color``."""

import json
from pathlib import Path

import pytest

from pyexpert_gates import __version__
from pyexpert_gates.cli import build_parser, main
from pyexpert_gates.commands import discover_project
from tests.helpers.projects import write_files

PROJECT = '[project]\nname = "pkg"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n'


def test_the_nearest_folder_upward_with_a_pyproject_is_the_project(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PROJECT, "src/pkg/__init__.py": ""})
    assert discover_project(tmp_path / "src" / "pkg") == tmp_path
    assert discover_project(tmp_path) == tmp_path


def test_a_member_is_nearer_than_its_workspace_root(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "pyproject.toml": '[tool.uv.workspace]\nmembers = ["packages/*"]\n',
            "packages/api/pyproject.toml": PROJECT,
            "packages/api/src/api/__init__.py": "",
            "packages/README.md": "",
        },
    )
    assert discover_project(tmp_path / "packages" / "api" / "src" / "api") == (
        tmp_path / "packages" / "api"
    )
    assert discover_project(tmp_path / "packages") == tmp_path


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PROJECT, "repo/.git/HEAD": "", "repo/src/a.py": ""})
    start = tmp_path / "repo" / "src"
    assert discover_project(start) == start


@pytest.mark.parametrize("command", ["check", "init --dry-run", "baseline", "fix --dry-run"])
def test_every_command_says_the_root_it_found_with_verbose(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    write_files(tmp_path, {"pyproject.toml": PROJECT, "src/pkg/__init__.py": '"""Pkg."""\n'})
    monkeypatch.chdir(tmp_path / "src" / "pkg")
    # A gate that could not run makes check and baseline stop; the root was said before.
    argv = [*command.split(), "-v"]
    if command in {"check", "baseline"}:
        argv += ["--python", str(tmp_path / "none")]
    main(argv)
    assert f"project root: ../.. ({tmp_path})" in capsys.readouterr().err.splitlines()


def test_check_in_a_subfolder_checks_the_whole_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(
        tmp_path,
        {
            "pyproject.toml": PROJECT,
            "src/pkg/__init__.py": '"""Pkg."""\n',
            "src/pkg/shapes.py": (
                '"""Shapes."""\n\nfrom dataclasses import dataclass\n\n\n@dataclass\n'
                'class Point:\n    """A point."""\n\n    x: int\n'
            ),
        },
    )
    monkeypatch.chdir(tmp_path / "src" / "pkg")
    output = tmp_path / "report.json"
    code = main(["check", "--gate", "expert", "--format", "json", "--output", str(output)])
    report = json.loads(output.read_text(encoding="utf-8"))
    assert code == 1
    assert Path(report["project"]) == tmp_path
    [gate] = report["gates"]
    assert [item["path"] for item in gate["diagnostics"]] == ["src/pkg/shapes.py"]
    # The report file keeps the project's paths; the terminal's lead from where it ran.
    capsys.readouterr()
    assert main(["check", "--gate", "expert"]) == 1
    [finding] = [line for line in capsys.readouterr().out.splitlines() if ": PXG001 " in line]
    assert finding.startswith("../../src/pkg/shapes.py:6:")


@pytest.mark.parametrize(
    "command",
    ["check", "init", "fix", "baseline", "watch", "rules", "presets"],
)
def test_every_command_takes_color(command: str) -> None:
    for choice in ("auto", "always", "never"):
        args = build_parser([command]).parse_args([command, "--color", choice])
        assert args.color == choice


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_has_a_short_flag(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([flag])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"pyexpert-gates {__version__}\n"


COLOUR_CASES: list[tuple[list[str], dict[str, str], bool]] = [
    (["--color", "always"], {}, True),
    ([], {"FORCE_COLOR": "1"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {}, False),
]


@pytest.mark.parametrize("case", COLOUR_CASES)
def test_check_colours_a_pipe_only_when_told_to(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: tuple[list[str], dict[str, str], bool],
) -> None:
    argv, environ, escapes = case
    write_files(tmp_path, {"pyproject.toml": PROJECT, "src/pkg/__init__.py": '"""Pkg."""\n'})
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(["check", "--project", str(tmp_path), "--gate", "expert", *argv]) == 0
    assert ("\x1b[32mPASSED" in capsys.readouterr().out) is escapes
