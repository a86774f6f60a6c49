"""The result cache on disk: round trip, damaged entries, the size bound, and .gitignore."""

import dataclasses
import os
from pathlib import Path

import pytest

from pyexpert_gates.cache.store import CACHE_FOLDER, ResultCache, ignore_in_git, result_to_json
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Severity, Status

KEY = "0" * 40
RESULT = GateResult(
    name=GateName.MYPY,
    status=Status.FAILED,
    duration_s=2.5,
    command=("mypy", "src"),
    summary="1 error in 1 file",
    diagnostics=(
        Diagnostic(
            path="src/a.py",
            line=3,
            column=5,
            end_line=3,
            end_column=9,
            code="return-value",
            message="Incompatible return value type",
        ),
        Diagnostic(path="src/b.py", line=None, message="note", severity=Severity.NOTE),
    ),
)


def test_a_stored_result_comes_back_whole_and_marked_as_cached(tmp_path: Path) -> None:
    cache = ResultCache(folder=tmp_path / "cache")
    assert cache.load(KEY) is None
    cache.save(KEY, RESULT)
    replay = cache.load(KEY)
    assert replay is not None
    assert replay.cached
    assert replay == dataclasses.replace(RESULT, cached=True)
    assert (tmp_path / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_an_error_is_never_stored(tmp_path: Path) -> None:
    cache = ResultCache(folder=tmp_path / "cache")
    cache.save(KEY, GateResult(name=GateName.MYPY, status=Status.ERROR, summary="crashed"))
    assert cache.load(KEY) is None


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{",
        "[]",
        result_to_json(RESULT, KEY)[:40],
        result_to_json(RESULT, "1" * 40),
        result_to_json(RESULT, KEY).replace('"failed"', '"green"'),
        result_to_json(RESULT, KEY).replace('"version": 1', '"version": 2'),
        result_to_json(RESULT, KEY).replace('"line": 3', '"line": "3"'),
        result_to_json(RESULT, KEY).replace('"duration_s": 2.5', '"duration_s": true'),
    ],
    ids=["empty", "truncated", "not an object", "cut", "other key", "status", "version", "type",
         "duration"],
)  # fmt: skip
def test_a_damaged_entry_is_ignored_then_overwritten(tmp_path: Path, damage: str) -> None:
    cache = ResultCache(folder=tmp_path)
    (tmp_path / f"{KEY}.json").write_text(damage, encoding="utf-8")
    assert cache.load(KEY) is None
    cache.save(KEY, RESULT)
    assert cache.load(KEY) is not None


def test_an_entry_that_is_not_text_is_ignored(tmp_path: Path) -> None:
    (tmp_path / f"{KEY}.json").write_bytes(b"\xff\xfe\x00garbage")
    assert ResultCache(folder=tmp_path).load(KEY) is None


def test_the_least_recently_used_entries_go_beyond_the_bound(tmp_path: Path) -> None:
    size = len(result_to_json(RESULT, KEY).encode())
    cache = ResultCache(folder=tmp_path, max_bytes=size * 2)
    keys = [str(number) * 40 for number in range(4)]
    for age, key in enumerate(keys):
        cache.save(key, RESULT)
        stamp = 1_000_000 + age
        os.utime(tmp_path / f"{key}.json", (stamp, stamp))
    assert cache.load(keys[0]) is None
    assert cache.load(keys[1]) is None
    assert [cache.load(key) is not None for key in keys[2:]] == [True, True]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("dist/\n", f"dist/\n{CACHE_FOLDER}/\n"),
        ("dist/", f"dist/\n{CACHE_FOLDER}/\n"),
        ("dist/\r\nbuild/\r\n", f"dist/\r\nbuild/\r\n{CACHE_FOLDER}/\r\n"),
        ("dist/\r\nbuild/", f"dist/\r\nbuild/\r\n{CACHE_FOLDER}/\r\n"),
        ("", f"{CACHE_FOLDER}/\n"),
        (f"/{CACHE_FOLDER}/\n", f"/{CACHE_FOLDER}/\n"),
        (".pyexpert-gates/\n", ".pyexpert-gates/\n"),
        (f"  {CACHE_FOLDER}  \n", f"  {CACHE_FOLDER}  \n"),
    ],
)
def test_gitignore_gets_the_cache_folder_once(tmp_path: Path, before: str, after: str) -> None:
    gitignore = tmp_path / ".gitignore"
    gitignore.write_bytes(before.encode())
    ignore_in_git(tmp_path)
    ignore_in_git(tmp_path)
    assert gitignore.read_bytes().decode() == after


def test_without_gitignore_none_is_created(tmp_path: Path) -> None:
    ignore_in_git(tmp_path)
    assert not (tmp_path / ".gitignore").exists()
