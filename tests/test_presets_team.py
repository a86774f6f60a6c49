"""A team's preset as a project meets it: unversioned, missing, switched to, forced key by key."""

import importlib.metadata
import sys
import tomllib
from pathlib import Path

import pytest

from pyexpert_gates import presets
from pyexpert_gates.cli import main
from pyexpert_gates.errors import UsageError
from pyexpert_gates.init.state import read_state
from pyexpert_gates.presets import compose_preset, preset_sources
from tests.helpers.presets import sources_of, table

UNVERSIONED = """\
extends = "strict"

[tool.pyexpert-gates.expert]
max-function-lines = 40
"""


def test_a_preset_without_a_preset_table_is_unversioned(tmp_path: Path) -> None:
    acme = compose_preset("acme", sources_of(tmp_path, acme=UNVERSIONED))
    assert (acme.version, acme.title) == (None, "acme (unversioned)")
    assert table(acme.tools, "pyexpert-gates", "expert")["max-function-lines"] == 40


def test_a_preset_entry_point_naming_a_missing_file_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "acme_missing.py").write_text(
        f"from pathlib import Path\n\nPRESET = Path({str(tmp_path / 'acme.toml')!r})\n"
    )
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    entry = importlib.metadata.EntryPoint(
        name="acme", value="acme_missing:PRESET", group=presets.ENTRY_POINT_GROUP
    )

    def entry_points(*, group: str) -> list[importlib.metadata.EntryPoint]:
        assert group == presets.ENTRY_POINT_GROUP
        return [entry]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    with pytest.raises(UsageError) as raised:
        preset_sources()
    assert f"names {tmp_path / 'acme.toml'}, which is not a file" in raised.value.message
    assert "package data" in raised.value.message


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed ``acme`` preset: strict, with longer functions and simpler ones."""
    text = UNVERSIONED + "\n[tool.ruff.lint.mccabe]\nmax-complexity = 8\n"
    (tmp_path / "presets").mkdir()
    sources = sources_of(tmp_path / "presets", acme=text)
    monkeypatch.setattr(presets, "preset_sources", lambda: sources)


def settings(project: Path) -> tuple[object, object, object]:
    tool = tomllib.loads((project / "pyproject.toml").read_text())["tool"]
    own = tool["pyexpert-gates"]
    complexity = tool["ruff"]["lint"]["mccabe"]["max-complexity"]
    return own["preset"], own["expert"]["max-function-lines"], complexity


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "src").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "p"\nrequires-python = ">=3.11"\n')
    return root


@pytest.mark.usefixtures("acme")
def test_switching_presets_applies_the_new_presets_values(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--project", str(project), "--no-noxfile"]) == 0
    assert settings(project) == ("strict", 30, 10)
    capsys.readouterr()
    assert main(["init", "--project", str(project), "--preset", "acme", "--no-noxfile"]) == 0
    out = capsys.readouterr().out
    assert "kept your" not in out
    assert "preset acme (unversioned)" in out
    assert settings(project) == ("acme", 40, 8)
    state = read_state(project)
    assert state is not None
    assert (state.preset, state.version) == ("acme", None)


def test_force_repeated_applies_every_key_named(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text()
        + "\n[tool.mypy]\nwarn_unreachable = false\nwarn_return_any = false\n"
        + '\n[tool.pyright]\ntypeCheckingMode = "basic"\n'
    )
    argv = ["init", "--project", str(project), "--no-noxfile"]
    forced = ["--force", "tool.mypy.warn_unreachable", "--force", "tool.pyright"]
    assert main([*argv, *forced]) == 0
    tool = tomllib.loads(pyproject.read_text())["tool"]
    assert tool["mypy"]["warn_unreachable"] is True
    assert tool["pyright"]["typeCheckingMode"] == "strict"
    assert tool["mypy"]["warn_return_any"] is False  # not named: kept
