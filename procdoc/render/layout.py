"""Where things go in a swimlane chart: lanes as columns, phases as bands, lines between.

dot alone does not keep lane clusters in the declared order (RENDERING.md),
so placing takes two steps. Pass 1 asks `dot -Tjson0` to measure every shape
with the real font and to rank the flow, with invisible anchors between
phases so each phase gets ranks of its own, and loop-backs left out of the
ranking so that only they point up. Then the lanes become equal columns in
declared order, each lane's shapes keeping the offsets dot gave them inside
their cluster, and the lines are routed orthogonally around the shapes.

How shapes look is the caller's business: it hands in each shape's DOT
attributes, so what is measured here is exactly what gets drawn.

Coordinates are points with y growing downward, origin at the top left.
DOT node names: step `s{i}` (i: index in `process.steps`), its documents
`d{i}` and records `r{i}`, lane headers `lane{k}`, phase names `phase{k}`,
`legend`, line labels `x{j}` (j: index in `Plan.flows`), phase anchors `b{k}`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

from procdoc.model import Lane, Phase, Process, Step

Runner = Callable[[str, str, str], bytes]
"""Runs a Graphviz engine: (engine, output format, DOT source) → output."""

UNASSIGNED = Lane(id="?", name="?")
"""The column for steps whose lane is missing or unknown (a check reports them)."""

LANE_PAD = 16.0  # free margin inside each lane border: lines run there
BODY_PAD = 18.0  # between the header band and the first row, and below the last
LEGEND_GAP = 24.0
HEADER_INSET = 10.0  # lane headers do not touch: Graphviz routes nothing between touching shapes
SIDE_GAP = 16.0  # between a step and its document or record note (dot's nodesep)
BODY_KINDS = ("step", "documents", "records")

Point = tuple[float, float]
TRACK = 5.0  # between parallel lines sharing a gap
CLEARANCE = 3.0  # how close a line may pass a shape
ARROW_ROOM = 10.0  # a line's last segment must be longer than its arrowhead


@dataclass(frozen=True)
class Flow:
    """A line between two shapes. `kind`: flow (step to step), document, record.

    `back` marks a loop-back (a DFS back edge from the entry points), the
    only lines allowed to point upward. `ranked` is false for lines left out
    of the ranking: loop-backs, and lines into an earlier phase.
    """

    tail: str
    head: str
    kind: str
    label: str | None = None
    back: bool = False
    ranked: bool = True


@dataclass(frozen=True)
class Shape:
    """One node. `kind`: step, documents, records, header, phase, legend, or label:
    the text of `flow`, measured like a node and drawn on its line."""

    name: str
    kind: str
    step: Step | None = None
    lane: int | None = None
    phase: int | None = None
    flow: Flow | None = None


@dataclass(frozen=True)
class Plan:
    """What the chart holds, before anything is measured."""

    lanes: list[Lane]
    phases: list[Phase]
    shapes: list[Shape]
    flows: list[Flow]


@dataclass(frozen=True)
class Box:
    """A shape's centre and size."""

    x: float
    y: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.x - self.w / 2

    @property
    def right(self) -> float:
        return self.x + self.w / 2

    @property
    def top(self) -> float:
        return self.y - self.h / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Route:
    """A line's path, axis-parallel segments from its tail's port (bottom, left or
    right) to its head's border, and the box its label goes in."""

    flow: Flow
    port: str
    points: tuple[Point, ...]
    label: Box | None = None


@dataclass(frozen=True)
class Layout:
    """The final geometry: one column per lane, one band per phase, every shape, every line."""

    width: float
    height: float
    columns: list[tuple[Lane, Rect]]
    bands: list[tuple[Phase, Rect]]
    boxes: dict[str, Box]
    routes: list[Route]


# ── What the chart holds ──────────────────────────────────────────────────────


