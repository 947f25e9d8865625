"""BPMN 2.0 XML read into plain graphs: one `Scope` per pool and per embedded sub-process.

Only the semantics are read (flow nodes, sequence flows, lanes, data
associations, annotations); the diagram part is consulted for one thing the
semantics leave out, which phase group a step is drawn in. Flows are read
from `sourceRef`/`targetRef` alone: some tools write `incoming`/`outgoing`
lists that disagree with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from procdoc.errors import UserError
from procdoc.importer.xmlsafe import parse

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"

TASKS = ("task", "userTask", "serviceTask", "manualTask", "scriptTask", "businessRuleTask", "sendTask",
         "receiveTask")
GATEWAYS = ("exclusiveGateway", "parallelGateway", "inclusiveGateway", "complexGateway", "eventBasedGateway")
EVENTS = ("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent")
SUBPROCESSES = ("subProcess", "transaction", "adHocSubProcess")
NOT_NODES = ("sequenceFlow", "laneSet", "dataObject", "dataObjectReference", "dataStoreReference", "textAnnotation",
             "association", "group", "documentation", "extensionElements", "property", "ioSpecification",
             "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing", "category", "dataInput",
             "dataOutput", "dataStore")
"""Children of a process that are not steps; what they carry is read elsewhere or is not procdoc's."""


@dataclass
class Node:
    """One flow node: `tag` is its BPMN element name (`userTask`, `exclusiveGateway`, …)."""

    id: str
    tag: str
    name: str | None
    line: int
    documentation: str | None = None
    event: str | None = None  # the event definition, e.g. `message` for a messageEventDefinition
    called: str | None = None  # a call activity's calledElement
    attached_to: str | None = None  # a boundary event's activity
    default: str | None = None  # a gateway's default flow
    scope: Scope | None = None  # an embedded sub-process's own graph
    link: str | None = None  # a link event's name: a throw continues at the catch of the same name
    condition: str | None = None  # a conditional event's condition
    compensation: bool = False  # an activity that only undoes another (isForCompensation)


@dataclass
class Flow:
    id: str
    source: str
    target: str
    name: str | None
    condition: str | None
    line: int
    conditional: bool = False  # it has a condition, even an empty one


@dataclass
class Lane:
    id: str
    name: str | None
    line: int
    members: list[str]
    documentation: str | None = None


@dataclass
class Data:
    """A data association: `inbound` data is read by `node`, the other kind written by it."""

    node: str
    ref: str  # the data object or store reference
    inbound: bool
    line: int


@dataclass
class DataRef:
    """A data object or data store as drawn: `object_id` is what several references of one object share."""

    name: str | None
    object_id: str
    store: bool


@dataclass
class Scope:
    """The graph of one process or sub-process."""

    id: str
    name: str | None
    line: int
    documentation: str | None = None
    nodes: dict[str, Node] = field(default_factory=dict)
    flows: list[Flow] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    data: list[Data] = field(default_factory=list)
    annotations: dict[str, str] = field(default_factory=dict)  # text annotation id → its text
    associations: list[tuple[str, str]] = field(default_factory=list)  # (source id, target id)
    data_refs: dict[str, DataRef] = field(default_factory=dict)  # data object or store reference id → it
    phases: list[tuple[str, str]] = field(default_factory=list)  # (group id, name), drawn left to right or top down
    phase_of: dict[str, int] = field(default_factory=dict)  # node id → index in phases
    unknown: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, id, line) of elements not understood
    event_subprocess: bool = False
    by_procdoc: bool = False  # exported by procdoc, whose emergencies are start events named `Emergency_…`


def local(element: etree._Element) -> str:
    """The element's name without its namespace."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return element.findall(f"{{{MODEL}}}{name}")


def _documentation(element: etree._Element) -> str | None:
    texts = [(d.text or "").strip() for d in _children(element, "documentation")]
    return "\n\n".join(t for t in texts if t) or None


def _name(element: etree._Element) -> str | None:
    name = " ".join((element.get("name") or "").split())
    return name or None


def read(path: str, data: bytes) -> list[Scope]:
    """Every pool's process of the file, each with its embedded sub-processes inside."""
    root = parse(path, data)
    if root.tag != f"{{{MODEL}}}definitions":
        raise UserError(
            f"{path}: not a BPMN 2.0 file (its root element is <{local(root) or root.tag}>, not <definitions>)",
            f"give a BPMN 2.0 XML file; its root must be <definitions xmlns=\"{MODEL}\">",
        )
    pools = {p.get("processRef"): _name(p) for p in root.iter(f"{{{MODEL}}}participant")}
    layout = _Diagram(root)
    scopes = []
    for element in _children(root, "process"):
        scope = _Reader(layout).scope(element)
        scope.name = pools.get(scope.id) or scope.name
        scope.by_procdoc = root.get("exporter") == "procdoc"
        scopes.append(scope)
    return scopes


