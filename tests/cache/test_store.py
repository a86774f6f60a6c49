"""The result cache on disk: round trip, damaged and forged entries, the bound, where it lives."""

import dataclasses
import hashlib
import hmac
import os
from pathlib import Path

import pytest

from pyexpert_gates.cache.store import (
    SECRET_BYTES,
    ResultCache,
    cache_home,
    open_cache,
    result_from_json,
    result_to_json,
)
from pyexpert_gates.models import (
    Diagnostic,
    FixSafety,
    GateName,
    GateResult,
    ModuleCoverage,
    Severity,
    Status,
)
from tests.helpers.samples import FIXABLE_RUFF, SPANNED

KEY = "0" * 40
SECRET = bytes(range(SECRET_BYTES))
RESULT = GateResult(
    name=GateName.MYPY,
    status=Status.FAILED,
    duration_s=2.5,
    command=("mypy", "src"),
    summary="1 error in 1 file",
    diagnostics=(
        SPANNED,
        Diagnostic(path="src/b.py", line=None, message="note", severity=Severity.NOTE),
    ),
)


def signed(document: str, key: str = KEY, secret: bytes = SECRET) -> str:
    """An entry's text as a run holding ``secret`` writes it."""
    mac = hmac.new(secret, f"{key}\0{document}".encode(), hashlib.sha256).hexdigest()
    return f"{mac}\n{document}"


def test_a_stored_result_comes_back_whole_and_marked_as_cached(tmp_path: Path) -> None:
    cache = ResultCache(folder=tmp_path, secret=SECRET)
    assert cache.load(KEY) is None
    cache.save(KEY, RESULT)
    replay = cache.load(KEY)
    assert replay is not None
    assert replay.cached
    assert replay == dataclasses.replace(RESULT, cached=True)


def test_a_stored_docstrings_result_keeps_the_coverage_its_floors_need(tmp_path: Path) -> None:
    coverage = (
        ModuleCoverage(path="src/a.py", documented=1, total=3),
        ModuleCoverage(path="src/b.py", documented=0, total=0),
    )
    result = GateResult(name=GateName.DOCSTRINGS, status=Status.PASSED, coverage=coverage)
    cache = ResultCache(folder=tmp_path, secret=SECRET)
    cache.save(KEY, result)
    replay = cache.load(KEY)
    assert replay is not None
    assert replay.coverage == coverage


@pytest.mark.parametrize(
    "counts",
    ['"documented": 4, "total": 3', '"documented": -1, "total": 3', '"documented": "1"'],
)
def test_a_stored_coverage_that_is_not_a_count_is_ignored(tmp_path: Path, counts: str) -> None:
    result = GateResult(
        name=GateName.DOCSTRINGS,
        status=Status.PASSED,
        coverage=(ModuleCoverage(path="src/a.py", documented=1, total=3),),
    )
    document = result_to_json(result, KEY).replace('"documented": 1, "total": 3', counts)
    (tmp_path / f"{KEY}.json").write_text(signed(document), encoding="utf-8")
    assert ResultCache(folder=tmp_path, secret=SECRET).load(KEY) is None


def test_an_error_is_never_stored(tmp_path: Path) -> None:
    cache = ResultCache(folder=tmp_path, secret=SECRET)
    cache.save(KEY, GateResult(name=GateName.MYPY, status=Status.ERROR, summary="crashed"))
    assert cache.load(KEY) is None


@pytest.mark.parametrize(
    "entry",
    [
        result_to_json(RESULT, KEY),
        signed(result_to_json(RESULT, KEY), secret=b"\0" * SECRET_BYTES),
        signed(result_to_json(RESULT, KEY)).replace('"failed"', '"passed"'),
        signed(result_to_json(RESULT, KEY), key="1" * 40),
    ],
    ids=["unsigned", "another secret", "edited after signing", "signed for another key"],
)
def test_an_entry_this_user_did_not_write_is_never_replayed(tmp_path: Path, entry: str) -> None:
    (tmp_path / f"{KEY}.json").write_text(entry, encoding="utf-8")
    assert ResultCache(folder=tmp_path, secret=SECRET).load(KEY) is None


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{",
        "[]",
        result_to_json(RESULT, KEY)[:40],
        result_to_json(RESULT, "1" * 40),
        result_to_json(RESULT, KEY).replace('"failed"', '"green"'),
        # Version 2 entries lack the docstring coverage that the floors need.
        result_to_json(RESULT, KEY).replace('"version": 3', '"version": 2'),
        result_to_json(RESULT, KEY).replace('"line": 3', '"line": "3"'),
        result_to_json(RESULT, KEY).replace('"duration_s": 2.5', '"duration_s": true'),
    ],
    ids=["empty", "truncated", "not an object", "cut", "other key", "status", "version", "type",
         "duration"],
)  # fmt: skip
def test_a_damaged_entry_is_ignored_then_overwritten(tmp_path: Path, damage: str) -> None:
    cache = ResultCache(folder=tmp_path, secret=SECRET)
    (tmp_path / f"{KEY}.json").write_text(signed(damage), encoding="utf-8")
    assert cache.load(KEY) is None
    cache.save(KEY, RESULT)
    assert cache.load(KEY) is not None