def plan(process: Process) -> Plan:
    """The shapes and lines of `process`'s chart, named for DOT."""
    lane_index = {lane.id: i for i, lane in enumerate(process.lanes)}
    phase_index = {phase.id: i for i, phase in enumerate(process.phases)}
    lanes = list(process.lanes)
    if any(step.lane not in lane_index for step in process.steps):
        lanes.append(UNASSIGNED)
    shapes: list[Shape] = []
    for i, step in enumerate(process.steps):
        lane = lane_index.get(step.lane or "", len(process.lanes))
        phase = phase_index.get(step.phase or "")
        shapes.append(Shape(f"s{i}", "step", step, lane, phase))
        shapes += [Shape(f"{kind[0]}{i}", kind, step, lane, phase) for kind in _notes(step)]
    shapes += [Shape(f"lane{i}", "header", lane=i) for i in range(len(lanes))]
    shapes += [Shape(f"phase{i}", "phase", phase=i) for i in range(len(process.phases))]
    shapes.append(Shape("legend", "legend"))
    flows = _flows(process, shapes)
    shapes += [Shape(f"x{j}", "label", flow=flow) for j, flow in enumerate(flows) if flow.label]
    return Plan(lanes, list(process.phases), shapes, flows)


def _notes(step: Step) -> list[str]:
    return [kind for kind, ids in (("documents", step.documents), ("records", step.records)) if ids]


def _flows(process: Process, shapes: list[Shape]) -> list[Flow]:
    """Each step's note links and exits; exits to unknown steps are a check's business."""
    node: dict[str, str] = {}
    phase: dict[str, int | None] = {}
    for shape in shapes:
        if shape.kind == "step" and shape.step is not None:
            node.setdefault(shape.step.id, shape.name)
            phase[shape.name] = shape.phase
    back = _back_edges(process, node)
    flows: list[Flow] = []
    for i, step in enumerate(process.steps):
        tail = f"s{i}"
        flows += [Flow(f"d{i}", tail, "document")] if step.documents else []
        flows += [Flow(tail, f"r{i}", "record")] if step.records else []
        for label, target, _ in step.exits():
            if target in node:
                head, loop = node[target], (step.id, target) in back
                flows.append(Flow(tail, head, "flow", label, loop, not (loop or _earlier(phase[head], phase[tail]))))
    return flows


def _earlier(phase: int | None, than: int | None) -> bool:
    return phase is not None and than is not None and phase < than


