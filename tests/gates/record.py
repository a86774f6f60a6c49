"""Record real tool output for the parser tests: ``python -m tests.gates.record [CASE...]``.

Each case in `tests.gates.cases` is written to a fresh temporary folder, its gate's command runs
there, and the output is stored as ``tests/data/gates/<gate>/<case>.json``. Paths of this machine
are replaced by placeholders (``@PROJECT@``, ``@SCRATCH@``, ``@PYTHON@`` ...) that the tests put
back, so a recording is the same wherever it was made.
"""

import json
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.process import ProcessOutput
from tests.snapshots import EMPTY

from .cases import CASES, Case
from .running import make_context, run

DATA = Path(__file__).parent.parent / "data" / "gates"
REPOSITORY = Path(__file__).resolve().parent.parent.parent


def main(names: Sequence[str]) -> int:
    """Record the named cases (``ruff/clean``), or all of them."""
    for case in CASES:
        key = f"{case.gate}/{case.name}"
        if names and key not in names:
            continue
        with tempfile.TemporaryDirectory() as folder:
            recording = record(case, Path(folder))
        target = DATA / str(case.gate) / f"{case.name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(recording, indent=2, ensure_ascii=False) + "\n", "utf-8")
        sys.stdout.write(f"{key}: exit {recording['returncode']}\n")
    return 0


def record(case: Case, folder: Path) -> dict[str, object]:
    """Run one case and return its recording, scrubbed of this machine's paths."""
    context = make_context(folder.resolve(), case.files, case.paths, python=case.python)
    command = TOOL_GATES[case.gate].command(context)
    output = run(command)

    def scrub(text: str) -> str:
        return _scrub(text, context)

    return {
        "gate": str(case.gate),
        "case": case.name,
        "paths": list(case.paths),
        "argv": [scrub(argument) for argument in command.argv],
        "returncode": output.returncode,
        "stdout": scrub(output.stdout),
        "stderr": scrub(output.stderr),
        "report_text": None if output.report_text is None else scrub(output.report_text),
    }


def _scrub(text: str, context: GateContext) -> str:
    replacements = (
        (str(context.scratch), "@SCRATCH@"),
        (str(context.project), "@PROJECT@"),
        (sys.executable, "@PYTHON@"),
        (sys.prefix, "@VENV@"),
        (sys.base_prefix, "@PYTHON_HOME@"),
        (str(REPOSITORY), "@REPOSITORY@"),
    )
    for old, new in replacements:
        text = text.replace(old, new)
    return re.sub(r'hostname="[^"]*"', 'hostname="host"', text)


PROJECT = Path("/project")
"""Where a replayed recording pretends its project was."""


def replay(gate: str, case: str, *, threshold: float = 100.0) -> tuple[ProcessOutput, GateContext]:
    """A recording with its placeholders filled in, and the context it was made in."""
    data = json.loads((DATA / gate / f"{case}.json").read_text("utf-8"))
    context = GateContext(
        project=PROJECT,
        paths=tuple(data["paths"]),
        python=PROJECT / ".venv" / "bin" / "python",
        scratch=Path("/scratch"),
        snapshot=EMPTY,
        docstring_coverage=threshold,
    )

    def fill(text: str) -> str:
        return text.replace("@PROJECT@", str(context.project)).replace(
            "@SCRATCH@", str(context.scratch)
        )

    report = data["report_text"]
    output = ProcessOutput(
        returncode=data["returncode"],
        stdout=fill(data["stdout"]),
        stderr=fill(data["stderr"]),
        report_text=None if report is None else fill(report),
    )
    return output, context


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