def test_an_entry_that_is_not_text_is_ignored(tmp_path: Path) -> None:
    (tmp_path / f"{KEY}.json").write_bytes(b"\xff\xfe\x00garbage")
    assert ResultCache(folder=tmp_path, secret=SECRET).load(KEY) is None


def test_an_entry_reached_through_a_symlink_is_ignored(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(signed(result_to_json(RESULT, KEY)), encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{KEY}.json").symlink_to(elsewhere)
    assert ResultCache(folder=tmp_path / "cache", secret=SECRET).load(KEY) is None


def test_the_least_recently_used_entries_go_beyond_the_bound(tmp_path: Path) -> None:
    size = len(signed(result_to_json(RESULT, KEY)).encode())
    cache = ResultCache(folder=tmp_path, secret=SECRET, max_bytes=size * 2)
    keys = [str(number) * 40 for number in range(4)]
    for age, key in enumerate(keys):
        cache.save(key, RESULT)
        stamp = 1_000_000 + age
        os.utime(tmp_path / f"{key}.json", (stamp, stamp))
    assert cache.load(keys[0]) is None
    assert cache.load(keys[1]) is None
    assert [cache.load(key) is not None for key in keys[2:]] == [True, True]


def test_eviction_removes_only_regular_files_named_like_entries(tmp_path: Path) -> None:
    folder, outside = tmp_path / "cache", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    victim = outside / f"{'9' * 40}.json"
    victim.write_text("x" * 100, encoding="utf-8")
    (folder / victim.name).symlink_to(victim)
    (folder / "notes.json").write_text("x" * 100, encoding="utf-8")
    ResultCache(folder=folder, secret=SECRET, max_bytes=0).evict()
    assert victim.is_file()
    assert (folder / "notes.json").is_file()
    assert (folder / victim.name).is_symlink()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"}, "/x/cache/pyexpert-gates"),
        ({"XDG_CACHE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.cache/pyexpert-gates"),
        ({"HOME": "/home/u"}, "/home/u/.cache/pyexpert-gates"),
    ],
)
def test_the_cache_lives_in_the_users_cache_folder(environ: dict[str, str], expected: str) -> None:
    assert cache_home(environ) == Path(expected)


def test_the_cache_is_private_and_outside_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    cache = open_cache(project, {"XDG_CACHE_HOME": str(tmp_path / "home")})
    assert cache is not None
    assert not cache.folder.is_relative_to(project)
    secret = tmp_path / "home" / "pyexpert-gates" / "secret"
    assert secret.stat().st_mode & 0o777 == 0o600
    assert cache.secret == secret.read_bytes()
    assert len(cache.secret) == SECRET_BYTES
    again = open_cache(project, {"XDG_CACHE_HOME": str(tmp_path / "home")})
    assert again == cache
    other = open_cache(tmp_path, {"XDG_CACHE_HOME": str(tmp_path / "home")})
    assert other is None  # the project holds the cache folder


def test_a_cache_folder_inside_the_project_is_refused(tmp_path: Path) -> None:
    assert open_cache(tmp_path, {"XDG_CACHE_HOME": str(tmp_path / ".cache")}) is None


@pytest.mark.parametrize("damage", ["symlink", "group-writable", "readable secret", "short secret"])
def test_a_cache_someone_else_could_write_is_not_used(tmp_path: Path, damage: str) -> None:
    project, home = tmp_path / "project", tmp_path / "home"
    project.mkdir()
    environ = {"XDG_CACHE_HOME": str(home)}
    assert open_cache(project, environ) is not None
    folder = home / "pyexpert-gates"
    match damage:
        case "symlink":
            folder.rename(tmp_path / "real")
            folder.symlink_to(tmp_path / "real")
        case "group-writable":
            folder.chmod(0o770)
        case "readable secret":
            (folder / "secret").chmod(0o644)
        case _:
            (folder / "secret").write_bytes(b"short")
    assert open_cache(project, environ) is None


def test_a_cached_result_keeps_what_fix_resolves() -> None:
    replayed = result_from_json(result_to_json(FIXABLE_RUFF, "key"), "key")
    assert [item.fix for item in replayed.diagnostics] == [FixSafety.SAFE, FixSafety.UNSAFE, None]
