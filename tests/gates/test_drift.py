"""The config gate on real projects: settings that meet the preset, drift, and relaxations."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.config import load_config
from pyexpert_gates.models import Status
from tests.conftest import InitializedProjects
from tests.helpers.config_gate import demo_project, edit, evaluate, line_of


@pytest.fixture
def project(tmp_path: Path, initialized_projects: InitializedProjects) -> Path:
    return demo_project(tmp_path, initialized_projects)


def test_settings_written_by_init_pass(project: Path) -> None:
    outcome = evaluate(project)
    assert outcome.status is Status.PASSED
    assert outcome.diagnostics == ()


def test_a_weaker_value_is_a_finding_at_its_line(project: Path) -> None:
    edit(project, "warn_unreachable = true", "warn_unreachable = false")
    outcome = evaluate(project)
    assert outcome.status is Status.FAILED
    (finding,) = outcome.diagnostics
    assert finding.path == "pyproject.toml"
    assert finding.line == line_of(project, "warn_unreachable")
    assert finding.code == "config-differs"
    assert "tool.mypy.warn_unreachable is false; the preset has true" in finding.message


def test_a_missing_rule_is_a_finding(project: Path) -> None:
    edit(project, '    "DTZ", # flake8-datetimez\n', "")
    outcome = evaluate(project)
    (finding,) = outcome.diagnostics
    assert finding.code == "config-missing"
    assert finding.message == (
        "tool.ruff.lint.select lacks DTZ, which the preset has; "
        "`pyexpert-gates init` sets the preset's value"
    )


@pytest.mark.parametrize(
    ("relaxation", "status"),
    [
        ('"tool.mypy.warn_unreachable" = "legacy code, tracked in the tracker"', Status.PASSED),
        ('"mypy" = "mypy is not used here yet"', Status.PASSED),
        ('"tool.mypy.warn_unreachable" = "x"', Status.PASSED),
        ('"tool.mypy" = "mypy is not used here yet"', Status.PASSED),
        ('"tool.ruff" = "unrelated table"', Status.FAILED),
    ],
)
def test_relaxations_need_a_reason(project: Path, relaxation: str, status: Status) -> None:
    # A relaxation covers its key or a whole table above it, but only with a written reason.
    edit(project, "warn_unreachable = true", "warn_unreachable = false")
    table = f"[tool.pyexpert-gates.relaxations]\n{relaxation}\n\n[tool.pyexpert-gates]\n"
    edit(project, "[tool.pyexpert-gates]\n", table)
    assert evaluate(project).status is status


def test_a_rule_list_relaxed_in_part_names_every_entry_no_relaxation_records(
    project: Path,
) -> None:
    edit(project, "[tool.ruff.lint]\n", '[tool.ruff.lint]\nextend-ignore = ["PTH", "ANN", "ERA"]\n')
    table = '[tool.pyexpert-gates.relaxations]\n"tool.ruff.lint.extend-ignore.PTH" = "legacy"\n\n'
    edit(project, "[tool.pyexpert-gates]\n", f"{table}[tool.pyexpert-gates]\n")
    (finding,) = evaluate(project).diagnostics
    assert finding.code == "config-opt-out"
    assert finding.message.startswith(
        "tool.ruff.lint.extend-ignore also holds ANN, ERA, which no relaxation records: "
    )


def test_an_opt_out_is_placed_in_its_own_table_not_one_whose_name_only_looks_alike(
    project: Path,
) -> None:
    ignore = 'extend-ignore = ["ANN"]\n'
    edit(project, "[tool.ruff.lint]\n", f"[tool.ruff.lintX]\n{ignore}\n[tool.ruff.lint]\n{ignore}")
    (finding,) = evaluate(project).diagnostics
    lines = (project / "pyproject.toml").read_text().splitlines()
    assert finding.line is not None
    assert lines[finding.line - 2 : finding.line] == ["[tool.ruff.lint]", ignore.strip()]


def test_a_filter_that_takes_error_back_for_every_warning_is_a_finding(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # attrs' shape: "once::Warning" after "error" shows every warning instead of failing on it.
    edit(project, 'filterwarnings = ["error"]', 'filterwarnings = ["error", "once::Warning"]')
    (finding,) = evaluate(project).diagnostics
    assert finding.code == "config-overridden"
    assert finding.line == line_of(project, "filterwarnings")
    assert 'entry "once::Warning" comes after "error" and matches every warning' in finding.message
    name = "tool.pytest.ini_options.filterwarnings"
    relax = f", or `pyexpert-gates init --relax {name}=REASON` records why you keep it"
    assert finding.message.endswith(relax)
    capsys.readouterr()
    assert main(["init", "--project", str(project)]) == 0
    assert "warning: pyproject.toml:" in capsys.readouterr().out
    assert main(["init", "--project", str(project), "--relax", f"{name}=a log of each"]) == 0
    assert "once::Warning" not in capsys.readouterr().out
    assert evaluate(project).status is Status.PASSED


def test_a_setting_the_project_sets_itself_is_not_taken_from_a_file_further_up_its_extends(
    project: Path,
) -> None:
    # pyproject.toml extends base.json, which extends more.json: the project's own value wins.
    (project / "base.json").write_text('{"extends": "./more.json"}')
    (project / "more.json").write_text('{"reportAny": "none", "reportUnusedClass": "none"}')
    pyright = '[tool.pyright]\nextends = "base.json"\nreportAny = "error"\n'
    edit(project, "[tool.pyright]\n", pyright)
    (finding,) = evaluate(project).diagnostics
    assert finding.message.startswith('tool.pyright.reportUnusedClass = "none" turns off')
    assert finding.line == line_of(project, "extends =")


def test_a_file_that_hides_the_settings_is_an_error(project: Path) -> None:
    (project / "mypy.ini").write_text("[mypy]\n")
    outcome = evaluate(project)
    assert outcome.status is Status.ERROR
    assert "mypy.ini" in outcome.summary


def test_pytest_settings_in_a_ruff_toml_are_not_judged_as_pytest_never_reads_them(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
    files = {"pyproject.toml": pyproject, "ruff.toml": "line-length = 100\n", "src/": ""}
    project = initialized_projects.copy(tmp_path, files)
    pytest_table = '\n[tool.pytest.ini_options]\nfilterwarnings = ["error", "once::Warning"]\n'
    ruff_toml = project / "ruff.toml"
    ruff_toml.write_text(ruff_toml.read_text() + pytest_table)
    outcome = evaluate(project)
    assert outcome.status is Status.PASSED
    assert outcome.diagnostics == ()


def test_following_the_advice_for_a_kept_value_resolves_it(project: Path) -> None:
    edit(project, "warn_unreachable = true", "warn_unreachable = false")
    (finding,) = evaluate(project).diagnostics
    assert "`pyexpert-gates init --force tool.mypy.warn_unreachable`" in finding.message
    assert "--relax tool.mypy.warn_unreachable=REASON" in finding.message
    # A plain init keeps the value: the drift stays, so the advice must not be just `init`.
    assert main(["init", "--project", str(project)]) == 0
    assert evaluate(project).status is Status.FAILED
    reason = "legacy module graph"
    relax = ["--relax", f"tool.mypy.warn_unreachable={reason}"]
    assert main(["init", "--project", str(project), *relax]) == 0
    assert evaluate(project).status is Status.PASSED
    assert load_config(project).relaxations == {"tool.mypy.warn_unreachable": reason}
    assert "warn_unreachable = false" in (project / "pyproject.toml").read_text()


def test_forcing_one_key_replaces_only_that_key(project: Path) -> None:
    edit(project, "warn_unreachable = true", "warn_unreachable = false")
    edit(project, "strict_equality = true", "strict_equality = false")
    assert main(["init", "--project", str(project), "--force", "mypy.warn_unreachable"]) == 0
    (finding,) = evaluate(project).diagnostics
    assert finding.message.startswith("tool.mypy.strict_equality is false")


def test_a_refused_python_version_is_a_finding_and_init_replaces_it(project: Path) -> None:
    edit(project, 'python_version = "3.11"', 'python_version = "3.8"')
    (finding,) = evaluate(project).diagnostics
    assert finding.code == "config-refused"
    assert 'tool.mypy.python_version = "3.8" cannot work: mypy 2.4 refuses it' in finding.message
    assert main(["init", "--project", str(project)]) == 0
    assert 'python_version = "3.11"' in (project / "pyproject.toml").read_text()
    assert evaluate(project).status is Status.PASSED
