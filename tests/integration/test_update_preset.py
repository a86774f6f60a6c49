"""The preset's ``select`` list comes from ruff and selects every stable rule but its ignores.

What ``ruff check --show-settings`` reports as enabled, under the preset merged into a new
project, is exactly: every stable rule of ``ruff rule --all``, minus the preset's ``ignore`` list,
minus the rules that ``convention = "google"`` turns off. That last set is not printed by ruff; it
was found by running this comparison and is written down here:

- D203, D213 (also in ``ignore``): the blank-line and summary-line rules that contradict D211
  and D212;
- D204, D215, D400, D401, D404, D406, D407, D408, D409, D413: NumPy and PEP 257 section and
  first-line rules (for example D401, imperative mood, and D407, dashed section underlines)
  that Google-style docstrings do not follow.

A ruff release that changes the convention or promotes a rule makes the comparison fail, which is
the point: the preset must be reviewed against the new rules.
"""

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.helpers.cli import REPOSITORY, run_init, run_python
from tests.helpers.projects import write_files

pytestmark = pytest.mark.slow


SCRIPT = REPOSITORY / "scripts" / "update_preset.py"
PRESET = REPOSITORY / "presets" / "strict.toml"
GOOGLE_CONVENTION_OFF = frozenset(
    {"D203", "D204", "D213", "D215", "D400", "D401", "D404", "D406", "D407", "D408", "D409", "D413"}
)
ENABLED_RULE = re.compile(r"^\t[a-z0-9-]+ \((?P<code>[A-Z]+[0-9]+)\),$")


def update_preset(*args: str) -> tuple[int, str]:
    result = run_python(REPOSITORY, str(SCRIPT), *args)
    return result.returncode, result.stdout + result.stderr


def test_the_shipped_preset_is_current() -> None:
    returncode, output = update_preset("--check")
    assert returncode == 0, output
    assert "up to date" in output


def test_a_stale_list_is_reported_then_regenerated_byte_for_byte(tmp_path: Path) -> None:
    stale = tmp_path / "strict.toml"
    text = PRESET.read_text(encoding="utf-8")
    stale_text = text.replace('    "ANN",  # flake8-annotations\n', '    "DOC",  # pydoclint\n')
    assert stale_text != text
    stale.write_text(stale_text, encoding="utf-8")
    assert update_preset("--check", "--preset", str(stale))[0] == 1
    assert stale.read_text(encoding="utf-8") == stale_text
    assert update_preset("--preset", str(stale))[0] == 0
    assert stale.read_bytes() == PRESET.read_bytes()


def test_a_preset_without_a_select_list_is_refused_and_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "strict.toml"
    shutil.copyfile(PRESET, broken)
    text = broken.read_text(encoding="utf-8").replace("select = [", "extend-select = [")
    broken.write_text(text, encoding="utf-8")
    returncode, output = update_preset("--preset", str(broken))
    assert returncode == 2
    assert "no `select = [` array" in output
    assert broken.read_text(encoding="utf-8") == text


def stable_codes(project: Path) -> set[str]:
    rules = json.loads(
        run_python(project, "-m", "ruff", "rule", "--all", "--output-format", "json").stdout
    )
    return {rule["code"] for rule in rules if rule["code"] and "Stable" in rule["status"]}


def enabled_codes(project: Path) -> set[str]:
    result = run_python(project, "-m", "ruff", "check", "--show-settings", "src/pkg/__init__.py")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    block = result.stdout.split("linter.rules.enabled = [\n", 1)[1].split("\n]", 1)[0]
    return {m["code"] for line in block.splitlines() if (m := ENABLED_RULE.match(line))}


def test_the_preset_enables_every_stable_rule_but_its_ignores(tmp_path: Path) -> None:
    write_files(tmp_path, {"src/pkg/__init__.py": '"""A package."""\n'})
    assert run_init(tmp_path).returncode == 0
    ignored = set(
        tomllib.loads(PRESET.read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]["ignore"]
    )
    stable = stable_codes(tmp_path)
    enabled = enabled_codes(tmp_path)
    assert enabled <= stable
    # An ignore entry may be a prefix (D1 turns off every missing-docstring rule).
    ignored_codes = {code for code in stable if code.startswith(tuple(ignored))}
    assert stable - enabled == ignored_codes | GOOGLE_CONVENTION_OFF
