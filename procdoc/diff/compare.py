"""What changed between two versions of one process, in the process's own terms.

Steps are paired by id; a step whose id changed is paired by its name (a
renumbering is one change, not a removal and an addition). A line that now
leads to an added step, or no longer to a removed one, is part of that
addition or removal, not a change of its own: a review reads "step 3.7a
added", not three changes.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from procdoc.model import Process, Step

STEP_FIELDS = ("type", "description", "key", "time_limit", "inputs", "outputs", "documents", "records", "system",
               "raci", "control", "process", "trigger")
"""Step fields compared one by one (name, lane, phase and the exits have changes of their own)."""
META_FIELDS = ("name", "owner", "version", "status", "category", "parent", "level", "approved_by", "effective",
               "purpose", "scope", "trigger", "outputs", "sla", "review_every", "kpis", "glossary", "references")
LISTS = {"lanes": "lane", "phases": "phase", "documents": "document", "records": "record",
         "emergencies": "emergency"}
GOVERNANCE = {"version", "revisions", "effective", "approved_by", "status"}
"""Changes that record a change rather than make one: they do not call for a new version."""


@dataclass(frozen=True)
class Change:
    """One change. `kind`: added, removed, renamed, renumbered, lane, phase, flow, field (of a step),
    meta (of the process), or `<list>-added/-removed/-changed` for lanes, documents, records …"""

    kind: str
    message: str
    step: str | None = None  # the step's id in the new version (the old id when removed)
    field: str | None = None
    old: Any = None
    new: Any = None

    @property
    def content(self) -> bool:
        """Whether the change is to what the process does (and so needs a new version)."""
        return not (self.kind in ("meta", "revisions") and self.field in GOVERNANCE)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "step": self.step, "field": self.field, "old": _plain(self.old),
                "new": _plain(self.new), "message": self.message}


@dataclass
class ProcessDiff:
    """The changes of one process file; `old` or `new` is None when the file was added or removed."""

    path: str
    old: Process | None
    new: Process | None
    changes: list[Change] = field(default_factory=list)
    pairs: dict[str, str] = field(default_factory=dict)  # new step id → old step id

    @property
    def process_id(self) -> str:
        return (self.new or self.old).id if (self.new or self.old) else self.path  # type: ignore[union-attr]

    @property
    def content_changed(self) -> bool:
        return any(change.content for change in self.changes)

    def counts(self) -> Counter[str]:
        return Counter("added" if c.kind == "added" else "removed" if c.kind == "removed" else "changed"
                       for c in self.changes)

    def steps_marked(self) -> dict[str, str]:
        """New step id → `added` or `changed`, for drawing."""
        marked: dict[str, str] = {}
        for change in self.changes:
            if change.step and change.kind != "removed" and (self.new and change.step in self.new.step_by_id):
                marked[change.step] = "added" if change.kind == "added" else marked.get(change.step, "changed")
        return marked


def _plain(value: Any) -> Any:
    """A model value without its positions: what a comparison or a JSON report should see."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in ("pos", "at", "source_lines")}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def compare(path: str, old: Process | None, new: Process | None) -> ProcessDiff:
    """Every change from `old` to `new`."""
    diff = ProcessDiff(path, old, new)
    if old is None or new is None:
        kind = "process-added" if old is None else "process-removed"
        present = new or old
        diff.changes.append(Change(kind, f"process {present.id} '{present.name}' {kind.split('-')[1]}")
                            if present else Change(kind, kind))
        return diff
    diff.pairs = pair_steps(old, new)
    diff.changes += _step_changes(old, new, diff.pairs)
    diff.changes += _meta_changes(old, new)
    return diff


def pair_steps(old: Process, new: Process) -> dict[str, str]:
    """New step id → old step id: same id first, then the same name among the steps left (if unique)."""
    pairs = {step.id: step.id for step in new.steps if step.id in old.step_by_id}
    left_old = [s for s in old.steps if s.id not in pairs.values()]
    names = Counter(s.name for s in left_old)
    by_name = {s.name: s.id for s in left_old if names[s.name] == 1}
    for step in new.steps:
        if step.id not in pairs and step.name in by_name:
            pairs[step.id] = by_name.pop(step.name)
    return pairs


def _step_changes(old: Process, new: Process, pairs: dict[str, str]) -> list[Change]:
    changes: list[Change] = []
    paired_old = set(pairs.values())
    added = [s for s in new.steps if s.id not in pairs]
    removed = [s for s in old.steps if s.id not in paired_old]
    for step in new.steps:
        if step.id in pairs:
            changes += _changed_step(old, new, old.step_by_id[pairs[step.id]], step, pairs, added, removed)
        else:
            changes.append(Change("added", f"step {step.id} '{step.name}' added{_where(new, step)}", step.id,
                                  new=step.name))
    for step in removed:
        changes.append(Change("removed", f"step {step.id} '{step.name}' removed", step.id, old=step.name))
    return changes


def _where(process: Process, step: Step) -> str:
    lane = process.lane_by_id.get(step.lane or "")
    before = [s.id for s in process.steps if step.id in [t for _, t, _ in s.exits()]]
    return (f" in {lane.name}" if lane else "") + (f" after {', '.join(before)}" if before else "")


