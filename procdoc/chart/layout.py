"""Where things go in a swimlane chart: lanes as columns, phases as bands, lines between.

dot alone does not keep lane clusters in the declared order (its crossing
minimisation swaps whole clusters), so placing takes two steps. Pass 1 asks `dot -Tjson0` to measure every shape
with the real font and to rank the flow, with invisible anchors between
phases so each phase gets ranks of its own, and loop-backs left out of the
ranking so that only they point up. Then the lanes become touching columns
in declared order, each as wide as its own content (a step with its notes
beside it, the widest row of them) or its name, each lane's shapes keeping
the offsets dot gave them inside their cluster; `routing` then draws the
lines around the shapes.

How shapes look is the caller's business: it hands in each shape's DOT
attributes, so what is measured here is exactly what gets drawn.

Coordinates are points with y growing downward, origin at the top left.
DOT node names: step `s{i}` (i: index in `process.steps`), its documents
`d{i}` and records `r{i}`, the parallel split after it `f{i}_{g}` (g: which
of its exit groups), an emergency's trigger `e{k}` (k: index in
`process.emergencies`, only when asked for), lane headers `lane{k}`, phase
names `phase{k}`, `legend`, line labels `x{j}` (j: index in `Plan.flows`), phase anchors `b{k}`.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise

from procdoc import graph
from procdoc.chart.routing import TRACK, Box, Crowded, Flow, Route, Space, route_all
from procdoc.model import Lane, Phase, Process, Step

Runner = Callable[[str, str, str], bytes]
"""Runs a Graphviz engine: (engine, output format, DOT source) → output."""

UNASSIGNED = Lane(id="?", name="?")
"""The column for steps whose lane is missing or unknown (a check reports them)."""

LANE_PAD = 12.0  # free margin inside each lane border: lines run there
MORE_ROOM = 4  # a chart whose lines found no room of their own gets up to this many more tracks per margin and gap
BODY_PAD = 18.0  # between the header band and the first row, and below the last
LEGEND_GAP = 24.0
HEADER_INSET = 10.0  # lane headers do not touch: Graphviz routes nothing between touching shapes
SIDE_GAP = 8.0  # between a step and its document or record note
ROW_GAP = 14.0  # dot's nodesep: between neighbours in a row, so one step's notes keep apart from the next step's
BODY_KINDS = ("step", "documents", "records", "fork", "emergency")
DIAMOND_STEPS = ("decision", "join")  # drawn as diamonds, like every fork: lines meet them at a corner


@dataclass(frozen=True)
class Shape:
    """One node. `kind`: step, documents, records, header, phase, legend, label (the
    text of `flow`, measured like a node and drawn on its line), fork (where the
    exits of `step` start parallel paths) or emergency (the trigger of the
    emergency whose handler is `step`)."""

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
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float


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


def plan(process: Process, *, emergencies: bool = False) -> Plan:
    """The shapes and lines of `process`'s chart, named for DOT; with `emergencies`,
    each emergency's trigger too, leading to its handler (BPMN needs it as a start)."""
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
        shapes += [Shape(f"f{i}_{g}", "fork", step, lane, phase) for g in splits(step, process.step_by_id)]
    if emergencies:
        shapes += _emergencies(process, shapes)
    shapes += [Shape(f"lane{i}", "header", lane=i) for i in range(len(lanes))]
    shapes += [Shape(f"phase{i}", "phase", phase=i) for i in range(len(process.phases))]
    shapes.append(Shape("legend", "legend"))
    flows = _flows(process, shapes)
    shapes += [Shape(f"x{j}", "label", flow=flow) for j, flow in enumerate(flows) if flow.label]
    return Plan(lanes, list(process.phases), shapes, flows)


def _notes(step: Step) -> list[str]:
    return [kind for kind, ids in (("documents", step.documents), ("records", step.records)) if ids]


def exit_groups(step: Step) -> list[tuple[str | None, list[str]]]:
    """The step's exits as the choices they are: (label, targets) each.

    A decision's every exit is one choice, and a branch listing several
    steps starts parallel paths; any other step takes all of its `next`
    at once.
    """
    plain = [(None, [t]) for t in step.next] if step.type == "decision" else [(None, step.next)] if step.next else []
    return plain + [(branch.when, branch.next) for branch in step.branches]


