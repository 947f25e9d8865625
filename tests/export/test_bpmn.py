"""`procdoc export bpmn`: valid BPMN 2.0 that modellers open as a drawn diagram.

Three judges: the OMG BPMN 2.0 XSD (the schema files SpiffWorkflow ships,
with lxml), the structure procdoc promises (read back with ElementTree),
and bpmn-js — the renderer of bpmn.io and Camunda Modeler — in headless
Chromium, which must import every sample without a warning and draw every
step. Screenshots go to test-output/bpmn/ for a person to look at.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.export import bpmn
from procdoc.loader import load_text
from procdoc.model import Process
from tests.base_process import BASE
from tests.export.conftest import ALL_IDS, ROOT, SAMPLES, Repository
from tests.export.corpus import DIRECTIVE, HOSTILE, LINK, SCRIPT, hostile_parallel_text, hostile_process_text

NS = {"bpmn": bpmn.NS["bpmn"], "bpmndi": bpmn.NS["bpmndi"], "dc": bpmn.NS["dc"], "di": bpmn.NS["di"]}
XSI_TYPE = f"{{{bpmn.NS['xsi']}}}type"
TAG = {"start": "startEvent", "end": "endEvent", "decision": "exclusiveGateway", "subprocess": "callActivity",
       "join": "parallelGateway",
       "task": "task"}
BPMN_JS_TYPE = {tag: f"bpmn:{tag[0].upper()}{tag[1:]}" for tag in TAG.values()}
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
FIXED_SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "exclusiveGateway": (50, 50), "parallelGateway": (50, 50)}
SCREENSHOTS = ROOT / "test-output" / "bpmn"


@cache
def xsd() -> etree.XMLSchema:
    """BPMN20.xsd with the Semantic, BPMNDI, DI and DC schemas it includes, as SpiffWorkflow ships them."""
    return etree.XMLSchema(etree.parse(str(files("SpiffWorkflow").joinpath("bpmn/parser/schema/BPMN20.xsd"))))


def load(text: str) -> Process:
    loaded = load_text(text, "p.yaml")
    assert loaded.process is not None, loaded.diagnostics
    return loaded.process


@pytest.fixture(scope="module")
def exported(repository: Repository) -> dict[str, str]:
    return {stem: bpmn.export(process, repository.known) for stem, process in repository.processes.items()}


def tree(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def flow_nodes(root: ET.Element) -> list[ET.Element]:
    """Every flow node: the steps', the parallel splits after steps, the emergencies' start events."""
    process = root.find("bpmn:process", NS)
    assert process is not None
    return [e for e in process if e.tag.split("}")[1] in TAG.values()]


def step_nodes(root: ET.Element) -> list[ET.Element]:
    """The flow nodes of steps, in step order."""
    return [e for e in flow_nodes(root) if e.get("id", "").startswith("Step_")]


def step_exits(root: ET.Element) -> list[tuple[str | None, str | None, str | None]]:
    """(source, target, name) of each step-to-step exit, in written order, a parallel split passed through."""
    flows = [(f.get("sourceRef"), f.get("targetRef"), f.get("name")) for f in root.iterfind(".//bpmn:sequenceFlow", NS)]
    exits = []
    for source, target, name in flows:
        if (source or "").startswith("Step_") and (target or "").startswith("Split_"):
            exits += [(source, t, name) for s, t, _ in flows if s == target]
        elif (source or "").startswith("Step_"):
            exits.append((source, target, name))
    return exits


def bounds(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """bpmnElement → (x, y, width, height) of its shape."""
    found = {}
    for shape in root.iterfind(".//bpmndi:BPMNShape", NS):
        box = shape.find("dc:Bounds", NS)
        assert box is not None
        found[shape.get("bpmnElement", "")] = tuple(float(box.get(k, "nan")) for k in ("x", "y", "width", "height"))
    return found


def step_ids(process: Process, root: ET.Element) -> dict[str, str]:
    """Step id → its flow node's id, matched by position: one flow node per step, in step order."""
    nodes = step_nodes(root)
    assert len(nodes) == len(process.steps)
    return {step.id: node.get("id", "") for step, node in zip(process.steps, nodes, strict=True)}


# ── Valid BPMN 2.0 ────────────────────────────────────────────────────────────


@pytest.mark.parametrize("stem", ALL_IDS)
def test_sample_validates_against_the_bpmn_xsd(stem: str, exported: dict[str, str]) -> None:
    document = etree.fromstring(exported[stem].encode("utf-8"))
    assert xsd().validate(document), [str(e) for e in xsd().error_log]


