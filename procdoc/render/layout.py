"""Where things go in a swimlane chart: lanes as columns, phases as bands.

dot alone does not keep lane clusters in the declared order (RENDERING.md),
so placing takes two steps. `dot -Tjson0` measures every shape with the real
font and ranks the flow, with invisible anchors between phases so each phase
gets ranks of its own and loop-backs left out of ranking so only they point
up. Then the lanes become equal-width columns in declared order, each lane's
shapes keep the offsets dot gave them inside their cluster, and every box
gets its final centre. How the shapes look is the caller's business: it
hands in each shape's DOT attributes, so what is measured is what is drawn.

Coordinates are points with y growing downward, origin at the top left.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from procdoc.model import Lane, Phase, Process, Step

Runner = Callable[[str, str, str], bytes]
"""Runs a Graphviz engine: (engine, output format, DOT source) → output."""

UNASSIGNED = Lane(id="?", name="?")
"""The column for steps whose lane is missing or unknown (a check reports them)."""

LANE_PAD = 16.0
BODY_PAD = 18.0
LEGEND_GAP = 24.0
HEADER_INSET = 10.0  # edges are routed only between shapes that do not touch


@dataclass(frozen=True)
class Shape:
    """One node to place. `kind`: step, documents, records, header, phase, legend."""

    name: str
    kind: str
    step: Step | None = None
    lane: int | None = None
    phase: int | None = None


@dataclass(frozen=True)
class Flow:
    """A line between two shapes. `kind`: flow, document, record.

    `back` marks a loop-back (a DFS back edge from the entry points): the
    only lines allowed to point upward. `ranked` is false for lines left
    out of ranking (loop-backs, and lines into an earlier phase).
    """

    tail: str
    head: str
    kind: str
    label: str | None = None
    back: bool = False
    ranked: bool = True


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
class Layout:
    """Final geometry: one column per lane, one band per phase, every shape's box."""

    width: float
    height: float
    columns: list[tuple[Lane, Rect]]
    bands: list[tuple[Phase, Rect]]
    boxes: dict[str, Box]
    routes: list[Route]


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
        shapes.extend(Shape(f"{kind[0]}{i}", kind, step, lane, phase) for kind in _sides(step))
    shapes += [Shape(f"lane{i}", "header", lane=i) for i in range(len(lanes))]
    shapes += [Shape(f"phase{i}", "phase", phase=i) for i in range(len(process.phases))]
    shapes.append(Shape("legend", "legend"))
    return Plan(lanes, list(process.phases), shapes, _flows(process, shapes))


def _sides(step: Step) -> list[str]:
    return [kind for kind, ids in (("documents", step.documents), ("records", step.records)) if ids]


def _flows(process: Process, shapes: list[Shape]) -> list[Flow]:
    names: dict[str, str] = {}
    phase_of: dict[str, int | None] = {}
    for shape in shapes:
        if shape.kind == "step" and shape.step is not None:
            names.setdefault(shape.step.id, shape.name)
            phase_of.setdefault(shape.name, shape.phase)
    back = _back_edges(process, names)
    flows: list[Flow] = []
    for i, step in enumerate(process.steps):
        tail = f"s{i}"
        if step.documents:
            flows.append(Flow(f"d{i}", tail, "document"))
        if step.records:
            flows.append(Flow(tail, f"r{i}", "record"))
        for label, target, _ in step.exits():
            if target in names:
                head = names[target]
                is_back = (step.id, target) in back
                upward = _earlier(phase_of[head], phase_of[tail])
                flows.append(Flow(tail, head, "flow", label, is_back, not (is_back or upward)))
    return flows


def _earlier(phase: int | None, than: int | None) -> bool:
    return phase is not None and than is not None and phase < than


def _back_edges(process: Process, names: Mapping[str, str]) -> set[tuple[str, str]]:
    """Edges that close a loop, found by a DFS from the starts, then handlers, then the rest.

    Exits are followed in written order, so the result is the same on every run.
    """
    edges = {sid: [t for _, t, _ in process.step_by_id[sid].exits() if t in names] for sid in names}
    handlers = [e.handler for e in process.emergencies or [] if e.handler in names]
    roots = [s.id for s in process.steps if s.type == "start"] + handlers + list(names)
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is None:
                state[node] = 2
                work.pop()
            elif state.get(target) == 1:
                back.add((node, target))
            elif target not in state:
                state[target] = 1
                work.append((target, iter(edges[target])))
    return back


