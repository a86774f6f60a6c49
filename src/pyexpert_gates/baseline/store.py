"""Read and write ``.pyexpert-gates/baseline.json``.

The file is JSON with one accepted finding per line, sorted, so that fixing a finding removes
exactly one line from the diff and the file reads well in review. A file that cannot be read,
is not this format or comes from another version is an error naming the file and the fix,
never silently ignored: an ignored baseline would fail every accepted finding, or worse, a
half-read one would accept findings nobody reviewed.
"""

import json
from pathlib import Path

from pyexpert_gates.baseline.model import (
    BASELINE_FILE,
    BASELINED_GATES,
    Baseline,
    Entry,
    Fingerprint,
)
from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.data.json_shape import ShapeError, as_list, as_object, field, integer, text
from pyexpert_gates.errors import InputError
from pyexpert_gates.models import GateName
from pyexpert_gates.textfile import write_files

VERSION = 1
"""The version of the file's format that this release reads and writes."""

_ENTRY_KEYS = frozenset({"path", "gate", "code", "source", "occurrence", "message"})
_TOP_KEYS = frozenset({"version", "findings", "docstring_floors"})
_GATES = {gate.value: gate for gate in BASELINED_GATES}
_FULL = 100.0
MAX_BYTES = 64 * 2**20
"""A larger baseline file is refused rather than read."""
_FIX = (
    "restore it from version control, or run `pyexpert-gates baseline` to record the current "
    "findings again"
)


def baseline_path(project: Path) -> Path:
    """Where a project's baseline lives.

    Args:
        project: The project root.

    Returns:
        The path of ``.pyexpert-gates/baseline.json`` in it.
    """
    return project / BASELINE_FILE


