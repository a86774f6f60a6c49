"""The config gate reports settings the preset does not write that take checks away."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.config import GatesConfig, config_from_document
from pyexpert_gates.expert import RULES
from pyexpert_gates.gates.base import GateOutcome
from pyexpert_gates.gates.optouts import gates_opt_outs, tool_opt_outs
from pyexpert_gates.models import GateName, Status
from pyexpert_gates.presets import load_preset
from tests.conftest import InitializedProjects
from tests.helpers.config_gate import evaluate as check_config
from tests.helpers.projects import edit, write_files


def evaluate(project: Path) -> GateOutcome:
    return check_config(project, ("src", "tests"))


@pytest.fixture
def project(tmp_path: Path, initialized_projects: InitializedProjects) -> Path:
    files = {
        "pyproject.toml": '[project]\nname = "demo"\nrequires-python = ">=3.11"\n',
        "src/demo/legacy.py": '"""Old code."""\n',
        "tests/": "",
    }
    return initialized_projects.copy(tmp_path, files)


def line_of(project: Path, text: str) -> int:
    lines = (project / "pyproject.toml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


OPT_OUTS = [
    (
        "[tool.ruff.lint]\n",
        'exclude = ["src/demo/legacy.py"]\n',
        "tool.ruff.lint.exclude hides src/demo/legacy.py from ruff",
    ),
    (
        "[tool.ruff.lint]\n",
        'extend-ignore = ["PTH", "ANN"]\n',
        "tool.ruff.lint.extend-ignore turns off PTH, ANN",
    ),
    (
        "[tool.ruff.lint.per-file-ignores]\n",
        '"src/demo/*.py" = ["ALL"]\n',
        "tool.ruff.lint.per-file-ignores turns off ALL for src/demo/*.py",
    ),
    (
        "[tool.mypy]\n",
        'exclude = ["legacy"]\n',
        "tool.mypy.exclude hides src/demo/legacy.py from mypy",
    ),
    (
        "[tool.mypy]\n",
        'disable_error_code = ["arg-type"]\n',
        "tool.mypy.disable_error_code turns off mypy's arg-type",
    ),
    (
        "[tool.mypy]\n",
        "ignore_errors = true\n",
        "tool.mypy.ignore_errors = true hides every mypy error",
    ),
    *(
        ("[tool.mypy]\n", f"{setting}\n", f"tool.mypy.{setting} checks less than")
        for setting in (
            "strict_optional = false",
            "allow_redefinition = true",
            "implicit_optional = true",
            'follow_imports = "skip"',
            'follow_imports = "silent"',
            "ignore_missing_imports = true",
            "allow_untyped_globals = true",
            "warn_no_return = false",
            "implicit_reexport = true",
            "allow_untyped_defs = true",
        )
    ),
    (
        "[tool.pyright]\n",
        "strictListInference = false\n",
        "tool.pyright.strictListInference = false checks less than pyright's strict mode",
    ),
    (
        "[tool.pyright]\n",
        'ignore = ["src/demo"]\n',
        "tool.pyright.ignore hides src/demo/legacy.py from pyright",
    ),
    (
        "[tool.pyright]\n",
        'reportArgumentType = "none"\n',
        'tool.pyright.reportArgumentType = "none" turns off pyright\'s reportArgumentType',
    ),
    (
        'addopts = ["--strict-markers", "--strict-config"',
        ', "-p", "no:warnings", "--deselect=tests/test_a.py::test_b", "-p", "no:xdist"',
        "addopts passes -p no:warnings, --deselect=tests/test_a.py::test_b to pytest",
    ),
    *(
        (
            'addopts = ["--strict-markers", "--strict-config"',
            f", {added}",
            f"addopts passes {shown}",
        )
        for added, shown in (
            ('"tests/test_one.py"', "tests/test_one.py to pytest"),
            ('"-o", "python_functions=check_*"', "-o 'python_functions=check_*' to pytest"),
            ('"-W", "default"', "-W default to pytest"),
            ('"-pno:randomly"', "-pno:randomly to pytest"),
        )
    ),
    (
        "docstring-coverage = 100\n",
        'skip = ["mypy", "config"]\n',
        "tool.pyexpert-gates.skip leaves out the mypy, config gates",
    ),
    (
        'ignore = ["PXG003"]\n',
        'per-file-ignores = { "src/**" = ["PXG001", "PXG003"] }\n',
        "tool.pyexpert-gates.expert.per-file-ignores turns off PXG001 for src/**",
    ),
]


@pytest.mark.parametrize(("after", "added", "message"), OPT_OUTS)
def test_an_opt_out_is_a_finding_at_its_line(
    project: Path, after: str, added: str, message: str
) -> None:
    edit(project / "pyproject.toml", after, after + added)
    outcome = evaluate(project)
    assert outcome.status is Status.FAILED
    (finding,) = outcome.diagnostics
    assert finding.code == "config-opt-out"
    assert message in finding.message
    assert "record why in [tool.pyexpert-gates.relaxations]" in finding.message
    assert finding.path == "pyproject.toml"
    assert finding.line == line_of(project, added.strip())


@pytest.mark.parametrize(("after", "added", "message"), OPT_OUTS)
def test_a_recorded_opt_out_passes(project: Path, after: str, added: str, message: str) -> None:
    edit(project / "pyproject.toml", after, after + added)
    name = message.split(" ", 1)[0] if message.startswith("tool.") else "tool.pytest"
    reason = f'\n[tool.pyexpert-gates.relaxations]\n"{name}" = "legacy code, tracked"\n'
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + reason)
    assert evaluate(project).status is Status.PASSED


@pytest.mark.parametrize(
    ("after", "added"),
    [
        ("[tool.ruff.lint]\n", 'exclude = ["docs", "build/*.py"]\n'),
        ("[tool.pyright]\n", 'exclude = ["**/node_modules"]\n'),
        ("[tool.mypy]\n", 'exclude = ["^build/"]\n'),
        ('addopts = ["--strict-markers"', ', "--cov=demo", "-W", "error", "-p", "no:xdist"'),
        ("[tool.pyright]\n", 'reportMissingModuleSource = "warning"\n'),
    ],
)
def test_settings_that_take_nothing_away_pass(project: Path, after: str, added: str) -> None:
    edit(project / "pyproject.toml", after, after + added)
    assert evaluate(project).status is Status.PASSED


SECTIONS = [
    (
        '[[tool.mypy.overrides]]\nmodule = "demo.*"\nstrict_optional = false\n',
        "strict_optional",
        "tool.mypy.overrides.strict_optional = false for demo.* checks less than the preset",
    ),
    (
        '[[tool.mypy.overrides]]\nmodule = "demo.*"\nfollow_imports = "skip"\n',
        "follow_imports",
        'tool.mypy.overrides.follow_imports = "skip" for demo.* checks less than the preset',
    ),
    (
        '[[tool.mypy.overrides]]\nmodule = "demo.*"\nallow_untyped_calls = true\n',
        "allow_untyped_calls",
        "tool.mypy.overrides.allow_untyped_calls = true for demo.* checks less",
    ),
    (
        '[[tool.pyright.executionEnvironments]]\nroot = "src"\nreportReturnType = "none"\n',
        "reportReturnType",
        'executionEnvironments.reportReturnType = "none" for "src" turns off pyright\'s',
    ),
    (
        '[[tool.pyright.executionEnvironments]]\nroot = "src"\ntypeCheckingMode = "basic"\n',
        "typeCheckingMode",
        'executionEnvironments.typeCheckingMode = "basic" for "src" checks less than pyright',
    ),
    (
        '[[tool.pyright.executionEnvironments]]\nroot = "src"\nreportAny = false\n',
        "reportAny",
        'executionEnvironments.reportAny = false for "src" turns off pyright\'s reportAny',
    ),
]


@pytest.mark.parametrize(("section", "key", "message"), SECTIONS)
def test_a_weaker_option_in_a_per_module_or_environment_table_is_a_finding(
    project: Path, section: str, key: str, message: str
) -> None:
    path = project / "pyproject.toml"
    path.write_text(path.read_text() + "\n" + section)
    outcome = evaluate(project)
    assert outcome.status is Status.FAILED
    (finding,) = outcome.diagnostics
    assert finding.code == "config-opt-out"
    assert message in finding.message
    lines = path.read_text().splitlines()
    assert lines[finding.line - 1 if finding.line else 0].startswith(f"{key} =")
    name = finding.message.split(" ", 1)[0]
    relaxation = f'\n[tool.pyexpert-gates.relaxations]\n"{name}" = "legacy, tracked"\n'
    path.write_text(path.read_text() + relaxation)
    assert evaluate(project).status is Status.PASSED


@pytest.mark.parametrize(
    "section",
    [
        '[[tool.mypy.overrides]]\nmodule = "yaml.*"\nignore_missing_imports = true\n',
        '[[tool.mypy.overrides]]\nmodule = "demo.*"\ndisallow_any_expr = true\n',
        '[[tool.mypy.overrides]]\nmodule = "demo.*"\nwarn_unreachable = true\n',
        '[[tool.pyright.executionEnvironments]]\nroot = "src"\nreportAny = "error"\n',
        '[[tool.pyright.executionEnvironments]]\nroot = "src"\ntypeCheckingMode = "strict"\n',
    ],
)
def test_options_at_or_above_strict_in_sections_pass(project: Path, section: str) -> None:
    path = project / "pyproject.toml"
    path.write_text(path.read_text() + "\n" + section)
    assert evaluate(project).status is Status.PASSED


def test_init_relax_records_why_an_opt_out_stays(project: Path) -> None:
    override = '\n[[tool.mypy.overrides]]\nmodule = "tests.*"\ndisallow_untyped_defs = false\n'
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + override)
    assert evaluate(project).status is Status.FAILED
    name = "tool.mypy.overrides.disallow_untyped_defs"
    assert main(["init", "--project", str(project), "--relax", f"{name}=tests are untyped"]) == 0
    outcome = evaluate(project)
    assert outcome.status is Status.PASSED, outcome.diagnostics
    assert main(["init", "--project", str(project), "--relax", "tool.mypy.nosuch=why"]) == 2


@pytest.mark.parametrize(
    ("after", "added", "entries"),
    [
        (
            "[tool.ruff.lint]\n",
            'extend-ignore = ["PTH", "ANN"]\n',
            ("extend-ignore.", "PTH", "ANN"),
        ),
        (
            "[tool.ruff.lint.per-file-ignores]\n",
            '"src/demo/*.py" = ["T20", "ERA"]\n',
            ("per-file-ignores.", "src/demo/*.py.T20", "src/demo/*.py.ERA"),
        ),
    ],
)
def test_a_rule_list_relaxed_entry_by_entry_reports_each_entry_added_later(
    project: Path, after: str, added: str, entries: tuple[str, str, str]
) -> None:
    edit(project / "pyproject.toml", after, after + added)
    setting, recorded, new = entries
    relax = f"tool.ruff.lint.{setting}{recorded}=legacy"
    assert main(["init", "--project", str(project), "--relax", relax]) == 0
    outcome = evaluate(project)
    (finding,) = outcome.diagnostics
    assert f"also holds {new}, which no relaxation records" in finding.message
    assert finding.line == line_of(project, added.strip())
    relax = f"tool.ruff.lint.{setting}{new}=legacy too"
    assert main(["init", "--project", str(project), "--relax", relax]) == 0
    assert evaluate(project).status is Status.PASSED


OVERRIDE = '\n[[tool.mypy.overrides]]\nmodule = "{module}"\ndisallow_untyped_defs = false\n'


@pytest.mark.parametrize(
    ("first", "second", "relaxed"),
    [
        (
            ("", OVERRIDE.format(module="tests.*")),
            ("", OVERRIDE.format(module="demo.*")),
            ("tool.mypy.overrides.disallow_untyped_defs.", "tests.*", "demo.*"),
        ),
        (
            ('filterwarnings = ["error"', ', "once::Warning"'),
            ('"once::Warning"', ', "default"'),
            ("tool.pytest.ini_options.filterwarnings.", "once::Warning", "default"),
        ),
    ],
)
def test_a_relaxed_override_or_filter_covers_itself_not_one_added_later(
    project: Path, first: tuple[str, str], second: tuple[str, str], relaxed: tuple[str, str, str]
) -> None:
    pyproject = project / "pyproject.toml"
    setting, recorded, later = relaxed
    for (after, added), entry in ((first, recorded), (second, later)):
        text = pyproject.read_text()
        pyproject.write_text(text.replace(after, after + added, 1) if after else text + added)
        (finding,) = evaluate(project).diagnostics
        assert entry in finding.message
        relax = f"{setting}{entry}=kept from before"
        assert main(["init", "--project", str(project), "--relax", relax]) == 0
        assert evaluate(project).status is Status.PASSED


PRESET = load_preset().tools
SOURCES = ("src/demo/legacy.py", "tests/test_legacy.py")


def ruff(path: str, value: object) -> dict[str, object]:
    """A ``[tool.ruff]`` table with one dotted setting."""
    *tables, key = path.split(".")
    table: dict[str, object] = {key: value}
    for name in reversed(tables):
        table = {name: table}
    return table


def ruff_excludes() -> tuple[str, ...]:
    return ("exclude", "extend-exclude", "lint.exclude", "format.exclude")


def file_ignores() -> tuple[str, ...]:
    return (
        "lint.per-file-ignores",
        "lint.extend-per-file-ignores",
        "per-file-ignores",
        "extend-per-file-ignores",
    )


RUFF_KEYS = [
    (
        "lint.per-file-ignores",
        {"tests/**": ["S101", "ANN"]},
        "turns off ANN for tests/**",
    ),
    ("lint.per-file-ignores", {"src/**": ["ANN", "T20"]}, "turns off ANN, T20 for src/**"),
    ("include", ["src/**/*.py"], "leaves tests/test_legacy.py out of ruff"),
    ("include", ["tests/*.py"], "leaves src/demo/legacy.py out of ruff"),
    *((key, ["src/demo"], "hides src/demo/legacy.py from ruff") for key in ruff_excludes()[:2]),
    *((key, ["src/demo/*"], "hides src/demo/legacy.py from ruff") for key in ruff_excludes()[2:]),
    *((key, ["PTH", "COM812"], "turns off PTH") for key in ("lint.ignore", "ignore")),
    *((key, ["E501"], "turns off E501") for key in ("lint.extend-ignore", "extend-ignore")),
    *(
        (key, {"src/**": ["ANN"], "**/tests/**": ["S101"]}, "turns off ANN for src/**")
        for key in file_ignores()
    ),
]


@pytest.mark.parametrize("label", ["pyproject.toml", "ruff.toml"])
@pytest.mark.parametrize(("key", "value", "message"), RUFF_KEYS)
def test_every_ruff_key_that_takes_checks_away_is_reported(
    label: str, key: str, value: object, message: str
) -> None:
    table = ruff(key, value)
    document: dict[str, object] = {"tool": {"ruff": table}} if label == "pyproject.toml" else table
    (found,) = tool_opt_outs(label, document, PRESET, SOURCES)
    assert (found.name, found.message) == (f"tool.ruff.{key}", message)
    # A table's finding sits at the pattern that turns the rule off.
    pattern = message.rsplit(" for ", 1)[-1]
    assert found.key == (key.rsplit(".", 1)[-1] if isinstance(value, list) else pattern)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        *((key, ["docs", "build/*.py"]) for key in ruff_excludes()),
        ("include", ["*.py", "*.pyi"]),
        ("include", ["src/**", "tests/**"]),
        ("extend-include", ["*.ipy"]),
        # The preset's own ignores, and rules that run only under preview, take nothing away.
        ("lint.ignore", ["COM812", "D1", "E203", "E2", "E221", "W391"]),
        ("lint.extend-ignore", "E203"),
        *(
            (key, {"**/tests/**": ["S101", "PLR2004"], "src/**": ["COM812"]})
            for key in file_ignores()
        ),
        # The preset's codes under another pattern that covers the same checked files.
        ("lint.per-file-ignores", {"tests/**": ["S101", "PLR2004"], "tests/test_*.py": ["INP001"]}),
        # A pattern that matches no checked file takes nothing away.
        ("lint.per-file-ignores", {"docs/**": ["ALL"]}),
        ("lint.ignore", 5),
        ("lint.per-file-ignores", ["not", "a", "table"]),
    ],
)
def test_ruff_settings_that_take_nothing_away_are_not_reported(key: str, value: object) -> None:
    assert tool_opt_outs("ruff.toml", ruff(key, value), PRESET, SOURCES) == []


@pytest.mark.parametrize("preview", ["preview", "lint.preview"])
def test_a_preview_rule_turned_off_under_preview_is_reported(preview: str) -> None:
    ignore = ["E203", "E501"]
    table: dict[str, object] = {"lint": {"ignore": ignore, "preview": True}}
    if preview == "preview":
        table = {"lint": {"ignore": ignore}, "preview": True}
    (found,) = tool_opt_outs("ruff.toml", table, PRESET, SOURCES)
    assert found.message == "turns off E203, E501"


@pytest.mark.parametrize(
    ("style", "rules"),
    [({"quote-style": "preserve"}, ["Q000", "Q001"]), ({"indent-style": "tab"}, ["W191", "D206"])],
)
def test_rules_init_turns_off_to_agree_with_the_formatter_are_not_reported(
    style: dict[str, str], rules: list[str]
) -> None:
    table: dict[str, object] = {"format": style, "lint": {"ignore": [*rules, "E501"]}}
    (found,) = tool_opt_outs("ruff.toml", table, PRESET, SOURCES)
    assert found.message == "turns off E501"


OTHER_TOOLS = [
    *(
        (
            {"mypy": {"ignore_errors": value}},
            "tool.mypy.ignore_errors",
            "= true hides every mypy error",
        )
        for value in (True, "yes", "True", 1)
    ),
    (
        {"mypy": {"disable_error_code": ["arg-type", "misc"]}},
        "tool.mypy.disable_error_code",
        "turns off mypy's arg-type, misc",
    ),
    (
        {"mypy": {"exclude": "legacy"}},
        "tool.mypy.exclude",
        "hides src/demo/legacy.py and 1 more checked file from mypy",
    ),
    # mypy matches a folder's path with a slash at its end.
    (
        {"mypy": {"exclude": "^src/demo/$"}},
        "tool.mypy.exclude",
        "hides src/demo/legacy.py from mypy",
    ),
    (
        {"mypy": {"overrides": [{"module": ["a", "b"], "ignore_errors": True}]}},
        "tool.mypy.overrides.ignore_errors",
        "= true hides every mypy error for a, b",
    ),
    (
        {"mypy": {"overrides": [{"disable_error_code": "misc"}]}},
        "tool.mypy.overrides.disable_error_code",
        "turns off mypy's misc for no module",
    ),
    (
        {"mypy": {"overrides": [{"module": "a", "check_untyped_defs": False}]}},
        "tool.mypy.overrides.check_untyped_defs",
        "= false for a checks less than the preset",
    ),
    (
        {"mypy": {"strict_optional": False}},
        "tool.mypy.strict_optional",
        "= false checks less than the preset's mypy --strict",
    ),
    (
        {"pyright": {"exclude": ["src"]}},
        "tool.pyright.exclude",
        "hides src/demo/legacy.py from pyright",
    ),
    (
        {"pyright": {"ignore": ["tests/*.py"]}},
        "tool.pyright.ignore",
        "hides tests/test_legacy.py from pyright",
    ),
    (
        {"pyright": {"reportAny": "information"}},
        "tool.pyright.reportAny",
        '= "information" turns off pyright\'s reportAny',
    ),
    # Items of the wrong type are left out, as the tools refuse them (config-refused).
    (
        {"mypy": {"disable_error_code": ["misc", 5]}},
        "tool.mypy.disable_error_code",
        "turns off mypy's misc",
    ),
    (
        {"pyright": {"executionEnvironments": ["src", {"reportAny": False}]}},
        "tool.pyright.executionEnvironments.reportAny",
        "= false for no root turns off pyright's reportAny",
    ),
    (
        {"pyright": {"executionEnvironments": [{"root": "src", "typeCheckingMode": "basic"}]}},
        "tool.pyright.executionEnvironments.typeCheckingMode",
        '= "basic" for "src" checks less than pyright\'s strict mode',
    ),
    (
        {"pytest": {"ini_options": {"python_functions": "check_*"}}},
        "tool.pytest.ini_options.python_functions",
        '= "check_*" no longer collects test_example',
    ),
    (
        {"pytest": {"python_files": ["check_*.py", "*_test.py"]}},
        "tool.pytest.python_files",
        '= ["check_*.py", "*_test.py"] no longer collects test_example.py',
    ),
    (
        {"pytest": {"ini_options": {"python_classes": "Check"}}},
        "tool.pytest.ini_options.python_classes",
        '= "Check" no longer collects TestExample',
    ),
    (
        {"pytest": {"ini_options": {"testpaths": ["src"]}}},
        "tool.pytest.ini_options.testpaths",
        "leaves tests/test_legacy.py out of pytest",
    ),
    (
        {"pytest": {"norecursedirs": "tests .*"}},
        "tool.pytest.norecursedirs",
        "leaves tests/test_legacy.py out of pytest",
    ),
    (
        {"pytest": {"ini_options": {"addopts": "-k fast"}}},
        "tool.pytest.ini_options.addopts",
        "passes -k fast to pytest, which leave tests out or silence",
    ),
    (
        {"pytest": {"addopts": ["-m", "fast", "--strict-markers"]}},
        "tool.pytest.addopts",
        "passes -m fast to pytest, which leave tests out or silence",
    ),
]


@pytest.mark.parametrize(("tools", "name", "message"), OTHER_TOOLS)
def test_every_mypy_pyright_and_pytest_opt_out_is_reported(
    tools: dict[str, object], name: str, message: str
) -> None:
    (found,) = tool_opt_outs("pyproject.toml", {"tool": tools}, PRESET, SOURCES)
    assert (found.name, found.message) == (name, message)


@pytest.mark.parametrize(
    "tools",
    [
        {"mypy": {"ignore_errors": False, "disable_error_code": [], "exclude": "^build/"}},
        {"mypy": {"ignore_errors": "off", "overrides": [{"module": "a", "ignore_errors": 0}]}},
        {
            "mypy": {
                "warn_unreachable": False,
                "overrides": [{"module": "a", "ignore_errors": False}],
            }
        },
        {"mypy": {"overrides": [{"module": "yaml", "ignore_missing_imports": True}]}},
        # No path mypy matches ends at a folder's name: "tests/" for the folder.
        {"mypy": {"exclude": ["^tests$", "^src/demo$"]}},
        # Options the strict standard leaves at their lax default stay lax without a finding.
        {"mypy": {"disallow_any_expr": False, "warn_incomplete_stub": False}},
        {"pyright": {"exclude": ["build"], "reportAny": "warning", "typeCheckingMode": "basic"}},
        {"pytest": {"ini_options": {"addopts": "--strict-markers -n auto"}}},
        {
            "pytest": {
                "ini_options": {
                    "python_functions": "test check_*",
                    "python_files": "test_*.py *_test.py check_*.py",
                    "python_classes": ["Test", "Check"],
                    "testpaths": ["tests", "src"],
                    "norecursedirs": [".*", "build", "docs"],
                }
            }
        },
        {"mypy": {"overrides": 5, "disable_error_code": 5}, "pyright": {"ignore": 5}},
        {"pyright": {"executionEnvironments": {"root": "src", "reportAny": False}}},
        # Other tools read only pyproject.toml: their tables in a ruff.toml mean nothing.
        {"mypy": "not a table", "pyright": ["not", "a", "table"]},
    ],
)
def test_other_settings_that_take_nothing_away_are_not_reported(tools: dict[str, object]) -> None:
    # The preset's own keys in the main tables (warn_unreachable, typeCheckingMode) are the
    # merge's to compare: reported once, as config-differs.
    assert tool_opt_outs("pyproject.toml", {"tool": tools}, PRESET, SOURCES) == []


def gates(table: dict[str, object]) -> GatesConfig:
    return config_from_document({"tool": {"pyexpert-gates": table}}, origin="pyproject.toml")


PRESET_GATES = config_from_document({"tool": PRESET}, origin="strict")


@pytest.mark.parametrize(
    ("table", "name", "message"),
    [
        ({"gates": ["ruff", "mypy"]}, "tool.pyexpert-gates.gates", "leaves out the format"),
        ({"skip": ["pytest"]}, "tool.pyexpert-gates.skip", "leaves out the pytest gate"),
        (
            {"expert": {"select": ["PXG001", "PXG003"]}},
            "tool.pyexpert-gates.expert.select",
            "turns off PXG000, PXG002, PXG004, PXG005",
        ),
        (
            {"expert": {"ignore": ["PXG002", "PXG003"]}},
            "tool.pyexpert-gates.expert.ignore",
            "turns off PXG002",
        ),
        (
            {"expert": {"per-file-ignores": {"src/**": ["PXG003", "PXG005"]}}},
            "tool.pyexpert-gates.expert.per-file-ignores",
            "turns off PXG005 for src/**",
        ),
    ],
)
def test_every_gate_and_expert_rule_left_out_is_reported(
    table: dict[str, object], name: str, message: str
) -> None:
    (found,) = gates_opt_outs(gates(table), PRESET_GATES)
    assert found.name == name
    assert found.message.startswith(message)


def test_a_per_file_ignore_of_the_expert_rules_is_found_at_its_pattern() -> None:
    table: dict[str, object] = {"expert": {"per-file-ignores": {"src/**": ["PXG005"]}}}
    (found,) = gates_opt_outs(gates(table), PRESET_GATES)
    assert (found.table, found.key) == (
        ("tool", "pyexpert-gates", "expert", "per-file-ignores"),
        "src/**",
    )


@pytest.mark.parametrize(
    "table",
    [
        {},
        {"skip": []},
        {"gates": list(GateName)},
        {"expert": {"ignore": ["PXG003"], "per-file-ignores": {"src/**": ["PXG003"]}}},
    ],
)
def test_gates_settings_at_the_preset_are_not_reported(table: dict[str, object]) -> None:
    assert gates_opt_outs(gates(table), PRESET_GATES) == []


def test_rules_the_preset_leaves_out_may_be_left_out() -> None:
    every = sorted(rule.code.value for rule in RULES)
    preset = gates({"expert": {"select": every[:-1], "ignore": []}})
    assert gates_opt_outs(gates({"expert": {"select": every[:-1]}}), preset) == []
    assert gates_opt_outs(gates({"expert": {"ignore": every[-1:]}}), preset) == []
    (found,) = gates_opt_outs(gates({"expert": {"ignore": every[:1]}}), preset)
    assert found.message == f"turns off {every[0]}"


PYRIGHT_EXTENDS = [
    (
        {"base.json": '{\n  // shared\n  "reportAny": "none",\n  "reportUnusedClass": "error",\n}'},
        'tool.pyright.reportAny = "none" turns off pyright\'s reportAny, in ../shared/base.json',
    ),
    (
        {
            "base.json": '{"extends": "./more.json"}',
            "more.json": '{"ignore": ["../{project}/src"]}',
        },
        (
            "tool.pyright.ignore hides ../{project}/src/demo/legacy.py from pyright, in "
            "../shared/more.json"
        ),
    ),
    (
        {"base.toml": '[tool.pyright]\nexecutionEnvironments = [{root="src", reportAny=false}]'},
        'tool.pyright.executionEnvironments.reportAny = false for "src" turns off',
    ),
]


@pytest.mark.parametrize(("files", "message"), PYRIGHT_EXTENDS)
def test_what_the_files_pyright_extends_take_away_is_found(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    project = tmp_path / "demo-project"
    project.mkdir()
    write_files(
        project, {"pyproject.toml": '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'}
    )
    write_files(project, {"src/demo/legacy.py": '"""Old code."""\n', "tests/__init__.py": ""})
    assert main(["init", "--project", str(project)]) == 0
    shared = {
        f"shared/{name}": text.replace("{project}", project.name) for name, text in files.items()
    }
    write_files(tmp_path, shared)
    extends = next(iter(files))
    edit(
        project / "pyproject.toml",
        "[tool.pyright]\n",
        f'[tool.pyright]\nextends = "../shared/{extends}"\n',
    )
    outcome = evaluate(project)
    (finding,) = outcome.diagnostics
    assert finding.code == "config-opt-out"
    assert finding.message.startswith(message.replace("{project}", project.name))
    assert finding.line == line_of(project, "extends =")


def test_settings_pyright_extends_that_the_project_sets_itself_pass(project: Path) -> None:
    write_files(project, {"base.json": '{"reportAny": "none", "typeCheckingMode": "basic"}'})
    edit(
        project / "pyproject.toml",
        "[tool.pyright]\n",
        '[tool.pyright]\nextends = "base.json"\nreportAny = "error"\n',
    )
    assert evaluate(project).status is Status.PASSED


def test_an_extended_pyright_file_that_is_not_json_is_an_error(project: Path) -> None:
    write_files(project, {"base.json": '{"reportAny": \n'})
    edit(project / "pyproject.toml", "[tool.pyright]\n", '[tool.pyright]\nextends = "base.json"\n')
    outcome = evaluate(project)
    assert outcome.status is Status.ERROR
    assert "base.json:2: invalid JSON" in outcome.summary


def test_a_collection_pattern_that_loses_both_default_file_names_names_both() -> None:
    tools = {"pytest": {"ini_options": {"python_files": "check_*.py"}}}
    (found,) = tool_opt_outs("pyproject.toml", {"tool": tools}, PRESET, SOURCES)
    assert found.message == '= "check_*.py" no longer collects test_example.py, example_test.py'


def test_a_gate_left_out_is_found_by_its_table_and_key() -> None:
    (found,) = gates_opt_outs(gates({"skip": ["pytest"]}), PRESET_GATES)
    assert (found.table, found.key) == (("tool", "pyexpert-gates"), "skip")


def test_expert_rules_turned_off_for_some_files_are_each_named() -> None:
    table: dict[str, object] = {"expert": {"per-file-ignores": {"src/**": ["PXG005", "PXG001"]}}}
    (found,) = gates_opt_outs(gates(table), PRESET_GATES)
    assert found.message == "turns off PXG001, PXG005 for src/**"
