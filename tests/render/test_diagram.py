"""The swimlane chart, checked on the SVG that real Graphviz draws.

Each chart is parsed back (ElementTree) into lanes, phase bands, nodes and
edges with their geometry, and held to what a practitioner's chart must be
(issue 4): lanes in declared order, touching, all the same length, each as
wide as its own content needs and no wider (equal widths made a chart too
wide to print); every step and note in its lane's column and its phase's
band; forward lines pointing down; every decision exit labelled; no two
shapes overlapping; every step linked; and text from the YAML shown
literally, never as markup.
"""

from __future__ import annotations

import re
import textwrap
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from procdoc import graph
from procdoc.chart import layout
from procdoc.chart.text import wrap
from procdoc.errors import UserError
from procdoc.i18n import detect_lang
from procdoc.loader import load_text
from procdoc.model import Process
from procdoc.render import diagram
from procdoc.render.diagram import Drawing, draw, png_of
from procdoc.render.dotescape import html, quoted
from procdoc.render.names import page_stem, slug, step_anchor

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PROCESSES = Path(__file__).resolve().parents[1] / "processes"  # format 1.1: joins, parallel exits, two starts
DRAWN_TAGS = {"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text", "a"}
TOLERANCE = 0.5
ROUNDING = 1.0  # Graphviz rounds a label's size up to whole points

# 6 lanes × 4 phases, the external party first; a three-way decision (3.7),
# loop-backs in one lane (1.5 → 1.2) and across lanes (3.14 → 3.11), an
# emergency path (9.x), sub-processes, documents, records, systems.
COMPLAINT = """\
procdoc: 1
id: QM-T7
name: 客户质量投诉管理流程
lanes:
  - {id: customer, name: 客户, kind: external}
  - {id: marketing, name: 营销部}
  - {id: quality, name: 技质科}
  - {id: techcenter, name: 技术中心}
  - {id: vptech, name: 技术副总, kind: role}
  - {id: vpmkt, name: 营销副总, kind: role}
phases:
  - {id: collect, name: 信息收集}
  - {id: confirm, name: 信息确认}
  - {id: handle, name: 投诉处理}
  - {id: improve, name: 分析改进}
documents:
  - {id: D1, name: 客户投诉管理制度, kind: procedure}
  - {id: D2, name: 让步使用申请单, kind: form}
  - {id: D3, name: 产品质量标准, kind: standard}
records:
  - {id: R1, name: 客户质量反馈记录, stored_in: OA}
  - {id: R2, name: 让步使用申请记录}
emergencies:
  - {id: E1, when: 批量质量事故, handler: "9.1"}
steps:
  - {id: "1.1", name: 客户投诉, type: start, lane: customer, phase: collect, next: "1.2"}
  - {id: "1.2", name: 记录客户投诉信息, lane: marketing, phase: collect, documents: [D1], records: [R1],
     system: OA, next: "1.3"}
  - {id: "1.3", name: 填写客户质量反馈记录, lane: marketing, phase: collect, records: [R1], next: "1.5"}
  - id: "1.5"
    name: 信息是否完整？
    type: decision
    lane: marketing
    phase: collect
    branches:
      - {when: 否, next: "1.2"}
      - {when: 是, next: "1.4"}
  - {id: "1.4", name: 通知技质科, lane: marketing, phase: collect, next: "2.1"}
  - {id: "2.1", name: 组织现场确认, lane: quality, phase: confirm, key: true, next: "2.2"}
  - id: "2.2"
    name: 是否我方责任？
    type: decision
    lane: quality
    phase: confirm
    documents: [D3, D1]
    control: {standard: 责任判定准确}
    branches:
      - {when: 否, next: "2.3"}
      - {when: 是, next: "3.1"}
  - {id: "2.3", name: 向客户解释并关闭, type: end, lane: marketing, phase: confirm, time_limit: 0.5天内}
  - {id: "3.1", name: 沟通确认处理方案, lane: marketing, phase: handle, next: "3.2"}
  - {id: "3.2", name: 与客户协商, lane: customer, phase: handle, next: "3.3"}
  - id: "3.3"
    name: 现场能否解决？
    type: decision
    lane: marketing
    phase: handle
    branches:
      - {when: 是, next: "3.16"}
      - {when: 否, next: "3.4"}
  - {id: "3.4", name: 技术中心组织现场确认, lane: techcenter, phase: handle, next: "3.5"}
  - {id: "3.5", name: 提出处理意见, lane: techcenter, phase: handle, key: true, next: "3.6"}
  - {id: "3.6", name: 与客户协商处理方案, lane: marketing, phase: handle, next: "3.7"}
  - id: "3.7"
    name: 让步、返工还是退货？
    type: decision
    lane: marketing
    phase: handle
    key: true
    branches:
      - {when: 让步, next: "3.11"}
      - {when: 返工, next: "3.17"}
      - {when: 退货, next: "3.8"}
  - {id: "3.17", name: 生产计划流程, type: subprocess, process: PP-01, lane: marketing, phase: handle,
     next: "3.16"}
  - {id: "3.8", name: 办理退货, lane: marketing, phase: handle, system: ERP, next: "3.9"}
  - {id: "3.9", name: 查库存, lane: marketing, phase: handle, system: ERP, next: "3.10"}
  - id: "3.10"
    name: 有库存？
    type: decision
    lane: marketing
    phase: handle
    branches:
      - {when: 有, next: "3.18"}
      - {when: 无, next: "3.17"}
  - {id: "3.18", name: 产品发运流程, type: subprocess, process: PS-02, lane: marketing, phase: handle,
     next: "3.16"}
  - {id: "3.11", name: 填写让步使用申请, lane: marketing, phase: handle, documents: [D2], records: [R2],
     next: "3.12"}
  - {id: "3.12", name: 提交申请, lane: marketing, phase: handle, next: "3.13"}
  - {id: "3.13", name: 签署质量意见, lane: techcenter, phase: handle, next: "3.14"}
  - id: "3.14"
    name: 技术副总审核
    type: decision
    lane: vptech
    phase: handle
    branches:
      - {when: 同意, next: "3.15"}
      - {when: 退回修改, next: "3.11"}
  - {id: "3.15", name: 审批费用, lane: vpmkt, phase: handle, key: true, control: {standard: 费用在授权范围内},
     next: "3.16"}
  - {id: "3.16", name: 与客户确认处理结果, lane: customer, phase: handle, next: "4.1"}
  - {id: "4.1", name: 汇总投诉信息并编写投诉处理报告提交技质科科长审核, lane: quality, phase: improve,
     time_limit: 1天内, next: "4.2"}
  - {id: "4.2", name: 转质量保证流程, type: subprocess, process: QA-01, lane: quality, phase: improve,
     next: "4.3"}
  - {id: "4.3", name: 结束, type: end, lane: quality, phase: improve}
  - {id: "9.1", name: 启动应急预案, lane: vptech, phase: handle, next: "9.2"}
  - {id: "9.2", name: 召回批次产品, lane: marketing, phase: handle, next: "4.1"}
"""

