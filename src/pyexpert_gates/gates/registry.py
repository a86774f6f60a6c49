"""The registry: every gate as one object, and the one place that names a particular gate.

Each `Gate` says what sets it apart: its traits (reach, baselined, weight, tool), how it runs
(a command gate or an in-process one), how ``fix`` resolves its findings, where its rules are
documented, where its settings live, how a finding is tied to code, and how ``watch`` re-runs it.
Every other module asks the registry instead of naming a gate, so a new gate is one module in
``gates/`` plus its line here.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from pyexpert_gates.gates.base import CommandGate, GateOutcome
from pyexpert_gates.gates.docstrings import DocstringsGate, judge_merged
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.gates.expert import EXPERT_GATE
from pyexpert_gates.gates.format import FormatGate
from pyexpert_gates.gates.inprocess import InProcessGate
from pyexpert_gates.gates.mypy import MypyGate
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.gates.ruff import RuffGate
from pyexpert_gates.models import Diagnostic, GateName, GateTraits, ModuleCoverage, Reach
from pyexpert_gates.tools import PYPROJECT, mypy, pyright, pytest, ruff

ANY_KEY = "*"
"""In a `Gate.settings` pattern, any one key."""


class FixStep(StrEnum):
    """The step of ``fix`` that resolves a gate's findings."""

    LINT = "lint"
    """``ruff check --fix``."""
    CODEMODS = "codemods"
    """The codemods, this package's own libcst transforms."""
    FORMAT = "format"
    """``ruff format``."""


class RuleDocs(StrEnum):
    """Where the rules behind a gate's codes are documented."""

    RUFF = "ruff"
    """A page per ruff rule, named after the rule."""
    PYDOCLINT = "pydoclint"
    """pydoclint's page of violation codes; missing docstrings named as ruff's D1 rules."""
    MYPY = "mypy"
    """An anchor per mypy error code."""
    PYRIGHT = "pyright"
    """An anchor per pyright rule."""
    EXPERT = "expert"
    """This package's own rule catalogue."""
    TESTS = "tests"
    """None: each finding is a failed test, counted under one rule."""
    NONE = "none"
    """None: the gate's codes are documented nowhere else."""


class Anchor(StrEnum):
    """What ties one of a gate's findings to the code, for the baseline."""

    LINE = "line"
    """The text of its line."""
    CONTENT = "content"
    """The whole file's content (a file that is not formatted has no line of its own)."""
    TEST = "test"
    """The failing test's node id, which is the finding's own name."""


class Rerun(StrEnum):
    """How ``watch`` re-runs a gate after a change."""

    MERGED = "merged"
    """On the changed files only, merged with its kept findings (and coverage) on the others."""
    WHOLE = "whole"
    """On every file, with the tool's own incremental cache."""
    RESIDENT = "resident"
    """By a resident process that follows the changes itself."""
    SELECTED_TESTS = "selected-tests"
    """On every file, running only the tests a change can affect."""
    SETTINGS = "settings"
    """Only after a change that can alter a setting; after Python files edited in place, its
    last result stands."""


