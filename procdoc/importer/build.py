"""One BPMN scope (a pool's process or an embedded sub-process) as a procdoc process document.

The document starts from `procdoc new`'s basic template, so an imported file
carries the same teaching comments and key order as a scaffolded one; the
parts BPMN cannot say (purpose, scope, time limits, control points) stay
TODO. Every step, lane, document and record keeps its BPMN id as `x-bpmn-id`,
so a later import of a changed model can be lined up with this one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from procdoc.i18n import has_chinese
from procdoc.importer.bpmn import GATEWAYS, SUBPROCESSES, Node, Scope
from procdoc.importer.findings import Findings
from procdoc.importer.flows import Exit, Graph, connect
from procdoc.importer.ordering import SHORT, number_steps
from procdoc.scaffold import _lane_id as readable_id

STEP_TYPE = {"startEvent": "start", "endEvent": "end", "callActivity": "subprocess",
             **{tag: "decision" for tag in GATEWAYS}, **{tag: "subprocess" for tag in SUBPROCESSES},
             "adHocSubProcess": "task"}
"""The procdoc step type of a BPMN element; any other flow node is a task. An ad-hoc sub-process
(activities done in any order, or not at all) has no procdoc counterpart: it is one task listing them."""
PLAIN = {"start": "startEvent", "end": "endEvent", "decision": "exclusiveGateway", "join": "parallelGateway",
         "subprocess": "callActivity", "task": "task"}
"""The BPMN element each step type is exported as: other elements keep their type in `x-bpmn-type`."""
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def step_type_of(node: Node, linked: set[str]) -> str:
    """A link event with no partner in `linked` is where the flow comes in from (or goes out to) elsewhere:
    a start or an end."""
    if node.link is not None and node.id not in linked:
        return "start" if node.tag == "intermediateCatchEvent" else "end"
    return STEP_TYPE.get(node.tag, "task")


@dataclass
class Imported:
    """One process file to write: its id, and the document."""

    process_id: str
    document: CommentedMap


@dataclass
class Context:
    """What the processes of one import share: the BPMN file, its findings, the process ids taken."""

    source: str
    findings: Findings
    fresh: Callable[[str], CommentedMap]  # the template document, fresh, in a language
    taken: set[str] = field(default_factory=set)
    made: list[Imported] = field(default_factory=list)
    previous: Callable[[str], dict[str, str]] = lambda _: {}  # process id → {BPMN id: step id} of an earlier import


def words(tag: str) -> str:
    """`userTask` → `User task`: a name for an unnamed element."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tag).lower()
    return spaced[:1].upper() + spaced[1:]


def process_id(raw: str, taken: set[str]) -> str:
    """The BPMN id when it is a valid process code, else one made of it; unique among `taken`."""
    base = raw if _CODE.fullmatch(raw) else (re.sub(r"[^A-Za-z0-9._-]+", "-", raw).strip("-._")[:60] or "P")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def build(scope: Scope, ctx: Context, name_hint: str | None = None) -> Imported:
    """The document of `scope`; its embedded sub-processes are built (into `ctx.made`) first."""
    pid = process_id(scope.id, ctx.taken)
    imported = _Process(scope, ctx, pid, name_hint).document()
    ctx.made.append(imported)
    return imported


