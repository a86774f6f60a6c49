"""The real tools load what `init --migrate` wrote, saying nothing about the configuration."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.probes import config_messages, write_probes

pytestmark = pytest.mark.slow

OLD_FILES = {
    "mypy.ini": (
        "# The checker\n[mypy]\nwarn_unreachable = True\nmany_errors_threshold = 5\n"
        "enable_error_code = truthy-bool, redundant-expr\n\n"
        "[mypy-yaml.*,requests]\nignore_missing_imports = True\n"
    ),
    "tox.ini": (
        "[tox]\nenv_list = py312\n\n[pytest]\n# strict runs\nxfail_strict = true\n"
        "markers =\n    slow: takes long\nfilterwarnings =\n    error\n"
        "    ignore::DeprecationWarning\naddopts = -ra\n"
    ),
    "pyrightconfig.json": '{\n  // the package only\n  "exclude": ["build"],\n}\n',
}


def test_the_tools_load_the_migrated_settings_quietly(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "probe"\nrequires-python = ">=3.11"\n'
    )
    for name, text in OLD_FILES.items():
        (tmp_path / name).write_text(text)
    write_probes(tmp_path)
    assert main(["init", "--project", str(tmp_path), "--no-noxfile", "--migrate"]) == 0
    assert not (tmp_path / "mypy.ini").exists()
    assert not (tmp_path / "pyrightconfig.json").exists()
    assert (tmp_path / "tox.ini").read_text() == "[tox]\nenv_list = py312\n\n"
    assert config_messages(tmp_path) == {}
