"""init warns about the project's pytest settings that the preset makes fatal."""

from pathlib import Path

import pytest

from pyexpert_gates.check import init_run
from pyexpert_gates.cli import main
from pyexpert_gates.init.pytest_probe import PytestFacts
from pyexpert_gates.init.pytest_risks import (
    CORE_KEYS,
    filter_modules,
    known_keys,
    overriding_filters,
)
from tests.integration.projects import run_python

PYPROJECT = """\
[project]
name = "demo"
requires-python = ">=3.12"

[tool.pytest.ini_options]
testpaths = ["tests"]
xfail_strict = true
asyncio_mode = "auto"
filterwarnings = [
    "ignore::DeprecationWarning",
    "ignore:old:yaml.YAMLLoadWarning",
    "ignore::gone_package.sub.OldWarning",
]
"""


def test_filters_name_the_module_of_their_warning_class() -> None:
    entries = ["error", "ignore::DeprecationWarning", "ignore:msg:pkg.sub.Warn:mod", "default::a.B"]
    assert filter_modules(entries) == {
        "ignore:msg:pkg.sub.Warn:mod": "pkg.sub",
        "default::a.B": "a",
    }


@pytest.mark.parametrize(
    ("filters", "overriding"),
    [
        # attrs' own list: "once::Warning" after init's "error" decides every warning.
        (["once::Warning", "ignore:::pympler[.*]"], ["once::Warning"]),
        (["error", "once::Warning"], ["once::Warning"]),
        (["default"], ["default"]),
        (["i::builtins.Warning", "always:::"], ["i::builtins.Warning", "always:::"]),
        # An error after it wins again; narrower filters leave the other warnings fatal.
        (["once::Warning", "error"], []),
        (["once::Warning", "e"], []),
        (["ignore::DeprecationWarning", "ignore:old api", "once:::pkg.mod", "once::Warning:m"], []),
    ],
)
def test_filters_that_match_every_warning_after_error_override_it(
    filters: list[str], overriding: list[str]
) -> None:
    assert list(overriding_filters(filters)) == overriding


@pytest.mark.slow
def test_the_settings_pytest_lists_include_renamed_ones(tmp_path: Path) -> None:
    # The real pytest's help, as init reads it.
    options = ("-o", "addopts=", "-o", "filterwarnings=")
    help_text = run_python(tmp_path, "-m", "pytest", "--help", *options).stdout
    keys = known_keys(help_text)
    assert {"strict_xfail", "xfail_strict", "filterwarnings", "testpaths", "markers"} <= keys
    assert "asyncio_mode" not in keys
    assert keys >= CORE_KEYS  # init trusts these without asking


def test_init_asks_pytest_only_about_settings_pytest_may_not_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []

    def ask(project: Path, _modules: object) -> PytestFacts:
        asked.append(project)
        return PytestFacts(known=frozenset(), missing=frozenset())

    monkeypatch.setattr(init_run, "_ask_pytest", ask)
    core = '[tool.pytest.ini_options]\ntestpaths = ["tests"]\npythonpath = ["src"]\n'
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "demo"\n\n{core}')
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    assert asked == []
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "pyproject.toml").write_text(f'[project]\nname = "demo"\n\n{core}timeout = 5\n')
    assert main(["init", "--project", str(plugin), "--no-noxfile"]) == 0
    assert asked == [plugin]


@pytest.mark.slow
def test_init_names_each_fatal_setting_and_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    out = capsys.readouterr().out
    lines = (tmp_path / "pyproject.toml").read_text().splitlines()
    mode = next(n for n, line in enumerate(lines, 1) if line.startswith("asyncio_mode"))
    assert (
        f"warning: pyproject.toml:{mode}: tool.pytest.ini_options.asyncio_mode: pytest does "
        "not know this setting, and under the preset's --strict-config every run fails on it"
    ) in out
    gone = next(n for n, line in enumerate(lines, 1) if "gone_package" in line)
    assert (
        f'warning: pyproject.toml:{gone}: filterwarnings entry "ignore::gone_package.sub.'
        'OldWarning" names module gone_package.sub, which is not installed'
    ) in out
    # Installed here, so not a risk; and pytest knows xfail_strict under its new name.
    assert "module yaml" not in out
    assert out.count("warning:") == 2