def _back_edges(process: Process, known: Mapping[str, str]) -> set[tuple[str, str]]:
    """Exits that close a loop: DFS back edges from the starts, then the emergency handlers,
    then whatever is left, following exits in written order (the same result every run)."""
    edges = {sid: [t for _, t, _ in process.step_by_id[sid].exits() if t in known] for sid in known}
    handlers = [e.handler for e in process.emergencies or [] if e.handler is not None and e.handler in known]
    roots = [s.id for s in process.steps if s.type == "start"] + handlers + list(known)
    on_stack: set[str] = set()
    seen: set[str] = set()
    back: set[tuple[str, str]] = set()
    for root in (r for r in roots if r not in seen):
        seen.add(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is None:
                on_stack.discard(node)
                work.pop()
            elif target in on_stack:
                back.add((node, target))
            elif target not in seen:
                seen.add(target)
                on_stack.add(target)
                work.append((target, iter(edges[target])))
    return back


# ── Pass 1: dot measures and ranks ────────────────────────────────────────────


def place(chart: Plan, attrs: Mapping[str, str], run: Runner) -> Layout:
    """Measure and rank with dot (one run), then lay the chart out in declared order.

    `attrs[name]` is the text inside a shape's DOT `[...]`.
    """
    return _arrange(chart, _read_json(run("dot", "json0", _ranking_source(chart, attrs))))


def _ranking_source(chart: Plan, attrs: Mapping[str, str]) -> str:
    """One cluster per lane, a step's notes on its rank; everything else only to be measured."""
    lines = ["digraph procdoc {", "graph [newrank=true, nodesep=0.22, ranksep=0.45];"]
    for i in range(len(chart.lanes)):
        members = [s for s in chart.shapes if s.lane == i and s.kind in BODY_KINDS]
        lines += [f"subgraph cluster_{i} {{", *(f"{s.name} [{attrs[s.name]}];" for s in members)]
        lines += [_same_rank(s) for s in members if s.kind == "step" and s.step and _notes(s.step)]
        lines.append("}")
    measured_only = [s.name for s in chart.shapes if s.kind not in BODY_KINDS]
    lines += [f"{name} [{attrs[name]}];" for name in measured_only]
    lines.append("{rank=min; " + "; ".join(measured_only) + ";}")
    lines += _phase_anchors(chart)
    lane = {s.name: s.lane for s in chart.shapes if s.kind == "step"}
    for flow in chart.flows:
        if flow.kind != "flow":
            lines.append(f"{flow.tail} -> {flow.head};")
        else:  # heavier inside a lane, so that a lane's chain of steps stays straight
            weight = 8 if lane[flow.tail] == lane[flow.head] else 1
            lines.append(f"{flow.tail} -> {flow.head} [weight={weight}{'' if flow.ranked else ', constraint=false'}];")
    lines.append("}")
    return "\n".join(lines)


def _same_rank(step: Shape) -> str:
    index = step.name[1:]
    notes = [f"{kind[0]}{index}" for kind in _notes(step.step)] if step.step else []
    return "{rank=same; " + "; ".join([*notes, step.name]) + ";}"


def _phase_anchors(chart: Plan) -> list[str]:
    """An invisible point between consecutive phases: below every step of one, above the next's."""
    lines = []
    for k in range(1, len(chart.phases)):
        lines.append(f'b{k} [shape=point, width=0, height=0, style=invis, label=""];')
        if k > 1:
            lines.append(f"b{k - 1} -> b{k} [style=invis, weight=0];")
    for s in chart.shapes:
        if s.kind == "step" and s.phase is not None:
            if s.phase > 0:
                lines.append(f"b{s.phase} -> {s.name} [style=invis, weight=0];")
            if s.phase < len(chart.phases) - 1:
                lines.append(f"{s.name} -> b{s.phase + 1} [style=invis, weight=0];")
    return lines


def _read_json(output: bytes) -> dict[str, Box]:
    """Node name → box, in points with y downward, from dot's json0 output."""
    graph = json.loads(output)
    height = float(graph["bb"].split(",")[3])
    boxes = {}
    for obj in graph.get("objects", []):
        if "pos" in obj:
            x, y = (float(v) for v in obj["pos"].split(","))
            boxes[obj["name"]] = Box(x, height - y, float(obj["width"]) * 72, float(obj["height"]) * 72)
    return boxes


# ── Columns, bands and boxes ──────────────────────────────────────────────────


@dataclass(frozen=True)
class _Frame:
    """The grid: a gutter for phase names, equal lane columns, a header band on top."""

    gutter: float
    lane_width: float
    header: float
    lanes: int

    def left(self, lane: int) -> float:
        return self.gutter + lane * self.lane_width

    @property
    def right(self) -> float:
        return self.left(self.lanes)


def _arrange(chart: Plan, measured: dict[str, Box]) -> Layout:
    body = [s for s in chart.shapes if s.kind in BODY_KINDS]
    measured = {**measured, **_beside(body, measured)}
    extents = _lane_extents(body, measured, len(chart.lanes))
    frame = _frame(chart, measured, extents)
    shift_y = frame.header + BODY_PAD - min((measured[s.name].top for s in body), default=0.0)
    boxes = {s.name: _in_column(s, measured[s.name], extents, frame, shift_y) for s in body}
    bottom = max((b.bottom for b in boxes.values()), default=frame.header) + BODY_PAD
    columns = [(lane, Rect(frame.left(i), 0, frame.left(i + 1), bottom)) for i, lane in enumerate(chart.lanes)]
    cuts = [frame.header] + [measured[f"b{k}"].y + shift_y for k in range(1, len(chart.phases))] + [bottom]
    bands = [(phase, Rect(0, cuts[i], frame.right, cuts[i + 1])) for i, phase in enumerate(chart.phases)]
    boxes.update(_furniture(chart, measured, frame, bands, bottom))
    routes = _route_all(chart, boxes, body, frame, bottom, measured)
    legend = boxes["legend"]
    return Layout(max(frame.right, legend.right), legend.bottom, columns, bands, boxes, routes)


def _beside(body: list[Shape], measured: dict[str, Box]) -> dict[str, Box]:
    """Documents right before and records right after their step, whatever order dot chose.

    dot does not always keep the order of flat edges inside clusters. A step
    and its notes form a unit; a row's units keep dot's order, and a step
    keeps dot's x unless the unit before it needs the room.
    """
    names = {s.name for s in body}
    rows: dict[tuple[int, float], list[str]] = {}
    for shape in body:
        if shape.kind == "step":
            rows.setdefault((shape.lane or 0, measured[shape.name].y), []).append(shape.name)
    placed: dict[str, Box] = {}
    for steps in rows.values():
        cursor = float("-inf")
        for step in sorted(steps, key=lambda name: measured[name].x):
            unit = [n for n in (f"d{step[1:]}", step, f"r{step[1:]}") if n in names]
            before = sum(measured[n].w + SIDE_GAP for n in unit[: unit.index(step)])
            x = max(measured[step].left - before, cursor)
            for name in unit:
                box = measured[name]
                placed[name] = Box(x + box.w / 2, box.y, box.w, box.h)
                x += box.w + SIDE_GAP
            cursor = x
    return placed


def _lane_extents(body: list[Shape], measured: dict[str, Box], count: int) -> list[tuple[float, float]]:
    """Each lane's left and right edge in dot's drawing; (0, 0) for an empty lane."""
    extents: list[tuple[float, float] | None] = [None] * count
    for s in body:
        box, lane = measured[s.name], s.lane or 0
        seen = extents[lane]
        extents[lane] = (box.left, box.right) if seen is None else (min(seen[0], box.left), max(seen[1], box.right))
    return [extent or (0.0, 0.0) for extent in extents]


def _frame(chart: Plan, measured: dict[str, Box], extents: list[tuple[float, float]]) -> _Frame:
    """Lanes as wide as the widest lane's content or header; the gutter as the widest phase name."""
    headers = [measured[s.name] for s in chart.shapes if s.kind == "header"]
    labels = [measured[s.name] for s in chart.shapes if s.kind == "phase"]
    content = [right - left for left, right in extents] + [h.w + HEADER_INSET for h in headers]
    gutter = max((b.w for b in labels), default=0.0) + (2 * LANE_PAD if labels else 0.0)
    header = max((h.h for h in headers), default=0.0) + HEADER_INSET
    return _Frame(gutter, max(content, default=0.0) + 2 * LANE_PAD, header, len(chart.lanes))


def _in_column(shape: Shape, box: Box, extents: list[tuple[float, float]], frame: _Frame, shift_y: float) -> Box:
    """The box moved into its lane's column: the lane's content centred, dot's offsets kept."""
    lane = shape.lane or 0
    left, right = extents[lane]
    x0 = frame.left(lane) + (frame.lane_width - (right - left)) / 2
    return Box(x0 + box.x - left, box.y + shift_y, box.w, box.h)


def _furniture(
    chart: Plan, measured: dict[str, Box], frame: _Frame, bands: list[tuple[Phase, Rect]], bottom: float
) -> dict[str, Box]:
    """Lane headers across the top, phase names in the gutter, the legend below."""
    width, height = frame.lane_width - HEADER_INSET, frame.header - HEADER_INSET
    boxes = {
        f"lane{i}": Box(frame.left(i) + frame.lane_width / 2, frame.header / 2, width, height)
        for i in range(len(chart.lanes))
    }
    for i, (_, band) in enumerate(bands):
        label = measured[f"phase{i}"]
        boxes[f"phase{i}"] = Box(frame.gutter / 2, (band.y0 + band.y1) / 2, label.w, label.h)
    legend = measured["legend"]
    boxes["legend"] = Box(legend.w / 2, bottom + LEGEND_GAP + legend.h / 2, legend.w, legend.h)
    return boxes


# ── Lines ─────────────────────────────────────────────────────────────────────


def _route_all(
    chart: Plan, boxes: dict[str, Box], body: list[Shape], frame: _Frame, bottom: float, measured: dict[str, Box]
) -> list[Route]:
    """Every line routed in written order, then every label placed beside its line."""
    diamonds = {s.name for s in body if s.kind == "step" and s.step is not None and s.step.type == "decision"}
    router = _Router(boxes, [(s.name, _blocking(s, boxes[s.name])) for s in body], diamonds, frame, bottom)
    paths = [router.route(flow, port) for flow, port in zip(chart.flows, _ports(chart, boxes), strict=True)]
    sizes = {s.flow: measured[s.name] for s in chart.shapes if s.kind == "label"}
    return [
        Route(flow, port, points, router.label(j, sizes[flow]) if flow in sizes else None)
        for j, (flow, (port, points)) in enumerate(zip(chart.flows, paths, strict=True))
    ]


def _blocking(shape: Shape, box: Box) -> Box:
    """The room a shape keeps lines out of: a note also covers the gap to its step."""
    if shape.kind == "documents":
        return Box(box.x + SIDE_GAP / 2, box.y, box.w + SIDE_GAP, box.h)
    if shape.kind == "records":
        return Box(box.x - SIDE_GAP / 2, box.y, box.w + SIDE_GAP, box.h)
    return box


def _ports(chart: Plan, boxes: Mapping[str, Box]) -> list[str]:
    """Where each line leaves its shape; a decision's exits each take their own corner if they can.

    The exit furthest left takes the left corner, the one furthest right the
    right corner. Of the exits left at the bottom, the forward one going most
    nearly straight down keeps it, and the others move to a free side corner.
    A corner is not free where a document or record note sits.
    """
    decisions = {s.name for s in chart.shapes if s.kind == "step" and s.step and s.step.type == "decision"}
    ports = ["bottom" if f.kind == "flow" else "side" for f in chart.flows]
    blocked = {(f.head, "left") for f in chart.flows if f.kind == "document"}
    blocked |= {(f.tail, "right") for f in chart.flows if f.kind == "record"}
    exits: dict[str, list[int]] = {}
    for j, flow in enumerate(chart.flows):
        if flow.kind == "flow" and flow.tail in decisions:
            exits.setdefault(flow.tail, []).append(j)
    for tail, indices in exits.items():
        shift = {j: boxes[chart.flows[j].head].x - boxes[tail].x for j in indices}
        free = [side for side in ("left", "right") if (tail, side) not in blocked]
        ordered = sorted(indices, key=lambda j: (shift[j], j))
        for j, side, wanted in ((ordered[0], "left", shift[ordered[0]] < -TRACK),
                                (ordered[-1], "right", shift[ordered[-1]] > TRACK)):
            if wanted and side in free and ports[j] == "bottom":
                ports[j] = side
                free.remove(side)
        bottom = [j for j in indices if ports[j] == "bottom"]
        keep = min(bottom, key=lambda j: (chart.flows[j].back, abs(shift[j]), j), default=None)
        for j, side in zip((j for j in bottom if j != keep), free, strict=False):
            ports[j] = side
    return ports


class _Router:
    """Orthogonal lines that avoid every shape, the way flowcharts are drawn by hand.

    Shapes sit in rows (dot's ranks) inside columns (lanes), so the gaps
    between rows are free of shapes, and so are the margins at lane borders:
    a line can always go down into the gap below its tail, along it to a
    free vertical, up or down that, and along the gap above its head into
    the head's top. Simpler paths are tried first; the first that touches
    no shape and runs along no other line wins. Lines sharing a gap get
    parallel tracks.
    """

    def __init__(
        self, boxes: dict[str, Box], obstacles: list[tuple[str, Box]], diamonds: set[str], frame: _Frame, bottom: float
    ) -> None:
        self.boxes = boxes
        self.diamonds = diamonds
        self.frame = frame
        self.obstacles: _Grid[tuple[str, Box]] = _Grid()
        for name, box in obstacles:
            self.obstacles.add((name, box), box.left, box.top, box.right, box.bottom)
        self.gaps = _gaps([box for _, box in obstacles], frame.header, bottom)
        self.taken: _Grid[tuple[bool, float, float, float]] = _Grid()  # (horizontal, at, from, to)
        self.lines: _Grid[tuple[int, Point, Point]] = _Grid()  # (path index, segment)
        self.labels: _Grid[Box] = _Grid()
        self.paths: list[list[Point]] = []
        margins = [frame.left(i) + side * 1.2 * TRACK for i in range(frame.lanes + 1) for side in (-1, 1)]
        beside = [x for _, b in obstacles for x in (b.left - 2.5 * TRACK, b.right + 2.5 * TRACK)]
        low, high = frame.gutter + CLEARANCE, frame.right - CLEARANCE
        self.verticals = sorted({round(x, 2) for x in margins + beside if low <= x <= high})

    def route(self, flow: Flow, port: str) -> tuple[str, tuple[Point, ...]]:
        """The port the line leaves from and its path, remembered for the lines after it."""
        tail, head = self.boxes[flow.tail], self.boxes[flow.head]
        if flow.kind != "flow":
            self._take([(tail.right, head.y), (head.left, head.y)])
            return port, tuple(self.paths[-1])
        fallback: tuple[str, list[Point]] | None = None
        for candidate in self._candidates(flow, port):
            avoids, alone = self._clear(candidate[1], flow)
            if avoids and alone:
                chosen = candidate
                break
            fallback = fallback or (candidate if avoids else None)
        else:
            chosen = fallback or candidate
        self._take(chosen[1])
        return chosen[0], tuple(chosen[1])

    def label(self, index: int, size: Box) -> Box:
        """A spot beside the first segment of line `index` long enough to hold the label,
        covering no shape and no other label and, if there is such a spot, no other line."""
        first: Box | None = None
        for spot in _label_spots(self.paths[index], size.w, size.h):
            area = (spot.left, spot.top, spot.right, spot.bottom)
            if any(_overlap(spot, b) for b in self.labels.near(*area)) or any(
                _overlap(spot, b) for _, b in self.obstacles.near(*area)
            ):
                continue
            first = first or spot
            if not any(i != index and _crosses(p, q, spot, 0.0) for i, p, q in self.lines.near(*area)):
                first = spot
                break
        x, y = self.paths[index][0]
        chosen = first or Box(x, y, size.w, size.h)
        self.labels.add(chosen, chosen.left, chosen.top, chosen.right, chosen.bottom)
        return chosen

    def _candidates(self, flow: Flow, port: str) -> Iterator[tuple[str, list[Point]]]:
        """Paths from the tail to the head, simplest first; the last ones always exist.

        A forward line comes down into the head's top; a loop-back goes up
        beside the flow and comes in from the head's side, so it does not
        merge with the lines that enter from above.
        """
        tail, head = self.boxes[flow.tail], self.boxes[flow.head]
        downward = self._gap_below(tail)[1] <= head.top
        beside = flow.tail != flow.head  # a step looping to itself comes back in from the top
        if port != "bottom":
            corner = _port(tail, port)
            yield from ((port, p) for p in self._from_corner(tail, head, corner, downward, beside))
        start = (tail.x, tail.bottom)
        if downward:
            yield from (("bottom", p) for p in self._down(tail, head, flow))
        elif beside:
            y = self._track(self._gap_below(tail), tail.x, tail.x)
            for x, entry in self._side_entries(tail, head, lambda x: True):
                yield "bottom", [start, (tail.x, y), (x, y), (x, head.y), entry]
        for x in self._verticals(tail, head, lambda x: True):
            y_out, y_in = self._track(self._gap_below(tail), tail.x, x), self._track(self._gap_above(head), x, head.x)
            yield "bottom", [start, (tail.x, y_out), (x, y_out), (x, y_in), (head.x, y_in), (head.x, head.top)]

    def _from_corner(
        self, tail: Box, head: Box, corner: Point, downward: bool, beside: bool
    ) -> Iterator[list[Point]]:
        """Out of a decision's side corner: across and down, or out, up and into the head's side."""
        sign = -1 if corner[0] < tail.x else 1

        def beyond(x: float) -> bool:
            return (x - corner[0]) * sign > TRACK

        end = (head.x, head.top)
        if downward:
            if beyond(head.x):
                yield [corner, (head.x, tail.y), end]
            out, y = corner[0] + sign * 2 * TRACK, self._track(self._gap_below(tail), corner[0], head.x)
            yield [corner, (out, tail.y), (out, y), (head.x, y), end]
        elif beside:
            for x, entry in self._side_entries(tail, head, beyond):
                yield [corner, (x, tail.y), (x, head.y), entry]
        for x in self._verticals(tail, head, beyond):
            y = self._track(self._gap_above(head), x, head.x)
            yield [corner, (x, tail.y), (x, y), (head.x, y), end]

    def _down(self, tail: Box, head: Box, flow: Flow) -> Iterator[list[Point]]:
        """Straight down, or down-across-down through the gap below the tail or above the head."""
        start, end = (tail.x, tail.bottom), (head.x, head.top)
        shared = _shared_x(tail, head, flow.tail in self.diamonds, flow.head in self.diamonds)
        if shared is not None:
            yield [(shared, tail.bottom), (shared, head.top)]
        for x in self._entries(head, flow.head in self.diamonds):
            y = self._track(self._gap_below(tail), tail.x, x)
            yield [start, (tail.x, y), (x, y), (x, head.top)]
        y = self._track(self._gap_above(head), tail.x, head.x)
        yield [start, (tail.x, y), (head.x, y), end]

    def _side_entries(self, tail: Box, head: Box, keep: Callable[[float], bool]) -> Iterator[tuple[float, Point]]:
        """Verticals beside the head, each with the point of the head's side it leads to."""
        for x in self._verticals(tail, head, keep):
            if x > head.right + TRACK:
                yield x, (head.right, head.y)
            elif x < head.left - TRACK:
                yield x, (head.left, head.y)

    def _entries(self, head: Box, diamond: bool) -> list[float]:
        """Where a line may come down into `head`: its middle, or off-centre into a box."""
        if diamond:
            return [head.x]
        inner = [x for x in self.verticals if _within(x, head, False)]
        return [head.x, *sorted(inner, key=lambda x: abs(x - head.x))]

    def _verticals(self, tail: Box, head: Box, keep: Callable[[float], bool]) -> list[float]:
        """Candidate x for a line's vertical run, shortest detour first."""
        return sorted((x for x in self.verticals if keep(x)), key=lambda x: abs(tail.x - x) + abs(x - head.x))

    def _gap_below(self, box: Box) -> tuple[float, float]:
        return next((g for g in self.gaps if g[0] >= box.bottom - 0.01), self.gaps[-1])

    def _gap_above(self, box: Box) -> tuple[float, float]:
        return next((g for g in reversed(self.gaps) if g[1] <= box.top + 0.01), self.gaps[0])

    def _track(self, gap: tuple[float, float], x0: float, x1: float) -> float:
        """The height nearest the gap's middle that no other line uses along [x0, x1]."""
        low, high = gap[0] + CLEARANCE, gap[1] - ARROW_ROOM
        centre, a, b = (low + high) / 2, min(x0, x1), max(x0, x1)
        for k in range(int((high - low) / TRACK) + 2):
            y = centre + (k + 1) // 2 * TRACK * (1 if k % 2 else -1)
            if low <= y <= high and not self._overlaps(True, y, a, b):
                return y
        return centre

    def _overlaps(self, horizontal: bool, at: float, a: float, b: float) -> bool:
        """Whether a line already runs along [a, b] at `at` (within most of a track)."""
        area = (a, at - TRACK, b, at + TRACK) if horizontal else (at - TRACK, a, at + TRACK, b)
        near = self.taken.near(*area)
        return any(h == horizontal and abs(t - at) < TRACK * 0.8 and f < b and a < e for h, t, f, e in near)

    def _clear(self, points: list[Point], flow: Flow) -> tuple[bool, bool]:
        """Whether no segment passes through a shape (the first may touch the tail, the
        last the head), and whether no inner segment runs along another line."""
        last = len(points) - 2
        alone = True
        for i, (p, q) in enumerate(pairwise(points)):
            skip = ({flow.tail} if i == 0 else set()) | ({flow.head} if i == last else set())
            m = CLEARANCE
            area = (min(p[0], q[0]) - m, min(p[1], q[1]) - m, max(p[0], q[0]) + m, max(p[1], q[1]) + m)
            if any(name not in skip and _crosses(p, q, box) for name, box in self.obstacles.near(*area)):
                return False, False
            horizontal = abs(p[1] - q[1]) < 0.01
            at, a, b = (p[1], p[0], q[0]) if horizontal else (p[0], p[1], q[1])
            alone = alone and not (0 < i < last and self._overlaps(horizontal, at, min(a, b), max(a, b)))
        return True, alone

    def _take(self, points: list[Point]) -> None:
        index = len(self.paths)
        self.paths.append(points)
        for (x0, y0), (x1, y1) in pairwise(points):
            horizontal = abs(y0 - y1) < 0.01
            at, a, b = (y0, x0, x1) if horizontal else (x0, y0, y1)
            area = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            self.taken.add((horizontal, at, min(a, b), max(a, b)), *area)
            self.lines.add((index, (x0, y0), (x1, y1)), *area)


T = TypeVar("T")


class _Grid(Generic[T]):
    """Things filed by the square cells their box touches, so a query sees only near ones."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[T]] = {}

    def add(self, item: T, x0: float, y0: float, x1: float, y1: float) -> None:
        for key in self._keys(x0, y0, x1, y1):
            self.cells.setdefault(key, []).append(item)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[T]:
        found = {id(item): item for key in self._keys(x0, y0, x1, y1) for item in self.cells.get(key, ())}
        return list(found.values())

    def _keys(self, x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
        c = self.CELL
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                yield i, j


def _shared_x(tail: Box, head: Box, tail_diamond: bool, head_diamond: bool) -> float | None:
    """An x where one straight vertical joins the two shapes (a diamond only at its corner)."""
    for x in [head.x] if head_diamond else [head.x, tail.x]:
        if _within(x, tail, tail_diamond) and _within(x, head, head_diamond):
            return x
    return None


def _within(x: float, box: Box, corner_only: bool) -> bool:
    """`x` lies on the middle part of the box's top or bottom edge (a diamond: exactly its corner)."""
    return abs(x - box.x) <= (0.5 if corner_only else box.w * 0.3)


def _port(box: Box, port: str) -> Point:
    if port == "left":
        return (box.left, box.y)
    if port == "right":
        return (box.right, box.y)
    return (box.x, box.bottom)


def _overlap(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def _crosses(p: Point, q: Point, box: Box, m: float = CLEARANCE) -> bool:
    """Whether the axis-parallel segment pq passes within `m` of the box."""
    x0, x1, y0, y1 = min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])
    return x0 < box.right + m and x1 > box.left - m and y0 < box.bottom + m and y1 > box.top - m


