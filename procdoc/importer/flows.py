"""From BPMN's sequence flows and gateways to procdoc's exits.

procdoc has no merge element: several lines simply arrive at a step. So a
gateway that only merges (several ways in, one way out) disappears and its
incoming lines lead straight on; a parallel gateway that only splits
disappears into a list of next steps (format 1.1). What remains becomes a
step: a decision for an exclusive, inclusive, complex or event-based
gateway with several exits, a join for a parallel gateway where paths meet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from procdoc.importer.bpmn import GATEWAYS, Flow, Node, Scope
from procdoc.importer.findings import Findings

APPROXIMATED = {"inclusiveGateway": "B003", "complexGateway": "B004", "eventBasedGateway": "B005"}
ACTIVITIES = ("task", "userTask", "serviceTask", "manualTask", "scriptTask", "businessRuleTask", "sendTask",
              "receiveTask", "callActivity", "subProcess", "transaction", "adHocSubProcess")


@dataclass
class Exit:
    """One way out of a step: its label (flow name, condition or `default`) and where it leads."""

    label: str | None
    targets: list[str]
    flow: Flow


@dataclass
class Graph:
    """The steps to write (BPMN ids) and each one's exits; gateways that only merge or split are gone."""

    steps: list[str] = field(default_factory=list)
    exits: dict[str, list[Exit]] = field(default_factory=dict)
    joins: set[str] = field(default_factory=set)  # parallel gateways kept as `type: join`
    linked: set[str] = field(default_factory=set)  # link events that have a partner of the same name


def connect(scope: Scope, findings: Findings, skip: set[str]) -> Graph:
    """The step graph of `scope`; nodes in `skip` (boundary events, event sub-processes) are not steps."""
    links = _links(scope)
    flows = _usable_flows(scope, findings) + links
    incoming: dict[str, list[Flow]] = {}
    outgoing: dict[str, list[Flow]] = {}
    for flow in flows:
        outgoing.setdefault(flow.source, []).append(flow)
        incoming.setdefault(flow.target, []).append(flow)
    graph = Graph(linked={end for flow in links for end in (flow.source, flow.target)})
    passing: dict[str, list[str]] = {}  # a vanished gateway → the nodes its lines lead on to
    for node in scope.nodes.values():
        if node.id in skip:
            continue
        ins, outs = len(incoming.get(node.id, [])), len(outgoing.get(node.id, []))
        if node.tag in GATEWAYS and _vanishes(node, ins, outs):
            passing[node.id] = [f.target for f in outgoing[node.id]]
        else:
            graph.steps.append(node.id)
        _report_gateway(node, ins, outs, findings)
        if node.tag == "parallelGateway" and node.id not in passing and (ins, outs) != (1, 1):
            graph.joins.add(node.id)
        if node.tag in ACTIVITIES and ins > 1:
            findings.add("B008", node.line, f"{_what(node)} has {ins} incoming flows and no gateway: "
                         "imported as a merge (the step runs when any of them arrives)")
    for step in graph.steps:
        graph.exits[step] = [Exit(_label(f, scope.nodes[step]), _resolve(f.target, passing, set()), f)
                             for f in outgoing.get(step, [])]
        _report_split(scope.nodes[step], graph.exits[step], findings)
    return graph


def _vanishes(node: Node, ins: int, outs: int) -> bool:
    """A pure merge, or a parallel pure split: nothing is decided there."""
    if node.tag == "parallelGateway":
        return ins == 1 and outs >= 2
    return ins >= 2 and outs == 1


def _report_gateway(node: Node, ins: int, outs: int, findings: Findings) -> None:
    if node.tag not in GATEWAYS:
        return
    if ins == 1 and outs == 1:
        findings.add("B006", node.line, f"{_what(node)} has one incoming and one outgoing flow: "
                     "imported as a decision with a single exit")
    elif node.tag in APPROXIMATED:
        findings.add(APPROXIMATED[node.tag], node.line, f"{_what(node)} imported as "
                     + ("a plain merge" if ins >= 2 and outs == 1 else "a decision: procdoc takes one exit"))


def _report_split(node: Node, exits: list[Exit], findings: Findings) -> None:
    """An activity or event with several plain outgoing flows starts them all (BPMN's implicit split);
    conditional flows and the default flow are choices, not a split."""
    plain = [e for e in exits if not e.flow.conditional and e.flow.id != node.default]
    if node.tag in GATEWAYS or len(plain) < 2:
        return
    findings.add("B007", node.line, f"{_what(node)} has {len(plain)} unconditional outgoing flows and no gateway: "
                 "imported as parallel paths")


def _resolve(target: str, passing: dict[str, list[str]], seen: set[str]) -> list[str]:
    """The steps a line to `target` reaches, through vanished gateways (a loop of them reaches nothing)."""
    if target not in passing:
        return [target]
    if target in seen:
        return []
    seen = seen | {target}
    return list(dict.fromkeys(t for nxt in passing[target] for t in _resolve(nxt, passing, seen)))


def _label(flow: Flow, source: Node) -> str | None:
    if flow.name or flow.condition:
        return flow.name or flow.condition
    return "default" if flow.id == source.default else None


def _links(scope: Scope) -> list[Flow]:
    """A link throw event goes on at the link catch event of the same name, as if a flow joined them."""
    catches = {n.link: n for n in scope.nodes.values() if n.link and n.tag == "intermediateCatchEvent"}
    return [Flow(f"{n.id}->{catches[n.link].id}", n.id, catches[n.link].id, None, None, n.line)
            for n in scope.nodes.values() if n.link and n.tag == "intermediateThrowEvent" and n.link in catches]


def _usable_flows(scope: Scope, findings: Findings) -> list[Flow]:
    """Flows between nodes of this scope, each (source, target, condition) once."""
    kept, seen = [], set()
    for flow in scope.flows:
        if flow.source not in scope.nodes or flow.target not in scope.nodes:
            missing = flow.source if flow.source not in scope.nodes else flow.target
            findings.add("B010", flow.line, f"sequence flow {flow.id!r} names {missing!r}, "
                         "which is not a flow node of this process: left out")
            continue
        key = (flow.source, flow.target, flow.condition)
        if key in seen:
            findings.add("B009", flow.line, f"sequence flow {flow.id!r} repeats another flow from "
                         f"{flow.source!r} to {flow.target!r}: left out")
            continue
        seen.add(key)
        kept.append(flow)
    return kept


def _what(node: Node) -> str:
    return f"{node.tag} {node.id!r}" + (f" '{node.name}'" if node.name else "")
