"""A test that fails only because of the preset's pytest settings says which and how to relax it."""

from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.gates.pytest_causes import explain
from pyexpert_gates.models import Diagnostic
from tests.helpers.projects import check_json, clean_project, gates_of, write_files

FAILING = {
    "tests/test_warn.py": (
        "import warnings\n\n\ndef test_warns() -> None:\n"
        '    warnings.warn("old api (use new)", DeprecationWarning, stacklevel=1)\n'
    ),
    "tests/test_xpass.py": (
        'import pytest\n\n\n@pytest.mark.xfail(reason="bug 12")\n'
        "def test_passes() -> None:\n    pass\n"
    ),
    "tests/test_marker.py": (
        "import pytest\n\n\n@pytest.mark.network\ndef test_marked() -> None:\n    pass\n"
    ),
}


@pytest.mark.slow
def test_each_failure_names_the_preset_setting_and_the_relaxation(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    write_files(project, FAILING)
    _, document = check_json(project, "--gate", "pytest", "--no-cache")
    diagnostics = cast("list[dict[str, object]]", gates_of(document)["pytest"]["diagnostics"])
    messages = {str(item["path"]): str(item["message"]) for item in diagnostics}
    assert len(diagnostics) == len(FAILING)
    assert (
        '@pytest.mark.filterwarnings("ignore::DeprecationWarning")'
        in messages["tests/test_warn.py"]
    )
    assert '"ignore:old api:DeprecationWarning"' in messages["tests/test_warn.py"]
    assert "@pytest.mark.xfail(strict=False)" in messages["tests/test_xpass.py"]
    assert 'markers = ["network: what it marks"]' in messages["tests/test_marker.py"]


@pytest.mark.parametrize(
    "message",
    ["AssertionError: assert 1 == 2", "ValueError: Warning: not a warning category"],
)
def test_other_failures_are_left_as_they_are(message: str) -> None:
    problem = Diagnostic(path="tests/test_a.py", line=1, message=message)
    assert explain(problem) == problem


def test_a_warning_class_of_a_package_is_named_in_full() -> None:
    problem = Diagnostic(path="tests/test_a.py", line=1, message="pkg.errors.OddWarning: odd")
    assert '"ignore::pkg.errors.OddWarning"' in explain(problem).message