ENGLISH = """\
procdoc: 1
id: IT-T3
name: IT repair work order
lanes:
  - {id: user, name: Requesting user, kind: external}
  - {id: desk, name: Service desk}
  - {id: engineer, name: Field engineer}
steps:
  - {id: "1", name: Report a fault, type: start, lane: user, next: "2"}
  - {id: "2", name: Register and dispatch the repair request, lane: desk, system: ServiceNow, next: "3"}
  - {id: "3", name: Diagnose the fault on site, lane: engineer, next: "4"}
  - id: "4"
    name: Fixed?
    type: decision
    lane: engineer
    branches:
      - {when: "No", next: "3"}
      - {when: "Yes", next: "5"}
  - {id: "5", name: Acceptance by the user, lane: user, next: "6"}
  - {id: "6", name: Closed, type: end, lane: desk}
"""

NASTY = ["<script>alert(1)</script>", "a|b", "{x}", '"q"', 'x\\l"y', "&lt;b&gt; & c", "<b>bold</b> \\N"]


def nasty_text(names: list[str]) -> str:
    """A process whose every user-written string is one of `names` (YAML-quoted)."""
    q = [yaml_quote(n) for n in names]
    return textwrap.dedent(f"""\
        procdoc: 1
        id: X-01
        name: {q[0]}
        lanes:
          - {{id: a, name: {q[1]}}}
          - {{id: b, name: {q[2]}}}
        phases:
          - {{id: p, name: {q[3]}}}
        documents:
          - {{id: d, name: {q[4]}}}
        records:
          - {{id: r, name: {q[5]}}}
        steps:
          - {{id: "1", name: {q[0]}, type: start, lane: a, phase: p, trigger: {q[5]}, next: "2"}}
          - {{id: "2", name: {q[1]}, lane: a, phase: p, documents: [d], records: [r], system: {q[6]}, next: "3",
              description: {q[2]}}}
          - id: "3"
            name: {q[3]}
            type: decision
            lane: b
            phase: p
            branches:
              - {{when: {q[4]}, next: "4"}}
              - {{when: {q[5]}, next: "5"}}
          - {{id: "4", name: {q[6]}, lane: b, phase: p, next: "5"}}
          - {{id: "5", name: {q[0]}, type: end, lane: b, phase: p}}
        """)


def yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load(text: str) -> Process:
    loaded = load_text(text)
    assert loaded.process is not None, [d.message for d in loaded.diagnostics]
    return loaded.process


def process_href(process_id: str) -> str | None:
    return f"{page_stem(process_id)}.html" if process_id != "PS-02" else None


def step_href(step_id: str) -> str:
    return f"#{step_anchor(step_id)}"


def render(process: Process, lang: str = "zh") -> Drawing:
    return draw(process, lang=lang, process_href=process_href, step_href=step_href)


# ── The SVG, parsed back ──────────────────────────────────────────────────────


