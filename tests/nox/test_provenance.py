"""What an isolated session installs: this pyexpert-gates as installed here, and the project."""

from pathlib import Path

import pytest

from pyexpert_gates.nox.provenance import project_arguments, reinstall_arguments, this_installation


@pytest.mark.parametrize(
    ("direct_url", "arguments"),
    [
        (None, ("pyexpert-gates==1.2.0",)),
        ('{"url": "file:///src/gates", "dir_info": {"editable": true}}', ("-e", "/src/gates")),
        ('{"url": "file:///src/gates", "dir_info": {}}', ("/src/gates",)),
        (
            '{"url": "file:///w/pyexpert_gates-1.2.0-py3-none-any.whl", "archive_info": {}}',
            ("/w/pyexpert_gates-1.2.0-py3-none-any.whl",),
        ),
        (
            '{"url": "https://example.org/g.whl", "archive_info": {}}',
            ("pyexpert-gates @ https://example.org/g.whl",),
        ),
        (
            '{"url": "https://example.org/g.git", "vcs_info": {"vcs": "git", "commit_id": "ab"}}',
            ("pyexpert-gates @ git+https://example.org/g.git@ab",),
        ),
        ("not json", ("pyexpert-gates==1.2.0",)),
        ('{"url": "file:///x"}', ("pyexpert-gates==1.2.0",)),
    ],
)
def test_the_installation_is_reproduced(direct_url: str | None, arguments: tuple[str, ...]) -> None:
    assert reinstall_arguments(direct_url, "1.2.0") == arguments


def test_this_checkout_is_installed_editable() -> None:
    repository = Path(__file__).resolve().parents[2]
    assert this_installation() == ("-e", str(repository))


@pytest.mark.parametrize(
    ("pyproject", "setup_py", "arguments"),
    [
        ({"project": {"name": "calc"}}, False, ("-e", "{root}")),
        (
            {"project": {"name": "calc", "optional-dependencies": {"test": [], "docs": []}}},
            False,
            ("-e", "{root}[test]"),
        ),
        (
            {"project": {"name": "calc", "optional-dependencies": {"dev": [], "tests": []}}},
            False,
            ("-e", "{root}[tests]"),
        ),
        (
            {"project": {"name": "calc", "optional-dependencies": {"dev": []}}},
            False,
            ("-e", "{root}[dev]"),
        ),
        ({}, True, ("-e", "{root}")),
        ({}, False, ()),
    ],
)
def test_the_project_is_installed_editable_with_its_test_extra(
    tmp_path: Path, pyproject: dict[str, object], setup_py: str, arguments: tuple[str, ...]
) -> None:
    if setup_py:
        (tmp_path / "setup.py").write_text("", encoding="utf-8")
    expected = tuple(argument.format(root=tmp_path) for argument in arguments)
    assert project_arguments(tmp_path, pyproject) == expected