def measure_source(chart: Plan, attrs: Mapping[str, str]) -> str:
    """Pass 1: the DOT that dot ranks and measures. `attrs[name]` is the text inside `[...]`."""
    lines = ["digraph procdoc {", "graph [newrank=true, nodesep=0.22, ranksep=0.45];"]
    for i in range(len(chart.lanes)):
        lines.append(f"subgraph cluster_{i} {{")
        members = [s for s in chart.shapes if s.lane == i and s.kind != "header"]
        lines += [f"{s.name} [{attrs[s.name]}];" for s in members]
        lines += [_side_rank(s) for s in members if s.kind == "step" and s.step and _sides(s.step)]
        lines.append("}")
    free = [s.name for s in chart.shapes if s.kind in ("header", "phase", "legend")]
    lines += [f"{name} [{attrs[name]}];" for name in free]
    lines.append("{rank=min; " + "; ".join(free) + ";}")
    lines += _phase_anchors(chart)
    lines += [_ranking_edge(flow, chart) for flow in chart.flows]
    lines.append("}")
    return "\n".join(lines)


def _side_rank(shape: Shape) -> str:
    index = shape.name[1:]
    row = [f"{kind[0]}{index}" for kind in _sides(shape.step)] if shape.step else []
    return "{rank=same; " + "; ".join([*row, shape.name]) + ";}"


def _ranking_edge(flow: Flow, chart: Plan) -> str:
    if flow.kind != "flow":
        return f"{flow.tail} -> {flow.head};"
    lanes = {s.name: s.lane for s in chart.shapes if s.kind == "step"}
    weight = 8 if lanes[flow.tail] == lanes[flow.head] else 1
    constraint = "" if flow.ranked else ", constraint=false"
    return f"{flow.tail} -> {flow.head} [weight={weight}{constraint}];"


def _phase_anchors(chart: Plan) -> list[str]:
    """An invisible point between consecutive phases, below one and above the next."""
    lines = []
    for k in range(1, len(chart.phases)):
        lines.append(f"b{k} [shape=point, width=0, height=0, style=invis, label=\"\"];")
        if k > 1:
            lines.append(f"b{k - 1} -> b{k} [style=invis, weight=0];")
    invisible = "[style=invis, weight=0]"
    for s in chart.shapes:
        if s.kind == "step" and s.phase is not None:
            if s.phase > 0:
                lines.append(f"b{s.phase} -> {s.name} {invisible};")
            if s.phase < len(chart.phases) - 1:
                lines.append(f"{s.name} -> b{s.phase + 1} {invisible};")
    return lines


def place(chart: Plan, attrs: Mapping[str, str], run: Runner) -> Layout:
    """Measure and rank with dot, then lay lanes and phases out in declared order."""
    measured = _read_json(run("dot", "json0", measure_source(chart, attrs)))
    return _arrange(chart, measured)


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
    extents = _lane_extents(body, measured, len(chart.lanes))
    frame = _frame(chart, measured, extents)
    shift_y = frame.header + BODY_PAD - min((measured[s.name].top for s in body), default=0.0)
    boxes = {s.name: _in_column(s, measured[s.name], extents, frame, shift_y) for s in body}
    bottom = max((b.bottom for b in boxes.values()), default=frame.header) + BODY_PAD
    columns = [(lane, Rect(frame.left(i), 0, frame.left(i + 1), bottom)) for i, lane in enumerate(chart.lanes)]
    cuts = [frame.header] + [measured[f"b{k}"].y + shift_y for k in range(1, len(chart.phases))] + [bottom]
    bands = [(phase, Rect(0, cuts[i], frame.right, cuts[i + 1])) for i, phase in enumerate(chart.phases)]
    boxes.update(_furniture(chart, measured, frame, bands, bottom))
    diamonds = {s.name for s in body if s.step is not None and s.kind == "step" and s.step.type == "decision"}
    router = _Router(boxes, [s.name for s in body], diamonds, frame, bottom)
    routes = [router.route(flow, port) for flow, port in zip(chart.flows, _ports(chart, boxes), strict=True)]
    legend = boxes["legend"]
    return Layout(max(frame.right, legend.right), legend.bottom, columns, bands, boxes, routes)


BODY_KINDS = ("step", "documents", "records")


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
    width = max([right - left for left, right in extents] + [h.w + HEADER_INSET for h in headers]) + 2 * LANE_PAD
    gutter = max((b.w for b in labels), default=0.0) + (2 * LANE_PAD if labels else 0.0)
    return _Frame(gutter, width, max(h.h for h in headers) + HEADER_INSET, len(chart.lanes))


