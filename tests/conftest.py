"""Every test gets a user cache folder of its own, so no run replays another test's results.

Tests that start from a project ``init`` merged the preset into share one ``init`` per session
(`InitializedProjects`): each gets a copy of its own.
"""

import json
import shutil
from pathlib import Path

import pytest

from pyexpert_gates.cli import main


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


class InitializedProjects:
    """Projects the preset was merged into, made once per session and copied for each test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[str, Path] = {}

    def copy(self, root: Path, files: dict[str, str], *options: str) -> Path:
        """Write ``files`` under ``root`` and merge the preset as ``init *options`` does.

        The first test to ask for a project runs ``init``; the others get a copy of its result.

        Args:
            root: Where the project goes (made, or filled when it exists).
            files: The project's files before ``init``, by path relative to ``root``; a path
                ending in ``/`` is an empty folder.
            options: More options of ``init``.

        Returns:
            ``root``.
        """
        key = json.dumps([files, options], sort_keys=True)
        template = self.made.get(key)
        if template is None:
            template = self.folder / str(len(self.made))
            for name, text in files.items():
                (template / name).parent.mkdir(parents=True, exist_ok=True)
                if name.endswith("/"):
                    (template / name).mkdir(exist_ok=True)
                else:
                    (template / name).write_text(text, encoding="utf-8")
            assert main(["init", "--project", str(template), *options]) == 0
            self.made[key] = template
        shutil.copytree(template, root, dirs_exist_ok=True)
        return root


@pytest.fixture(scope="session")
def initialized_projects(tmp_path_factory: pytest.TempPathFactory) -> InitializedProjects:
    """The session's projects with the preset merged, each made on first use."""
    return InitializedProjects(tmp_path_factory.mktemp("initialized"))
