"""``pyexpert-gates init`` on the real pyproject.toml files of well-known projects.

The corpus sits beside the checkout; a few layouts it lacks are kept in tests/data/pyprojects.
Each file is copied into a temporary project and merged by the real command line. The result must
be valid TOML that keeps every comment, every value outside the tables the preset manages, and
every value of the project's own inside them; a second run must change nothing; and ruff, mypy,
pyright and pytest must load the result with no message they did not already print before.
"""

import re
import shutil
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from pyexpert_gates.data.toml import is_array, is_table
from tests.helpers.cli import CORPUS, run_init
from tests.helpers.comments import comments
from tests.helpers.probes import config_messages, write_probes

pytestmark = pytest.mark.slow


PYPROJECT = "pyproject.toml"
# Layouts the corpus lacks: string-valued lists, legacy and dotted ruff keys, pytest's own table.
LAYOUTS = Path(__file__).parents[1] / "data" / "pyprojects"
# The [tool.*] tables the strict preset writes to; everything else must not change at all.
MANAGED_TOOLS = frozenset({"ruff", "mypy", "pyright", "pytest", "pyexpert-gates"})
TreePath = tuple[str, ...]


def pyproject_files() -> list[object]:
    """One parameter per corpus file and per layout of our own; a skipped one if no corpus."""
    layouts = [pytest.param(p, id=f"layout-{p.stem}") for p in sorted(LAYOUTS.glob("*.toml"))]
    files = sorted(CORPUS.glob("*.toml")) if CORPUS.is_dir() else []
    if not files:
        reason = (
            f"no corpus of pyproject.toml files at {CORPUS.resolve()} (it sits beside the checkout)"
        )
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="no-corpus"), *layouts]
    return [*(pytest.param(p, id=p.stem) for p in files), *layouts]


@dataclass(frozen=True, slots=True)
class Merge:
    """One corpus file merged by the real command line, once for every test of this module.

    Attributes:
        project: The merged project (the probe files written before the merge); tests copy it.
        pristine: The file's bytes before the merge.
        before: The file's text before the merge.
    """

    project: Path
    pristine: bytes
    before: str


@pytest.fixture(scope="module", params=pyproject_files())
def merge(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Merge:
    """A temporary project holding one corpus file as its pyproject.toml, merged by init."""
    source: Path = request.param
    project = tmp_path_factory.mktemp("corpus") / "project"
    project.mkdir()
    shutil.copyfile(source, project / PYPROJECT)
    with_members(project)
    write_probes(project)
    before = (project / PYPROJECT).read_text(encoding="utf-8")
    result = run_init(project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return Merge(project=project, pristine=source.read_bytes(), before=before)


def copy_of(merge: Merge, folder: Path) -> Path:
    """A copy of the merged project in ``folder``, for a test to run the tools in."""
    return Path(shutil.copytree(merge.project, folder / "project"))


def with_members(project: Path) -> None:
    """The workspace members the file names, as its repository has them (a folder each)."""
    workspace = tomllib.loads((project / PYPROJECT).read_text(encoding="utf-8"))
    members = workspace.get("tool", {}).get("uv", {}).get("workspace", {}).get("members", [])
    for member in members:
        if set(member) & set("*?["):
            continue  # a glob names folders that exist; it creates none
        folder = project / member
        folder.mkdir(parents=True)
        (folder / PYPROJECT).write_text(f'[project]\nname = "{folder.name}"\nversion = "0"\n')


def unmerged(folder: Path, content: bytes) -> Path:
    """A project in ``folder`` with ``content`` as its pyproject.toml and the probe files."""
    folder.mkdir()
    (folder / PYPROJECT).write_bytes(content)
    write_probes(folder)
    return folder


def tool_tables(data: Mapping[str, object], *, managed: bool) -> dict[str, object]:
    """The [tool.*] tables the preset manages, or all the others."""
    tools = data.get("tool")
    if not is_table(tools):
        return {}
    return {name: table for name, table in tools.items() if (name in MANAGED_TOOLS) == managed}


def unmanaged(data: Mapping[str, object]) -> dict[str, object]:
    """The document without the managed [tool.*] tables (and without an emptied [tool])."""
    rest = {key: value for key, value in data.items() if key != "tool"}
    others = tool_tables(data, managed=False)
    return {**rest, "tool": others} if others else rest


def leaves(table: Mapping[str, object], prefix: TreePath = ()) -> Iterator[tuple[TreePath, object]]:
    """Every non-table value under ``table``, with its path."""
    for key, value in table.items():
        if is_table(value):
            yield from leaves(value, (*prefix, key))
        else:
            yield (*prefix, key), value


def lookup(data: Mapping[str, object], path: TreePath) -> object:
    """The value at ``path``, or None; ruff's legacy top-level lint settings may move into lint."""
    found: object = data
    for key in path:
        found = found.get(key) if is_table(found) else None
    if found is None and path[:2] == ("tool", "ruff") and len(path) > 2:
        return lookup(data, (*path[:2], "lint", *path[2:]))
    return found


def is_subsequence(items: list[object], within: list[object]) -> bool:
    """Whether ``items`` all appear in ``within`` in the same order."""
    remaining = iter(within)
    return all(any(item == other for other in remaining) for item in items)


def words(text: str) -> list[object]:
    """The items of a list written as one string: options, or mypy's comma-separated codes."""
    return [word for word in re.split(r"[\s,]+", text) if word]


def kept(theirs: object, now: object) -> bool:
    """Whether the project's value survives: equal, or its items kept in order in an extension."""
    if is_array(theirs) and is_array(now):
        return is_subsequence(theirs, now)
    if isinstance(theirs, str) and isinstance(now, str):
        return is_subsequence(words(theirs), words(now))
    return theirs == now


def test_init_keeps_comments_values_and_meaning(merge: Merge) -> None:
    after = (merge.project / PYPROJECT).read_text(encoding="utf-8")
    old, new = tomllib.loads(merge.before), tomllib.loads(after)
    assert comments(merge.before) - comments(after) == {}, "comments lost"
    assert unmanaged(new) == unmanaged(old)
    managed = {"tool": tool_tables(old, managed=True)}
    lost = {".".join(p): value for p, value in leaves(managed) if not kept(value, lookup(new, p))}
    assert lost == {}
    pytest_table = tool_tables(new, managed=True).get("pytest")
    assert not is_table(pytest_table) or "ini_options" not in pytest_table or len(pytest_table) == 1


def test_second_init_is_up_to_date_and_changes_no_byte(merge: Merge, tmp_path: Path) -> None:
    project = copy_of(merge, tmp_path)
    first = (project / PYPROJECT).read_bytes()
    again = run_init(project)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout
    assert (project / PYPROJECT).read_bytes() == first


def test_tools_load_the_result_with_no_new_message(merge: Merge, tmp_path: Path) -> None:
    after = config_messages(copy_of(merge, tmp_path))
    # Only what the tools still say after the merge needs the original to compare with.
    before = (
        config_messages(unmerged(tmp_path / "original", merge.pristine), after) if after else {}
    )
    empty = frozenset[str]()
    new = {tool: sorted(lines - before.get(tool, empty)) for tool, lines in after.items()}
    assert {tool: lines for tool, lines in new.items() if lines} == {}