def _in_column(shape: Shape, box: Box, extents: list[tuple[float, float]], frame: _Frame, shift_y: float) -> Box:
    """The box moved into its lane's column, the lane's content centred, dot's offsets kept."""
    lane = shape.lane or 0
    left, right = extents[lane]
    x0 = frame.left(lane) + (frame.lane_width - (right - left)) / 2
    return Box(x0 + box.x - left, box.y + shift_y, box.w, box.h)


def _furniture(
    chart: Plan, measured: dict[str, Box], frame: _Frame, bands: list[tuple[Phase, Rect]], bottom: float
) -> dict[str, Box]:
    """Lane headers across the top, phase names in the gutter, the legend below."""
    inset = HEADER_INSET
    boxes = {
        f"lane{i}": Box(frame.left(i) + frame.lane_width / 2, frame.header / 2, frame.lane_width - inset,
                        frame.header - inset)
        for i in range(len(chart.lanes))
    }
    for i, (_, band) in enumerate(bands):
        label = measured[f"phase{i}"]
        boxes[f"phase{i}"] = Box(frame.gutter / 2, (band.y0 + band.y1) / 2, label.w, label.h)
    legend = measured["legend"]
    boxes["legend"] = Box(legend.w / 2, bottom + LEGEND_GAP + legend.h / 2, legend.w, legend.h)
    return boxes


def _ports(chart: Plan, boxes: Mapping[str, Box]) -> list[str]:
    """Where each line leaves its shape: a decision's side corners take the exits that go sideways.

    Of a decision's exits, the one furthest left takes the left corner and
    the one furthest right the right corner; the rest leave from the bottom.
    """
    decisions = {s.name for s in chart.shapes if s.kind == "step" and s.step and s.step.type == "decision"}
    ports = ["bottom" if f.kind == "flow" else "side" for f in chart.flows]
    exits: dict[str, list[int]] = {}
    for i, flow in enumerate(chart.flows):
        if flow.kind == "flow" and flow.tail in decisions:
            exits.setdefault(flow.tail, []).append(i)
    for tail, indices in exits.items():
        shift = {i: boxes[chart.flows[i].head].x - boxes[tail].x for i in indices}
        ordered = sorted(indices, key=lambda i: (shift[i], i))
        if shift[ordered[0]] < -TRACK:
            ports[ordered[0]] = "left"
        if shift[ordered[-1]] > TRACK:
            ports[ordered[-1]] = "right"
    return ports


Point = tuple[float, float]
TRACK = 5.0  # distance between parallel lines sharing a gap between rows or lanes
CLEARANCE = 3.0  # how close a line may pass a shape
ARROW_ROOM = 10.0  # the last segment must be longer than the arrowhead


@dataclass(frozen=True)
class Route:
    """A line's path: axis-parallel segments from the tail's port to the head's border."""

    flow: Flow
    port: str
    points: tuple[Point, ...]


