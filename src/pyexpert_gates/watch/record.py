"""How many tests pytest-testmon would select now: read from its record, before pytest starts.

pytest-testmon keeps, for each test, a fingerprint of every file the test executed: the file's
git blob hash and the checksums of the blocks the test ran. It selects a test that failed last
time, or that ran a block whose checksum the file no longer has. The probe asks the same of the
record with pytest-testmon's own block checksums, in the project's interpreter, reading only.
"""

from pathlib import Path

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.data.json_shape import ShapeError, as_object, integer, load
from pyexpert_gates.gates.pytest import TESTMON_DATA
from pyexpert_gates.process import run_isolated
from pyexpert_gates.watch.tests import Share

PROBE_TIME_LIMIT_S = 60.0
PROBE = """\
import json, sqlite3, sys
from pathlib import Path
from testmon.process_code import Module, blob_to_checksums, bytes_to_string_and_fsha
root, record = Path(sys.argv[1]), Path(sys.argv[2])
db = sqlite3.connect(record.as_uri() + "?mode=ro", uri=True)
files = {}
def now(name):
    if name not in files:
        try:
            source, fsha = bytes_to_string_and_fsha((root / name).read_bytes())
            blocks = Module(source_code=source, ext="py", fs_fsha=fsha).checksums
            files[name] = (fsha, set(blocks))
        except (OSError, SyntaxError, ValueError):
            files[name] = (None, set())
    return files[name]
stale = [
    fingerprint
    for fingerprint, name, fsha, checksums in db.execute(
        "SELECT id, filename, fsha, method_checksums FROM file_fp"
    )
    if fsha != now(name)[0] and set(blob_to_checksums(checksums)) - now(name)[1]
]
(affected,) = db.execute(
    "SELECT COUNT(DISTINCT test_name) FROM test_execution WHERE failed OR id IN ("
    " SELECT test_execution_id FROM test_execution_file_fp"
    " WHERE fingerprint_id IN (SELECT value FROM json_each(?)))",
    (json.dumps(stale),),
).fetchone()
(total,) = db.execute("SELECT COUNT(DISTINCT test_name) FROM test_execution").fetchone()
print(json.dumps({"affected": affected, "total": total}))
"""
"""Runs in the project's interpreter with pytest-testmon: its block checksums, the record read."""


async def affected_share(project: Path, python: Path) -> Share | None:
    """How many of the tests pytest-testmon recorded in ``project`` it would select now.

    Args:
        project: The project root, whose watch folder holds the record.
        python: The project's interpreter, where pytest-testmon is importable.

    Returns:
        The share, or None when the record cannot be read (missing, or kept otherwise by
        another version of pytest-testmon).
    """
    record = project / TESTMON_DATA
    arguments = ("-c", PROBE, str(project), str(record))
    match await run_isolated(python, arguments, time_limit=PROBE_TIME_LIMIT_S):
        case ProcessOutput(returncode=0, stdout=stdout):
            return read_share(stdout)
        case _:
            return None


def read_share(stdout: str) -> Share | None:
    """The probe's answer.

    Args:
        stdout: What the probe printed.

    Returns:
        The share, or None when the answer is not the probe's.
    """
    try:
        answer = as_object(load(stdout), "the probe's answer")
        return Share(affected=integer(answer, "affected"), total=integer(answer, "total"))
    except ShapeError:
        return None