@dataclass(frozen=True)
class Bounds:
    x0: float
    y0: float
    x1: float
    y1: float

    def inside(self, other: Bounds) -> bool:
        t = TOLERANCE
        across = other.x0 - t <= self.x0 and self.x1 <= other.x1 + t
        return across and other.y0 - t <= self.y0 and self.y1 <= other.y1 + t

    def beside(self, other: Bounds) -> bool:
        """On the same row: the vertical extents overlap."""
        return self.y0 < other.y1 and other.y0 < self.y1

    def touches(self, other: Bounds) -> bool:
        return self.x0 <= other.x1 and other.x0 <= self.x1 and self.y0 <= other.y1 and other.y0 <= self.y1

    def overlaps(self, other: Bounds) -> bool:
        t = TOLERANCE
        return self.x0 < other.x1 - t and other.x0 < self.x1 - t and self.y0 < other.y1 - t and other.y0 < self.y1 - t


@dataclass(frozen=True)
class Node:
    name: str
    id: str
    classes: list[str]
    bounds: Bounds
    texts: list[str]
    href: str | None
    tooltip: str | None
    group: ET.Element


@dataclass(frozen=True)
class Edge:
    tail: str
    head: str
    classes: list[str]
    start: tuple[float, float]
    end: tuple[float, float]
    corners: list[tuple[float, float]]  # where the straight pieces of the line meet
    texts: list[str]
    stroke: str
    dashed: bool


@dataclass
class Chart:
    svg: str
    root: ET.Element
    nodes: dict[str, Node]
    lanes: list[tuple[str, Bounds]]
    phases: list[tuple[str, Bounds]]
    edges: list[Edge]

    def node(self, element_id: str) -> Node:
        return next(n for n in self.nodes.values() if n.id == element_id)

    def step(self, step_id: str) -> Node:
        return self.node(step_anchor(step_id))

    def edges_between(self, tail_step: str, head_step: str) -> list[Edge]:
        """The lines out of `tail_step` towards `head_step`: straight to it, or into the
        parallel split that leads to it."""
        tail, head = self.step(tail_step).name, self.step(head_step).name
        splits = {e.tail for e in self.edges if e.head == head and "split" in self.nodes[e.tail].classes}
        return [e for e in self.edges if e.tail == tail and (e.head == head or e.head in splits)]

    def splits(self) -> list[Node]:
        return [n for n in self.nodes.values() if "split" in n.classes]


NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


