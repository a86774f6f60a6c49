"""The package's imports point one way: checked by import-linter against pyproject's contracts."""

import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"
PACKAGE = Path(__file__).parents[1] / "src" / "pyexpert_gates"
CONTRACTS = (
    "the floors: each imports only the floors below it",
    "init never imports check",
    "the process module imports no gate",
    "the domain starts no process",
    "a check request is light to import",
)


def test_the_contracts_are_configured() -> None:
    configured = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert tuple(contract["name"] for contract in configured["contracts"]) == CONTRACTS


def test_every_contract_is_kept(capsys: pytest.CaptureFixture[str]) -> None:
    exit_code = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    output = capsys.readouterr().out
    assert exit_code == 0, output
    for name in CONTRACTS:
        assert f"{name} KEPT" in output


def test_the_package_top_holds_at_most_twelve_modules() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top
