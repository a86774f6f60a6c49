"""The merge, text in and text out: every layout a real pyproject.toml uses."""

from pathlib import Path

import pytest

from pyexpert_gates.init.merge import ChangeKind, MergePlan, plan_merge
from pyexpert_gates.init.plan import legacy_ruff_moves, render
from pyexpert_gates.textfile import TextFile, parse_toml

Patch = dict[str, object]


def merge_text(text: str, patch: Patch, *, force: bool = False) -> tuple[str, MergePlan]:
    data = parse_toml(text, "pyproject.toml")
    moves = legacy_ruff_moves(data, ("tool", "ruff"))
    plan = plan_merge(data, patch, force=force, moves=moves)
    file = TextFile(path=Path("pyproject.toml"), text=text, exists=bool(text))
    comments = {"COM812": "the formatter adds trailing commas"}
    new_text = render(file, data, plan, comments, "pyproject.toml") if plan.changes else text
    return new_text, plan


def ruff_lint(**lint: object) -> Patch:
    return {"tool": {"ruff": {"lint": lint}}}


@pytest.mark.parametrize(
    ("before", "patch", "after"),
    [
        pytest.param(
            "[tool.mypy]\nstrict = true  # keep\n",
            {"tool": {"mypy": {"warn_unreachable": True}}},
            "[tool.mypy]\nstrict = true  # keep\nwarn_unreachable = true\n",
            id="absent-key-added-after-comment",
        ),
        pytest.param(
            '[tool.ruff]\nline-length = 100\nlint.select = ["E"]  # mine\n\n[tool.other]\nx = 1\n',
            ruff_lint(select=["E", "F"], pydocstyle={"convention": "google"}),
            '[tool.ruff]\nline-length = 100\nlint.select = ["E", "F"]  # mine\n'
            'lint.pydocstyle.convention = "google"\n\n[tool.other]\nx = 1\n',
            id="dotted-keys-stay-dotted",
        ),
        pytest.param(
            "[tool.ruff]\nline-length = 100\n\n[tool.black]\nx = 1\n\n"
            '[tool.ruff.lint]\nselect = ["E"]\n',
            {
                "tool": {
                    "ruff": {"target-version": "py311", "lint": {"mccabe": {"max-complexity": 10}}}
                }
            },
            '[tool.ruff]\nline-length = 100\ntarget-version = "py311"\n\n[tool.black]\nx = 1\n\n'
            '[tool.ruff.lint]\nselect = ["E"]\n\n[tool.ruff.lint.mccabe]\nmax-complexity = 10\n',
            id="table-split-across-the-file",
        ),
        pytest.param(
            '[[tool.mypy.overrides]]\nmodule = "a"\nignore_errors = true\n',
            {"tool": {"mypy": {"strict_equality": True}}},
            "[tool.mypy]\nstrict_equality = true\n\n"
            '[[tool.mypy.overrides]]\nmodule = "a"\nignore_errors = true\n',
            id="array-of-tables-kept",
        ),
        pytest.param(
            '[tool.ruff.lint]\nper-file-ignores = { "a.py" = ["E1"] }\n',
            ruff_lint(**{"per-file-ignores": {"a.py": ["E2"], "tests/**": ["S101"]}}),
            '[tool.ruff.lint]\nper-file-ignores = { "a.py" = ["E1", "E2"], '
            '"tests/**" = ["S101"]}\n',
            id="inline-table-extended-inline",
        ),
        pytest.param(
            '[tool.ruff]\nline-length = 100\nselect = ["E"]  # mine\n\n'
            '[tool.ruff.isort]\nknown-first-party = ["x"]\n',
            ruff_lint(select=["F"]),
            '[tool.ruff]\nline-length = 100\n\n\n[tool.ruff.lint]\nselect = ["E", "F"]  # mine\n\n'
            '[tool.ruff.lint.isort]\nknown-first-party = ["x"]\n',
            id="legacy-ruff-settings-moved-into-lint",
        ),
        pytest.param(
            "[tool.ruff]\nline-length = 120\nlint.preview = true\n"
            '[tool.ruff.per-file-ignores]\n"tests/**/*.py" = [\n  "S101", # asserts\n]\n'
            '"docs/*.py" = ["D"]\n\n[tool.x]\ny = 1\n',
            ruff_lint(select=["F"]),
            '[tool.ruff]\nline-length = 120\nlint.preview = true\nlint.per-file-ignores."tests/**/'
            '*.py" = [\n  "S101", # asserts\n]\nlint.per-file-ignores."docs/*.py" = ["D"]\n'
            'lint.select = ["F"]\n\n[tool.x]\ny = 1\n',
            id="legacy-ruff-table-moved-under-a-dotted-lint-as-dotted-keys",
        ),
        pytest.param(
            "[tool.mypy]\r\nstrict = true\r\n",
            {
                "tool": {
                    "mypy": {"warn_unreachable": True},
                    "pyright": {"typeCheckingMode": "strict"},
                }
            },
            "[tool.mypy]\r\nstrict = true\r\nwarn_unreachable = true\r\n\r\n[tool.pyright]\r\n"
            'typeCheckingMode = "strict"\r\n',
            id="crlf-stays-crlf",
        ),
        pytest.param(
            "[tool.black]\n# Ünïcode ✓\n\tx = 1",
            {"tool": {"mypy": {"strict": True}}},
            "[tool.black]\n# Ünïcode ✓\n\tx = 1\n\n[tool.mypy]\nstrict = true",
            id="tabs-non-ascii-no-final-newline",
        ),
        pytest.param(
            '[tool.ruff.lint]\nselect = [\n  "E",  # errors\n  "F",\n]\n',
            ruff_lint(select=["F", "B", "COM812"]),
            '[tool.ruff.lint]\nselect = [\n  "E",  # errors\n  "F",\n  "B",\n'
            '  "COM812", # the formatter adds trailing commas\n]\n',
            id="multiline-list-keeps-its-layout",
        ),
        pytest.param(
            '[tool.pytest.ini_options]\naddopts = "-ra"  # mine\n'
            'filterwarnings = ["ignore::DeprecationWarning"]\n',
            {
                "tool": {
                    "pytest": {
                        "ini_options": {
                            "addopts": ["--strict-markers"],
                            "filterwarnings": ["error"],
                        }
                    }
                }
            },
            '[tool.pytest.ini_options]\naddopts = "-ra --strict-markers"  # mine\n'
            'filterwarnings = ["error","ignore::DeprecationWarning"]\n',
            id="pytest-options-string-and-error-filter-first",
        ),
        pytest.param(
            "",
            {
                "tool": {
                    "mypy": {"strict": True},
                    "ruff": {"lint": {"select": ["A", "B", "C", "D"]}},
                }
            },
            "[tool.mypy]\nstrict = true\n\n"
            '[tool.ruff.lint]\nselect = [\n    "A",\n    "B",\n    "C",\n'
            '    "D",\n]\n',
            id="new-file",
        ),
        pytest.param(
            '[tool.mypy]\nenable_error_code = "ignore-without-code"\n',
            {"tool": {"mypy": {"enable_error_code": ["ignore-without-code", "truthy-bool"]}}},
            '[tool.mypy]\nenable_error_code = "ignore-without-code, truthy-bool"\n',
            id="mypy-codes-in-a-string-stay-comma-separated",
        ),
        pytest.param(
            '[tool.ruff.lint]\nselect = ["ALL"]\nignore = ["D2"]\n',
            ruff_lint(select=["E", "PLR"], ignore=["D203"]),
            '[tool.ruff.lint]\nselect = ["ALL"]\nignore = ["D2"]\n',
            id="selectors-already-covering-add-nothing",
        ),
        pytest.param(
            '[tool.poetry.dependencies]\nx = "1"\n\n[build-system]\nrequires = []\n',
            {"tool": {"mypy": {"strict": True}, "gates": {"a": 1, "expert": {"m": 30}}}},
            '[tool.poetry.dependencies]\nx = "1"\n\n[tool.mypy]\nstrict = true\n\n'
            "[tool.gates]\na = 1\n\n[tool.gates.expert]\nm = 30\n\n"
            "[build-system]\nrequires = []\n",
            id="new-tables-before-another-are-set-apart",
        ),
        pytest.param(
            '[tool.ruff.lint]\nselect = ["E", "F"]  # mine\n\n[tool.x]\ny = 1\n',
            ruff_lint(select=[f"RULE{number:03}" for number in range(12)]),
            '[tool.ruff.lint]\nselect = [\n    "E",\n    "F",\n'
            + "".join(f'    "RULE{number:03}",\n' for number in range(12))
            + "]  # mine\n\n[tool.x]\ny = 1\n",
            id="a-long-one-line-list-goes-one-item-per-line",
        ),
    ],
)
def test_merge_text(before: str, patch: Patch, after: str) -> None:
    merged, _ = merge_text(before, patch)
    assert merged == after
    again, plan = merge_text(merged, patch)
    assert again == merged
    assert not plan.changes