def points_of(element: ET.Element) -> list[tuple[float, float]]:
    tag = element.tag.removeprefix(SVG)
    if tag == "ellipse":
        cx, cy, rx, ry = (float(element.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    text = element.get("points") or element.get("d") or ""
    return [(float(x), float(y)) for x, y in NUMBER_PAIR.findall(text)]


def bounds_of(group: ET.Element) -> Bounds:
    shapes = ("polygon", "polyline", "path", "ellipse")
    points = [p for e in group.iter() if e.tag.removeprefix(SVG) in shapes for p in points_of(e)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Bounds(min(xs), min(ys), max(xs), max(ys))


def texts_of(group: ET.Element) -> list[str]:
    return [t.text for t in group.iter(SVG + "text") if t.text and t.text.strip()]


def classes_of(group: ET.Element) -> list[str]:
    return (group.get("class") or "").split()


def parse(svg: str) -> Chart:
    root = ET.fromstring(svg)
    groups = list(root.iter(SVG + "g"))
    nodes = {}
    for g in (g for g in groups if "node" in classes_of(g)):
        name = g.findtext(SVG + "title") or ""
        link = g.find(f".//{SVG}a")
        href = link.get(XLINK + "href") if link is not None else None
        tooltip = link.get(XLINK + "title") if link is not None else None
        nodes[name] = Node(name, g.get("id", ""), classes_of(g), bounds_of(g), texts_of(g), href, tooltip, g)
    lanes = [(g.get("id", ""), bounds_of(g)) for g in groups if "lane" in classes_of(g) and "cluster" in classes_of(g)]
    phases = [(g.get("id", ""), bounds_of(g)) for g in groups if "phase" in classes_of(g)]
    edges = [parse_edge(g) for g in groups if "edge" in classes_of(g)]
    return Chart(svg, root, nodes, lanes, phases, edges)


def parse_edge(group: ET.Element) -> Edge:
    tail, head = (group.findtext(SVG + "title") or "").split("->")
    path = group.find(SVG + "path")
    assert path is not None
    points = points_of(path)
    stroke = path.get("stroke", "")
    return Edge(tail, head, classes_of(group), points[0], points[-1], points[::3], texts_of(group), stroke,
                path.get("stroke-dasharray") is not None)


def back_edges(process: Process) -> set[tuple[str, str]]:
    """Loop-backs, as the issue defines them: DFS back edges from the start (then any handler)."""
    edges = {s.id: [t for _, t, _ in s.exits() if t in process.step_by_id] for s in process.steps}
    roots = [s.id for s in process.steps if s.type == "start"]
    roots += [e.handler for e in process.emergencies or [] if e.handler] + [s.id for s in process.steps]
    colour: dict[str, str] = {}
    back: set[tuple[str, str]] = set()

    def visit(node: str) -> None:
        colour[node] = "grey"
        for target in edges[node]:
            if colour.get(target) == "grey":
                back.add((node, target))
            elif target not in colour:
                visit(target)
        colour[node] = "black"

    for root in roots:
        if root not in colour:
            visit(root)
    return back


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ── Fixtures: each chart drawn once ───────────────────────────────────────────


def case_texts() -> dict[str, str]:
    """The synthetic processes, and every sample that loads."""
    texts = {"complaint": COMPLAINT, "english": ENGLISH}
    texts |= {f"parallel-{path.stem}": path.read_text(encoding="utf-8") for path in sorted(PROCESSES.glob("*.yaml"))}
    for path in sorted(SAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if load_text(text).process is not None:
            texts[f"sample-{path.stem}"] = text
    return texts


CASES = case_texts()


@pytest.fixture(scope="module")
def drawn() -> dict[str, tuple[Process, Chart, Drawing]]:
    """Charts drawn so far in this module: each process is drawn (two Graphviz runs) once."""
    return {}


def chart_for(drawn: dict[str, tuple[Process, Chart, Drawing]], case: str) -> tuple[Process, Chart]:
    if case not in drawn:
        process = load(CASES[case])
        drawing = render(process, detect_lang(process))
        drawn[case] = (process, parse(drawing.svg), drawing)
    process, chart, _ = drawn[case]
    return process, chart


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest, drawn: dict[str, tuple[Process, Chart, Drawing]]) -> tuple[Process, Chart]:
    return chart_for(drawn, request.param)


@pytest.fixture
def complaint(drawn: dict[str, tuple[Process, Chart, Drawing]]) -> tuple[Process, Chart]:
    return chart_for(drawn, "complaint")


@pytest.fixture
def service(drawn: dict[str, tuple[Process, Chart, Drawing]]) -> tuple[Process, Chart]:
    """Two starts, a decision exit starting parallel work, a task's split, two joins."""
    return chart_for(drawn, "parallel-sv-4s")


# ── Structure, on every chart ─────────────────────────────────────────────────


def test_lanes_are_touching_columns_of_one_length_in_declared_order(case: tuple[Process, Chart]) -> None:
    process, chart = case
    by_x = [lane_id for lane_id, _ in sorted(chart.lanes, key=lambda lane: lane[1].x0)]
    assert by_x == [f"lane-{slug(lane.id)}" for lane in process.lanes]
    boxes = [b for _, b in sorted(chart.lanes, key=lambda lane: lane[1].x0)]
    assert {(b.y0, b.y1) for b in boxes} == {(boxes[0].y0, boxes[0].y1)}
    assert all(abs(a.x1 - b.x0) < TOLERANCE for a, b in pairwise(boxes))


def test_each_lane_is_as_wide_as_its_content_needs_and_no_wider(case: tuple[Process, Chart]) -> None:
    """Its steps and their notes inside, clear of the margins lines run in (its name fitting
    the header is checked with all Chinese text below).

    No wider than the wider of its content and its name, counting every
    letter of the name as a full em (exact for Chinese, generous for Latin):
    a lane never takes the room of a busier one.
    """
    process, chart = case
    lanes = dict(chart.lanes)
    headers = [n for n in chart.nodes.values() if "lane-header" in n.classes]
    for lane in process.lanes:
        column = lanes[f"lane-{slug(lane.id)}"]
        content = [b for step in process.steps if step.lane == lane.id for b in lane_content(chart, step.id)]
        (header,) = [h for h in headers if column.x0 < h.bounds.x0 and h.bounds.x1 < column.x1]
        assert all(column.x0 + layout.LANE_PAD - TOLERANCE <= b.x0 for b in content), lane.id
        assert all(b.x1 <= column.x1 - layout.LANE_PAD + TOLERANCE for b in content), lane.id
        used = max(b.x1 for b in content) - min(b.x0 for b in content) if content else 0.0
        named = header_width(header) + 2 * diagram.HEADER_MARGIN + ROUNDING + layout.HEADER_INSET
        assert column.x1 - column.x0 <= max(used, named) + 2 * layout.LANE_PAD + TOLERANCE, lane.id


def lane_content(chart: Chart, step_id: str) -> list[Bounds]:
    """The bounds of a step and of its document and record notes."""
    anchor = step_anchor(step_id)
    return [n.bounds for n in chart.nodes.values() if n.id == anchor or n.id.startswith(f"{anchor}-")]


def header_width(header: Node) -> float:
    """The widest line of a lane header, each character a full em."""
    lines = [t for t in header.group.iter(SVG + "text") if t.text and t.text.strip()]
    return max(len(t.text or "") * float(t.get("font-size", "0")) for t in lines)


def test_phases_are_bands_in_declared_order(case: tuple[Process, Chart]) -> None:
    process, chart = case
    by_y = [phase_id for phase_id, _ in sorted(chart.phases, key=lambda phase: phase[1].y0)]
    assert by_y == [f"phase-{slug(phase.id)}" for phase in process.phases]
    bands = [b for _, b in sorted(chart.phases, key=lambda phase: phase[1].y0)]
    assert all(abs(a.y1 - b.y0) < TOLERANCE for a, b in pairwise(bands))


def test_every_step_lies_in_its_lane_column_and_phase_band(case: tuple[Process, Chart]) -> None:
    process, chart = case
    lanes, phases = dict(chart.lanes), dict(chart.phases)
    for step in process.steps:
        node = chart.step(step.id)
        column = lanes[f"lane-{slug(step.lane or '')}"]
        assert column.x0 < node.bounds.x0 and node.bounds.x1 < column.x1, step.id
        if step.phase:  # a step of no phase (an emergency path, say) may sit anywhere
            assert node.bounds.inside(phases[f"phase-{slug(step.phase)}"]), step.id


def test_forward_lines_point_down_and_only_loop_backs_go_up(case: tuple[Process, Chart]) -> None:
    process, chart = case
    back = back_edges(process)
    ids = {n.name: n.id for n in chart.nodes.values()}
    step_of = {step_anchor(s.id): s.id for s in process.steps}
    step_of |= {split.id: step_of[split.id.rsplit("-split-", 1)[0]] for split in chart.splits()}
    flows = [e for e in chart.edges if "flow" in e.classes]
    assert len(flows) == sum(len(s.exits()) for s in process.steps) + len(chart.splits())
    for edge in flows:
        pair = (step_of[ids[edge.tail]], step_of[ids[edge.head]])
        if pair in back:
            assert "back" in edge.classes, pair
        else:
            assert edge.end[1] > edge.start[1], pair


def test_every_decision_exit_carries_its_label(case: tuple[Process, Chart]) -> None:
    process, chart = case
    for step in (s for s in process.steps if s.type == "decision"):
        for branch in step.branches:
            for target in branch.next:
                texts = [squeeze("".join(e.texts)) for e in chart.edges_between(step.id, target)]
                assert squeeze(branch.when or "") in texts, (step.id, branch.when)


def test_no_two_shapes_overlap(case: tuple[Process, Chart]) -> None:
    _, chart = case
    nodes = list(chart.nodes.values())
    clashes = [(a.id, b.id) for i, a in enumerate(nodes) for b in nodes[i + 1 :] if a.bounds.overlaps(b.bounds)]
    assert clashes == []


def test_no_line_runs_through_a_shape(case: tuple[Process, Chart]) -> None:
    """Lines are drawn as axis-parallel pieces that pass around every shape but their own two."""
    _, chart = case
    for edge in chart.edges:
        assert all(abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01 for a, b in pairwise(edge.corners))
        for node in chart.nodes.values():
            if node.name in (edge.tail, edge.head):
                continue
            inner = Bounds(node.bounds.x0 + 1, node.bounds.y0 + 1, node.bounds.x1 - 1, node.bounds.y1 - 1)
            for a, b in pairwise(edge.corners):
                piece = Bounds(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
                assert not piece.touches(inner), (edge.tail, edge.head, node.id)


def test_every_step_has_its_anchor_and_a_link(case: tuple[Process, Chart]) -> None:
    process, chart = case
    for step in process.steps:
        node = chart.step(step.id)
        assert f"step-{step.type}" in node.classes and "step" in node.classes
        expected = process_href(step.process) if step.type == "subprocess" and step.process else None
        assert node.href == (expected or step_href(step.id)), step.id
        assert node.tooltip is not None and node.tooltip.startswith(f"{step.id} {step.name}")


def test_documents_sit_left_and_records_right_of_their_step(case: tuple[Process, Chart]) -> None:
    process, chart = case
    for step in process.steps:
        node = chart.step(step.id)
        if step.documents:
            note = chart.node(f"{step_anchor(step.id)}-documents")
            assert note.bounds.x1 <= node.bounds.x0 and note.bounds.beside(node.bounds), step.id
        if step.records:
            note = chart.node(f"{step_anchor(step.id)}-records")
            assert note.bounds.x0 >= node.bounds.x1 and note.bounds.beside(node.bounds), step.id


def test_chinese_text_fits_inside_its_shape(case: tuple[Process, Chart]) -> None:
    """A full-width glyph of Noto Sans CJK is exactly 1 em: wide-only lines are measurable here."""
    _, chart = case
    for node in chart.nodes.values():
        for text in node.group.iter(SVG + "text"):
            content = text.text or ""
            if not content.strip() or not all(unicodedata.east_asian_width(ch) in "WF" for ch in content):
                continue
            width = len(content) * float(text.get("font-size", "0"))
            x = float(text.get("x", "0"))
            left = x - width / 2 if text.get("text-anchor") == "middle" else x
            assert node.bounds.x0 - 1 <= left and left + width <= node.bounds.x1 + 1, (node.id, content)


# ── The complaint chart: what a quality manager looks for ────────────────────


def test_three_way_decision_has_three_labelled_exits(complaint: tuple[Process, Chart]) -> None:
    _, chart = complaint
    exits = {squeeze("".join(e.texts)) for e in chart.edges if e.tail == chart.step("3.7").name}
    assert exits == {"让步", "返工", "退货"}


def test_each_exit_of_the_three_way_decision_leaves_from_its_own_corner(complaint: tuple[Process, Chart]) -> None:
    _, chart = complaint
    starts = {(round(e.start[0]), round(e.start[1])) for e in chart.edges if e.tail == chart.step("3.7").name}
    assert len(starts) == 3


def test_loop_backs_are_drawn_upward(complaint: tuple[Process, Chart]) -> None:
    _, chart = complaint
    for tail, head in [("1.5", "1.2"), ("3.14", "3.11")]:
        (edge,) = chart.edges_between(tail, head)
        assert "back" in edge.classes and edge.end[1] < edge.start[1]


def test_subprocess_is_a_double_barred_box_linking_to_its_page(complaint: tuple[Process, Chart]) -> None:
    _, chart = complaint
    node = chart.step("3.17")
    assert node.href == "pp-01.html"
    bars = [p for p in node.group.iter(SVG + "polygon") if p.get("stroke") not in (None, "transparent")]
    assert len(bars) == 4  # the frame and three cells: a narrow bar on each side of the name
    assert chart.step("3.18").href == step_href("3.18")  # unknown process: the step's own row


def test_key_steps_control_points_and_systems_are_marked(complaint: tuple[Process, Chart]) -> None:
    process, chart = complaint
    for step in process.steps:
        node = chart.step(step.id)
        widths = {p.get("stroke-width") for p in node.group.iter(SVG + "polygon")}
        assert ("key" in node.classes) == step.key == ("★" in node.texts), step.id
        assert ("2.4" in widths) == step.key, step.id
        assert ("控" in node.texts) == (step.control is not None) == ("control-point" in node.classes), step.id
        assert (f"[{step.system}]" in node.texts) if step.system else not any("[" in t for t in node.texts)
    legend = "".join(chart.node("legend").texts)
    assert "关键环节" in legend and "控制点" in legend and "信息系统" in legend and "应急处理路径" in legend


def test_emergency_path_is_red_and_dashed(complaint: tuple[Process, Chart]) -> None:
    process, chart = complaint
    emergency = {"9.1", "9.2"}
    for step in process.steps:
        node = chart.step(step.id)
        dashed = any(e.get("stroke-dasharray") for e in node.group.iter() if e.tag in (SVG + "polygon", SVG + "path"))
        assert ("emergency" in node.classes) == dashed == (step.id in emergency), step.id
    edge = chart.edges_between("9.1", "9.2")[0]
    assert edge.dashed and edge.stroke == diagram.RED and "emergency" in edge.classes
    assert not chart.edges_between("3.16", "4.1")[0].dashed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (COMPLAINT, {"9.1", "9.2"}),  # 9.2 leads on to 4.1, which the normal flow reaches too
        (ENGLISH, set()),
        (ENGLISH + 'emergencies:\n  - {id: E1, when: Fire, handler: "3"}\n', set()),  # a normal step handles it
    ],
    ids=["complaint", "none", "handled-by-a-normal-step"],
)
def test_emergency_only_steps_are_those_only_a_handler_reaches(text: str, expected: set[str]) -> None:
    assert graph.emergency_only(load(text)) == expected


def test_loop_backs_are_depth_first_back_edges_from_the_entry_points() -> None:
    assert graph.loop_backs(load(COMPLAINT)) == {("1.5", "1.2"), ("3.14", "3.11")}
    for name, text in CASES.items():
        process = load(text)
        assert graph.loop_backs(process) == back_edges(process), name


def test_long_chinese_names_wrap_at_eleven_characters(complaint: tuple[Process, Chart]) -> None:
    _, chart = complaint
    lines = [t for t in chart.step("4.1").texts if len(t) > 3]
    assert "".join(lines) == "汇总投诉信息并编写投诉处理报告提交技质科科长审核"
    assert len(lines) == 3 and max(len(line) for line in lines) <= 11


def corners_of(node: Node) -> set[tuple[float, float]]:
    """The distinct corners of the node's outline."""
    outline = next((e for e in node.group.iter() if e.tag in (SVG + "polygon", SVG + "path")), None)
    assert outline is not None, node.id
    return set(points_of(outline))


def is_diamond(node: Node) -> bool:
    """Four corners, at the middles of the bounding box's sides."""
    b = node.bounds
    middle = ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
    expected = {(middle[0], b.y0), (b.x1, middle[1]), (middle[0], b.y1), (b.x0, middle[1])}
    found = corners_of(node)
    return len(found) == 4 and all(any(abs(x - p) < 1 and abs(y - q) < 1 for x, y in found) for p, q in expected)


def test_a_split_is_a_diamond_with_a_plus_right_after_its_step(service: tuple[Process, Chart]) -> None:
    _, chart = service
    splits = {s.id: s for s in chart.splits()}
    assert sorted(splits) == [f"{step_anchor('10')}-split-0", f"{step_anchor('4')}-split-0"]
    for split in splits.values():
        assert is_diamond(split) and split.texts == ["+"], split.id
    def outs(node: Node) -> list[str]:
        return sorted(chart.nodes[e.head].id for e in chart.edges if e.tail == node.name)
    after_decision, after_handover = splits[f"{step_anchor('4')}-split-0"], splits[f"{step_anchor('10')}-split-0"]
    assert outs(after_decision) == sorted([step_anchor("5"), step_anchor("6")])
    assert outs(after_handover) == sorted([step_anchor("11"), step_anchor("12")])
    into = [e for e in chart.edges if e.head == after_decision.name]
    assert [(chart.nodes[e.tail].id, squeeze("".join(e.texts))) for e in into] == [(step_anchor("4"), "同意")]
    into = [e for e in chart.edges if e.head == after_handover.name]
    assert [(chart.nodes[e.tail].id, e.texts) for e in into] == [(step_anchor("10"), [])]


def test_a_join_is_a_diamond_with_a_plus_that_every_parallel_path_enters(service: tuple[Process, Chart]) -> None:
    _, chart = service
    for join, paths in (("7", ["5", "6"]), ("13", ["11", "12"])):
        node = chart.step(join)
        assert is_diamond(node) and "+" in node.texts and "step-join" in node.classes
        entering = sorted(chart.nodes[e.tail].id for e in chart.edges if e.head == node.name)
        assert entering == sorted(step_anchor(p) for p in paths)


def test_alternative_starts_are_terminators_showing_their_triggers(service: tuple[Process, Chart]) -> None:
    process, chart = service
    for step in (s for s in process.steps if s.type == "start"):
        node = chart.step(step.id)
        assert "step-start" in node.classes and len(corners_of(node)) > 4  # rounded: more than four corners
        assert squeeze(f"触发：{step.trigger}") in squeeze("".join(node.texts)), step.id


def test_the_legend_explains_the_parallel_symbol(drawn: dict[str, tuple[Process, Chart, Drawing]]) -> None:
    expected = {"complaint": "并行分支与汇合（菱形内加号）", "english": "Parallel split and join (diamond with +)"}
    for case, words in expected.items():
        _, chart = chart_for(drawn, case)
        legend = chart.node("legend")
        assert squeeze(words) in squeeze("".join(legend.texts)) and "+" in legend.texts


def test_english_chart_has_english_legend(drawn: dict[str, tuple[Process, Chart, Drawing]]) -> None:
    _, chart = chart_for(drawn, "english")
    legend = "".join(chart.node("legend").texts)
    assert "Key step" in legend and "Control point" in legend and "关键" not in legend
    assert chart.step("2").texts[1:] == ["Register and dispatch", "the repair request", "[ServiceNow]"]


# ── Escaping, determinism, Graphviz itself ────────────────────────────────────


def test_user_text_shows_literally_and_adds_no_element() -> None:
    nasty = parse(render(load(nasty_text(NASTY))).svg)
    plain = parse(render(load(nasty_text([re.sub(r"[^\s/-]", "x", n) for n in NASTY]))).svg)
    assert Counter(e.tag for e in nasty.root.iter()) == Counter(e.tag for e in plain.root.iter())
    assert {e.tag.removeprefix(SVG) for e in nasty.root.iter()} <= DRAWN_TAGS
    assert not any(k.startswith("on") for e in nasty.root.iter() for k in e.attrib)
    for step_id, name in [("1", NASTY[0]), ("2", NASTY[1]), ("3", NASTY[3]), ("4", NASTY[6])]:
        node = nasty.step(step_id)
        assert squeeze(name) in squeeze("".join(node.texts)), name
        assert node.tooltip is not None and node.tooltip.startswith(f"{step_id} {name}")
    assert nasty.step("2").tooltip == f"2 {NASTY[1]}\n{NASTY[2]}"
    assert squeeze(f"触发：{NASTY[5]}") in squeeze("".join(nasty.step("1").texts))
    headers = ["".join(n.texts) for n in nasty.nodes.values() if "lane-header" in n.classes]
    assert headers == [NASTY[1], NASTY[2]]
    labels = {squeeze("".join(e.texts)) for e in nasty.edges if e.texts}
    assert labels == {squeeze(NASTY[4]), squeeze(NASTY[5])}
    assert "".join(nasty.node("step-2-documents").texts) == NASTY[4]
    assert nasty.node("step-2-records").texts == ["&lt;b&gt;", "& c"]  # wrapped at the space, no word cut
    assert squeeze(f"[{NASTY[6]}]") in squeeze("".join(nasty.step("2").texts))
    (phase,) = [n for n in nasty.nodes.values() if "phase-label" in n.classes]
    assert squeeze("".join(phase.texts)) == squeeze(f"1{NASTY[3]}")


def test_quoted_and_html_escape_every_special_character() -> None:
    assert quoted('x\\l"y') == '"x\\\\l\\"y"'
    assert quoted("a & &lt;\nb") == '"a &amp; &amp;lt;\\nb"'
    assert quoted("bell\x07") == '"bell\ufffd"'
    assert html('<script>"a" & b</script>') == "&lt;script&gt;&quot;a&quot; &amp; b&lt;/script&gt;"
    assert html("a|b {x}\nnext\\l") == "a|b {x} next\\\\l"  # labels are read for escapes (\\N, \\G) too
    assert quoted("\\N", rounds=2) == '"\\\\\\\\N"'  # tooltips are read twice


@pytest.mark.parametrize(
    ("text", "columns", "lines"),
    [
        ("客户投诉管理制度", 10, ["客户投诉", "管理制度"]),
        ("汇总投诉信息并编写投诉处理报告", 22, ["汇总投诉信息并编", "写投诉处理报告"]),
        ("Register and dispatch the repair request", 22, ["Register and dispatch", "the repair request"]),
        ("<script>alert(1)</script>", 22, ["<script>alert(1)</", "script>"]),
        ("现场能否解决？", 12, ["现场能否解决？"]),
        ("录入ERP系统", 22, ["录入ERP系统"]),
        ("one\ntwo", 22, ["one", "two"]),
    ],
)
def test_wrap_by_display_width(text: str, columns: int, lines: list[str]) -> None:
    assert wrap(text, columns) == lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Satisfaction Survey Questionnaire", ["Satisfaction", "Survey", "Questionnaire"]),
        ("After-Sales Service Procedure", ["After-", "Sales", "Service", "Procedure"]),  # a hyphen may end a line
        ("Internationalization", ["Internationalization"]),  # an ASCII token is never cut
        ("客户质量反馈记录表", ["客户质量反", "馈记录表"]),  # Chinese is not made of words
        ("asfi511/asfi512", ["asfi511/", "asfi512"]),  # a transaction code breaks after its slash only
        ("交付车辆并发放告知书（客户签字确认）", ["交付车辆并", "发放告知书", "（客户签字", "确认）"]),
        ("全过程，统一得到闭环", ["全过程，统", "一得到闭环"]),  # evened out
    ],
)
def test_wrap_keeps_ascii_tokens_whole(text: str, lines: list[str]) -> None:
    assert wrap(text, 10) == lines


