"""The cache key: equal parts give equal keys, a change in any part gives another key."""

import dataclasses

import pytest

from pyexpert_gates.cache.key import KeyParts, cache_key, digest_files, digest_lines
from pyexpert_gates.models import GateName

PARTS = KeyParts(
    gate=GateName.MYPY,
    engine="engine-1",
    tool=("mypy==2.4.0",),
    settings=("path src", "python /p/.venv/bin/python"),
    files=digest_files([("src/a.py", "aaa"), ("pyproject.toml", "ppp")]),
    environment=digest_lines(["python 3.11.7", "attrs==25.1.0"]),
    variables={"MYPYPATH": "stubs"},
)


def test_equal_parts_give_the_same_key() -> None:
    assert cache_key(PARTS) == cache_key(replace(PARTS))
    assert len(cache_key(PARTS)) == 40


replace = dataclasses.replace


@pytest.mark.parametrize(
    "changed",
    [
        replace(PARTS, gate=GateName.PYRIGHT),
        replace(PARTS, engine="engine-2"),
        replace(PARTS, tool=("mypy==2.4.1",)),
        replace(PARTS, settings=("path src", "path tests", "python /p/.venv/bin/python")),
        replace(PARTS, files=digest_files([("src/a.py", "bbb"), ("pyproject.toml", "ppp")])),
        replace(PARTS, files=digest_files([("src/a.py", "aaa"), ("pyproject.toml", "qqq")])),
        replace(PARTS, files=digest_files([("src/b.py", "aaa"), ("pyproject.toml", "ppp")])),
        replace(PARTS, environment=digest_lines(["python 3.11.7", "attrs==25.2.0"])),
        replace(PARTS, environment=digest_lines(["python 3.12.1", "attrs==25.1.0"])),
        replace(PARTS, variables={"MYPYPATH": "other"}),
        replace(PARTS, variables={}),
    ],
    ids=[
        "gate",
        "engine",
        "tool version",
        "paths",
        "file content",
        "config content",
        "file renamed",
        "installed distribution",
        "interpreter",
        "variable value",
        "variable removed",
    ],
)
def test_a_change_in_any_part_gives_another_key(changed: KeyParts) -> None:
    assert cache_key(changed) != cache_key(PARTS)


def test_file_digests_do_not_depend_on_order() -> None:
    files = [("a.py", "1"), ("b.py", "2")]
    assert digest_files(files) == digest_files(reversed(files))
    assert digest_lines(["x==1", "y==2"]) == digest_lines(["y==2", "x==1"])
