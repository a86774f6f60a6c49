"""Preset files written for a test, beside the built-in strict preset, and tables read from them."""

from pathlib import Path

from pyexpert_gates.presets import STRICT, PresetSource


def source(tmp_path: Path, name: str, text: str) -> PresetSource:
    """Preset ``name`` of the package ``acme``, with ``text`` as its file."""
    file = tmp_path / f"{name}.toml"
    file.write_text(text, encoding="utf-8")
    return PresetSource(name=name, file=file, distribution="acme", distribution_version="1")


def sources_of(tmp_path: Path, **texts: str) -> dict[str, PresetSource]:
    """The built-in strict preset and one preset per name in ``texts``."""
    built_in = PresetSource(
        name="strict", file=STRICT, distribution="pyexpert-gates", distribution_version="0"
    )
    return {"strict": built_in} | {n: source(tmp_path, n, t) for n, t in texts.items()}


def table(data: object, *path: str) -> dict[str, object]:
    """The table at ``path`` in parsed TOML ``data``, which must be a table."""
    for key in path:
        assert isinstance(data, dict)
        data = data[key]  # pyright: ignore[reportUnknownVariableType]  # parsed TOML
    assert isinstance(data, dict)
    return data  # pyright: ignore[reportUnknownVariableType]  # parsed TOML
