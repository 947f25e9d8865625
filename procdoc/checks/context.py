"""What a rule may look at besides its own process."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, TypeVar

from procdoc.config import CatalogueEntry, OrgUnit
from procdoc.model import Process

T = TypeVar("T")


@dataclass(eq=False)
class Repository:
    """All processes of one run, for the rules that look across files."""

    processes: list[Process] = field(default_factory=list)
    org: Mapping[str, OrgUnit] = field(default_factory=dict)
    #: processes of the settings' catalogue that are planned, not written yet
    planned: Mapping[str, CatalogueEntry] = field(default_factory=dict)
    _derived: dict[Callable[[Repository], Any], Any] = field(default_factory=dict, repr=False)

    def derived(self, build: Callable[[Repository], T]) -> T:
        """`build(self)`, computed once per repository.

        Rules run once per process, but some need a repository-wide index
        (who calls whom, every lane name); this builds it on first use.
        """
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]  # type: ignore[no-any-return]

    @cached_property
    def by_id(self) -> dict[str, Process]:
        """First process with each id (duplicates are a rule's business)."""
        found: dict[str, Process] = {}
        for process in self.processes:
            found.setdefault(process.id, process)
        return found


@dataclass(frozen=True)
class Context:
    """The repository, the date, and the options of the rule being run."""

    repo: Repository
    options: Mapping[str, Any]
    today: date

    def option(self, name: str) -> Any:
        return self.options[name]
