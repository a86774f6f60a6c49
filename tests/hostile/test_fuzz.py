"""Fuzzed input never reaches the top as an exception: every failure is exit 2 naming the file."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyexpert_gates.baseline.store import parse_baseline
from pyexpert_gates.cli import main
from pyexpert_gates.errors import InputError

pytestmark = pytest.mark.slow

_TOML_PIECES = st.sampled_from(
    [
        "[project]\n",
        'name = "demo"\n',
        'requires-python = ">=3.11"\n',
        "[tool.ruff]\n",
        "[tool.ruff.lint]\n",
        "select = [",
        "]\n",
        "{",
        "}",
        "[tool.pyexpert-gates]\n",
        "timeout = -1\n",
        "paths = 3\n",
        'requires-python = "~="\n',
        "[tool.mypy]\nstrict = 1\n",
        "a.b.c = 1\n",
        "\ufeff",
        "\r\n",
        "[[tool.x]]\n",
        '"\\u0000" = 1\n',
    ]
)
_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(
    pieces=st.lists(_TOML_PIECES | st.text(max_size=20), max_size=12), depth=st.integers(0, 1200)
)
def test_init_on_any_pyproject_exits_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pieces: list[str], depth: int
) -> None:
    text = "".join(pieces) + ("\nx = " + "[" * depth + "]" * depth + "\n" if depth else "")
    (tmp_path / "pyproject.toml").write_bytes(text.encode("utf-8", errors="surrogatepass"))
    # The same text, nested in Python, is the noxfile init would add its two lines to.
    python = "".join(pieces) + ("\nx = " + "+".join(["1"] * depth * 50) + "\n" if depth else "")
    (tmp_path / "noxfile.py").write_bytes(python.encode("utf-8", errors="surrogatepass"))
    code = main(["init", "--dry-run", "--project", str(tmp_path)])
    captured = capsys.readouterr()
    assert code in {0, 2}
    assert "internal error" not in captured.err
    if code == 2:
        assert "pyproject.toml" in captured.err


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@_SETTINGS
@given(document=_JSON.map(json.dumps) | st.text(max_size=200), depth=st.integers(0, 120_000))
def test_any_baseline_text_is_a_baseline_or_bad_input(document: str, depth: int) -> None:
    text = "[" * depth + document + "]" * depth
    message = ""
    try:
        parse_baseline(text)
    except InputError as error:
        message = error.message
    assert not message or ".pyexpert-gates/baseline.json" in message
