"""The shortcuts around each gate's run: the result cache, ``--changed-since`` and pytest-xdist.

Before a gate runs, `Shortcuts.prepare` narrows its context (the changed files only, tests in
parallel), computes its cache key and looks the key up: a stored result is replayed instead of
running the gate. After the run, `Shortcuts.keep` stores the result under its key (never an
``error``). The slow parts (the probe of the project's environment, the content digests) are
computed once per run and shared by the gates that need them; the project's files come from the
run's snapshot.
"""

import asyncio
import dataclasses
import os
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pyexpert_gates.cache.inputs import (
    ContentDigests,
    config_files,
    editable_files,
    engine_digest,
    tool_variables,
    tool_versions,
    without_own_state,
)
from pyexpert_gates.cache.key import KeyParts, cache_key
from pyexpert_gates.cache.store import ResultCache, open_cache
from pyexpert_gates.check.changed_files import changed_files, limit_paths
from pyexpert_gates.check.distributions import Installed, keep_file, probe_installed
from pyexpert_gates.check.request import ShortcutOptions
from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.gates.base import GateContext, SelectedTests
from pyexpert_gates.gates.paths import is_test_code
from pyexpert_gates.gates.pytest_xdist import allows_xdist
from pyexpert_gates.gates.registry import GATE_TRAITS, GATES
from pyexpert_gates.gates.shadowed import shadowed
from pyexpert_gates.models import GateName, GateResult, Reach, Status

