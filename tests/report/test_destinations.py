"""Pairing ``--format`` and ``--output``: the rule, and the usage errors that explain it."""

import re
from pathlib import Path

import pytest

from pyexpert_gates.errors import UsageError
from pyexpert_gates.report.destinations import Destination, pair_destinations


def options(*argv: str) -> list[tuple[str, str]]:
    """The ``(kind, value)`` list the parser builds from ``--format``/``--output`` pairs."""
    pairs = zip(argv[::2], argv[1::2], strict=True)
    return [(flag.removeprefix("--"), value) for flag, value in pairs]


def to(output_format: str, path: str | None = None) -> Destination:
    return Destination(output_format=output_format, path=Path(path) if path else None)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ((), [to("text")]),
        (("--format", "json"), [to("json")]),
        (("--output", "r.txt"), [to("text", "r.txt")]),
        (("--format", "json", "--output", "r.json"), [to("json", "r.json")]),
        (("--output", "r.json", "--format", "json"), [to("json", "r.json")]),
        (
            ("--format", "sarif", "--output", "r.sarif", "--format", "github"),
            [to("sarif", "r.sarif"), to("github")],
        ),
        (
            ("--format", "text", "--format", "junit", "--output", "r.xml"),
            [to("text"), to("junit", "r.xml")],
        ),
        (
            ("--format", "json", "--output", "r.json", "--format", "sarif", "--output", "r.sarif"),
            [to("json", "r.json"), to("sarif", "r.sarif")],
        ),
    ],
)
def test_each_output_takes_the_format_before_it(
    argv: tuple[str, ...],
    expected: list[Destination],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert list(pair_destinations(options(*argv))) == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("--format", "json", "--format", "sarif"),
            "--format json and --format sarif would both write to standard output",
        ),
        (
            ("--output", "a.json", "--format", "json", "--output", "b.json"),
            "--output a.json: no --format before it to write there",
        ),
        (
            ("--format", "json", "--output", "a", "--output", "b"),
            "--output b: no --format before it",
        ),
        (
            ("--format", "json", "--output", "a", "--format", "sarif", "--output", "./a"),
            "--output a: named twice",
        ),
        (("--format", "json", "--output", "missing/r.json"), "the folder missing does not exist"),
    ],
)
def test_ambiguous_pairs_are_usage_errors(
    argv: tuple[str, ...], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=re.escape(message)):
        pair_destinations(options(*argv))