LINE_BREAKING = [
    "在ERP中用事务asfi511/asfi512过账", "交付车辆并发放告知书（客户签字确认）", "发放交车告知书（",
    "质量投诉处理全过程，统一得到闭环处理。", "按《客户质量反馈记录表》登记（OA）",
    "Register in SAP (MIGO/MB1C) and file it",
    "After-Sales Service: check the car, then call the customer.", "录入“维修委托书”并打印【一式两份】",
]


@pytest.mark.parametrize("text", LINE_BREAKING)
@pytest.mark.parametrize("columns", range(6, 25))
def test_wrap_follows_the_chinese_line_breaking_rules(text: str, columns: int) -> None:
    """Every width: no ASCII token cut but after / or -, no closing mark opening a line,
    no opening bracket ending one."""
    lines = wrap(text, columns)
    assert " ".join(lines).replace(" ", "") == text.replace(" ", "")
    at = 0
    for before, after in pairwise(lines):
        assert before[-1] not in "（《「『【“‘([", (lines, "an opening bracket ends a line")
        assert after[0] not in "，。、；：？！）》」』】”’,.;:?!)]", (lines, "a closing mark starts a line")
        at = text.index(before, at) + len(before)
        if before[-1].isascii() and after[0].isascii() and text[at] != " ":
            assert before[-1] in "/-", (lines, "an ASCII token is cut")


