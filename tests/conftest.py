"""Every test gets a user cache folder of its own, so no run replays another test's results."""

import pytest


@pytest.fixture(autouse=True)
def private_user_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point ``XDG_CACHE_HOME`` at a fresh folder outside every test's project."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