Rejudge = Callable[[Iterable[Diagnostic], Iterable[ModuleCoverage], float], GateOutcome]
"""The verdict on findings and per-module coverage merged from runs on parts of the files,
weighed against the coverage threshold."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Gate:
    """One gate: what it is, how it runs, and what every other module needs to know of it.

    Attributes:
        name: The name users type after ``--gate`` and ``--skip``.
        traits: Its reach, whether a baseline accepts it, its weight and its tool.
        runner: How it runs: a command gate or an in-process one.
        fix: The ``fix`` step that resolves its findings, or None when ``fix`` does not.
        rule_docs: Where its rules are documented.
        config_files: The names of the files where its tool reads its settings (the cache key's
            configuration inputs; ruff and pytest read nested ones too).
        settings: Where its settings live: key path patterns under ``[tool]``, the most specific
            matching one wins (see `gate_of_setting`).
        anchor: What ties one of its findings to the code, for the baseline.
        rerun: How ``watch`` re-runs it after a change.
        line_echoes: Its codes, each with the code prefixes (of any gate) of a finding it echoes
            elsewhere on its line: the text report lists the echo under its owner.
        shadowed_stubs: True when it needs to know the sources a stub beside them hides.
        runs_tests: True when it needs the test options (xdist, selected tests).
        coverage: True when it measures docstring coverage, which the baseline's floors hold.
        rejudge: How ``watch`` judges its findings and coverage merged from the changed files'
            run and the kept results (a gate that measures coverage); None for the others.
        public_api: True when it checks public API only: test code among the changed files is
            left out (``--changed-since``, ``watch``).
        blind_on_syntax_error: True when one syntax error stops it before it checks anything.
    """

    name: GateName
    traits: GateTraits
    runner: CommandGate | InProcessGate
    fix: FixStep | None = None
    config_files: tuple[str, ...] = (PYPROJECT,)
    rule_docs: RuleDocs = RuleDocs.NONE
    settings: tuple[tuple[str, ...], ...] = ()
    anchor: Anchor = Anchor.LINE
    rerun: Rerun = Rerun.WHOLE
    line_echoes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    shadowed_stubs: bool = False
    runs_tests: bool = False
    coverage: bool = False
    rejudge: Rejudge | None = None
    public_api: bool = False
    blind_on_syntax_error: bool = False


_RUFF = Gate(
    name=GateName.RUFF,
    traits=GateTraits(
        reach=Reach.FILE,
        baselined=True,
        tool="ruff",
        home="https://docs.astral.sh/ruff/",
        distributions=ruff.DISTRIBUTIONS,
    ),
    runner=RuffGate(),
    fix=FixStep.LINT,
    config_files=ruff.CONFIG_FILES,
    rule_docs=RuleDocs.RUFF,
    settings=(("ruff", ANY_KEY),),
    rerun=Rerun.MERGED,
)
_FORMAT = Gate(
    name=GateName.FORMAT,
    traits=GateTraits(
        reach=Reach.FILE,
        baselined=True,
        tool="ruff format",
        home="https://docs.astral.sh/ruff/formatter/",
        distributions=ruff.DISTRIBUTIONS,
    ),
    runner=FormatGate(),
    fix=FixStep.FORMAT,
    config_files=ruff.CONFIG_FILES,
    settings=(("ruff", "format"),),
    anchor=Anchor.CONTENT,
    rerun=Rerun.MERGED,
)
_MYPY = Gate(
    name=GateName.MYPY,
    traits=GateTraits(
        reach=Reach.PROGRAM,
        baselined=True,
        weight=5,
        tool="mypy",
        home="https://mypy.readthedocs.io/",
        distributions=mypy.DISTRIBUTIONS,
    ),
    runner=MypyGate(),
    config_files=mypy.CONFIG_FILES,
    rule_docs=RuleDocs.MYPY,
    settings=(("mypy",),),
    # mypy names an unannotated function once, at its `def`; ruff names each missing annotation.
    line_echoes=(("no-untyped-def", ("ANN",)),),
    shadowed_stubs=True,
    blind_on_syntax_error=True,
)
_PYRIGHT = Gate(
    name=GateName.PYRIGHT,
    traits=GateTraits(
        reach=Reach.PROGRAM,
        baselined=True,
        weight=6,
        tool="pyright",
        home="https://microsoft.github.io/pyright/",
        distributions=pyright.DISTRIBUTIONS,
    ),
    runner=PyrightGate(),
    config_files=pyright.CONFIG_FILES,
    rule_docs=RuleDocs.PYRIGHT,
    settings=(("pyright",),),
    # pyright marks a deprecated call at its method name; ruff's DTZ and mypy at the call.
    line_echoes=(("reportDeprecated", ("DTZ", "deprecated")),),
    rerun=Rerun.RESIDENT,
)
_DOCSTRINGS = Gate(
    name=GateName.DOCSTRINGS,
    traits=GateTraits(
        reach=Reach.FILE,
        baselined=True,
        weight=3,
        tool="pyexpert-gates docstrings",
        distributions=("pydoclint",),
    ),
    runner=DocstringsGate(),
    config_files=ruff.CONFIG_FILES,
    rule_docs=RuleDocs.PYDOCLINT,
    settings=(("pyexpert-gates", "docstring-coverage"),),
    coverage=True,
    rejudge=judge_merged,
    public_api=True,
    rerun=Rerun.MERGED,
)
# pytest runs in the project's environment, whose distributions are in its key already.
_PYTEST = Gate(
    name=GateName.PYTEST,
    traits=GateTraits(
        reach=Reach.PROGRAM,
        baselined=False,
        weight=4,
        tool="pytest",
        home="https://docs.pytest.org/",
    ),
    runner=PytestGate(),
    config_files=pytest.CONFIG_FILES,
    rule_docs=RuleDocs.TESTS,
    settings=(("pytest",),),
    anchor=Anchor.TEST,
    rerun=Rerun.SELECTED_TESTS,
    runs_tests=True,
)
_EXPERT = Gate(
    name=GateName.EXPERT,
    traits=GateTraits(reach=Reach.FILE, baselined=True, weight=2, tool="pyexpert-gates expert"),
    runner=EXPERT_GATE,
    fix=FixStep.CODEMODS,
    rule_docs=RuleDocs.EXPERT,
    settings=(("pyexpert-gates", "expert"),),
    rerun=Rerun.MERGED,
)
_CONFIG = Gate(
    name=GateName.CONFIG,
    traits=GateTraits(
        reach=Reach.CONFIGURATION, baselined=False, weight=1, tool="pyexpert-gates config"
    ),
    runner=CONFIG_GATE,
    rerun=Rerun.SETTINGS,
    # It compares every tool's settings with the preset, and reads what init recorded.
    config_files=(
        *ruff.CONFIG_FILES,
        *mypy.CONFIG_FILES,
        *pyright.CONFIG_FILES,
        *pytest.CONFIG_FILES,
        ".pyexpert-gates/preset-state.json",
    ),
)

GATES: Mapping[GateName, Gate] = MappingProxyType(
    {
        gate.name: gate
        for gate in (_RUFF, _FORMAT, _MYPY, _PYRIGHT, _DOCSTRINGS, _PYTEST, _EXPERT, _CONFIG)
    }
)
"""Every gate, by name, in the order reports list them: the one place that names each gate."""

GATE_TRAITS: Mapping[GateName, GateTraits] = MappingProxyType(
    {name: gate.traits for name, gate in GATES.items()}
)
"""Every gate's traits: which gates are file-level, baselined, slow."""


def configuration_gate() -> GateName:
    """The gate that judges the configuration itself: it reports a project that cannot be read.

    Returns:
        Its name.
    """
    return next(name for name, gate in GATES.items() if gate.traits.reach is Reach.CONFIGURATION)


def gate_of_setting(tool_path: Sequence[str]) -> GateName | None:
    """The gate a setting concerns, from its key path under ``[tool]``.

    Args:
        tool_path: The setting's key path, without the leading ``tool``.

    Returns:
        The gate with the most specific of its `Gate.settings` patterns matching the start of
        the path (``*`` matches any one key); None for none.
    """
    matches = [
        ((len(pattern), -pattern.count(ANY_KEY)), name)
        for name, gate in GATES.items()
        for pattern in gate.settings
        if len(tool_path) >= len(pattern)
        and all(want in {ANY_KEY, key} for want, key in zip(pattern, tool_path, strict=False))
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None
