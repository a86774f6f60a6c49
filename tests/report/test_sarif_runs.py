"""The SARIF log of the sample report: one run per gate that ran, levels, regions, rules."""

import json

from pyexpert_gates.report import render
from tests.helpers.samples import REPORT


def test_sarif_has_one_run_per_gate_that_ran_with_rules_and_regions() -> None:
    log = json.loads(render(REPORT, "sarif"))
    assert log["version"] == "2.1.0"
    runs = {run["properties"]["gate"]: run for run in log["runs"]}
    assert list(runs) == ["ruff", "format", "mypy", "pyright", "docstrings", "expert"]
    names = [run["tool"]["driver"]["name"] for run in log["runs"]]
    assert len(set(names)) == len(names)
    [rule] = runs["ruff"]["tool"]["driver"]["rules"]
    assert rule == {
        "id": "F401",
        "name": "unused-import",
        "helpUri": "https://docs.astral.sh/ruff/rules/unused-import/",
    }
    [result] = runs["ruff"]["results"]
    assert result["ruleId"] == "F401"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 10
    }  # fmt: skip
    assert runs["ruff"]["properties"]["baselined"] == 2
    assert runs["docstrings"]["properties"]["cached"] is True


def test_sarif_levels_whole_files_and_tools_that_could_not_run() -> None:
    runs = {run["properties"]["gate"]: run for run in json.loads(render(REPORT, "sarif"))["runs"]}
    assert [result["level"] for result in runs["mypy"]["results"]] == ["error", "note"]
    [whole_file] = runs["format"]["results"]
    assert whole_file["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    [invocation] = runs["pyright"]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == (
        "pyright: executable not found"
    )
    assert runs["expert"]["tool"]["driver"]["rules"][0]["help"]["text"].startswith(
        "Dataclasses declare `slots=True`."
    )