class _Router:
    """Orthogonal lines that avoid every shape, the way flowcharts are drawn by hand.

    Shapes sit in rows (dot's ranks) inside columns (lanes), so the gaps
    between rows are free of shapes, and so are the margins at lane borders:
    a line can always go down into the gap below its tail, along it to a
    free vertical, up or down that, and along the gap above its head into
    the head's top. Shorter shapes of path are tried first; the first that
    touches no shape wins. Lines sharing a gap get parallel tracks.
    """

    def __init__(self, boxes: dict[str, Box], body: list[str], diamonds: set[str], frame: _Frame, bottom: float) -> None:
        self.boxes = boxes
        self.diamonds = diamonds
        self.obstacles = [(name, boxes[name]) for name in body]
        self.gaps = _gaps([box for _, box in self.obstacles], frame.header, bottom)
        self.frame = frame
        self.taken: list[tuple[bool, float, float, float]] = []  # (horizontal, at, from, to)
        margins = [frame.left(i) + side * 1.2 * TRACK for i in range(frame.lanes + 1) for side in (-1, 1)]
        edges = [x for _, b in self.obstacles for x in (b.left - 2.5 * TRACK, b.right + 2.5 * TRACK)]
        low, high = frame.gutter + CLEARANCE, frame.right - CLEARANCE
        self.verticals = sorted({round(x, 2) for x in margins + edges if low <= x <= high})

    def route(self, flow: Flow, port: str) -> Route:
        tail, head = self.boxes[flow.tail], self.boxes[flow.head]
        if flow.kind != "flow":
            return Route(flow, port, ((tail.right, head.y), (head.left, head.y)))
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
        return Route(flow, chosen[0], tuple(chosen[1]))

    def _candidates(self, flow: Flow, port: str) -> Iterator[tuple[str, list[Point]]]:
        """Paths from the tail to the top of the head, simplest first; the last ones always exist."""
        tail, head = self.boxes[flow.tail], self.boxes[flow.head]
        pointed = (flow.tail in self.diamonds, flow.head in self.diamonds)
        end = (head.x, head.top)
        below, above = self._gap_below(tail), self._gap_above(head)
        downward = below[1] <= head.top
        if port != "bottom":
            corner, sign = _port(tail, port), (-1 if port == "left" else 1)
            if downward and (head.x - corner[0]) * sign > TRACK:
                yield port, [corner, (head.x, tail.y), end]
            if downward:
                out, y = corner[0] + sign * 2 * TRACK, self._track(below, corner[0], head.x)
                yield port, [corner, (out, tail.y), (out, y), (head.x, y), end]
            for x in self._verticals(tail, head, lambda x: (x - corner[0]) * sign > TRACK):
                y = self._track(above, x, head.x)
                yield port, [corner, (x, tail.y), (x, y), (head.x, y), end]
        start = (tail.x, tail.bottom)
        if downward:
            shared = _shared_x(tail, head, *pointed)
            if shared is not None:
                yield "bottom", [(shared, tail.bottom), (shared, head.top)]
            for x in self._entries(head, pointed[1]):
                y = self._track(below, tail.x, x)
                yield "bottom", [start, (tail.x, y), (x, y), (x, head.top)]
            y = self._track(above, tail.x, head.x)
            yield "bottom", [start, (tail.x, y), (head.x, y), end]
        for x in self._verticals(tail, head, lambda x: True):
            y_out, y_in = self._track(below, tail.x, x), self._track(above, x, head.x)
            yield "bottom", [start, (tail.x, y_out), (x, y_out), (x, y_in), (head.x, y_in), end]

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
        return any(h == horizontal and abs(t - at) < TRACK * 0.8 and f < b and a < e for h, t, f, e in self.taken)

    def _clear(self, points: list[Point], flow: Flow) -> tuple[bool, bool]:
        """Whether no segment passes through a shape (the first may touch the tail, the
        last the head), and whether no inner segment runs along another line."""
        last = len(points) - 2
        alone = True
        for i, (p, q) in enumerate(zip(points, points[1:], strict=False)):
            skip = ({flow.tail} if i == 0 else set()) | ({flow.head} if i == last else set())
            if any(name not in skip and _crosses(p, q, box) for name, box in self.obstacles):
                return False, False
            horizontal = abs(p[1] - q[1]) < 0.01
            at, a, b = (p[1], p[0], q[0]) if horizontal else (p[0], p[1], q[1])
            alone = alone and not (0 < i < last and self._overlaps(horizontal, at, min(a, b), max(a, b)))
        return True, alone

    def _take(self, points: list[Point]) -> None:
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            horizontal = abs(y0 - y1) < 0.01
            at, a, b = (y0, x0, x1) if horizontal else (x0, y0, y1)
            self.taken.append((horizontal, at, min(a, b), max(a, b)))


def _shared_x(tail: Box, head: Box, tail_diamond: bool, head_diamond: bool) -> float | None:
    """An x where one straight vertical joins the two shapes (a diamond only at its corner)."""
    for x in [head.x] if head_diamond else [head.x, tail.x]:
        if _within(x, tail, tail_diamond) and _within(x, head, head_diamond):
            return x
    return None


def _within(x: float, box: Box, corner_only: bool) -> bool:
    """`x` lies on the middle part of the box's top or bottom edge (a diamond: exactly its corner)."""
    reach = 0.5 if corner_only else box.w * 0.3
    return abs(x - box.x) <= reach


def _port(box: Box, port: str) -> Point:
    if port == "left":
        return (box.left, box.y)
    if port == "right":
        return (box.right, box.y)
    return (box.x, box.bottom)


def _crosses(p: Point, q: Point, box: Box) -> bool:
    m = CLEARANCE
    return (
        min(p[0], q[0]) < box.right + m
        and max(p[0], q[0]) > box.left - m
        and min(p[1], q[1]) < box.bottom + m
        and max(p[1], q[1]) > box.top - m
    )


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