def test_drawing_twice_gives_identical_bytes() -> None:
    process = load(COMPLAINT)
    assert render(process).svg == render(process).svg
    first, second = png_of(render(process))[0], png_of(render(process))[0]
    assert first == second and first.startswith(b"\x89PNG\r\n\x1a\n")


def test_graphviz_time_is_measured() -> None:
    started = time.perf_counter()
    drawing = render(load(ENGLISH), "en")
    assert 0 < drawing.dot_seconds <= time.perf_counter() - started
    png, seconds = png_of(drawing)
    assert png.startswith(b"\x89PNG") and seconds > 0


def test_a_sketch_made_earlier_draws_the_same_chart() -> None:
    process = load(COMPLAINT)
    early = diagram.sketch(process, lang="zh")
    drawing = draw(process, lang="zh", process_href=process_href, step_href=step_href, sketched=early)
    assert drawing.svg == render(process).svg and drawing.dot_seconds >= early.dot_seconds > 0


def test_missing_graphviz_is_a_render_error_naming_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UserError) as caught:
        render(load(ENGLISH), "en")
    assert caught.value.message == (
        "Graphviz is not installed: install the `graphviz` OS package (Debian/Ubuntu: apt-get install graphviz)"
    )


def test_steps_without_a_known_lane_or_phase_are_still_drawn() -> None:
    text = ENGLISH.replace("lane: engineer, next", "lane: nowhere, next").replace(
        "lanes:", "phases:\n  - {id: only, name: Only}\nlanes:"
    )
    process = load(text)
    chart = parse(render(process, "en").svg)
    assert [lane_id for lane_id, _ in chart.lanes][-1] == f"lane-{slug('?')}"
    assert chart.step("3").bounds.inside(chart.lanes[-1][1])
