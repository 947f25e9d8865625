"""The process model: plain dataclasses, no I/O.

Every element remembers where it was written (`pos`) and where each of its
fields' values stood (`at`), so rules can point at the exact place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from procdoc.diagnostics import Pos

STEP_TYPES = ("start", "task", "decision", "subprocess", "join", "end")
START = Pos(1, 1)


@cache
def item_keys(key: str, count: int) -> tuple[str, ...]:
    """The names under which `at` keeps the positions of a list's items: `next.0`, `next.1`…"""
    return tuple(f"{key}.{index}" for index in range(count))


@dataclass(slots=True)
class Element:
    pos: Pos = field(default=START, kw_only=True)
    at: dict[str, Pos] = field(default_factory=dict, kw_only=True, repr=False)

    def where(self, name: str) -> Pos:
        """Position of field `name`'s value, or of the element itself."""
        return self.at.get(name, self.pos)


@dataclass(slots=True)
class Trigger(Element):
    description: str
    mode: str = "passive"
    assured_by: str | None = None
    from_process: str | None = None


@dataclass(slots=True)
class Output(Element):
    name: str
    description: str | None = None
    to_process: str | None = None


@dataclass(slots=True)
class Lane(Element):
    id: str
    name: str
    kind: str = "department"
    duties: str | None = None


@dataclass(slots=True)
class Phase(Element):
    id: str
    name: str


@dataclass(slots=True)
class Document(Element):
    id: str
    name: str
    kind: str | None = None
    ref: str | None = None


@dataclass(slots=True)
class Record(Element):
    id: str
    name: str
    keep: str | None = None
    stored_in: str | None = None
    form: str | None = None


RACI_ROLES = {"r": "responsible (R)", "a": "accountable (A)", "c": "consulted (C)", "i": "informed (I)"}


@dataclass(slots=True)
class Raci(Element):
    r: list[str] = field(default_factory=list)
    a: list[str] = field(default_factory=list)
    c: list[str] = field(default_factory=list)
    i: list[str] = field(default_factory=list)

    def parties(self) -> Iterator[tuple[str, str, Pos]]:
        """(role in words, party, where it is written) for every party, in R-A-C-I order."""
        for role, words in RACI_ROLES.items():
            for index, party in enumerate(getattr(self, role)):
                yield words, party, self.at.get(f"{role}.{index}", self.where(role))


@dataclass(slots=True)
class Control(Element):
    standard: str | None = None
    method: str | None = None
    record: str | None = None
    on_fail: str | None = None


#: a way out of a step: (its label or None, the target step's id, where the target is written)
Exit = tuple[str | None, str, Pos]


@dataclass(slots=True)
class Branch(Element):
    """A labelled exit; several targets start parallel paths from this exit."""

    next: list[str]
    when: str | None = None


@dataclass(slots=True)
class Step(Element):
    id: str
    name: str
    type: str = "task"
    lane: str | None = None
    phase: str | None = None
    description: str | None = None
    key: bool = False
    time_limit: str | None = None
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    system: str | None = None
    raci: Raci | None = None
    control: Control | None = None
    next: list[str] = field(default_factory=list)
    branches: list[Branch] = field(default_factory=list)
    process: str | None = None
    trigger: str | None = None
    _exits: tuple[Exit, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def label(self) -> str:
        """The step as the chart shows it, number and name, so messages read like the chart."""
        return f"step {self.id} '{self.name}'"

    def exits(self) -> tuple[Exit, ...]:
        """Every way out of the step: (label or None, target id, where written).

        Made once: most structure rules walk every step's exits, and a step is
        not changed once loaded.
        """
        if self._exits is None:
            found = _targets(None, self.next, self.at, self.pos)
            for branch in self.branches:
                found += _targets(branch.when, branch.next, branch.at, branch.pos)
            self._exits = tuple(found)
        return self._exits


def _targets(label: str | None, targets: list[str], at: dict[str, Pos], pos: Pos) -> list[Exit]:
    """(label, target, where written) for each target of one `next` list; rules ask for these often."""
    fallback = at.get("next", pos)
    keys = item_keys("next", len(targets))
    return [(label, target, at.get(key, fallback)) for target, key in zip(targets, keys, strict=True)]


@dataclass(slots=True)
class Emergency(Element):
    id: str
    when: str
    handler: str | None = None
    description: str | None = None


@dataclass(slots=True)
class Sla(Element):
    """A cycle-time standard: for the segment from step `start` to step `end`
    (None: from a start step, to an end step), or for the whole process."""

    limit: str
    name: str | None = None
    start: str | None = None
    end: str | None = None

    @property
    def label(self) -> str:
        """The SLA as messages name it: "the SLA", or "the SLA '在店时间' (3 → 9)"."""
        if self.name is None:
            return "the SLA"
        return f"the SLA '{self.name}' ({self.start or 'start'} → {self.end or 'end'})"


@dataclass(slots=True)
class Kpi(Element):
    name: str
    definition: str | None = None
    target: str | None = None
    goal: str | None = None
    owner: str | None = None


@dataclass(slots=True)
class Revision(Element):
    version: str
    date: str
    author: str | None = None
    reviewed_by: str | None = None
    approved_by: str | None = None
    changes: str | None = None


@dataclass(slots=True)
class Term(Element):
    term: str
    definition: str


@dataclass
class Process:
    """One process file, loaded. `emergencies is None` means the key is absent."""

    path: str
    id: str
    name: str
    lanes: list[Lane]
    steps: list[Step]
    version: str | None = None
    status: str = "draft"
    category: str | None = None
    parent: str | None = None
    level: str | None = None
    lang: str | None = None
    owner: str | None = None
    approved_by: str | None = None
    effective: str | None = None
    purpose: str | None = None
    scope: str | None = None
    trigger: Trigger | None = None
    outputs: list[Output] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    emergencies: list[Emergency] | None = None
    kpis: list[Kpi] = field(default_factory=list)
    sla: list[Sla] = field(default_factory=list)
    review_every: str | None = None
    revisions: list[Revision] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    pos: Pos = START
    at: dict[str, Pos] = field(default_factory=dict, repr=False)
    source_lines: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def where(self, name: str) -> Pos:
        return self.at.get(name, self.pos)

    @cached_property
    def step_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.steps}

    @cached_property
    def successors(self) -> dict[str, list[str]]:
        """Step id → ids of the defined steps it leads to, in written order (computed once)."""
        known = self.step_by_id
        return {step.id: [t for _, t, _ in step.exits() if t in known] for step in self.steps}

    @cached_property
    def predecessors(self) -> dict[str, list[str]]:
        """Step id → ids of the steps that lead to it (computed once: several rules walk the flow backwards)."""
        result: dict[str, list[str]] = {step.id: [] for step in self.steps}
        for source, targets in self.successors.items():
            for target in targets:
                result[target].append(source)
        return result

    @cached_property
    def lane_by_id(self) -> dict[str, Lane]:
        return {lane.id: lane for lane in self.lanes}

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        return {phase.id: phase for phase in self.phases}

    @cached_property
    def document_by_id(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}

    @cached_property
    def record_by_id(self) -> dict[str, Record]:
        return {rec.id: rec for rec in self.records}

    @property
    def latest_revision(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    @property
    def is_live(self) -> bool:
        return self.status != "retired"