def read_baseline(project: Path) -> Baseline | None:
    """Read the project's baseline.

    Args:
        project: The project root.

    Returns:
        The baseline, or None when the project has none.

    Raises:
        InputError: The file cannot be read, is not UTF-8 JSON of this format, or has another
            version; the message names the file and the fix.
    """
    path = baseline_path(project)
    if not path.exists() and not path.is_symlink():
        return None
    target = _inside_project(project)
    try:
        with target.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        problem = f"cannot read the file: {error.strerror or error}"
        raise InputError(_invalid(problem)) from None
    if len(raw) > MAX_BYTES:
        raise InputError(_invalid(f"larger than {MAX_BYTES // 2**20} MB"))
    try:
        return parse_baseline(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        problem = f"byte {error.start} is not UTF-8"
        raise InputError(_invalid(problem)) from None


def parse_baseline(document: str) -> Baseline:
    """Parse the text of a baseline file.

    Args:
        document: The file's text.

    Returns:
        The baseline.

    Raises:
        InputError: The text is not a baseline of this version.
    """
    try:
        data = json.loads(document)
    except json.JSONDecodeError as error:
        where = f"{error.lineno}:{error.colno}"
        problem = f"not valid JSON: {error.msg}"
        raise InputError(_invalid(problem, where)) from None
    except RecursionError:
        raise InputError(_invalid("values are nested too deeply to read")) from None
    try:
        return _baseline(as_object(data, "the file"))
    except ShapeError as problem:
        raise InputError(_invalid(str(problem))) from None


def render_baseline(baseline: Baseline) -> str:
    """The text of a baseline file: sorted, one finding per line.

    Args:
        baseline: What to record.

    Returns:
        The JSON text, ending with a newline.
    """
    ordered = baseline.sorted()
    findings = ",\n".join(f"    {_dumps(_entry_record(entry))}" for entry in ordered.entries)
    floors = ",\n".join(f"    {_dumps(path)}: {value}" for path, value in ordered.floors.items())
    return (
        f'{{\n  "version": {VERSION},\n'
        f'  "findings": [{_block(findings)}],\n'
        f'  "docstring_floors": {{{_block(floors)}}}\n}}\n'
    )


def write_baseline(project: Path, baseline: Baseline) -> None:
    """Write the project's baseline atomically, creating its folder.

    Args:
        project: The project root.
        baseline: What to record.

    Raises:
        InputError: The file or its folder cannot be written.
    """
    target = _inside_project(project)
    try:
        write_files(
            [(target, render_baseline(baseline).encode())], within=project, make_folders=True
        )
    except OSError as error:
        message = f"{BASELINE_FILE}: cannot write the file: {error.strerror or error}"
        raise InputError(message) from None


def _inside_project(project: Path) -> Path:
    """The baseline's real path, which must be a regular file (or none yet) inside the project.

    A symlinked ``.pyexpert-gates`` folder or baseline file may lead anywhere: the baseline is
    neither read from nor written to a place outside the project, nor a device or a folder.
    """
    target = baseline_path(project).resolve()
    if not target.is_relative_to(project.resolve()):
        message = (
            f"{BASELINE_FILE}: a symlink leads out of the project (to {target}); replace it "
            "with a regular file inside the project"
        )
        raise InputError(message)
    if target.exists() and not target.is_file():
        message = f"{BASELINE_FILE}: not a regular file; remove it and record the baseline again"
        raise InputError(message)
    return target


def _baseline(data: dict[str, object]) -> Baseline:
    """The baseline in a parsed document."""
    _only(data, _TOP_KEYS, "the file")
    if "version" not in data or data["version"] != VERSION:
        version = data.get("version")
        message = (
            f"the file has format version {version}, but this pyexpert-gates reads version "
            f"{VERSION} (a different pyexpert-gates wrote it)"
        )
        raise ShapeError(message)
    records = as_list(field(data, "findings"), "field 'findings'")
    entries = tuple(_entry(record, index) for index, record in enumerate(records, start=1))
    seen: set[Fingerprint] = set()
    for index, entry in enumerate(entries, start=1):
        if entry.fingerprint in seen:
            message = f"finding {index} is listed twice"
            raise ShapeError(message)
        seen.add(entry.fingerprint)
    floors = as_object(field(data, "docstring_floors"), "field 'docstring_floors'")
    return Baseline(entries=entries, floors={path: _percent(path, v) for path, v in floors.items()})


def _entry(value: object, index: int) -> Entry:
    """One accepted finding."""
    what = f"finding {index}"
    record = as_object(value, what)
    _only(record, _ENTRY_KEYS, what)
    try:
        gate = _gate(text(record, "gate"))
        occurrence = integer(record, "occurrence")
        fingerprint = Fingerprint(
            path=text(record, "path"),
            gate=gate,
            code=text(record, "code"),
            source=text(record, "source"),
            occurrence=occurrence,
        )
        message = text(record, "message") if "message" in record else ""
    except ShapeError as error:
        message = f"{what}: {error}"
        raise ShapeError(message) from None
    if occurrence < 0:
        message = f"{what}: field 'occurrence' must not be negative"
        raise ShapeError(message)
    return Entry(fingerprint=fingerprint, message=message)


def _gate(name: str) -> GateName:
    """A gate whose findings a baseline may accept."""
    gate = _GATES.get(name)
    if gate is None:
        allowed = ", ".join(BASELINED_GATES)
        message = f"field 'gate' is {name!r}, but only these gates are baselined: {allowed}"
        raise ShapeError(message)
    return gate


def _percent(path: str, value: object) -> float:
    """A docstring floor: a percentage from 0 to 100."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= _FULL:
        message = f"the docstring floor of {path} must be a percentage from 0 to 100, got {value!r}"
        raise ShapeError(message)
    return float(value)


def _only(record: dict[str, object], allowed: frozenset[str], what: str) -> None:
    """Refuse keys this version does not know, which a typo or another version would add."""
    unknown = sorted(set(record) - allowed)
    if unknown:
        message = f"{what} has unknown keys: {', '.join(unknown)}"
        raise ShapeError(message)


def _entry_record(entry: Entry) -> dict[str, object]:
    """One finding's JSON object, keys in reading order."""
    print_ = entry.fingerprint
    return {
        "path": print_.path,
        "gate": print_.gate.value,
        "code": print_.code,
        "source": print_.source,
        "occurrence": print_.occurrence,
        "message": entry.message,
    }


def _dumps(value: object) -> str:
    """Compact JSON on one line, non-ASCII kept readable."""
    return json_dumps(value)


def _block(lines: str) -> str:
    """The inside of a JSON array or object: indented lines, or nothing when empty."""
    return f"\n{lines}\n  " if lines else ""


def _invalid(problem: str, where: str = "") -> str:
    """The message for a baseline that cannot be used: the file, the problem and the fix."""
    location = f"{BASELINE_FILE}:{where}" if where else BASELINE_FILE
    return f"{location}: {problem}; {_FIX}"