class _Process:
    """One scope's document: its steps numbered, lanes and data sorted out, then written key by key."""

    def __init__(self, scope: Scope, ctx: Context, pid: str, name_hint: str | None) -> None:
        self.scope, self.ctx, self.pid = scope, ctx, pid
        self.name = scope.name or name_hint
        if not self.name:
            ctx.findings.add("B002", scope.line, f"process {scope.id!r} has no name: named after its id")
            self.name = scope.id
        skip = {n.id for n in scope.nodes.values()
                if n.tag == "boundaryEvent" or n.compensation or _event_subprocess(n) or _emergency_start(scope, n)}
        self.graph: Graph = connect(scope, ctx.findings, skip)
        self.ids = number_steps(scope, self.graph, ctx.previous(pid))
        self.lang = "zh" if any(has_chinese(n.name or "") for n in scope.nodes.values()) or has_chinese(
            self.name) else "en"
        self.lanes = _Lanes(scope, ctx.findings, self.name)
        self.data = _Data(scope, ctx.findings, self.ids)
        taken: set[str] = set()
        self.phase_ids = [readable_id(name, {}, taken) for _, name in scope.phases]

    def document(self) -> Imported:
        doc = self.ctx.fresh(self.lang)
        doc["procdoc"] = 1.1 if self._needs_1_1() else 1
        doc["id"], doc["name"] = self.pid, self.name
        doc["owner"] = self.lanes.owner(self.ids)
        if self.scope.documentation:
            doc["purpose"] = self.scope.documentation
        self._trigger(doc)
        del doc["outputs"]
        doc["lanes"] = self.lanes.entries()
        if self.scope.phases:
            doc.insert(list(doc).index("lanes") + 1, "phases", self._phases())
        for key in ("documents", "records"):
            entries = self.data.entries(key)
            if entries:
                doc[key] = entries
            else:
                del doc[key]
        doc["steps"] = CommentedSeq(self._step(node_id) for node_id in self.ids)
        emergencies = self._emergencies()
        if emergencies:
            doc["emergencies"] = emergencies
        else:
            del doc["emergencies"]
        del doc["sla"]
        doc["revisions"][0]["changes"] = f"Imported from {self.ctx.source}"
        self._extras(doc)
        return Imported(self.pid, doc)

    def _starts(self) -> int:
        return sum(1 for n in self.ids if self._type(self.scope.nodes[n]) == "start")

    def _blank_starts(self) -> int:
        """Start events without an event definition: one of them may stand beside typed ones, not two."""
        return sum(1 for n in self.ids if self._type(self.scope.nodes[n]) == "start" and not self.scope.nodes[n].event)

    def _needs_1_1(self) -> bool:
        lists = any(len(e.targets) > 1 for exits in self.graph.exits.values() for e in exits if e.label)
        return bool(self.graph.joins) or self._starts() > 1 or lists

    def _trigger(self, doc: CommentedMap) -> None:
        """One start: its name is the process's trigger. Several: each start step has its own."""
        starts = [self.scope.nodes[n] for n in self.ids if self._type(self.scope.nodes[n]) == "start"]
        if len(starts) == 1 and starts[0].name:
            doc["trigger"]["description"] = starts[0].name
        elif len(starts) > 1:
            del doc["trigger"]

    def _phases(self) -> CommentedSeq:
        return CommentedSeq(CommentedMap([("id", phase_id), ("name", name)])
                            for phase_id, (_, name) in zip(self.phase_ids, self.scope.phases, strict=True))

    def _type(self, node: Node) -> str:
        return "join" if node.id in self.graph.joins else step_type_of(node, self.graph.linked)

    def _step(self, node_id: str) -> CommentedMap:
        node = self.scope.nodes[node_id]
        step_type = self._type(node)
        step = CommentedMap()
        step["id"] = DoubleQuotedScalarString(self.ids[node_id])
        step["name"] = self._name(node)
        if step_type != "task":
            step["type"] = step_type
        lane = self.lanes.of(node_id)
        if lane:
            step["lane"] = lane
        if node_id in self.scope.phase_of:
            step["phase"] = self.phase_ids[self.scope.phase_of[node_id]]
        if step_type == "start" and self._starts() > 1 and (node.event or self._blank_starts() == 1):
            step["trigger"] = _trigger(node)
        about = self._description(node)
        if about:
            step["description"] = about
        self.data.attach(step, node_id)
        if step_type == "subprocess":
            step["process"] = self._called(node)
        self._exits(step, step_type, self.graph.exits.get(node_id, []))
        self._bpmn_type(step, node, step_type)
        return step

    def _name(self, node: Node) -> str:
        if node.name:
            return node.name
        self.ctx.findings.add("B002", node.line, f"{node.tag} {node.id!r} has no name: named after its type")
        return f"{words(node.tag)} {self.ids[node.id]}"

    def _description(self, node: Node) -> str | None:
        notes = [self.scope.annotations[other] for a, b in self.scope.associations
                 for other in ((b,) if a == node.id else (a,) if b == node.id else ())
                 if other in self.scope.annotations]
        text = "\n\n".join(t for t in (node.documentation, *notes, self._ad_hoc(node)) if t)
        return (LiteralScalarString(text) if "\n" in text else text) or None

    def _ad_hoc(self, node: Node) -> str | None:
        """What an ad-hoc sub-process holds, in words: procdoc has no such construct."""
        if node.tag != "adHocSubProcess" or node.scope is None:
            return None
        self.ctx.findings.add("B012", node.line, f"ad-hoc sub-process {node.id!r} imported as one task "
                              "that lists its activities in its description")
        names = [n.name or words(n.tag) for n in node.scope.nodes.values() if n.tag not in GATEWAYS]
        return "Activities, in any order, as needed: " + "; ".join(names)

    def _called(self, node: Node) -> str:
        """A call activity's called process; an embedded sub-process becomes a process of its own."""
        if node.scope is not None:
            return build(node.scope, self.ctx, node.name).process_id
        return node.called or "TODO"

    def _exits(self, step: CommentedMap, step_type: str, exits: list[Exit]) -> None:
        if step_type == "decision" or any(e.label for e in exits):
            step["branches"] = CommentedSeq(
                CommentedMap([*([("when", e.label)] if e.label else []), ("next", self._targets(e.targets))])
                for e in exits)
        elif exits:
            step["next"] = self._targets([t for e in exits for t in e.targets])

    def _targets(self, targets: list[str]) -> Any:
        ids = [DoubleQuotedScalarString(self.ids[t]) for t in targets if t in self.ids]
        if len(ids) == 1:
            return ids[0]
        listed = CommentedSeq(ids)
        listed.fa.set_flow_style()
        return listed

    def _bpmn_type(self, step: CommentedMap, node: Node, step_type: str) -> None:
        step["x-bpmn-id"] = node.id
        if node.tag != PLAIN.get(step_type) or node.event:
            kind = f"{node.event}{node.tag[:1].upper()}{node.tag[1:]}" if node.event else node.tag
            step["x-bpmn-type"] = kind
            step.yaml_add_eol_comment(f"BPMN {words(kind).lower()}", "x-bpmn-type")

    def _emergencies(self) -> CommentedSeq:
        """Boundary events (handled by the step their flow leads to) and event sub-processes."""
        found = CommentedSeq()
        for node in self.scope.nodes.values():
            if node.tag == "boundaryEvent" or _emergency_start(self.scope, node):
                found.append(self._boundary(node, len(found) + 1))
            elif _event_subprocess(node) and node.scope is not None:
                entry = CommentedMap([("id", f"E{len(found) + 1}"), ("when", self._when(node))])
                if node.scope.nodes:
                    handler = build(node.scope, self.ctx, node.name)
                    entry["description"] = f"Handled by process {handler.process_id} (an event sub-process in BPMN)"
                entry["x-bpmn-id"] = node.id
                found.append(entry)
        return found

    def _boundary(self, node: Node, number: int) -> CommentedMap:
        entry = CommentedMap([("id", f"E{number}"), ("when", self._when(node))])
        handlers = [f.target for f in self.scope.flows if f.source == node.id and f.target in self.ids]
        if handlers:
            entry["handler"] = DoubleQuotedScalarString(self.ids[handlers[0]])
        undo = [self.scope.nodes[b] for a, b in self.scope.associations
                if a == node.id and b in self.scope.nodes and self.scope.nodes[b].compensation]
        if undo:
            entry["description"] = "Compensated by: " + "; ".join(n.name or n.id for n in undo)
        entry["x-bpmn-id"] = node.id
        return entry

    def _when(self, node: Node) -> str:
        """An emergency's condition: the event's name, else its kind and the activity it is attached to."""
        if node.name:
            return node.name
        if node.scope is not None:
            starts = [n.name for n in node.scope.nodes.values() if n.tag == "startEvent" and n.name]
            if starts:
                return starts[0]
        host = self.scope.nodes.get(node.attached_to or "")
        on = f" on {host.name or host.id}" if host else ""
        return f"{node.event or 'event'}{on}"

    def _extras(self, doc: CommentedMap) -> None:
        """The pool's id, annotations linked to nothing, and elements procdoc does not know."""
        doc["x-bpmn-id"] = self.scope.id
        linked = {end for pair in self.scope.associations for end in pair}
        loose = [text for key, text in self.scope.annotations.items() if key not in linked and text]
        if loose:
            doc["x-bpmn-notes"] = CommentedSeq(loose)
        if self.scope.unknown:
            doc["x-bpmn-unknown"] = CommentedSeq(f"{tag} {element_id}".strip()
                                                 for tag, element_id, _ in self.scope.unknown)
            for tag, element_id, line in self.scope.unknown:
                self.ctx.findings.add("B001", line, f"<{tag}> {element_id!r} is not a BPMN element procdoc knows: "
                                      "kept under `x-bpmn-unknown`")


