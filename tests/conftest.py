"""Every test gets a user cache folder of its own, so no run replays another test's results."""

import pytest


@pytest.fixture(autouse=True)
def private_user_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point ``XDG_CACHE_HOME`` at a fresh folder outside every test's project."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--corpus``: also run the tests that download libraries from PyPI."""
    parser.addoption(
        "--corpus",
        action="store_true",
        help="run the corpus tests too, which download libraries from PyPI (minutes each)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the corpus tests unless ``--corpus`` asks for them: the suite runs offline."""
    if config.getoption("--corpus"):
        return
    offline = pytest.mark.skip(reason="downloads libraries from PyPI: run with --corpus")
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.add_marker(offline)
