"""BPMN 2.0 XML of one process, drawn where procdoc's own swimlane chart puts things.

Modellers (bpmn.io, Camunda Modeler) open the file as a drawn diagram only
when it carries BPMN DI, so the geometry comes from `chart.layout`, the
engine behind procdoc's chart: lanes are vertical columns in declared order
(`isHorizontal="false"`), phases are groups across them, every step sits on
its rank and every line follows the chart's orthogonal route. Shapes get
BPMN's usual sizes (events 36, gateways 50, tasks 100 × 80 and taller for
long names), measured by dot like procdoc's own shapes. One layout unit is
one BPMN pixel.

Parallel work is explicit, so engines and linters read it right: a step
whose exits start parallel paths is followed by a diverging parallel
gateway (the chart's split), a join step is a converging one. Where a
process starts several ways, each start is a conditional start event whose
condition is its trigger; each emergency is one too, in its handler's lane,
leading to the handler, so no handler is a task a token reaches from
nowhere.

Every id is an NCName made from the author's id (`3.7` → `Step_3_7`) and
unique in the file; all user text reaches the XML through ElementTree, which
escapes it, after the characters XML 1.0 cannot carry are replaced.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

from procdoc import __version__
from procdoc.chart import layout
from procdoc.chart.graphviz import Graphviz
from procdoc.chart.routing import Box, Point, Route
from procdoc.chart.text import wrap
from procdoc.model import Process, Step
from procdoc.textwidth import columns as text_columns

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

ELEMENT = {"start": "startEvent", "end": "endEvent", "decision": "exclusiveGateway", "subprocess": "callActivity",
           "join": "parallelGateway"}
"""The BPMN element of each step type; any other type is a `task`."""

EVENTS, GATEWAYS = ("start", "end"), ("decision", "join")

EVENT, GATEWAY, TASK_W, TASK_H = 36.0, 50.0, 100.0, 80.0
DATA_W, DATA_H = 36.0, 50.0
COLUMN, LINE = 6.0, 14.0  # one display column and one line of BPMN's 11–12 px label text
TASK_COLUMNS, LABEL_COLUMNS, NOTE_COLUMNS = 14, 20, 14
POOL_BAND, MARGIN, LABEL_GAP = 30.0, 20.0, 6.0
FLOW_NODE_KINDS = ("step", "fork", "emergency")
"""The chart's shapes that are flow nodes: steps, parallel splits, emergency triggers."""

_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export(process: Process, known_ids: Iterable[str]) -> str:
    """The process as a BPMN 2.0 file; `known_ids` are the repository's processes,
    so a call of one that is not there says so in its documentation."""
    chart = layout.plan(process, emergencies=True)
    placed = layout.place(chart, {shape.name: _measure(shape, process) for shape in chart.shapes}, Graphviz())
    root = _Writer(process, chart, placed, set(known_ids)).definitions()
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def process_ref(process_id: str) -> str:
    """The id of a process's `process` element, and so every `calledElement` that calls it."""
    return process_id if _NCNAME.fullmatch(process_id) else f"Process_{_id_part(process_id)}"


def _id_part(text: str) -> str:
    """ASCII letters, digits and `-` kept, other ASCII as `_`, anything else as its code point."""
    return "".join(
        ch if ch.isascii() and (ch.isalnum() or ch == "-") else "_" if ch.isascii() else f"u{ord(ch):04X}"
        for ch in text
    )


def _text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


# ── Sizes: what dot measures is what the BPMN shapes are ─────────────────────


def _label_size(text: str, columns: int) -> tuple[float, float]:
    lines = wrap(text, columns)
    return max(text_columns(line) for line in lines) * COLUMN + 4, len(lines) * LINE


def _step_size(step: Step) -> tuple[float, float]:
    if step.type in EVENTS:
        return EVENT, EVENT
    if step.type in GATEWAYS:
        return GATEWAY, GATEWAY
    return TASK_W, max(TASK_H, len(wrap(step.name, TASK_COLUMNS)) * LINE + 24)


