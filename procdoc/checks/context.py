"""What a rule may look at besides its own process.

A file-local rule gets a `Context`: the run (the org catalogue, the date)
and its options. A cross-file rule gets a `RepoContext`, which adds the
`Repository`: the typed summaries of every process of the run. Only
cross-file rules can reach other processes, and only through summaries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, TypeVar

from procdoc.checks.summary import ProcessSummary
from procdoc.config import CatalogueEntry, OrgUnit

T = TypeVar("T")


@dataclass(eq=False)
class Run:
    """What every rule of one run shares: the org catalogue, the date, the processes the settings' catalogue
    plans but nobody has written yet, and indexes built from them once."""

    org: Mapping[str, OrgUnit] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    planned: Mapping[str, CatalogueEntry] = field(default_factory=dict)
    _derived: dict[Callable[[Run], Any], Any] = field(default_factory=dict, repr=False)

    def derived(self, build: Callable[[Run], T]) -> T:
        """`build(self)`, computed once per run (an index of the org catalogue, say)."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]  # type: ignore[no-any-return]


@dataclass(eq=False)
class Repository:
    """The summaries of all processes of one run, for the rules that look across files."""

    processes: list[ProcessSummary] = field(default_factory=list)
    _derived: dict[Callable[[Repository], Any], Any] = field(default_factory=dict, repr=False)

    def derived(self, build: Callable[[Repository], T]) -> T:
        """`build(self)`, computed once per repository (who calls whom, every lane name)."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]  # type: ignore[no-any-return]

    @cached_property
    def by_id(self) -> dict[str, ProcessSummary]:
        """First process with each id (duplicates are a rule's business)."""
        found: dict[str, ProcessSummary] = {}
        for process in self.processes:
            found.setdefault(process.id, process)
        return found


@dataclass(frozen=True)
class Context:
    """A file-local rule's view: the run and the rule's options."""

    run: Run
    options: Mapping[str, Any]

    @property
    def today(self) -> date:
        return self.run.today

    @property
    def org(self) -> Mapping[str, OrgUnit]:
        return self.run.org

    def option(self, name: str) -> Any:
        return self.options[name]


@dataclass(frozen=True)
class RepoContext(Context):
    """A cross-file rule's view: a file-local rule's, plus every process's summary."""

    repo: Repository = field(default_factory=Repository)
