"""What goes into a cache key: a file's content digest, or why it has none."""

import os
from pathlib import Path

from pyexpert_gates.cache.inputs import ContentDigests


def test_a_fifo_or_an_unreadable_file_is_never_read_into_the_key(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    digests = ContentDigests()
    digests.digest(tmp_path, ["pipe", "missing"])
    assert digests.known[tmp_path / "pipe"] == "not a regular file"
    assert digests.known[tmp_path / "missing"].startswith("unreadable")