def _changed_step(old: Process, new: Process, was: Step, now: Step, pairs: dict[str, str],
                  added: list[Step], removed: list[Step]) -> list[Change]:
    changes = []
    if was.id != now.id:
        changes.append(Change("renumbered", f"step {was.id} renumbered {now.id}", now.id, "id", was.id, now.id))
    if was.name != now.name:
        changes.append(Change("renamed", f"step {now.id} renamed from '{was.name}' to '{now.name}'", now.id, "name",
                              was.name, now.name))
    for attr, kind, names in (("lane", "lane", _lane_names), ("phase", "phase", _phase_names)):
        before, after = names(old).get(getattr(was, attr) or "", getattr(was, attr)), names(new).get(
            getattr(now, attr) or "", getattr(now, attr))
        if before != after:
            changes.append(Change(kind, f"{now.id} moved from {before or '(no ' + attr + ')'} to "
                                        f"{after or '(no ' + attr + ')'}", now.id, attr, before, after))
    changes += _flow_changes(_Side(old, {s.id for s in removed}), _Side(new, {s.id for s in added}), was, now, pairs)
    for name in STEP_FIELDS:
        before, after = _plain(getattr(was, name)), _plain(getattr(now, name))
        if before != after:
            changes.append(Change("field", f"step {now.id}: {name.replace('_', ' ')} changed", now.id, name,
                                  before, after))
    return changes


def _lane_names(process: Process) -> dict[str, str]:
    return {lane.id: lane.name for lane in process.lanes}


def _phase_names(process: Process) -> dict[str, str]:
    return {phase.id: phase.name for phase in process.phases}


def _exits(step: Step) -> dict[str, list[str]]:
    """Exit label ('' for a plain `next`) → targets."""
    found: dict[str, list[str]] = {}
    for label, target, _ in step.exits():
        found.setdefault(label or "", []).append(target)
    return found


@dataclass
class _Side:
    """One version and its steps the other version lacks: a line through them is looked through."""

    process: Process
    only: set[str]

    def through(self, targets: list[str]) -> list[str]:
        """`targets`, each step only this side has replaced by the steps after it."""
        found: list[str] = []
        pending, seen = list(targets), set()
        while pending:
            target = pending.pop(0)
            if target in seen:
                continue
            seen.add(target)
            if target in self.only:
                pending += self.process.successors.get(target, [])
            else:
                found.append(target)
        return sorted(found)


def _flow_changes(old: _Side, new: _Side, was: Step, now: Step, pairs: dict[str, str]) -> list[Change]:
    """An exit that now leads elsewhere. A line that now runs through an added step, or no longer
    through a removed one, belongs to that addition or removal."""
    old_exits = {label: old.through(targets) for label, targets in _exits(was).items()}
    new_exits = {label: sorted(pairs.get(t, t) for t in new.through(targets))
                 for label, targets in _exits(now).items()}
    shown = {v: k for k, v in pairs.items()}
    changes = []
    for label in dict.fromkeys([*old_exits, *new_exits]):
        before, after = old_exits.get(label, []), new_exits.get(label, [])
        if before != after:
            words = f"exit '{label}' of {now.id}" if label else f"the line from {now.id}"
            after_new = [shown.get(t, t) for t in after]
            changes.append(Change("flow", f"{words} now leads to {', '.join(after_new) or 'nothing'} instead of "
                                          f"{', '.join(before) or 'nothing'}", now.id, "next", before, after_new))
    return changes


def _meta_changes(old: Process, new: Process) -> list[Change]:
    changes = []
    for name in META_FIELDS:
        before, after = _plain(getattr(old, name)), _plain(getattr(new, name))
        if before != after:
            changes.append(Change("meta", f"{name.replace('_', ' ')} changed"
                                  + (f" from {before} to {after}" if _short(before) and _short(after) else ""),
                                  None, name, before, after))
    if _plain(old.revisions) != _plain(new.revisions):
        changes.append(Change("revisions", "revision history updated", None, "revisions"))
    for attr, noun in LISTS.items():
        changes += _list_changes(getattr(old, attr) or [], getattr(new, attr) or [], noun)
    return changes


def _short(value: Any) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= 40)


def _list_changes(before: list[Any], after: list[Any], noun: str) -> list[Change]:
    """Declared lanes, phases, documents, records, emergencies: added, removed or changed, by id."""
    old = {item.id: item for item in before}
    new = {item.id: item for item in after}
    changes = []
    for key in dict.fromkeys([*old, *new]):
        label = getattr(new.get(key) or old.get(key), "name", None) or getattr(new.get(key) or old.get(key), "when",
                                                                                "")
        if key not in old:
            changes.append(Change(f"{noun}-added", f"{noun} {key} '{label}' added", None, noun, None, key))
        elif key not in new:
            changes.append(Change(f"{noun}-removed", f"{noun} {key} '{label}' removed", None, noun, key, None))
        elif _plain(old[key]) != _plain(new[key]):
            changes.append(Change(f"{noun}-changed", f"{noun} {key} '{label}' changed", None, noun,
                                  _plain(old[key]), _plain(new[key])))
    return changes