def _slot(name: str) -> tuple[float, float]:
    """A data object and its name below it."""
    width, height = _label_size(name, NOTE_COLUMNS)
    return max(DATA_W, width), DATA_H + LABEL_GAP + height


def _measure(shape: layout.Shape, process: Process) -> str:
    """A fixed-size, text-free DOT node: no user text ever reaches dot."""
    width, height = 1.0, 1.0
    if shape.kind == "step" and shape.step is not None:
        width, height = _step_size(shape.step)
    elif shape.kind in FLOW_NODE_KINDS:
        width = height = EVENT if shape.kind == "emergency" else GATEWAY
    elif shape.kind in ("documents", "records") and shape.step is not None:
        slots = [_slot(name) for _, name in _data_items(process, shape.kind, shape.step)]
        width, height = max(w for w, _ in slots), sum(h for _, h in slots) + LABEL_GAP * (len(slots) - 1)
    elif shape.kind == "header" and shape.lane is not None:
        width, height = _label_size(_lane_name(process, shape.lane), LABEL_COLUMNS)[0] + 12, POOL_BAND
    elif shape.kind == "phase" and shape.phase is not None:
        width, height = _label_size(process.phases[shape.phase].name, NOTE_COLUMNS)
    elif shape.kind == "label" and shape.flow is not None:
        width, height = _label_size(shape.flow.label or "", NOTE_COLUMNS)
    return f'shape=box, fixedsize=true, label="", width={width / 72:.4f}, height={height / 72:.4f}'


def _lane_name(process: Process, index: int) -> str:
    return process.lanes[index].name if index < len(process.lanes) else layout.UNASSIGNED.name


def _data_items(process: Process, kind: str, step: Step) -> list[tuple[str, str]]:
    """(id, name) of the documents or records a step names; an undeclared one is named by its id."""
    known = process.document_by_id if kind == "documents" else process.record_by_id
    ids = step.documents if kind == "documents" else step.records
    return [(i, known[i].name if i in known else i) for i in ids]


# ── Ids ───────────────────────────────────────────────────────────────────────


@dataclass
class _Ids:
    """Unique NCNames: a prefix, the author's id made safe, and `_2`, `_3` … on a repeat."""

    used: set[str] = field(default_factory=set)

    def new(self, prefix: str, raw: str = "") -> str:
        base = f"{prefix}_{_id_part(raw)}" if raw else prefix
        candidate, count = base, 1
        while candidate in self.used:
            count += 1
            candidate = f"{base}_{count}"
        self.used.add(candidate)
        return candidate


def _bpmn(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{NS['bpmn']}}}{tag}", {k: _text(v) for k, v in attrs.items()})