def _label_spots(points: list[Point], w: float, h: float) -> Iterator[Box]:
    """Places for a label beside each segment long enough to hold it, nearest the tail first."""
    gap = 3.0
    for (x0, y0), (x1, y1) in pairwise(points):
        if abs(y0 - y1) < 0.01 and abs(x1 - x0) >= w + 4 * gap:
            d = 1 if x1 > x0 else -1
            for x in (x0 + d * (w / 2 + 2 * gap), x1 - d * (w / 2 + 2 * gap)):
                yield from (Box(x, y0 - h / 2 - 1, w, h), Box(x, y0 + h / 2 + 1, w, h))
        elif abs(x0 - x1) < 0.01 and abs(y1 - y0) >= h + 2 * gap:
            y = y0 + (h / 2 + gap) * (1 if y1 > y0 else -1)
            yield from (Box(x0 + w / 2 + gap, y, w, h), Box(x0 - w / 2 - gap, y, w, h))


def _gaps(boxes: list[Box], top: float, bottom: float) -> list[tuple[float, float]]:
    """The horizontal strips no shape reaches into: between rows, above the first, below the last."""
    rows: list[list[float]] = []
    for box in sorted(boxes, key=lambda b: b.top):
        if rows and box.top <= rows[-1][1]:
            rows[-1][1] = max(rows[-1][1], box.bottom)
        else:
            rows.append([box.top, box.bottom])
    edges = [top] + [y for row in rows for y in row] + [bottom]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