@pytest.mark.parametrize(
    ("force", "after", "conflicts"),
    [
        (False, '[tool.mypy]\npython_version = "3.12"  # ours\n', 1),
        (True, '[tool.mypy]\npython_version = "3.11"  # ours\n', 0),
    ],
)
def test_differing_value_is_kept_unless_forced(*, force: bool, after: str, conflicts: int) -> None:
    before = '[tool.mypy]\npython_version = "3.12"  # ours\n'
    merged, plan = merge_text(before, {"tool": {"mypy": {"python_version": "3.11"}}}, force=force)
    assert merged == after
    assert len(plan.conflicts) == conflicts
    if conflicts:
        assert plan.conflicts[0].theirs == "3.12"
        assert plan.conflicts[0].preset == "3.11"


@pytest.mark.parametrize(
    ("theirs", "preset", "same"),
    [(True, "error", True), (False, "none", True), ("warning", "error", False)],
)
def test_pyright_booleans_mean_severities(*, theirs: object, preset: object, same: bool) -> None:
    current = {"tool": {"pyright": {"reportUnreachable": theirs}}}
    plan = plan_merge(current, {"tool": {"pyright": {"reportUnreachable": preset}}})
    assert (not plan.conflicts) is same


def test_moves_skip_keys_lint_already_has() -> None:
    data = parse_toml('[tool.ruff]\nselect = ["E"]\n[tool.ruff.lint]\nselect = ["F"]\n', "x")
    assert legacy_ruff_moves(data, ("tool", "ruff")) == []


def test_plan_lists_kinds_in_order() -> None:
    _, plan = merge_text('[tool.ruff]\nignore = ["E1"]\n', ruff_lint(ignore=["E2"], select=["F"]))
    kinds = [(change.kind, ".".join(change.path)) for change in plan.changes]
    assert kinds == [
        (ChangeKind.MOVE, "tool.ruff.lint.ignore"),
        (ChangeKind.EXTEND, "tool.ruff.lint.ignore"),
        (ChangeKind.ADD, "tool.ruff.lint.select"),
    ]