def _documented(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> ET.Element:
    """An element whose first child is its `documentation`, when there is text for it."""
    element = _bpmn(parent, tag, **attrs)
    if text:
        _bpmn(element, "documentation").text = _text(text)
    return element


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# ── The writer ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Data:
    """One data object reference: a document guiding a step or a record it writes."""

    ref: str
    object: str
    link: str  # the data association's id
    kind: str  # documents (into the step) or records (out of it)
    name: str
    box: Box  # the object with its name below it
    step: str  # the step's shape name


class _Writer:
    """Builds the semantic model and its DI side by side, so both use the same ids."""

    def __init__(self, process: Process, chart: layout.Plan, placed: layout.Layout, known: set[str]) -> None:
        self.process, self.chart, self.placed, self.known = process, chart, placed, known
        self.ids = _Ids({process_ref(process.id)})
        self.shapes = {s.name: s for s in chart.shapes if s.kind in FLOW_NODE_KINDS and s.step is not None}
        self.steps = {name: s.step for name, s in self.shapes.items() if s.kind == "step" and s.step is not None}
        self.emergency = {f"e{k}": e for k, e in enumerate(process.emergencies or [])}
        self.alternatives = sum(step.type == "start" for step in process.steps) > 1
        self.node = {name: self.ids.new(*self._naming(name)) for name in self.shapes}
        self.flows = [r for r in placed.routes if r.flow.kind == "flow"]
        self.flow_ids = [self.ids.new("Flow", f"{self._naming(r.flow.tail)[1]}_to_{self._naming(r.flow.head)[1]}")
                         for r in self.flows]
        self.links: dict[tuple[str, str], list[str]] = {}
        for flow_id, route in zip(self.flow_ids, self.flows, strict=True):
            self.links.setdefault((route.flow.tail, "outgoing"), []).append(flow_id)
            self.links.setdefault((route.flow.head, "incoming"), []).append(flow_id)
        self.data = self._data()
        self.offset = (MARGIN, MARGIN + POOL_BAND)

    def _naming(self, name: str) -> tuple[str, str]:
        """The id prefix of a flow node and the author's id it is made from."""
        shape = self.shapes[name]
        if shape.kind == "fork" and shape.step is not None:
            return "Split", f"{shape.step.id}_{name.rsplit('_', 1)[1]}"
        if shape.kind == "emergency":
            return "Emergency", self.emergency[name].id
        return "Step", self.steps[name].id

    def definitions(self) -> ET.Element:
        root = ET.Element(f"{{{NS['bpmn']}}}definitions", {
            "id": self.ids.new("Definitions"), "targetNamespace": f"urn:procdoc:{_id_part(self.process.id)}",
            "exporter": "procdoc", "exporterVersion": __version__,
        })
        categories = self._categories(root)
        collaboration = _bpmn(root, "collaboration", id=self.ids.new("Collaboration"))
        participant = _bpmn(collaboration, "participant", id=self.ids.new("Participant"), name=self.process.name,
                            processRef=process_ref(self.process.id))
        process = _documented(root, "process", self.process.purpose, id=process_ref(self.process.id),
                              name=self.process.name, isExecutable="false")
        lanes = self._lanes(process)
        for name in self.node:
            self._step(process, name)
        self._sequence_flows(process)
        self._data_objects(process)
        self._artifact_associations(process)
        groups = self._groups(process, categories)
        self._diagram(root, collaboration.get("id", ""), participant.get("id", ""), lanes, groups)
        return root

    # ── Semantics ─────────────────────────────────────────────────────────────

    def _lanes(self, process: ET.Element) -> list[str]:
        """One lane per column, in declared order, each listing the steps drawn in it."""
        lane_set = _bpmn(process, "laneSet", id=self.ids.new("LaneSet"))
        members: dict[int, list[str]] = {}
        for name, shape in self.shapes.items():
            if shape.lane is not None:
                members.setdefault(shape.lane, []).append(self.node[name])
        ids = []
        for index, lane in enumerate(self.chart.lanes):
            ids.append(self.ids.new("Lane", lane.id))
            element = _documented(lane_set, "lane", lane.duties, id=ids[-1], name=lane.name)
            for ref in members.get(index, []):
                _bpmn(element, "flowNodeRef").text = ref
        return ids

    def _step(self, process: ET.Element, name: str) -> None:
        """The flow node: its links to flows, then its trigger or what its data associations need."""
        tag, text, attrs, condition = self._element(name)
        element = _documented(process, tag, text, id=self.node[name], **attrs)
        for direction in ("incoming", "outgoing"):
            for flow_id in self.links.get((name, direction), []):
                _bpmn(element, direction).text = flow_id
        if condition is not None:
            definition = _bpmn(element, "conditionalEventDefinition", id=self.ids.new(f"{self.node[name]}_trigger"))
            _condition(definition, "condition", condition)
        if name in self.steps and _is_activity(self.steps[name]):
            self._associate(element, name)

    def _element(self, name: str) -> tuple[str, str | None, dict[str, str], str | None]:
        """Tag, documentation, attributes and start condition of a flow node."""
        shape = self.shapes[name]
        if shape.kind == "fork":
            return "parallelGateway", None, {"gatewayDirection": "Diverging"}, None
        if shape.kind == "emergency":
            emergency = self.emergency[name]
            return "startEvent", emergency.description, {"name": emergency.when}, emergency.when
        step = self.steps[name]
        attrs = {"name": step.name}
        if step.type == "subprocess" and step.process:
            attrs["calledElement"] = process_ref(step.process)
        if step.type == "join":
            attrs["gatewayDirection"] = "Converging" if len(self.links.get((name, "outgoing"), [])) < 2 else "Mixed"
        condition = None
        if step.type == "start" and self.alternatives:
            condition = step.trigger or step.name
            attrs["name"] = condition
        return ELEMENT.get(step.type, "task"), self._about(step), attrs, condition

    def _associate(self, activity: ET.Element, name: str) -> None:
        """Documents flow into the step, records out of it (the way bpmn-js writes them:
        inputs target a placeholder property of the activity)."""
        inputs = [d for d in self.data if d.step == name and d.kind == "documents"]
        placeholder = self.ids.new(f"{self.node[name]}_input")
        if inputs:
            _bpmn(activity, "property", id=placeholder, name="__targetRef_placeholder")
        for data in inputs:
            association = _bpmn(activity, "dataInputAssociation", id=data.link)
            _bpmn(association, "sourceRef").text = data.ref
            _bpmn(association, "targetRef").text = placeholder
        for data in (d for d in self.data if d.step == name and d.kind == "records"):
            _bpmn(_bpmn(activity, "dataOutputAssociation", id=data.link), "targetRef").text = data.ref

    def _about(self, step: Step) -> str | None:
        """The step's description, and for a call of a process not in the repository, that fact."""
        missing = step.type == "subprocess" and step.process and step.process not in self.known
        note = f"Calls process {step.process}, which is not in this repository." if missing else None
        return "\n\n".join(text for text in (step.description, note) if text) or None

    def _sequence_flows(self, process: ET.Element) -> None:
        """Every exit; a labelled one is named and carries its label as condition."""
        for flow_id, route in zip(self.flow_ids, self.flows, strict=True):
            attrs = {"id": flow_id, "sourceRef": self.node[route.flow.tail], "targetRef": self.node[route.flow.head]}
            if route.flow.label:
                attrs["name"] = route.flow.label
            element = _bpmn(process, "sequenceFlow", **attrs)
            if route.flow.label:
                _condition(element, "conditionExpression", route.flow.label)

    def _data(self) -> list[_Data]:
        """A reference per document and record a step names, stacked in the chart's note beside the step."""
        objects: dict[tuple[str, str], str] = {}
        found = []
        for shape in self.chart.shapes:
            if shape.kind not in ("documents", "records") or shape.step is None:
                continue
            prefix = "Document" if shape.kind == "documents" else "Record"
            note, top = self.placed.boxes[shape.name], self.placed.boxes[shape.name].top
            for item, name in _data_items(self.process, shape.kind, shape.step):
                if (prefix, item) not in objects:
                    objects[prefix, item] = self.ids.new(f"{prefix}Object", item)
                ref = self.ids.new(prefix, f"{item}_at_{shape.step.id}")
                width, height = _slot(name)
                box = Box(note.x, top + height / 2, width, height)
                link = self.ids.new(f"{ref}_{'in' if shape.kind == 'documents' else 'out'}")
                found.append(_Data(ref, objects[prefix, item], link, shape.kind, name, box, f"s{shape.name[1:]}"))
                top += height + LABEL_GAP
        return found

    def _data_objects(self, process: ET.Element) -> None:
        declared: dict[str, str] = {}
        for data in self.data:
            declared.setdefault(data.object, data.name)
        for object_id, name in declared.items():
            _bpmn(process, "dataObject", id=object_id, name=name)
        for data in self.data:
            _bpmn(process, "dataObjectReference", id=data.ref, name=data.name, dataObjectRef=data.object)

    def _artifact_associations(self, process: ET.Element) -> None:
        """Events and gateways take no data associations: a plain, directed association links their notes."""
        for data in self.data:
            if not _is_activity(self.steps[data.step]):
                ends = [data.ref, self.node[data.step]]
                source, target = ends if data.kind == "documents" else ends[::-1]
                _bpmn(process, "association", id=data.link, sourceRef=source, targetRef=target,
                      associationDirection="One")

    def _categories(self, root: ET.Element) -> list[str]:
        """The phases as values of one category, which groups then show across the lanes."""
        if not self.process.phases:
            return []
        category = _bpmn(root, "category", id=self.ids.new("Phases"))
        values = [self.ids.new("Phase", phase.id) for phase in self.process.phases]
        for value, phase in zip(values, self.process.phases, strict=True):
            _bpmn(category, "categoryValue", id=value, value=phase.name)
        return values

    def _groups(self, process: ET.Element, categories: list[str]) -> list[str]:
        groups = [self.ids.new("Group", phase.id) for phase in self.process.phases]
        for group, value in zip(groups, categories, strict=True):
            _bpmn(process, "group", id=group, categoryValueRef=value)
        return groups

    # ── Diagram interchange ───────────────────────────────────────────────────

    def _diagram(self, root: ET.Element, collaboration: str, participant: str, lanes: list[str],
                 groups: list[str]) -> None:
        diagram = ET.SubElement(root, f"{{{NS['bpmndi']}}}BPMNDiagram", {"id": self.ids.new("Diagram")})
        plane = ET.SubElement(diagram, f"{{{NS['bpmndi']}}}BPMNPlane",
                              {"id": self.ids.new("Plane"), "bpmnElement": collaboration})
        columns = [rect for _, rect in self.placed.columns]
        left, right = columns[0].x0 if columns else 0.0, columns[-1].x1 if columns else 0.0
        bottom = columns[0].y1 if columns else 0.0
        self._shape(plane, participant, Box((left + right) / 2, (bottom - POOL_BAND) / 2,
                                                   right - left, bottom + POOL_BAND), isHorizontal="false")
        for lane, rect in zip(lanes, columns, strict=True):
            self._shape(plane, lane, _box(rect), isHorizontal="false")
        for name, node in self.node.items():
            self._node_shape(plane, name, node)
        for data in self.data:
            icon = Box(data.box.x, data.box.top + DATA_H / 2, DATA_W, DATA_H)
            label = Box(data.box.x, (icon.bottom + LABEL_GAP + data.box.bottom) / 2, data.box.w,
                               data.box.bottom - icon.bottom - LABEL_GAP)
            self._shape(plane, data.ref, icon, label=label)
        for i, (group, (_, band)) in enumerate(zip(groups, self.placed.bands, strict=True)):
            self._shape(plane, group, _box(band), label=self.placed.boxes[f"phase{i}"])
        for flow_id, route in zip(self.flow_ids, self.flows, strict=True):
            self._edge(plane, flow_id, self._waypoints(route), route.label)
        self._associations(plane)

    def _node_shape(self, plane: ET.Element, name: str, node: str) -> None:
        """A flow node's shape; an event's name beside it, a named gateway's above its right half."""
        box, kind, label_text = self.placed.boxes[name], self._kind(name), self._element(name)[2].get("name")
        if kind == "event" and label_text:
            self._shape(plane, node, box, label=self._event_label(name, label_text))
        elif kind == "gateway" and label_text:
            width, height = _label_size(label_text, LABEL_COLUMNS)
            label = Box(box.x + LINE + width / 2, box.top - LABEL_GAP / 2 - height / 2, width, height)
            marker = {"isMarkerVisible": "true"} if self.steps[name].type == "decision" else {}
            self._shape(plane, node, box, label=label, **marker)
        else:
            self._shape(plane, node, box)

    def _event_label(self, name: str, text: str) -> Box:
        """An event's name to its right; below it, right of the line leaving it, where a shape
        stands close beside (alternative starts side by side)."""
        box = self.placed.boxes[name]
        width, height = _label_size(text, LABEL_COLUMNS)
        right = Box(box.right + LABEL_GAP + width / 2, box.y, width, height)
        others = [self.placed.boxes[n] for n in self.shapes if n != name] + [d.box for d in self.data]
        if not any(_overlap(right, other) for other in others):
            return right
        return Box(box.x + LABEL_GAP + width / 2, box.bottom + LABEL_GAP / 2 + height / 2, width, height)

    def _kind(self, name: str) -> str:
        """event, gateway or activity: how the flow node is drawn."""
        shape = self.shapes[name]
        if shape.kind != "step":
            return "event" if shape.kind == "emergency" else "gateway"
        step_type = self.steps[name].type
        return "event" if step_type in EVENTS else "gateway" if step_type in GATEWAYS else "activity"

    def _waypoints(self, route: Route) -> list[Point]:
        """The chart's route, its ends moved onto an event's circle where the chart ends on its box."""
        points = list(route.points)
        for end, neighbour, name in ((0, 1, route.flow.tail), (-1, -2, route.flow.head)):
            if self._kind(name) == "event":
                points[end] = _onto_circle(self.placed.boxes[name], points[end], points[neighbour])
        return points

    def _associations(self, plane: ET.Element) -> None:
        """A straight line between each data object and its step's side."""
        for data in self.data:
            step = self.placed.boxes[data.step]
            icon_y = data.box.top + DATA_H / 2
            if data.kind == "documents":
                ends = [(data.box.x + DATA_W / 2, icon_y), (step.left, _clamp(icon_y, step))]
            else:
                ends = [(step.right, _clamp(icon_y, step)), (data.box.x - DATA_W / 2, icon_y)]
            self._edge(plane, data.link, ends, None)

    def _shape(self, plane: ET.Element, element: str, box: Box, label: Box | None = None,
               **attrs: str) -> None:
        shape = ET.SubElement(plane, f"{{{NS['bpmndi']}}}BPMNShape",
                              {"id": f"{element}_di", "bpmnElement": element, **attrs})
        self._bounds(shape, box)
        if label is not None:
            self._bounds(ET.SubElement(shape, f"{{{NS['bpmndi']}}}BPMNLabel"), label)

    def _edge(self, plane: ET.Element, element: str, points: list[Point], label: Box | None) -> None:
        edge = ET.SubElement(plane, f"{{{NS['bpmndi']}}}BPMNEdge", {"id": f"{element}_di", "bpmnElement": element})
        for x, y in points:
            ET.SubElement(edge, f"{{{NS['di']}}}waypoint",
                          {"x": _number(x + self.offset[0]), "y": _number(y + self.offset[1])})
        if label is not None:
            self._bounds(ET.SubElement(edge, f"{{{NS['bpmndi']}}}BPMNLabel"), label)

    def _bounds(self, parent: ET.Element, box: Box) -> None:
        ET.SubElement(parent, f"{{{NS['dc']}}}Bounds", {
            "x": _number(box.left + self.offset[0]), "y": _number(box.top + self.offset[1]),
            "width": _number(box.w), "height": _number(box.h),
        })


def _is_activity(step: Step) -> bool:
    return step.type not in (*EVENTS, *GATEWAYS)


def _condition(parent: ET.Element, tag: str, text: str) -> None:
    """A formal expression in the author's words: the condition a modeller shows and an engine is given."""
    condition = _bpmn(parent, tag)
    condition.set(f"{{{NS['xsi']}}}type", "bpmn:tFormalExpression")
    condition.text = _text(text)


def _box(rect: layout.Rect) -> Box:
    return Box((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2, rect.x1 - rect.x0, rect.y1 - rect.y0)


def _overlap(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def _clamp(y: float, box: Box) -> float:
    """`y` kept on the middle part of `box`'s side, so a line meets the side rather than a corner."""
    return min(max(y, box.top + box.h / 4), box.bottom - box.h / 4)


def _onto_circle(box: Box, point: Point, neighbour: Point) -> Point:
    """Where the axis-parallel segment from `neighbour` to `point` meets the circle inscribed in `box`."""
    radius = box.w / 2
    if abs(point[0] - neighbour[0]) < 0.01:  # vertical: keep x, move y onto the circle
        dx = min(abs(point[0] - box.x), radius)
        side = 1 if point[1] > box.y else -1
        return point[0], box.y + side * math.sqrt(radius**2 - dx**2)
    dy = min(abs(point[1] - box.y), radius)
    side = 1 if point[0] > box.x else -1
    return box.x + side * math.sqrt(radius**2 - dy**2), point[1]