_Value = TypeVar("_Value")


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A gate about to run.

    Attributes:
        context: The gate's context, narrowed to what it must check.
        key: The gate's cache key, or None when its result is not cached.
        result: A result that makes the run unnecessary (replayed, or nothing to check).
        limited_to: The files the gate is limited to, or None when it checks all its paths.
    """

    context: GateContext
    key: str | None = None
    result: GateResult | None = None
    limited_to: tuple[str, ...] | None = None


class Shared(Generic[_Value]):
    """A value computed by the first gate that asks for it, and awaited by the others."""

    __slots__ = ("_task",)

    def __init__(self) -> None:
        """Nothing is computed yet."""
        self._task: asyncio.Task[_Value] | None = None

    async def get(self, compute: Callable[[], Coroutine[None, None, _Value]]) -> _Value:
        """The value, computed by ``compute`` on the first call.

        Args:
            compute: What computes the value; called at most once.

        Returns:
            The value.
        """
        if self._task is None:
            self._task = asyncio.ensure_future(compute())
        return await self._task


def _settings(context: GateContext) -> tuple[str, ...]:
    """What the gate is asked to do, as far as its command or evaluation depends on it."""
    return (
        *(f"path {path}" for path in context.paths),
        f"python {context.python}",
        f"docstring-coverage {context.docstring_coverage}",
        f"parallel-tests {context.parallel_tests}",
        f"tests {context.tests}",
        *(f"shadowed {path}" for path in context.shadowed),
        *(f"special {path}" for path in context.special),
        *(f"relaxed {key}" for key in sorted(context.relaxed)),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Shortcuts:
    """The shortcuts of one run; without a cache or changed files, it only enables xdist.

    Attributes:
        cache: The result cache, or None with ``--no-cache``.
        changed: The files changed since ``since``, or None without ``--changed-since``.
        since: The ``--changed-since`` revision, for the report.
        installed: The probe of the project's environment, shared by the gates.
        digests: The content digests of the files read so far.
        tests: Which tests the pytest gate runs (``watch`` selects the affected ones).
    """

    cache: ResultCache | None = None
    changed: tuple[str, ...] | None = None
    since: str | None = None
    installed: Shared[Installed | None] = field(default_factory=Shared[Installed | None])
    digests: ContentDigests = field(default_factory=ContentDigests)
    tests: SelectedTests = SelectedTests.EVERY

    async def prepare(self, name: GateName, context: GateContext) -> Prepared:
        """Narrow the gate's context and replay its stored result when its key is unchanged.

        Args:
            name: The gate.
            context: The gate's full context.

        Returns:
            The gate's narrowed context, its key and, when the run is unnecessary, its result.
        """
        try:
            return await self._prepare(name, context)
        except Exception:  # noqa: BLE001 - a shortcut's own bug must cost speed, not the check
            return Prepared(context=context)

    async def _prepare(self, name: GateName, context: GateContext) -> Prepared:
        """`prepare`, which may fail."""
        # Of the whole paths, before --changed-since narrows them: the same for every gate.
        every_special = context.snapshot.special
        limited = await self._limited(name, context)
        if limited == ():
            summary = f"nothing to check: no Python file in its paths changed since {self.since}"
            nothing = GateResult(name=name, status=Status.PASSED, summary=summary, limited_to=())
            return Prepared(context=context, result=nothing, limited_to=())
        if limited is not None:
            context = dataclasses.replace(context, paths=limited)
        context = await self._with_files(name, context, every_special)
        if GATES[name].runs_tests:
            installed = await self._installed(context)
            xdist = installed is not None and installed.xdist
            context = dataclasses.replace(
                context, parallel_tests=xdist and allows_xdist(context), tests=self.tests
            )
        if self.cache is None:
            return Prepared(context=context, limited_to=limited)
        key = await self._key(name, context)
        replay = None if key is None else self.cache.load(key)
        if replay is not None:
            replay = dataclasses.replace(replay, limited_to=limited)
        return Prepared(context=context, key=key, result=replay, limited_to=limited)

    async def _with_files(
        self, name: GateName, context: GateContext, every_special: tuple[str, ...]
    ) -> GateContext:
        """The context with the files the gate must prove it checked and the special ones."""
        sources = context.snapshot.files.sources(context.paths)
        return dataclasses.replace(
            context,
            listed=sources,
            special=ProjectFiles(files=every_special, from_git=False).under(context.paths),
            shadowed=shadowed(sources) if GATES[name].shadowed_stubs else (),
        )

    def keep(self, prepared: Prepared, result: GateResult) -> GateResult:
        """Mark ``result`` with what it was limited to, and store it under its key.

        Args:
            prepared: What `prepare` returned for the gate.
            result: The gate's result.

        Returns:
            The result as reported.
        """
        result = dataclasses.replace(result, limited_to=prepared.limited_to)
        if self.cache is not None and prepared.key is not None:
            self.cache.save(prepared.key, result)
        return result

    async def _limited(self, name: GateName, context: GateContext) -> tuple[str, ...] | None:
        """The files a file-level gate is limited to, or None when it checks all its paths."""
        if self.changed is None or not GATE_TRAITS[name].limited_by_changed_since:
            return None
        limited = limit_paths(self.changed, context.paths, context.snapshot.files)
        if GATES[name].public_api:
            return tuple(path for path in limited if not is_test_code(path))
        return limited

    async def _key(self, name: GateName, context: GateContext) -> str | None:
        """The gate's cache key, or None when the environment cannot be known."""
        installed = None
        if GATE_TRAITS[name].reach is Reach.PROGRAM:
            installed = await self._installed(context)
            if installed is None:
                return None
        files = await self._files(name, context, installed)
        parts = KeyParts(
            gate=name,
            engine=engine_digest(),
            tool=tool_versions(name),
            settings=_settings(context),
            files=self.digests.digest(context.project, files),
            environment="" if installed is None else installed.digest,
            variables=tool_variables(context.snapshot.variables),
        )
        return cache_key(parts)

    async def _files(
        self, name: GateName, context: GateContext, installed: Installed | None
    ) -> list[str]:
        """The files the gate reads (see `pyexpert_gates.cache.inputs`)."""
        listed = context.snapshot.files
        configs = config_files(context.project, listed, context.snapshot.variables)
        if GATE_TRAITS[name].reach is Reach.CONFIGURATION:
            return configs
        # A file named in the paths, or a source in them, is checked even when git ignores it.
        named = [path for path in context.paths if (context.project / path).is_file()]
        ignored = ProjectFiles(files=context.snapshot.unlisted, from_git=False)
        unlisted = [*named, *ignored.under(context.paths)]
        if installed is None:
            return without_own_state([*configs, *unlisted, *listed.under(context.paths)])
        editable = await editable_files(installed.editable, context.project)
        return [*without_own_state([*configs, *unlisted, *listed.files]), *editable]

    async def _installed(self, context: GateContext) -> Installed | None:
        """The probe of the project's environment, run once per run."""
        keep = None if self.cache is None else keep_file(self.cache.folder, context.python)
        return await self.installed.get(lambda: probe_installed(context.python, keep=keep))


def make_shortcuts(project: Path, shortcuts: ShortcutOptions) -> Shortcuts:
    """The shortcuts for a run: the project's result cache and the files changed since a ref.

    The cache lives in the user's cache folder (see `pyexpert_gates.cache.store`); when no
    private cache can be had there, the run goes without one.

    Args:
        project: The project root, absolute.
        shortcuts: What the command line asks for.

    Returns:
        The shortcuts of the run.

    Raises:
        UsageError: ``changed_since`` cannot be resolved (no git, no repository, no such ref).
    """
    since = shortcuts.changed_since
    changed = None if since is None else changed_files(project, since)
    cache = open_cache(project, os.environ) if shortcuts.use_cache else None
    return Shortcuts(cache=cache, changed=changed, since=since)
