from pathlib import Path

import pytest

from pyexpert_gates.config import DEFAULT_TIMEOUT_S, GatesConfig, load_config, parse_config
from pyexpert_gates.errors import ConfigError, InputError
from pyexpert_gates.expert import default_settings
from pyexpert_gates.models import GateName
from tests.conftest import InitializedProjects
from tests.helpers.config_gate import demo_project, edit

FULL = """
[project]
name = "My.Package"

[tool.pyexpert-gates]
preset = "strict"
paths = ["src", "tests\\\\unit", "./scripts"]
gates = ["ruff", "mypy", "pytest"]
skip = ["pytest"]
jobs = 2
timeout = 120
timeouts = { pytest = 900, mypy = 30.5 }
docstring-coverage = 95
[tool.pyexpert-gates.relaxations]
"tool.mypy.warn_unreachable" = "generated code"
"""


def test_defaults_without_a_table() -> None:
    config = parse_config("[project]\nname = 'x'\n", origin="pyproject.toml")
    assert config == GatesConfig(origin="pyproject.toml", project_name="x")
    assert config.timeout_for(GateName.MYPY) == DEFAULT_TIMEOUT_S
    assert config.docstring_coverage == 100
    assert config.expert == default_settings()


def test_every_key() -> None:
    config = parse_config(FULL, origin="pyproject.toml")
    assert config.project_name == "My.Package"
    assert config.preset == "strict"
    assert config.paths == ("src", "tests/unit", "scripts")
    assert config.gates == (GateName.RUFF, GateName.MYPY, GateName.PYTEST)
    assert config.skip == (GateName.PYTEST,)
    assert config.jobs == 2
    assert config.timeout == 120
    assert config.timeout_for(GateName.PYTEST) == 900
    assert config.timeout_for(GateName.MYPY) == 30.5
    assert config.timeout_for(GateName.RUFF) == 120
    assert config.docstring_coverage == 95
    assert config.relaxations == {"tool.mypy.warn_unreachable": "generated code"}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("pathz = ['src']", "unknown key 'pathz'; did you mean 'paths'?"),
        ("colour = true", "unknown key 'colour'; valid keys: preset, paths"),
        ("preset = 1", "preset = 1 is invalid: expected a string"),
        ("paths = 'src'", "paths = 'src' is invalid: expected a list of strings"),
        ("paths = []", "paths = [] is invalid: expected at least one path"),
        ("paths = ['/abs']", "paths = '/abs' is invalid: expected paths relative to the project"),
        ("paths = ['../up']", "paths = '../up' is invalid: expected paths relative to the project"),
        ("paths = ['']", "paths = '' is invalid"),
        ("gates = ['ruff', 'black']", "unknown gate 'black'; valid gates: ruff, format, mypy"),
        ("skip = [1]", "skip = [1] is invalid: expected a list of strings"),
        ("jobs = 0", "jobs = 0 is invalid: expected a whole number of at least 1"),
        ("jobs = true", "jobs = True is invalid"),
        ("jobs = 1.5", "jobs = 1.5 is invalid"),
        ("timeout = 0", "timeout = 0 is invalid: expected a number of seconds greater than 0"),
        ("timeout = '10'", "timeout = '10' is invalid"),
        ("timeout = nan", "timeout = nan is invalid"),
        ("timeout = inf", "timeout = inf is invalid"),
        ("timeouts = 5", "timeouts = 5 is invalid: expected a table"),
        ("timeouts = { pytests = 5 }", "unknown gate 'pytests'"),
        ("timeouts = { pytest = -5 }", "[tool.pyexpert-gates.timeouts] pytest = -5 is invalid"),
        ("docstring-coverage = 101", "docstring-coverage = 101 is invalid: expected a percentage"),
        ("docstring-coverage = false", "docstring-coverage = False is invalid"),
        (
            "relaxations = { 'tool.x' = 1 }",
            'relaxations] "tool.x" = 1 is invalid: expected a string',
        ),
        ("relaxations = { 'tool.x' = ' ' }", "relaxations] \"tool.x\" = ' ' is invalid"),
        ("expert = []", "expert = [] is invalid: expected a table"),
    ],
)
def test_invalid_settings_name_the_file_and_key(table: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(f"[tool.pyexpert-gates]\n{table}\n", origin="proj/pyproject.toml")
    assert caught.value.message.startswith("proj/pyproject.toml: [tool.pyexpert-gates")
    assert message in caught.value.message
    assert caught.value.exit_code == 2


def test_the_table_must_be_a_table() -> None:
    with pytest.raises(ConfigError, match=r"tool\.pyexpert-gates must be a table"):
        parse_config("[tool]\npyexpert-gates = 1\n", origin="pyproject.toml")


def test_invalid_toml_names_line_and_column() -> None:
    with pytest.raises(InputError) as caught:
        parse_config("[tool.pyexpert-gates]\njobs = = 2\n", origin="pyproject.toml")
    assert caught.value.message.startswith("pyproject.toml:2:8: invalid TOML")
    assert caught.value.exit_code == 2


def test_load_without_pyproject_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config == GatesConfig(origin=str(tmp_path / "pyproject.toml"))


def test_load_reads_the_project_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(FULL)
    assert load_config(tmp_path).jobs == 2


def test_load_refuses_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[project]\nname = '\xff'\n")
    with pytest.raises(InputError, match=r"pyproject.toml:2:\d+: byte 0xff is not UTF-8"):
        load_config(tmp_path)


def test_a_relaxation_without_reason_is_a_configuration_error(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    project = demo_project(tmp_path, initialized_projects)
    table = '[tool.pyexpert-gates.relaxations]\n"tool.mypy.warn_unreachable" = " "\n\n'
    edit(project, "[tool.pyexpert-gates]\n", f"{table}[tool.pyexpert-gates]\n")
    with pytest.raises(ConfigError, match="giving the reason"):
        load_config(project)