def test_the_xsd_catches_a_broken_file(exported: dict[str, str]) -> None:
    """The judge can say no: a sequence flow without its target, a task with a foreign child."""
    broken = exported["qm-07"].replace('targetRef="Step_1_2"', "", 1)
    assert not xsd().validate(etree.fromstring(broken.encode("utf-8")))
    misplaced = exported["qm-07"].replace("<bpmn:incoming>", "<bpmn:lane /><bpmn:incoming>", 1)
    assert not xsd().validate(etree.fromstring(misplaced.encode("utf-8")))


def test_hostile_text_is_escaped_and_ids_stay_valid() -> None:
    process = load(hostile_process_text().replace('"subgraph"', '"sub\\u0001graph\\ufffe"'))
    text = bpmn.export(process, set())
    root = tree(text)
    assert xsd().validate(etree.fromstring(text.encode("utf-8"))), [str(e) for e in xsd().error_log]
    ids = step_ids(process, root)
    assert ids == {"1": "Step_1", "3.7": "Step_3_7", "3_7": "Step_3_7_2", "end": "Step_end",
                   "审批": "Step_u5BA1u6279", "a|b": "Step_a_b"}
    names = [node.get("name") for node in flow_nodes(root)]
    assert names == ["sub\ufffdgraph\ufffd", SCRIPT, HOSTILE["twin"], HOSTILE["decision"], HOSTILE["call"],
                     HOSTILE["end"]]
    assert "<script>" not in text and "&lt;script&gt;" in text
    every_id = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(every_id) == len(set(every_id)) and all(NCNAME.fullmatch(i or "") for i in every_id)
    call = root.find(".//bpmn:callActivity", NS)
    assert call is not None and call.get("calledElement") == "Process_01-UP"


