"""What a rule may look at besides its own process."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from procdoc.config import OrgUnit
from procdoc.model import Process


@dataclass
class Repository:
    """All processes of one run, for the rules that look across files."""

    processes: list[Process] = field(default_factory=list)
    org: Mapping[str, OrgUnit] = field(default_factory=dict)

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