def _trigger(node: Node) -> str:
    """What starts the process this way: a conditional start's condition, else the event and its name."""
    if node.condition:
        return node.condition
    if node.event:
        return f"{node.event} event" + (f": {node.name}" if node.name else "")
    return node.name or "TODO what starts the process this way"


def _emergency_start(scope: Scope, node: Node) -> bool:
    """procdoc's own export draws an emergency as a conditional start event leading to its handler."""
    return scope.by_procdoc and node.tag == "startEvent" and node.id.startswith("Emergency_")


def _event_subprocess(node: Node) -> bool:
    return node.scope is not None and node.scope.event_subprocess


class _Lanes:
    """The lanes, flattened; without a lane set, one lane named after the pool."""

    def __init__(self, scope: Scope, findings: Findings, pool: str) -> None:
        taken: set[str] = set()
        self.items: list[tuple[str, str, Any]] = []
        self.member: dict[str, str] = {}
        lanes = scope.lanes or []
        for index, lane in enumerate(lanes, start=1):
            if not lane.name:
                findings.add("B002", lane.line, f"lane {lane.id!r} has no name: named after its place")
            name = lane.name or f"Lane {index}"
            lane_id = readable_id(name, {}, taken)
            self.items.append((lane_id, name, lane))
            for ref in lane.members:
                self.member.setdefault(ref, lane_id)
        if not lanes:
            lane_id = readable_id(pool, {}, taken)
            self.items.append((lane_id, pool, None))
            self.member = {node: lane_id for node in scope.nodes}

    def of(self, node_id: str) -> str | None:
        return self.member.get(node_id)

    def owner(self, steps: dict[str, str]) -> str:
        """The lane with the most steps owns the process until someone says otherwise."""
        counts = {lane_id: 0 for lane_id, _, _ in self.items}
        for node in steps:
            if node in self.member:
                counts[self.member[node]] += 1
        return max(counts, key=lambda lane_id: counts[lane_id])

    def entries(self) -> CommentedSeq:
        seq = CommentedSeq()
        for lane_id, name, lane in self.items:
            entry = CommentedMap([("id", lane_id), ("name", name)])
            if lane is not None and lane.documentation:
                entry["duties"] = lane.documentation
            if lane is not None:
                entry["x-bpmn-id"] = lane.id
            seq.append(entry)
        return seq