def splits(step: Step, known: Mapping[str, Step]) -> list[int]:
    """Which of the step's exit groups start parallel paths: several defined targets.
    A join is a parallel gateway itself, so its exits need no split of their own."""
    if step.type == "join":
        return []
    return [g for g, (_, targets) in enumerate(exit_groups(step)) if sum(t in known for t in targets) > 1]


def _emergencies(process: Process, shapes: list[Shape]) -> list[Shape]:
    """A trigger shape above each emergency's handler, in its lane and phase."""
    handlers = {s.step.id: s for s in shapes if s.kind == "step" and s.step is not None}
    return [
        Shape(f"e{k}", "emergency", handlers[e.handler].step, handlers[e.handler].lane, handlers[e.handler].phase)
        for k, e in enumerate(process.emergencies or [])
        if e.handler in handlers
    ]


def _flows(process: Process, shapes: list[Shape]) -> list[Flow]:
    """Each step's note links and exits; exits to unknown steps are a check's business."""
    node: dict[str, str] = {}
    phase = {shape.name: shape.phase for shape in shapes}
    for shape in shapes:
        if shape.kind == "step" and shape.step is not None:
            node.setdefault(shape.step.id, shape.name)
    back = graph.loop_backs(process)
    flows: list[Flow] = []
    for i, step in enumerate(process.steps):
        tail = f"s{i}"
        flows += [Flow(f"d{i}", tail, "document")] if step.documents else []
        flows += [Flow(tail, f"r{i}", "record")] if step.records else []
        for g, (label, targets) in enumerate(exit_groups(step)):
            source = f"f{i}_{g}" if f"f{i}_{g}" in phase else tail
            flows += [Flow(tail, source, "flow", label)] if source != tail else []
            for target in (t for t in targets if t in node):
                head, loop = node[target], (step.id, target) in back
                ranked = not (loop or _earlier(phase[head], phase[tail]))
                flows.append(Flow(source, head, "flow", None if source != tail else label, loop, ranked))
    flows += [Flow(s.name, node[s.step.id], "flow") for s in shapes if s.kind == "emergency" and s.step is not None]
    return flows


def _earlier(phase: int | None, than: int | None) -> bool:
    return phase is not None and than is not None and phase < than


# ── Pass 1: dot measures and ranks ────────────────────────────────────────────


def place(chart: Plan, attrs: Mapping[str, str], run: Runner) -> Layout:
    """Measure and rank with dot (one run), then lay the chart out in declared order.

    `attrs[name]` is the text inside a shape's DOT `[...]`.
    """
    return _arrange(chart, _read_json(run("dot", "json0", _ranking_source(chart, attrs))))


def _ranking_source(chart: Plan, attrs: Mapping[str, str]) -> str:
    """One cluster per lane, a step's notes on its rank; everything else only to be measured.

    `splines=false`: dot's own edge routing is thrown away (the router draws
    the lines), and leaving it out saves a tenth of this run's time.
    """
    lines = ["digraph procdoc {", f"graph [newrank=true, splines=false, nodesep={ROW_GAP / 72:.3f}, ranksep=0.45];"]
    for i in range(len(chart.lanes)):
        members = [s for s in chart.shapes if s.lane == i and s.kind in BODY_KINDS]
        lines += [f"subgraph cluster_{i} {{", *(f"{s.name} [{attrs[s.name]}];" for s in members)]
        lines += [_same_rank(s) for s in members if s.kind == "step" and s.step and _notes(s.step)]
        lines.append("}")
    measured_only = [s.name for s in chart.shapes if s.kind not in BODY_KINDS]
    lines += [f"{name} [{attrs[name]}];" for name in measured_only]
    lines.append("{rank=min; " + "; ".join(measured_only) + ";}")
    lines += _phase_anchors(chart)
    lane = {s.name: s.lane for s in chart.shapes if s.kind in BODY_KINDS}
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
    drawing = json.loads(output)
    height = float(drawing["bb"].split(",")[3])
    boxes = {}
    for obj in drawing.get("objects", []):
        if "pos" in obj:
            x, y = (float(v) for v in obj["pos"].split(","))
            boxes[obj["name"]] = Box(x, height - y, float(obj["width"]) * 72, float(obj["height"]) * 72)
    return boxes


# ── Columns, bands and boxes ──────────────────────────────────────────────────