class _Diagram:
    """Where the diagram draws things, and the phase groups of procdoc's export (category values)."""

    def __init__(self, root: etree._Element) -> None:
        self.bounds: dict[str, tuple[float, float, float, float]] = {}
        for shape in root.iter(f"{{{DI}}}BPMNShape"):
            box = shape.find(f"{{{DC}}}Bounds")
            if box is not None and shape.get("bpmnElement"):
                try:
                    self.bounds[shape.get("bpmnElement", "")] = tuple(  # type: ignore[assignment]
                        float(box.get(k, "0")) for k in ("x", "y", "width", "height"))
                except ValueError:
                    continue
        self.values = {v.get("id"): (v.get("value") or "").strip() for v in root.iter(f"{{{MODEL}}}categoryValue")}

    def inside(self, node: str, group: str) -> bool:
        if node not in self.bounds or group not in self.bounds:
            return False
        x, y, w, h = self.bounds[node]
        gx, gy, gw, gh = self.bounds[group]
        return gx <= x + w / 2 <= gx + gw and gy <= y + h / 2 <= gy + gh


class _Reader:
    def __init__(self, diagram: _Diagram) -> None:
        self.diagram = diagram

    def scope(self, element: etree._Element) -> Scope:
        scope = Scope(element.get("id") or "process", _name(element), element.sourceline or 0,
                      _documentation(element), event_subprocess=element.get("triggeredByEvent") == "true")
        for child in element:
            self._child(scope, child)
        self._phases(scope, element)
        return scope

    def _child(self, scope: Scope, child: etree._Element) -> None:
        tag, line = local(child), child.sourceline or 0
        if not tag or child.tag.split("}")[0][1:] != MODEL:
            if tag:
                scope.unknown.append((tag, child.get("id") or "", line))
            return
        if tag == "sequenceFlow":
            scope.flows.append(_flow(child))
        elif tag == "laneSet":
            scope.lanes.extend(_lanes(child, None))
        elif tag == "textAnnotation":
            scope.annotations[child.get("id") or ""] = " ".join(
                (t.text or "").strip() for t in _children(child, "text")).strip()
        elif tag == "association":
            scope.associations.append((child.get("sourceRef") or "", child.get("targetRef") or ""))
        elif tag in ("dataObjectReference", "dataStoreReference"):
            ref = child.get("dataObjectRef") or child.get("dataStoreRef") or child.get("id") or ""
            scope.data_refs[child.get("id") or ""] = DataRef(_name(child), ref, tag == "dataStoreReference")
        elif tag in NOT_NODES:
            return
        elif tag in TASKS or tag in GATEWAYS or tag in EVENTS or tag in SUBPROCESSES or tag == "callActivity":
            scope.nodes[child.get("id") or f"{tag}_{line}"] = self._node(child, tag, line)
            scope.data.extend(_data_of(child))
        else:
            scope.unknown.append((tag, child.get("id") or "", line))

    def _node(self, element: etree._Element, tag: str, line: int) -> Node:
        definitions = [local(d)[: -len("EventDefinition")] for d in element if local(d).endswith("EventDefinition")]
        node = Node(element.get("id") or f"{tag}_{line}", tag, _name(element), line, _documentation(element),
                    event=definitions[0] if definitions else None, called=element.get("calledElement"),
                    attached_to=element.get("attachedToRef"), default=element.get("default"),
                    compensation=element.get("isForCompensation") == "true")
        for definition in _children(element, "linkEventDefinition"):
            node.link = definition.get("name") or ""
        for definition in _children(element, "conditionalEventDefinition"):
            texts = [" ".join((c.text or "").split()) for c in _children(definition, "condition")]
            node.condition = next((t for t in texts if t), None)
        if tag in SUBPROCESSES:
            node.scope = self.scope(element)
        return node

    def _phases(self, scope: Scope, element: etree._Element) -> None:
        groups = [g for g in _children(element, "group") if self.diagram.values.get(g.get("categoryValueRef"))]
        for group in groups:
            scope.phases.append((group.get("id") or "", self.diagram.values[group.get("categoryValueRef")]))
        for node in scope.nodes:
            for index, (group_id, _) in enumerate(scope.phases):
                if self.diagram.inside(node, group_id):
                    scope.phase_of[node] = index
                    break


def _flow(element: etree._Element) -> Flow:
    conditions = [" ".join((c.text or "").split()) for c in _children(element, "conditionExpression")]
    return Flow(element.get("id") or "", element.get("sourceRef") or "", element.get("targetRef") or "",
                _name(element), conditions[0] if conditions and conditions[0] else None, element.sourceline or 0,
                bool(conditions))


def _lanes(lane_set: etree._Element, parent: str | None) -> list[Lane]:
    """Lanes depth first; a nested lane is named after its parent too (`Sales / Back office`)."""
    found: list[Lane] = []
    for element in _children(lane_set, "lane"):
        name = _name(element)
        full = f"{parent} / {name}" if parent and name else name or parent
        nested = [_lanes(child, full) for child in _children(element, "childLaneSet")]
        members = [(ref.text or "").strip() for ref in _children(element, "flowNodeRef")]
        if any(nested):
            found.extend(lane for group in nested for lane in group)
            continue
        found.append(Lane(element.get("id") or "", full, element.sourceline or 0, members,
                          _documentation(element)))
    return found


def _data_of(activity: etree._Element) -> list[Data]:
    """The activity's data input associations (documents it reads) and output ones (records it writes)."""
    found = []
    for association in _children(activity, "dataInputAssociation"):
        for ref in _children(association, "sourceRef"):
            found.append(Data(activity.get("id") or "", (ref.text or "").strip(), True, association.sourceline or 0))
    for association in _children(activity, "dataOutputAssociation"):
        for ref in _children(association, "targetRef"):
            found.append(Data(activity.get("id") or "", (ref.text or "").strip(), False, association.sourceline or 0))
    return found
