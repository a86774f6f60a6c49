import pytest

from pyexpert_gates.codemods.apply import Unparsable, apply_codemods

SOURCE = b"""\
from dataclasses import dataclass
from datetime import datetime


@dataclass
class Event:
    at: datetime


def now() -> Event:
    return Event(datetime.utcnow())
"""


@pytest.mark.parametrize(
    ("unsafe", "utc_call"),
    [(False, b"datetime.utcnow()"), (True, b"datetime.now(UTC)")],
)
def test_unsafe_codemods_run_only_with_unsafe(*, unsafe: bool, utc_call: bytes) -> None:
    result = apply_codemods(SOURCE, unsafe=unsafe, target=(3, 11))
    assert isinstance(result, bytes)
    assert b"@dataclass(slots=True)" in result
    assert utc_call in result


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
    result = apply_codemods(
        b"x = d.utcnow()\ndef broken(:\n    pass\n", unsafe=True, target=(3, 11)
    )
    assert isinstance(result, Unparsable)
    assert result.line >= 2
    assert "expected" in result.reason


def test_a_module_no_codemod_concerns_is_returned_as_it_is() -> None:
    source = b"def broken(:\n    pass\n"  # not even parsed: nothing a codemod rewrites is in it
    assert apply_codemods(source, unsafe=True, target=(3, 11)) is source
