"""The cache key takes any text in any part, and stays the same from one run to the next."""

import dataclasses
import os

import pytest

from pyexpert_gates.cache.key import KeyParts, cache_key, digest_files, digest_lines
from pyexpert_gates.models import GateName

PARTS = KeyParts(
    gate=GateName.RUFF,
    engine="engine-1",
    tool=("ruff==0.17.6",),
    settings=("path src",),
    files=digest_files([("src/a.py", "aaa")]),
    variables={"RUFF_CACHE_DIR": "cache"},
)

NAMES = [
    "src/a.py",
    "src/é.py",
    "src/日本.py",
    os.fsdecode(b"src/\xff.py"),  # a name that is not UTF-8, as the file system gives it
    os.fsdecode(b"src/\xc3.py"),
    "src/\ud800.py",  # a lone surrogate, as a Windows name may hold
    "src/\udfff.py",
]


@pytest.mark.parametrize("name", NAMES, ids=ascii)
def test_any_file_name_has_a_digest_of_its_own(name: str) -> None:
    others = {digest_files([(other, "aaa")]) for other in NAMES if other != name}
    assert digest_files([(name, "aaa")]) not in others
    assert len(digest_files([(name, "aaa")])) == 40


def test_any_installed_line_has_a_digest_of_its_own() -> None:
    digests = {digest_lines([line]) for line in NAMES}
    assert len(digests) == len(NAMES)
    assert digest_lines([]) != digest_lines([""])


@pytest.mark.parametrize(
    "changed",
    [
        dataclasses.replace(PARTS, engine="engine-é"),
        dataclasses.replace(PARTS, tool=("ruff==0.17.6", "plugin-日本==1")),
        dataclasses.replace(PARTS, settings=(os.fsdecode(b"path src/\xff"),)),
        dataclasses.replace(PARTS, settings=("path src/\ud800",)),
        dataclasses.replace(PARTS, environment="python 3.11 in /home/zoë/.venv"),
        dataclasses.replace(PARTS, variables={"RUFF_CACHE_DIR": "cache-é"}),
        dataclasses.replace(PARTS, variables={"RUFF_CACHE_DIR": os.fsdecode(b"\xff")}),
    ],
    ids=["engine", "tool", "undecodable", "surrogate", "environment", "variable", "bytes"],
)
def test_non_ascii_parts_give_a_key_of_their_own(changed: KeyParts) -> None:
    key = cache_key(changed)
    assert key != cache_key(PARTS)
    assert len(key) == 40
    assert key.isascii()


def test_the_key_of_given_parts_is_the_same_in_every_run() -> None:
    # The key names a stored result: one that changed between runs (from a different layout,
    # order or encoding) would miss every result. A change of layout bumps KEY_VERSION here too.
    assert cache_key(PARTS) == "79f1c97428cce69a4ebe35786e809eacb9bea236"
    lines = digest_lines(["attrs==25.1.0", "python 3.11.7"])
    assert lines == "0619072adc4dc948b53f9b752773e30e1026f134"
