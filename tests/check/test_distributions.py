"""The probe of the project's environment: its answer's digest, kept until sys.path changes."""

import asyncio
import json
import sys
from pathlib import Path

from pyexpert_gates.check.distributions import Installed, keep_file, parse_probe, probe_installed

PROBE_ANSWER = """{"python": "3.11.7", "executable": "/p/.venv/bin/python", "path": ["/p/lib"],
 "distributions": ["attrs==25.1.0", "pytest==9.0.0"], "xdist": false, "editable": []}"""


def test_the_probe_answer_is_a_digest_of_every_distribution() -> None:
    installed = parse_probe(PROBE_ANSWER)
    assert installed.folders == ("/p/lib",)
    assert not installed.xdist
    upgraded = parse_probe(PROBE_ANSWER.replace("attrs==25.1.0", "attrs==25.2.0"))
    assert upgraded.digest != installed.digest
    editable = parse_probe(PROBE_ANSWER.replace('"editable": []', '"editable": ["/src/lib"]'))
    assert editable.editable == ("/src/lib",)
    assert editable.digest != installed.digest


def test_the_probe_answer_is_reused_until_a_folder_on_sys_path_changes(tmp_path: Path) -> None:
    python = Path(sys.executable)
    keep = keep_file(tmp_path / "cache", python)
    probed = asyncio.run(probe_installed(python, keep=keep))
    assert probed is not None
    assert probed.xdist
    # Pretend one more folder is on sys.path, so the test can install into it.
    site = tmp_path / "site-packages"
    site.mkdir()
    kept = json.loads(keep.read_text())
    kept["path"].insert(0, str(site))
    kept["stamp"].insert(1, site.stat().st_mtime_ns)
    kept["digest"] = "kept"
    keep.write_text(json.dumps(kept))
    again = asyncio.run(probe_installed(python, keep=keep))
    folders = (str(site), *probed.folders)
    assert again == Installed(digest="kept", xdist=True, folders=folders, editable=probed.editable)
    (site / "new-1.0.dist-info").mkdir()
    fresh = asyncio.run(probe_installed(python, keep=keep))
    assert fresh == probed