@dataclass(frozen=True)
class _Frame:
    """The grid: a gutter for phase names, touching lane columns, a header band on top.

    `borders`: the x of each lane's left edge, then the last lane's right edge.
    """

    borders: list[float]
    header: float

    def column(self, lane: int) -> tuple[float, float]:
        return self.borders[lane], self.borders[lane + 1]

    @property
    def gutter(self) -> float:
        return self.borders[0]

    @property
    def right(self) -> float:
        return self.borders[-1]


def _arrange(chart: Plan, measured: dict[str, Box]) -> Layout:
    """The chart laid out with the narrowest lane margins and row gaps in which every line and
    label finds a place of its own: while one has none, margins and gaps grow by a track. A line whose
    label found no place is first drawn again where its label fits (see `Space.labels_first`)."""
    body = [s for s in chart.shapes if s.kind in BODY_KINDS]
    measured = {**measured, **_beside(body, measured)}
    for more in range(MORE_ROOM + 1):
        spaced = _rows_apart(chart, body, measured, more * TRACK) if more else measured
        placed, crowded = _arrange_with(chart, body, spaced, LANE_PAD + more * TRACK)
        troubled = crowded.labels
        for in_turn in (False, True) if troubled else ():  # again, these lines taking a way where their label fits
            retried = _arrange_with(chart, body, spaced, LANE_PAD + more * TRACK, troubled, in_turn)
            placed, crowded = retried if len(retried[1]) < len(crowded) else (placed, crowded)
            if not crowded:
                break
        if not crowded:
            break
    return placed


def _rows_apart(chart: Plan, body: list[Shape], measured: dict[str, Box], extra: float) -> dict[str, Box]:
    """Every row of shapes `extra` further from the one above it (phase anchors with them)."""
    rows = sorted({round(measured[s.name].y, 2) for s in body})
    spaced = dict(measured)
    anchors = [f"b{k}" for k in range(1, len(chart.phases))]
    for name in [s.name for s in body] + anchors:
        box = measured[name]
        above = bisect_left(rows, round(box.y, 2))
        spaced[name] = Box(box.x, box.y + above * extra, box.w, box.h)
    return spaced


def _arrange_with(
    chart: Plan,
    body: list[Shape],
    measured: dict[str, Box],
    pad: float,
    labels_first: frozenset[Flow] = frozenset(),
    in_turn: bool = False,
) -> tuple[Layout, Crowded]:
    extents = _lane_extents(body, measured, len(chart.lanes))
    frame = _frame(chart, measured, extents, pad)
    shift_y = frame.header + BODY_PAD - min((measured[s.name].top for s in body), default=0.0)
    boxes = {s.name: _in_column(s, measured[s.name], extents, frame, shift_y) for s in body}
    bottom = max((b.bottom for b in boxes.values()), default=frame.header) + BODY_PAD
    spans = zip(chart.lanes, pairwise(frame.borders), strict=True)
    columns = [(lane, Rect(x0, 0, x1, bottom)) for lane, (x0, x1) in spans]
    cuts = [frame.header] + [measured[f"b{k}"].y + shift_y for k in range(1, len(chart.phases))] + [bottom]
    bands = [(phase, Rect(0, cuts[i], frame.right, cuts[i + 1])) for i, phase in enumerate(chart.phases)]
    boxes.update(_furniture(chart, measured, frame, bands, bottom))
    space = Space(boxes, [], set(), frame.borders, frame.header, bottom, pad, labels_first, in_turn)
    routes, crowded = _lines(chart, boxes, body, space, measured)
    legend = boxes["legend"]
    return Layout(max(frame.right, legend.right), legend.bottom, columns, bands, boxes, routes), crowded


def _beside(body: list[Shape], measured: dict[str, Box]) -> dict[str, Box]:
    """Documents right before and records right after their step, whatever order dot chose.

    dot does not always keep the order of flat edges inside clusters. A step
    and its notes form a unit, its notes SIDE_GAP from the step, closer than
    dot's ROW_GAP, so that a note reads as its own step's and not the
    neighbour's; a row's units (a fork is one on its own) keep dot's order,
    and a step keeps dot's x unless the unit before it needs the room.
    """
    names = {s.name for s in body}
    rows: dict[tuple[int, float], list[Shape]] = {}
    for shape in body:
        if shape.kind in ("step", "fork"):
            rows.setdefault((shape.lane or 0, measured[shape.name].y), []).append(shape)
    placed: dict[str, Box] = {}
    for shapes in rows.values():
        cursor = float("-inf")
        for shape in sorted(shapes, key=lambda shape: measured[shape.name].x):
            step = shape.name
            notes = (f"d{step[1:]}", step, f"r{step[1:]}") if shape.kind == "step" else (step,)
            unit = [n for n in notes if n in names]
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