def test_output_is_byte_identical_across_runs(repository: Repository, exported: dict[str, str]) -> None:
    """The same bytes from another call and from two interpreters with different hash seeds."""
    assert bpmn.export(repository.processes["qm-07"], repository.known) == exported["qm-07"]
    script = "import sys; from procdoc.cli import run; sys.argv = ['procdoc', 'export', 'bpmn', sys.argv[1]]; run()"
    runs = [
        subprocess.run([sys.executable, "-c", script, str(SAMPLES / "qm-07.yaml")], capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1] and runs[0].startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


# ── What maps to what ─────────────────────────────────────────────────────────


@pytest.mark.parametrize("stem", ALL_IDS)
def test_collaboration_pool_and_lanes_in_declared_order(stem: str, repository: Repository,
                                                        exported: dict[str, str]) -> None:
    process, root = repository.processes[stem], tree(exported[stem])
    participants = root.findall("bpmn:collaboration/bpmn:participant", NS)
    assert [(p.get("name"), p.get("processRef")) for p in participants] == [(process.name, process.id)]
    assert root.find("bpmn:process", NS).get("id") == process.id  # type: ignore[union-attr]
    lanes = root.findall("bpmn:process/bpmn:laneSet/bpmn:lane", NS)
    assert [lane.get("name") for lane in lanes] == [lane.name for lane in process.lanes]
    ids = step_ids(process, root)
    for lane, element in zip(process.lanes, lanes, strict=True):
        refs = [ref.text for ref in element.findall("bpmn:flowNodeRef", NS) if (ref.text or "").startswith("Step_")]
        assert refs == [ids[s.id] for s in process.steps if s.lane == lane.id]


@pytest.mark.parametrize("stem", ALL_IDS)
def test_one_flow_node_per_step_of_its_type(stem: str, repository: Repository, exported: dict[str, str]) -> None:
    process, root = repository.processes[stem], tree(exported[stem])
    several_starts = sum(step.type == "start" for step in process.steps) > 1
    for step, node in zip(process.steps, step_nodes(root), strict=True):
        name = step.trigger if several_starts and step.type == "start" else step.name  # each start by its trigger
        assert (node.tag, node.get("name")) == (f"{{{NS['bpmn']}}}{TAG[step.type]}", name)
        assert node.get("id") == "Step_" + re.sub(r"[^A-Za-z0-9-]", "_", step.id)
        documentation = node.find("bpmn:documentation", NS)
        assert (documentation.text if documentation is not None else None) == step.description


@pytest.mark.parametrize("stem", ALL_IDS)
def test_every_exit_is_a_sequence_flow_and_labels_are_conditions(stem: str, repository: Repository,
                                                                 exported: dict[str, str]) -> None:
    process, root = repository.processes[stem], tree(exported[stem])
    ids = step_ids(process, root)
    flows = root.findall("bpmn:process/bpmn:sequenceFlow", NS)
    expected = [(ids[s.id], ids[t], label) for s in process.steps for label, t, _ in s.exits() if t in ids]
    assert step_exits(root) == expected
    for flow in flows:
        condition = flow.find("bpmn:conditionExpression", NS)
        if flow.get("name") is None:
            assert condition is None
        else:
            assert condition is not None and condition.text == flow.get("name")
            assert condition.get(XSI_TYPE) == "bpmn:tFormalExpression"
    by_id = {node.get("id"): node for node in flow_nodes(root)}
    for flow in flows:
        assert flow.get("id") in [e.text for e in by_id[flow.get("sourceRef")].findall("bpmn:outgoing", NS)]
        assert flow.get("id") in [e.text for e in by_id[flow.get("targetRef")].findall("bpmn:incoming", NS)]


def test_decisions_have_named_conditional_flows(repository: Repository, exported: dict[str, str]) -> None:
    root = tree(exported["qm-07"])
    out_of_37 = [(f.get("name"), f.get("targetRef")) for f in root.iterfind(".//bpmn:sequenceFlow", NS)
                 if f.get("sourceRef") == "Step_3_7"]
    assert out_of_37 == [("让步", "Step_3_11"), ("返工", "Step_3_7a"), ("退货", "Step_3_8")]


def lane_of(root: ET.Element, node_id: str) -> str | None:
    return next((lane.get("name") for lane in root.iterfind(".//bpmn:lane", NS)
                 if node_id in [ref.text for ref in lane.iterfind("bpmn:flowNodeRef", NS)]), None)


def flows_of(root: ET.Element, **where: str) -> list[tuple[str | None, str | None, str | None]]:
    """(source, target, name) of the sequence flows whose attributes match `where`."""
    return [(f.get("sourceRef"), f.get("targetRef"), f.get("name")) for f in root.iterfind(".//bpmn:sequenceFlow", NS)
            if all(f.get(key) == value for key, value in where.items())]


def test_an_exit_starting_parallel_paths_leads_to_a_diverging_parallel_gateway(exported: dict[str, str]) -> None:
    root = tree(exported["sv-4s"])
    gateways = {g.get("id"): g for g in root.iterfind(".//bpmn:parallelGateway", NS)}
    assert sorted(gateways) == ["Split_10_0", "Split_4_0", "Step_13", "Step_7"]
    # a decision exit listing two steps: the labelled, conditional flow goes to the split
    assert flows_of(root, targetRef="Split_4_0") == [("Step_4", "Split_4_0", "同意")]
    condition = next(f for f in root.iterfind(".//bpmn:sequenceFlow", NS) if f.get("targetRef") == "Split_4_0")
    assert condition.findtext("bpmn:conditionExpression", None, NS) == "同意"
    assert flows_of(root, sourceRef="Split_4_0") == [("Split_4_0", "Step_5", None), ("Split_4_0", "Step_6", None)]
    # a task with `next: [11, 12]`: one plain flow to the split, which leads to both
    assert flows_of(root, sourceRef="Step_10") == [("Step_10", "Split_10_0", None)]
    assert flows_of(root, sourceRef="Split_10_0") == [("Split_10_0", "Step_11", None), ("Split_10_0", "Step_12", None)]
    for split, step in (("Split_4_0", "Step_4"), ("Split_10_0", "Step_10")):
        assert gateways[split].get("gatewayDirection") == "Diverging"
        assert lane_of(root, split) == lane_of(root, step)


def test_a_join_step_is_a_converging_parallel_gateway(exported: dict[str, str]) -> None:
    root = tree(exported["sv-4s"])
    joins = (("Step_7", ["Step_5", "Step_6"], "Step_8"), ("Step_13", ["Step_11", "Step_12"], "Step_14"))
    for join, paths, after in joins:
        gateway = next(g for g in root.iterfind(".//bpmn:parallelGateway", NS) if g.get("id") == join)
        assert gateway.get("gatewayDirection") == "Converging"
        assert [source for source, _, _ in flows_of(root, targetRef=join)] == paths
        assert flows_of(root, sourceRef=join) == [(join, after, None)]


def test_alternative_starts_are_conditional_start_events_named_by_their_trigger(repository: Repository,
                                                                                exported: dict[str, str]) -> None:
    process, root = repository.processes["sv-4s"], tree(exported["sv-4s"])
    starts = {e.get("id"): e for e in root.iterfind(".//bpmn:startEvent", NS)}
    for step in (s for s in process.steps if s.type == "start"):
        event = starts.pop(f"Step_{step.id}")
        condition = event.find("bpmn:conditionalEventDefinition/bpmn:condition", NS)
        assert condition is not None and condition.get(XSI_TYPE) == "bpmn:tFormalExpression"
        assert event.get("name") == condition.text == step.trigger
    assert list(starts) == ["Emergency_E1"]


def test_a_single_start_stays_a_blank_start_event(exported: dict[str, str]) -> None:
    root = tree(exported["qm-07"])
    start = next(e for e in root.iterfind(".//bpmn:startEvent", NS) if e.get("id") == "Step_1_1")
    assert len(start.findall("*", NS)) == 1 and start.find("bpmn:outgoing", NS) is not None


@pytest.mark.parametrize("stem", ALL_IDS)
def test_each_emergency_is_a_conditional_start_in_its_handlers_lane(stem: str, repository: Repository,
                                                                   exported: dict[str, str]) -> None:
    process, root = repository.processes[stem], tree(exported[stem])
    events = {e.get("id"): e for e in root.iterfind(".//bpmn:startEvent", NS) if e.get("id", "").startswith("Emer")}
    assert len(events) == len(process.emergencies or [])
    for emergency in process.emergencies or []:
        event, handler = events[f"Emergency_{emergency.id}"], f"Step_{emergency.handler.replace('.', '_')}"
        assert event.get("name") == emergency.when
        assert event.findtext("bpmn:conditionalEventDefinition/bpmn:condition", None, NS) == emergency.when
        assert flows_of(root, sourceRef=event.get("id", "")) == [(event.get("id"), handler, None)]
        assert lane_of(root, event.get("id", "")) == lane_of(root, handler)
        assert bounds(root)[event.get("id", "")][1] < bounds(root)[handler][1]  # drawn above its handler


def test_call_activities_name_the_called_process(repository: Repository, exported: dict[str, str]) -> None:
    calls = tree(exported["qm-07"]).findall(".//bpmn:callActivity", NS)
    assert [(c.get("id"), c.get("calledElement")) for c in calls] == [
        ("Step_3_7a", "PP-01"), ("Step_3_10a", "SD-05"), ("Step_3_10b", "PP-01"), ("Step_4_2", "QA-01")]
    assert all(c.find("bpmn:documentation", NS) is None for c in calls)
    alone = tree(bpmn.export(repository.processes["qm-07"], {"QM-07", "SD-05"}))
    notes = {c.get("id"): c.findtext("bpmn:documentation", None, NS)
             for c in alone.iterfind(".//bpmn:callActivity", NS)}
    assert notes == {"Step_3_7a": "Calls process PP-01, which is not in this repository.", "Step_3_10a": None,
                     "Step_3_10b": "Calls process PP-01, which is not in this repository.",
                     "Step_4_2": "Calls process QA-01, which is not in this repository."}


def test_process_ids_that_are_not_ncnames_are_prefixed() -> None:
    assert bpmn.process_ref("QM-07") == "QM-07"
    assert bpmn.process_ref("07.QM") == "Process_07_QM"


@pytest.mark.parametrize("stem", ALL_IDS)
def test_documents_flow_in_and_records_flow_out(stem: str, repository: Repository, exported: dict[str, str]) -> None:
    process, root = repository.processes[stem], tree(exported[stem])
    refs = {r.get("id"): r for r in root.iterfind("bpmn:process/bpmn:dataObjectReference", NS)}
    objects = {o.get("id"): o.get("name") for o in root.iterfind("bpmn:process/bpmn:dataObject", NS)}
    plain = [(a.get("sourceRef"), a.get("targetRef")) for a in root.iterfind("bpmn:process/bpmn:association", NS)]
    names = {**{d.id: d.name for d in process.documents}, **{r.id: r.name for r in process.records}}
    for step, node in zip(process.steps, step_nodes(root), strict=True):
        if node.tag.endswith(("Event", "Gateway")):
            sources = [s for s, t in plain if t == node.get("id")]
            targets = [t for s, t in plain if s == node.get("id")]
        else:
            sources = [e.text for e in node.iterfind("bpmn:dataInputAssociation/bpmn:sourceRef", NS)]
            targets = [e.text for e in node.iterfind("bpmn:dataOutputAssociation/bpmn:targetRef", NS)]
        for data_ids, items in ((sources, step.documents), (targets, step.records)):
            seen = [refs[r] for r in data_ids]
            assert [(r.get("name"), objects[r.get("dataObjectRef")]) for r in seen] == [
                (names[i], names[i]) for i in items]


def test_documents_of_a_gateway_are_plain_associations(exported: dict[str, str]) -> None:
    root = tree(exported["qm-07"])
    plain = [(a.get("sourceRef"), a.get("targetRef")) for a in root.iterfind(".//bpmn:association", NS)]
    assert ("Document_product_std_at_2_2", "Step_2_2") in plain


def test_phases_are_groups_of_one_category(repository: Repository, exported: dict[str, str]) -> None:
    root = tree(exported["qm-07"])
    values = {v.get("id"): v.get("value") for v in root.iterfind("bpmn:category/bpmn:categoryValue", NS)}
    groups = [values[g.get("categoryValueRef")] for g in root.iterfind("bpmn:process/bpmn:group", NS)]
    assert groups == [phase.name for phase in repository.processes["qm-07"].phases]


# ── The drawing (BPMN DI) ─────────────────────────────────────────────────────


@pytest.mark.parametrize("stem", ALL_IDS)
def test_every_element_has_a_shape_inside_its_lane(stem: str, repository: Repository,
                                                   exported: dict[str, str]) -> None:
    process, root = repository.processes[stem], tree(exported[stem])
    shapes = bounds(root)
    lanes = root.findall("bpmn:process/bpmn:laneSet/bpmn:lane", NS)
    lane_boxes = [shapes[lane.get("id", "")] for lane in lanes]
    assert [box[0] for box in lane_boxes] == sorted(box[0] for box in lane_boxes)  # left to right, declared order
    pool = shapes[root.find("bpmn:collaboration/bpmn:participant", NS).get("id", "")]  # type: ignore[union-attr]
    for lane, (x, y, w, h) in zip(lanes, lane_boxes, strict=True):
        assert pool[0] <= x and x + w <= pool[0] + pool[2] + 0.01 and pool[1] < y and y + h <= pool[1] + pool[3]
        for ref in lane.iterfind("bpmn:flowNodeRef", NS):
            nx, ny, nw, nh = shapes[ref.text or ""]
            assert x <= nx and nx + nw <= x + w and y <= ny and ny + nh <= y + h, ref.text
    for node in flow_nodes(root):
        tag, (width, height) = node.tag.split("}")[1], shapes[node.get("id", "")][2:]
        if tag in FIXED_SIZES:
            assert (width, height) == FIXED_SIZES[tag]
        else:
            assert width == 100 and height >= 80
    for element in root.iterfind("bpmn:process/bpmn:dataObjectReference", NS):
        assert shapes[element.get("id", "")][2:] == (36, 50)
    vertical = [s.get("isHorizontal") for s in root.iterfind(".//bpmndi:BPMNShape", NS) if s.get("isHorizontal")]
    assert vertical == ["false"] * (1 + len(process.lanes))


@pytest.mark.parametrize("stem", ALL_IDS)
def test_every_line_has_an_edge_from_its_source_to_its_target(stem: str, exported: dict[str, str]) -> None:
    root = tree(exported[stem])
    shapes = bounds(root)
    edges = {e.get("bpmnElement"): e for e in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    lines = [(f.get("id"), f.get("sourceRef"), f.get("targetRef")) for f in root.iterfind(".//bpmn:sequenceFlow", NS)]
    lines += [(a.get("id"), a.get("sourceRef"), a.get("targetRef")) for a in root.iterfind(".//bpmn:association", NS)]
    for association in root.iterfind(".//bpmn:dataInputAssociation", NS):
        task = next(n for n in flow_nodes(root) if association in list(n))
        lines.append((association.get("id"), association.findtext("bpmn:sourceRef", None, NS), task.get("id")))
    for association in root.iterfind(".//bpmn:dataOutputAssociation", NS):
        task = next(n for n in flow_nodes(root) if association in list(n))
        lines.append((association.get("id"), task.get("id"), association.findtext("bpmn:targetRef", None, NS)))
    assert sorted(edges) == sorted(line[0] for line in lines)
    for line_id, source, target in lines:
        waypoints = edges[line_id].iterfind("di:waypoint", NS)
        points = [(float(p.get("x", "nan")), float(p.get("y", "nan"))) for p in waypoints]
        assert len(points) >= 2
        assert on_border(points[0], shapes[source or ""]) and on_border(points[-1], shapes[target or ""]), line_id


def on_border(point: tuple[float, float], box: tuple[float, float, float, float], slack: float = 1.0) -> bool:
    """The point lies on the box's outline or inside it, within `slack` (circles and diamonds sit inside)."""
    x, y, w, h = box
    return x - slack <= point[0] <= x + w + slack and y - slack <= point[1] <= y + h + slack


def test_shapes_sit_where_the_layout_puts_them(repository: Repository, exported: dict[str, str]) -> None:
    """The same chart as procdoc's: 1.1 above 1.2 above 1.3, each in its own lane left to right."""
    shapes = bounds(tree(exported["qm-07"]))
    start, record, register = shapes["Step_1_1"], shapes["Step_1_2"], shapes["Step_1_3"]
    assert start[1] < record[1] < register[1]
    assert start[0] < record[0] < register[0]


# ── Opened by bpmn-js ─────────────────────────────────────────────────────────


@pytest.mark.browser
@pytest.mark.parametrize("stem", ALL_IDS)
def test_sample_opens_in_bpmn_js_as_a_drawn_diagram(stem: str, repository: Repository, exported: dict[str, str],
                                                    page_factory: Any) -> None:
    process = repository.processes[stem]
    page, show, problems = page_factory("bpmn.html")
    result = show(exported[stem])
    assert (result["error"], result["warnings"]) == (None, [])
    nodes = [e for e in result["elements"] if e["type"] in BPMN_JS_TYPE.values() and e["id"].startswith("Step_")]
    assert [(e["id"], e["type"]) for e in nodes] == [
        (node_id, BPMN_JS_TYPE[TAG[step.type]]) for step, node_id in zip(
            process.steps, step_ids(process, tree(exported[stem])).values(), strict=True)]
    assert all(e["drawn"] for e in result["elements"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{stem}.png"))
    assert problems == []


def test_hostile_triggers_and_conditions_stay_text() -> None:
    text = bpmn.export(load(hostile_parallel_text()), set())
    assert xsd().validate(etree.fromstring(text.encode("utf-8"))), [str(e) for e in xsd().error_log]
    root = tree(text)
    starts = {e.get("id"): (e.get("name"), e.findtext(".//bpmn:condition", None, NS))
              for e in root.iterfind(".//bpmn:startEvent", NS)}
    assert starts == {"Step_a": (SCRIPT, SCRIPT), "Step_b": (DIRECTIVE, DIRECTIVE),
                      "Emergency_E1": (HOSTILE["end"], HOSTILE["end"])}
    assert flows_of(root, targetRef="Split_d_0") == [("Step_d", "Split_d_0", LINK)]
    assert [g.get("name") for g in root.iterfind(".//bpmn:parallelGateway", NS)] == [None, HOSTILE["twin"]]


@pytest.mark.browser
def test_hostile_text_opens_in_bpmn_js(page_factory: Any) -> None:
    page, show, problems = page_factory("bpmn.html")
    result = show(bpmn.export(load(hostile_process_text()), set()))
    assert (result["error"], result["warnings"]) == (None, [])
    texts = page.evaluate("() => [...document.querySelectorAll('.djs-visual text')].map(t => t.textContent)")
    assert SCRIPT in "".join(texts)
    assert page.evaluate("() => document.querySelectorAll('#canvas script, #canvas img').length") == 0
    assert problems == []


# ── Through the CLI ───────────────────────────────────────────────────────────


def test_cli_writes_the_bpmn_file(tmp_path: Path, exported: dict[str, str]) -> None:
    """The same file as from the whole repository: the CLI knows the processes beside the exported one."""
    target = tmp_path / "x.bpmn"
    result = CliRunner().invoke(app, ["export", "bpmn", str(SAMPLES / "qm-07.yaml"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == exported["qm-07"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "svg", "p.yaml"], "error: unknown export format 'svg'\n  help: use one of: bpmn, mermaid\n"),
        (["export", "bpmn", "missing.yaml"], "error: no process file at missing.yaml\n"),
        (["export", "bpmn", "broken.yaml"], "error: broken.yaml:3:1: YAML syntax error"),
        (["export", "mermaid", "broken.yaml"], "error: broken.yaml:3:1: YAML syntax error"),
    ],
)
def test_cli_errors_exit_2_with_a_message(args: list[str], message: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(BASE, encoding="utf-8")
    Path("broken.yaml").write_text("procdoc: 1\nid: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""
