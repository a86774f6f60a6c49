from pyexpert_gates.fix.codemods import Unparsable, apply_codemods

SOURCE = b"""\
from dataclasses import dataclass
from datetime import datetime


@dataclass
class Event:
    at: datetime


def now() -> Event:
    return Event(datetime.utcnow())
"""


def test_safe_codemods_only_without_unsafe() -> None:
    result = apply_codemods(SOURCE, unsafe=False, target=(3, 11))
    assert isinstance(result, bytes)
    assert b"@dataclass(slots=True)" in result
    assert b"datetime.utcnow()" in result


def test_unsafe_adds_the_codemods_that_change_behaviour() -> None:
    result = apply_codemods(SOURCE, unsafe=True, target=(3, 11))
    assert isinstance(result, bytes)
    assert b"datetime.now(UTC)" in result
    assert b"@dataclass(slots=True)" in result


def test_a_second_run_changes_nothing() -> None:
    once = apply_codemods(SOURCE, unsafe=True, target=(3, 11))
    assert isinstance(once, bytes)
    assert apply_codemods(once, unsafe=True, target=(3, 11)) == once


def test_keeps_the_encoding_declared_by_the_module() -> None:
    source = (
        "# -*- coding: latin-1 -*-\nfrom dataclasses import dataclass\n\n\n"
        "@dataclass\nclass Café:\n    x: int\n"
    )
    result = apply_codemods(source.encode("latin-1"), unsafe=False, target=(3, 11))
    assert result == source.replace("@dataclass", "@dataclass(slots=True)").encode("latin-1")


def test_a_module_that_does_not_parse_is_reported_not_raised() -> None:
    result = apply_codemods(b"x = 1\ndef broken(:\n    pass\n", unsafe=False, target=(3, 11))
    assert isinstance(result, Unparsable)
    assert result.line >= 2
    assert "expected" in result.reason