class _Data:
    """Data objects read by steps become documents; those written, records; a data store, `stored_in`."""

    def __init__(self, scope: Scope, findings: Findings, steps: dict[str, str]) -> None:
        self.scope = scope
        self.by_kind: dict[str, dict[str, CommentedMap]] = {"documents": {}, "records": {}}
        self.used: dict[tuple[str, str], list[str]] = {}
        links = [(d.node, d.ref, d.inbound, d.line) for d in scope.data]
        links += [(b, a, True, scope.line) for a, b in scope.associations if a in scope.data_refs and b in steps]
        links += [(a, b, False, scope.line) for a, b in scope.associations if b in scope.data_refs and a in steps]
        taken: set[str] = set()
        for node, ref, inbound, line in links:
            data = scope.data_refs.get(ref)
            if data is None:
                findings.add("B011", line, f"a data association of {node!r} names {ref!r}, which is not a data "
                             "object or store of this process: left out")
                continue
            kind = "documents" if inbound else "records"
            known = self.by_kind[kind]
            if data.object_id not in known:
                if not data.name:
                    findings.add("B002", line, f"data reference {ref!r} has no name: named after its type")
                known[data.object_id] = self._entry(data.name or ("Data store" if data.store else "Data object"),
                                                    data.object_id, kind, data.store, taken)
            self.used.setdefault((node, kind), []).append(known[data.object_id]["id"])

    @staticmethod
    def _entry(name: str, object_id: str, kind: str, store: bool, taken: set[str]) -> CommentedMap:
        if SHORT.fullmatch(object_id) and object_id not in taken:
            short = object_id
            taken.add(short)
        else:
            short = readable_id(name, {}, taken)
        entry = CommentedMap([("id", short), ("name", name)])
        if store and kind == "records":
            entry["stored_in"] = name
        entry["x-bpmn-id"] = object_id
        return entry

    def entries(self, kind: str) -> CommentedSeq:
        return CommentedSeq(self.by_kind[kind].values())

    def attach(self, step: CommentedMap, node_id: str) -> None:
        for kind in ("documents", "records"):
            ids = list(dict.fromkeys(self.used.get((node_id, kind), [])))
            if ids:
                listed = CommentedSeq(ids)
                listed.fa.set_flow_style()
                step[kind] = listed