def _frame(chart: Plan, measured: dict[str, Box], extents: list[tuple[float, float]], pad: float) -> _Frame:
    """Each lane as wide as its own content or its header, whichever is wider; the gutter as the widest phase name.

    Equal widths would give every lane the room of the busiest one: a chart
    several times wider than it needs to be, and unreadable once printed.
    A lane's content is what dot drew in its cluster; on every sample that
    was exactly its widest row (a step and its notes, or a decision's
    targets side by side), so there is nothing to gain by re-packing rows.
    """
    headers = [measured[f"lane{i}"] for i in range(len(chart.lanes))]
    labels = [measured[s.name] for s in chart.shapes if s.kind == "phase"]
    gutter = max((b.w for b in labels), default=0.0) + (2 * pad if labels else 0.0)
    widths = [
        max(right - left, head.w + HEADER_INSET) + 2 * pad
        for (left, right), head in zip(extents, headers, strict=True)
    ]
    header = max((h.h for h in headers), default=0.0) + HEADER_INSET
    return _Frame(list(accumulate(widths, initial=gutter)), header)


def _in_column(shape: Shape, box: Box, extents: list[tuple[float, float]], frame: _Frame, shift_y: float) -> Box:
    """The box moved into its lane's column: the lane's content centred, dot's offsets kept."""
    lane = shape.lane or 0
    left, right = extents[lane]
    x0, x1 = frame.column(lane)
    return Box(x0 + (x1 - x0 - (right - left)) / 2 + box.x - left, box.y + shift_y, box.w, box.h)


def _furniture(
    chart: Plan, measured: dict[str, Box], frame: _Frame, bands: list[tuple[Phase, Rect]], bottom: float
) -> dict[str, Box]:
    """Lane headers across the top, phase names in the gutter, the legend below."""
    height = frame.header - HEADER_INSET
    boxes = {}
    for i in range(len(chart.lanes)):
        x0, x1 = frame.column(i)
        boxes[f"lane{i}"] = Box((x0 + x1) / 2, frame.header / 2, x1 - x0 - HEADER_INSET, height)
    for i, (_, band) in enumerate(bands):
        label = measured[f"phase{i}"]
        boxes[f"phase{i}"] = Box(frame.gutter / 2, (band.y0 + band.y1) / 2, label.w, label.h)
    legend = measured["legend"]
    boxes["legend"] = Box(legend.w / 2, bottom + LEGEND_GAP + legend.h / 2, legend.w, legend.h)
    return boxes


# ── Lines ─────────────────────────────────────────────────────────────────────


def _lines(
    chart: Plan, boxes: dict[str, Box], body: list[Shape], frame: Space, measured: dict[str, Box]
) -> tuple[list[Route], Crowded]:
    """The lines routed around the placed shapes, each label the size dot measured; and the lines
    and labels that found no place of their own (`frame`: the space with no shapes in it yet)."""
    diamonds = {s.name for s in body
                if s.kind == "fork" or (s.kind == "step" and s.step is not None and s.step.type in DIAMOND_STEPS)}
    obstacles = [(s.name, _blocking(s, boxes[s.name])) for s in body]
    sizes = {s.flow: measured[s.name] for s in chart.shapes if s.kind == "label" and s.flow is not None}
    return route_all(chart.flows, replace(frame, obstacles=obstacles, diamonds=diamonds), sizes)


def _blocking(shape: Shape, box: Box) -> Box:
    """The room a shape keeps lines out of: a note also covers the gap to its step."""
    if shape.kind == "documents":
        return Box(box.x + SIDE_GAP / 2, box.y, box.w + SIDE_GAP, box.h)
    if shape.kind == "records":
        return Box(box.x - SIDE_GAP / 2, box.y, box.w + SIDE_GAP, box.h)
    return box
