"""The lines of a swimlane chart, once every shape has its place.

The layout decides where shapes go; this module decides how each line gets
from its tail to its head: axis-parallel segments around every other shape
and off the lines routed before it, leaving a decision from its own corner,
its label in a free spot beside it. It knows boxes, lines and lane borders,
nothing of processes or Graphviz.

Coordinates are points with y growing downward, origin at the top left.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise
from typing import Generic, TypeVar

Point = tuple[float, float]
TRACK = 7.0  # between parallel lines sharing a gap: a reader tells lines apart from 6 points on
APART = 6.5  # lines nearer than this to each other read as one line, or as a bundle
LOOK_AHEAD = 6  # candidate paths weighed for fewer crossings once one is clear
HOP = 3.0  # the radius of the half-circle a line makes where it hops over another
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
class Route:
    """A line's path, axis-parallel segments from its tail's port (bottom, left or
    right) to its head's border, and the box its label goes in."""

    flow: Flow
    port: str
    points: tuple[Point, ...]
    label: Box | None = None
    hops: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Space:
    """The placed chart as lines see it.

    `obstacles`: the room each body shape keeps lines out of (a note's
    includes the gap to its step). `borders`: the x of each lane's left edge,
    then the last lane's right edge; `pad`: the free margin inside each lane
    border. Lines run between `top` (below the header band) and `bottom`.
    `labels_first`: lines whose label found no place of its own last time:
    each takes a way where its label fits, its label goes there at once,
    and the lines after it keep off the label. They are drawn after the
    others, or, with `in_turn`, in their turn.
    """

    boxes: Mapping[str, Box]
    obstacles: list[tuple[str, Box]]
    diamonds: set[str]
    borders: list[float]
    top: float
    bottom: float
    pad: float = 12.0
    labels_first: frozenset[Flow] = frozenset()
    in_turn: bool = False


@dataclass(frozen=True)
class Crowded:
    """The lines that found no way of their own, and the lines whose label found no place of its own."""

    lines: frozenset[Flow] = frozenset()
    labels: frozenset[Flow] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.lines or self.labels)

    def __len__(self) -> int:
        return len(self.lines) + len(self.labels)


def route_all(flows: list[Flow], space: Space, labels: Mapping[Flow, Box]) -> tuple[list[Route], Crowded]:
    """Every line routed in written order, then every label (`labels`: its measured size) beside its line
    (some right after their line, see `Space.labels_first`); and what found no place of its own."""
    router = _Router(space, labels)
    ports = _ports(flows, space)
    router.middle_exits = {flow.tail for flow, port in zip(flows, ports, strict=True) if port == "bottom"}
    for flow, port in zip(flows, ports, strict=True):
        router.used.setdefault(flow.tail, set()).add(port)
    order = _order(flows, ports)
    if not space.in_turn:
        order.sort(key=lambda j: flows[j] in space.labels_first)
    at = {j: k for k, j in enumerate(order)}
    routed, placed = {}, {}
    for j in order:
        routed[j] = router.route(flows[j], ports[j])
        if flows[j] in space.labels_first and flows[j] in labels:
            placed[j] = router.label(at[j], flows[j], routed[j][0])
            router.keep_off(placed[j])
    placed |= {j: router.label(at[j], f, routed[j][0]) for j, f in enumerate(flows) if f in labels and j not in placed}
    hops = router.hops()
    routes = [
        Route(flow, port, points, placed.get(j), hops[at[j]])
        for j, (flow, (port, points)) in enumerate(zip(flows, (routed[j] for j in range(len(flows))), strict=True))
    ]
    return routes, Crowded(frozenset(router.crowded), frozenset(router.crowded_labels))


def _order(flows: list[Flow], ports: list[str]) -> list[int]:
    """Written order, except that of a shape's lines the ones leaving off its middle go first:
    they take the track nearest the gap's middle, the middle one the next, and so do not cross."""
    first: dict[str, int] = {}
    for j, flow in enumerate(flows):
        first.setdefault(flow.tail, j)
    return sorted(range(len(flows)), key=lambda j: (first[flows[j].tail], -abs(_offset(ports[j])), j))


def _offset(port: str) -> float:
    """Where along a shape's bottom a port is, from -1 (left) to 1 (right); a side corner is ±1."""
    if port in ("left", "right"):
        return -1.0 if port == "left" else 1.0
    return float(port.removeprefix("bottom") or 0) if port.startswith("bottom") else 0.0


def _bottom(offset: float) -> str:
    """The port `offset` of the way from a shape's bottom middle to its side (see `_offset`)."""
    return f"bottom{offset:+.2f}" if offset else "bottom"


def _room(point: Point, p: Point, q: Point, axis: int) -> bool:
    """Whether a hop at `point` fits on segment pq, clear of its ends."""
    return min(p[axis], q[axis]) + HOP + 0.5 < point[axis] < max(p[axis], q[axis]) - HOP - 0.5


def _apart(hops: list[Point]) -> tuple[Point, ...]:
    """One hop where merged lines are crossed at (nearly) one point: two hops there would draw as a tangle."""
    kept: list[Point] = []
    for hop in hops:
        if not kept or abs(hop[0] - kept[-1][0]) + abs(hop[1] - kept[-1][1]) > 0.5:
            kept.append(hop)
    return tuple(kept)


def _along(path: list[Point], point: Point) -> float:
    """How far along the path a point of it lies."""
    walked = 0.0
    for p, q in pairwise(path):
        if _distance(Box(point[0], point[1], 0, 0), p, q) < 0.01:
            return walked + abs(point[0] - p[0]) + abs(point[1] - p[1])
        walked += abs(q[0] - p[0]) + abs(q[1] - p[1])
    return walked


def _ports(flows: list[Flow], space: Space) -> list[str]:
    """Where each line leaves its shape; a decision's exits each take their own corner if they can.

    The exit furthest left takes the left corner if it leads left, the one
    furthest right the right corner if it leads right; of three or more exits
    they take them anyway, so that the middle one keeps the bottom and the
    lines leave in the order of their heads instead of crossing. Of the exits
    left at the bottom, the forward one going most nearly straight down keeps
    it, and the others move to a free side corner. A corner is not free where
    a document or record note sits.
    """
    boxes = space.boxes
    ports = ["bottom" if f.kind == "flow" else "side" for f in flows]
    blocked = {(f.head, "left") for f in flows if f.kind == "document"}
    blocked |= {(f.tail, "right") for f in flows if f.kind == "record"}
    exits: dict[str, list[int]] = {}
    for j, flow in enumerate(flows):
        if flow.kind == "flow":
            exits.setdefault(flow.tail, []).append(j)
    for tail, indices in exits.items():
        shift = {j: boxes[flows[j].head].x - boxes[tail].x for j in indices}
        if tail not in space.diamonds:
            _spread(indices, shift, ports)
            continue
        free = [side for side in ("left", "right") if (tail, side) not in blocked]
        ordered = sorted(indices, key=lambda j: (shift[j], j))
        many = len(indices) > 2
        for j, side, wanted in ((ordered[0], "left", many or shift[ordered[0]] < -TRACK),
                                (ordered[-1], "right", many or shift[ordered[-1]] > TRACK)):
            if wanted and side in free and ports[j] == "bottom":
                ports[j] = side
                free.remove(side)
        bottom = [j for j in indices if ports[j] == "bottom"]
        keep = min(bottom, key=lambda j: (flows[j].back, abs(shift[j]), j), default=None)
        for j, side in zip((j for j in bottom if j != keep), free, strict=False):
            ports[j] = side
        _spread([j for j in indices if ports[j] == "bottom"], shift, ports)
    return ports


def _spread(indices: list[int], shift: Mapping[int, float], ports: list[str]) -> None:
    """Several lines leaving one shape's bottom each get their own point of it, in the
    order of their heads: lines to different steps never start on one another."""
    if len(indices) < 2:
        return
    keep = min(indices, key=lambda j: (abs(shift[j]), j))
    ordered = sorted(indices, key=lambda j: (shift[j], j))
    middle = ordered.index(keep)
    left, right = ordered[:middle][::-1], ordered[middle + 1 :]
    for side, sign in ((left, -1), (right, 1)):
        for i, j in enumerate(side, start=1):
            ports[j] = _bottom(sign * i / (len(side) + 1))


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

    def __init__(self, space: Space, labels: Mapping[Flow, Box]) -> None:
        self.boxes = space.boxes
        self.sizes = labels
        self.labels_first = space.labels_first
        self.diamonds = space.diamonds
        self.obstacles: _Grid[tuple[str, Box, float, float, float, float]] = _Grid()  # with the box's edges
        for name, box in space.obstacles:
            self._block(name, box)
        self.gaps = _gaps([box for _, box in space.obstacles], space.top, space.bottom)
        self.gap_starts, self.gap_ends = [g[0] for g in self.gaps], [g[1] for g in self.gaps]  # both ascending
        self.taken = (_Runs(), _Runs())  # the vertical pieces drawn, and the horizontal ones
        self.lines: _Grid[tuple[int, Point, Point, bool]] = _Grid()  # (path index, segment, horizontal)
        self.labels: _Grid[Box] = _Grid()
        self.paths: list[list[Point]] = []
        self.used: dict[str, set[str]] = {}  # the ports each shape's lines leave by, planned or taken
        self.crowded: set[Flow] = set()  # lines that found no way of their own
        self.crowded_labels: set[Flow] = set()  # lines whose label found no place of its own
        self.middle_exits: set[str] = set()  # shapes with a line still to leave from the middle of their bottom
        self.runs: set[float] = set()  # the x of every vertical piece drawn
        self.arrivals: dict[str, set[float]] = {}  # where lines come down into each shape's top
        self.on_demand = False  # every free height of a gap, and verticals beside drawn lines, are candidates
        tracks = range(max(1, int((space.pad - 1.2 * TRACK - CLEARANCE) / TRACK) + 1))
        margins = [x + side * (1.2 + k) * TRACK for x in space.borders for side in (-1, 1) for k in tracks]
        beside = [x for _, b in space.obstacles for x in (b.left - 2.5 * TRACK, b.right + 2.5 * TRACK)]
        low, high = space.borders[0] + CLEARANCE, space.borders[-1] - CLEARANCE
        self.verticals = sorted({round(x, 2) for x in margins + beside if low <= x <= high})

    def route(self, flow: Flow, port: str) -> tuple[str, tuple[Point, ...]]:
        """The port the line leaves from and its path, remembered for the lines after it."""
        tail, head = self.boxes[flow.tail], self.boxes[flow.head]
        if flow.kind != "flow":
            self._take([(tail.right, head.y), (head.left, head.y)], flow.head)
            return port, tuple(self.paths[-1])
        score, (port, points) = self._choose_port(flow, port)
        if score[0] > 0:  # no way of its own on the usual tracks: make tracks on demand
            self.on_demand = True
            score, (port, points) = min((score, (port, points)), self._choose_port(flow, port), key=lambda f: f[0])
            self.on_demand = False
        if score[0] > 0:
            self.crowded.add(flow)
        chosen = port, _simplified(points)
        self.used.setdefault(flow.tail, set()).add(chosen[0])
        if chosen[0] == "bottom":
            self.middle_exits.discard(flow.tail)
        self._take(chosen[1], flow.head)
        return chosen[0], tuple(chosen[1])

    def hops(self) -> list[tuple[Point, ...]]:
        """Where each line hops over another, in the order it meets them; by line, in routing order.

        Crossing lines that do not hop read as a junction; the practitioners'
        rule is that lines do not cross, and where they must, one hops the other.
        The horizontal line hops, unless the crossing is too near its corner to
        hold a hop: then the vertical one does.
        """
        found: dict[int, set[Point]] = {}
        for j, path in enumerate(self.paths):
            for p, q in pairwise(path):
                if abs(p[1] - q[1]) >= 0.01:
                    continue
                area = (min(p[0], q[0]), p[1], max(p[0], q[0]), p[1])
                for i, v, w, _ in self.lines.near(*area):
                    if i != j and _cross(p, q, v, w):
                        point = (v[0], p[1])
                        hopper = j if _room(point, p, q, 0) or not _room(point, v, w, 1) else i
                        found.setdefault(hopper, set()).add(point)
        return [_apart(sorted(found.get(j, ()), key=lambda h: _along(path, h))) for j, path in enumerate(self.paths)]

    def keep_off(self, label: Box) -> None:
        """Lines routed from now on keep clear of the label by more than it is from its own line."""
        self._block("", Box(label.x, label.y, label.w + 2 * LABEL_GAP, label.h + 2 * LABEL_GAP))

    def _block(self, name: str, box: Box) -> None:
        edges = box.left, box.top, box.right, box.bottom
        self.obstacles.add((name, box, *edges), *edges)

    def _choose_port(self, flow: Flow, port: str) -> tuple[tuple[int, int], tuple[str, list[Point]]]:
        """The best path leaving by `port`, or by its mirror point when that is better and free."""
        used = self.used.get(flow.tail, set())
        mirror = _bottom(-_offset(port) / 2 if port in ("left", "right") else -_offset(port))
        options = [port] + ([mirror] if port != "bottom" and mirror not in used else [])
        score, (port, points) = self._choose(flow, options[0])
        if score != (0, 0) and len(options) > 1:  # the mirror point only when the first is not perfect
            score, (port, points) = min((score, (port, points)), self._choose(flow, options[1]), key=lambda f: f[0])
        return score, (port, points)

    def _free_bottom(self, tail: str, side: float) -> str:
        """A point of the tail's bottom on `side` (-1 left, 1 right) that no line has left from yet."""
        used = self.used.get(tail, set())
        free = (port for port in (_bottom(side * k / 8) for k in (4, 2, 6, 3, 5, 1, 7)) if port not in used)
        return next(free, _bottom(side / 2))

    def _choose(self, flow: Flow, port: str) -> tuple[tuple[int, int], tuple[str, list[Point]]]:
        """The best path leaving by `port` and how good it is: the first that touches no shape,
        runs along no line and crosses none, or of the first few clear ones the one crossing fewest."""
        fallback: tuple[str, list[Point]] | None = None
        best: tuple[int, tuple[str, list[Point]]] | None = None
        unlabelled: tuple[str, list[Point]] | None = None  # clear, but no place for the label beside it
        for tried, candidate in enumerate(self._candidates(flow, port)):
            avoids, alone = self._clear(candidate[1], flow)
            if avoids and alone and flow in self.labels_first and not self._label_fits(candidate, flow):
                unlabelled, alone = unlabelled or candidate, False
            if avoids and alone:
                crossings = self._crossings(candidate[1], flow.tail)
                best = best if best is not None and best[0] <= crossings else (crossings, candidate)
                if crossings == 0 or tried >= LOOK_AHEAD:
                    break
            elif best is not None and tried >= LOOK_AHEAD:
                break
            fallback = fallback or (candidate if avoids else None)
        if best is not None:
            return (0, best[0]), best[1]
        if unlabelled is not None:
            return (0, self._crossings(unlabelled[1], flow.tail)), unlabelled
        return ((1, 0), fallback) if fallback else ((2, 0), candidate)

    def _label_fits(self, candidate: tuple[str, list[Point]], flow: Flow) -> bool:
        """Whether the line's label has a place of its own beside this path, among the lines drawn so far
        and the starts of the other lines leaving its tail."""
        port, points = candidate
        spot = self._spot(_simplified(points), len(self.paths), self.sizes[flow], self._exits(flow.tail, port))
        return spot is not None and spot[0] == 0

    def _exits(self, tail: str, port: str) -> list[tuple[Point, Point]]:
        """The first piece of each other line leaving `tail`: out of its corner, or down to the first track
        of the gap below."""
        box, found = self.boxes[tail], []
        for other in self.used.get(tail, set()) - {port}:
            start = _port(box, other, tail in self.diamonds)
            if other in ("left", "right"):
                found.append((start, (start[0] + 2 * TRACK * (1 if other == "right" else -1), start[1])))
            else:
                found.append((start, (start[0], self._gap_below(box)[0] + TRACK)))
        return found

    def _crossings(self, points: list[Point], tail: str) -> int:
        """How many lines routed before this path crosses, and the start of the line
        still to leave `tail` from the middle of its bottom."""
        box = self.boxes[tail]
        stub = ((box.x, box.bottom), (box.x, self._gap_below(box)[1])) if tail in self.middle_exits else None
        count = 0
        for p, q in pairwise(points):  # `_cross` against each line near, written out: it is asked thousands of times
            (px, py), (qx, qy) = p, q
            x0, x1 = (px, qx) if px < qx else (qx, px)
            y0, y1 = (py, qy) if py < qy else (qy, py)
            if y1 - y0 < 0.01:  # a horizontal piece crosses the vertical ones
                for _, (ax, ay), (_, by), horizontal in self.lines.near(x0, y0, x1, y1):
                    if not horizontal and x0 + 0.5 < ax < x1 - 0.5 and min(ay, by) + 0.5 < py < max(ay, by) - 0.5:
                        count += 1
            else:
                for _, (ax, ay), (bx, _), horizontal in self.lines.near(x0, y0, x1, y1):
                    if horizontal and min(ax, bx) + 0.5 < px < max(ax, bx) - 0.5 and y0 + 0.5 < ay < y1 - 0.5:
                        count += 1
            count += 1 if stub and _cross(p, q, *stub) else 0
        return count

    def label(self, index: int, flow: Flow, port: str) -> Box:
        """The label of line `index` in its best spot (see `_spot`), or at the line's start if none."""
        ahead = self._exits(flow.tail, port) if flow in self.labels_first else []
        best = self._spot(self.paths[index], index, self.sizes[flow], ahead)
        x, y = self.paths[index][0]
        chosen = best[1] if best is not None else Box(x, y, self.sizes[flow].w, self.sizes[flow].h)
        if best is None or best[0] > 0:
            self.crowded_labels.add(flow)
        self.labels.add(chosen, chosen.left, chosen.top, chosen.right, chosen.bottom)
        return chosen

    def _spot(
        self, own_path: list[Point], index: int, size: Box, ahead: Sequence[tuple[Point, Point]] = ()
    ) -> tuple[int, Box] | None:
        """A spot beside a line (`index`: its path's, if drawn), nearest its tail, covering no shape and
        no other label, nearer to its own line than to any other (or than the starts of lines still `ahead`)
        and crossed by as few other lines as can be; with how many other lines are as near or cross it."""
        best: tuple[int, Box] | None = None
        for spot in _label_spots(own_path, size.w, size.h):
            if any(_overlap(spot, b) for b in self.labels.around(spot.left, spot.top, spot.right, spot.bottom)) or any(
                _overlap(spot, b, name in self.diamonds)
                for name, b, *_ in self.obstacles.around(spot.left, spot.top, spot.right, spot.bottom)
            ):
                continue
            own = min(_distance(spot, p, q) for p, q in pairwise(own_path)) + 0.25
            area = (spot.left - own, spot.top - own, spot.right + own, spot.bottom + own)
            others = [(p, q) for i, p, q, _ in self.lines.near(*area) if i != index] + list(ahead)
            crossing = sum(2 if _crosses(p, q, spot, 0.0) else 1 for p, q in others if _distance(spot, p, q) <= own)
            best = best if best is not None and best[0] <= crossing else (crossing, spot)
            if crossing == 0:
                break
        return best

    def _candidates(self, flow: Flow, port: str) -> Iterator[tuple[str, list[Point]]]:
        """Paths from the tail to the head, simplest first; the last ones always exist.

        A forward line comes down into the head's top; a loop-back goes up
        beside the flow and comes in from the head's side, so it does not
        merge with the lines that enter from above.
        """
        tail, head = self.boxes[flow.tail], self.boxes[flow.head]
        downward = self._gap_below(tail)[1] <= head.top
        beside = flow.tail != flow.head  # a step looping to itself comes back in from the top
        if port in ("left", "right"):
            corner = _port(tail, port)
            way = self._from_corner(tail, head, corner, (downward, beside), self._arrivals(flow.head))
            yield from ((port, p) for p in way)
            port = self._free_bottom(flow.tail, _offset(port))  # off the middle, where another exit leaves
        start = _port(tail, port, flow.tail in self.diamonds)
        sx = start[0]
        if downward:
            yield from ((port, p) for p in self._down(start, tail, head, flow))
        elif beside:
            for x, entry in self._side_entries(tail, head, lambda x: True):
                for y in self._tracks(self._gap_below(tail), sx, x):
                    yield port, [start, (sx, y), (x, y), (x, head.y), entry]
        for x in self._verticals(tail, head, lambda x: True):
            for y_out in self._tracks(self._gap_below(tail), sx, x):
                for hx in self._arrivals(flow.head):
                    for y_in in self._tracks(self._gap_above(head), x, hx):
                        yield port, [start, (sx, y_out), (x, y_out), (x, y_in), (hx, y_in), (hx, head.top)]

    def _from_corner(
        self, tail: Box, head: Box, corner: Point, way: tuple[bool, bool], arrivals: list[float]
    ) -> Iterator[list[Point]]:
        """Out of a decision's side corner: across and down, or out, up and into the head's side.
        `way`: whether the head is below the tail's gap, and whether the line may enter the head's side;
        `arrivals`: where the line may come down into the head after its last turn."""
        downward, beside = way
        sign = -1 if corner[0] < tail.x else 1

        def beyond(x: float) -> bool:
            return (x - corner[0]) * sign > TRACK

        end = (head.x, head.top)
        if downward:
            if beyond(head.x):
                yield [corner, (head.x, tail.y), end]
            for y in self._tracks(self._gap_below(tail), corner[0], head.x):
                for out in (corner[0] + sign * 2 * TRACK, corner[0] + sign * TRACK):
                    yield [corner, (out, tail.y), (out, y), (head.x, y), end]
        elif beside:
            for x, entry in self._side_entries(tail, head, beyond):
                yield [corner, (x, tail.y), (x, head.y), entry]
        for x in self._verticals(tail, head, beyond):
            for hx in arrivals:
                for y in self._tracks(self._gap_above(head), x, hx):
                    yield [corner, (x, tail.y), (x, y), (hx, y), (hx, head.top)]

    def _down(self, start: Point, tail: Box, head: Box, flow: Flow) -> Iterator[list[Point]]:
        """Straight down, or down-across-down through the gap below the tail or above the head."""
        end, sx = (head.x, head.top), start[0]
        shared = _shared_x(tail, head, flow.tail in self.diamonds, flow.head in self.diamonds)
        if shared is not None and start == (tail.x, tail.bottom):
            yield [(shared, tail.bottom), (shared, head.top)]
        elif _within(sx, head, flow.head in self.diamonds):
            yield [start, (sx, head.top)]
        for x in self._entries(head, flow.head in self.diamonds):
            for y in self._tracks(self._gap_below(tail), sx, x):
                yield [start, (sx, y), (x, y), (x, head.top)]
        for y in self._tracks(self._gap_above(head), sx, head.x):
            yield [start, (sx, y), (head.x, y), end]

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
        inner = [x for x in self._all_verticals() if _within(x, head, False)]
        return [head.x, *sorted(inner, key=lambda x: abs(x - head.x))]

    def _verticals(self, tail: Box, head: Box, keep: Callable[[float], bool]) -> list[float]:
        """Candidate x for a line's vertical run, shortest detour first."""
        return sorted((x for x in self._all_verticals() if keep(x)), key=lambda x: abs(tail.x - x) + abs(x - head.x))

    def _all_verticals(self) -> list[float]:
        """The verticals of the margins and beside the shapes; on demand also a track beside each drawn line."""
        if not self.on_demand:
            return self.verticals
        low, high = self.verticals[0], self.verticals[-1]
        beside = {round(x + side * TRACK, 2) for x in self.runs for side in (-1, 1)}
        return sorted({*self.verticals, *self.runs, *(x for x in beside if low <= x <= high)})

    def _arrivals(self, head: str) -> list[float]:
        """Where a line may come down into the head's top after its last turn: its middle; on demand also
        where other lines come down into it, to merge with them."""
        box = self.boxes[head]
        return [box.x, *sorted(self.arrivals.get(head, set()) - {box.x})] if self.on_demand else [box.x]

    def _gap_below(self, box: Box) -> tuple[float, float]:
        """The first gap starting at or below the box's bottom (the last gap if none)."""
        i = bisect_left(self.gap_starts, box.bottom - 0.01)
        return self.gaps[i] if i < len(self.gaps) else self.gaps[-1]

    def _gap_above(self, box: Box) -> tuple[float, float]:
        """The last gap ending at or above the box's top (the first gap if none)."""
        i = bisect_right(self.gap_ends, box.top + 0.01) - 1
        return self.gaps[i] if i >= 0 else self.gaps[0]

    def _tracks(self, gap: tuple[float, float], x0: float, x1: float) -> list[float]:
        """The height nearest the gap's middle that no other line uses along [x0, x1]; on demand,
        every such height, nearest the middle first (the line's verticals may need another)."""
        low, high = gap[0] + CLEARANCE, gap[1] - ARROW_ROOM
        centre, a, b = (low + high) / 2, min(x0, x1), max(x0, x1)
        free = []
        for k in range(int((high - low) / TRACK) + 2):
            y = centre + (k + 1) // 2 * TRACK * (1 if k % 2 else -1)
            if low <= y <= high and not self._overlaps(True, y, a, b):
                if not self.on_demand:
                    return [y]
                free.append(y)
        return free or [centre]

    def _overlaps(self, horizontal: bool, at: float, a: float, b: float, head: str = "") -> bool:
        """Whether a line already runs along [a, b] at `at`, nearer than APART; a line into
        the same `head` may run on it exactly (they merge), not beside it."""
        for t, f, e, into in self.taken[horizontal].near(at):
            apart = abs(t - at)
            if f < b and a < e and apart < APART and not (into == head and apart < 0.01):
                return True
        return False

    def _clear(self, points: list[Point], flow: Flow) -> tuple[bool, bool]:
        """Whether no segment passes through a shape (the first may touch the tail, the
        last the head), and whether no segment runs along another line (but one into the same head)."""
        last = len(points) - 2
        alone = True
        m = CLEARANCE
        for i, ((px, py), (qx, qy)) in enumerate(pairwise(points)):  # the router's innermost loop: written out
            tail, head = flow.tail if i == 0 else None, flow.head if i == last else None
            x0, x1 = (px, qx) if px < qx else (qx, px)
            y0, y1 = (py, qy) if py < qy else (qy, py)
            for name, _, left, top, right, bottom in self.obstacles.around(x0 - m, y0 - m, x1 + m, y1 + m):
                if x0 < right + m and x1 > left - m and y0 < bottom + m and y1 > top - m and name != tail \
                        and name != head:  # `_crosses`
                    return False, False
            if alone:
                horizontal = y1 - y0 < 0.01
                alone = not (self._overlaps(True, py, x0, x1, flow.head) if horizontal
                             else self._overlaps(False, px, y0, y1, flow.head))
        return True, alone

    def _take(self, points: list[Point], head: str) -> None:
        index = len(self.paths)
        self.paths.append(points)
        for (x0, y0), (x1, y1) in pairwise(points):
            horizontal = abs(y0 - y1) < 0.01
            at, a, b = (y0, x0, x1) if horizontal else (x0, y0, y1)
            area = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            self.taken[horizontal].add(at, min(a, b), max(a, b), head)
            self.lines.add((index, (x0, y0), (x1, y1), horizontal), *area)
            if not horizontal:
                self.runs.add(x0)
        if len(points) > 1 and abs(points[-1][0] - points[-2][0]) < 0.01 and points[-1][1] > points[-2][1]:
            self.arrivals.setdefault(head, set()).add(points[-1][0])


class _Runs:
    """Pieces of line of one direction, filed by where they run across it (their y if horizontal)."""

    BAND = 8.0  # wider than APART: a piece nearer than that lies in its own band or the next

    def __init__(self) -> None:
        self.bands: dict[int, list[tuple[float, float, float, str]]] = {}

    def add(self, at: float, start: float, end: float, head: str) -> None:
        self.bands.setdefault(int(at // self.BAND), []).append((at, start, end, head))

    def near(self, at: float) -> Iterable[tuple[float, float, float, str]]:
        """(at, start, end, head) of every piece less than a band from `at`, and some further."""
        band, bands = int(at // self.BAND), self.bands
        return chain(bands.get(band - 1, ()), bands.get(band, ()), bands.get(band + 1, ()))


T = TypeVar("T")


class _Grid(Generic[T]):
    """Things filed by the square cells their box touches, so a query sees only near ones."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[T]] = {}

    def add(self, item: T, x0: float, y0: float, x1: float, y1: float) -> None:
        c, cells = self.CELL, self.cells
        rows = range(int(y0 // c), int(y1 // c) + 1)
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in rows:
                cells.setdefault((i, j), []).append(item)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> Sequence[T]:
        """What was filed in the cells the box touches, each once, in no particular order; not to be changed."""
        c, cells = self.CELL, self.cells
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        if i0 == i1 and j0 == j1:  # the common case: nothing to deduplicate
            return cells.get((i0, j0), ())
        found = {id(item): item for item in self._filed(i0, i1, j0, j1)}
        return list(found.values())

    def around(self, x0: float, y0: float, x1: float, y1: float) -> Iterable[T]:
        """Like `near`, but what spans several cells comes once for each: for questions a repeat does not change."""
        c = self.CELL
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        if i0 == i1 and j0 == j1:
            return self.cells.get((i0, j0), ())
        return self._filed(i0, i1, j0, j1)

    def _filed(self, i0: int, i1: int, j0: int, j1: int) -> Iterable[T]:
        return chain.from_iterable(map(self.cells.get, *_cell_keys(i0, i1, j0, j1)))


@lru_cache(maxsize=8192)  # a chart's spans repeat from line to line; the bound keeps a long-lived server small
def _cell_keys(i0: int, i1: int, j0: int, j1: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[()], ...]]:
    """The cells of a span, and as many empty defaults: `map(cells.get, ...)` takes both."""
    keys = tuple((i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1))
    return keys, ((),) * len(keys)


def _shared_x(tail: Box, head: Box, tail_diamond: bool, head_diamond: bool) -> float | None:
    """An x where one straight vertical joins the two shapes (a diamond only at its corner)."""
    for x in [head.x] if head_diamond else [head.x, tail.x]:
        if _within(x, tail, tail_diamond) and _within(x, head, head_diamond):
            return x
    return None


def _within(x: float, box: Box, corner_only: bool) -> bool:
    """`x` lies on the middle part of the box's top or bottom edge (a diamond: exactly its corner)."""
    return abs(x - box.x) <= (0.5 if corner_only else box.w * 0.3)


def _port(box: Box, port: str, diamond: bool = False) -> Point:
    """Where a line leaves: a side corner, the bottom, or a point of the bottom left or
    right of the middle (of a diamond: a point of a lower edge)."""
    if port == "left":
        return (box.left, box.y)
    if port == "right":
        return (box.right, box.y)
    offset = _offset(port)
    if offset:
        x = box.x + box.w / 2 * offset
        return (x, box.y + box.h / 2 * (1 - abs(offset)) if diamond else box.bottom)
    return (box.x, box.bottom)


def _simplified(points: list[Point]) -> list[Point]:
    """The path without points that are not corners: no empty piece, no straight run cut in two
    (a hop needs the whole run to sit on)."""
    kept: list[Point] = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 0.01 and abs(point[1] - kept[-1][1]) < 0.01:
            continue
        if len(kept) >= 2 and _straight(kept[-2], kept[-1], point):
            kept[-1] = point
        else:
            kept.append(point)
    return kept


def _straight(a: Point, b: Point, c: Point) -> bool:
    same_x = abs(a[0] - b[0]) < 0.01 and abs(b[0] - c[0]) < 0.01
    same_y = abs(a[1] - b[1]) < 0.01 and abs(b[1] - c[1]) < 0.01
    return same_x or same_y


def _cross(p: Point, q: Point, a: Point, b: Point) -> bool:
    """Whether two axis-parallel segments cross inside both (not where one ends on the other)."""
    horizontal = abs(p[1] - q[1]) < 0.01
    if horizontal == (abs(a[1] - b[1]) < 0.01):
        return False
    (h0, h1), (v0, v1) = ((p, q), (a, b)) if horizontal else ((a, b), (p, q))
    x, y = v0[0], h0[1]
    inside_h = min(h0[0], h1[0]) + 0.5 < x < max(h0[0], h1[0]) - 0.5
    return inside_h and min(v0[1], v1[1]) + 0.5 < y < max(v0[1], v1[1]) - 0.5


def _distance(box: Box, p: Point, q: Point) -> float:
    """How far an axis-parallel segment passes from a box (0 when it touches it)."""
    dx = max(box.left - max(p[0], q[0]), min(p[0], q[0]) - box.right, 0.0)
    dy = max(box.top - max(p[1], q[1]), min(p[1], q[1]) - box.bottom, 0.0)
    return float((dx * dx + dy * dy) ** 0.5)


def _overlap(a: Box, b: Box, diamond: bool = False) -> bool:
    """Whether box `a` overlaps box `b` (or the diamond drawn in it: a label may sit in its corners)."""
    if not (a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom):
        return False
    if not diamond:
        return True
    nearest_x, nearest_y = min(max(b.x, a.left), a.right), min(max(b.y, a.top), a.bottom)
    return abs(nearest_x - b.x) / (b.w / 2) + abs(nearest_y - b.y) / (b.h / 2) < 1


def _crosses(p: Point, q: Point, box: Box, m: float = CLEARANCE) -> bool:
    """Whether the axis-parallel segment pq passes within `m` of the box."""
    x0, x1, y0, y1 = min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])
    return x0 < box.right + m and x1 > box.left - m and y0 < box.bottom + m and y1 > box.top - m


LABEL_GAP = 3.0  # between a label and its line
LABEL_SLIDES = 4  # a label may slide this many of its heights down a long vertical, off a crossing line


def _label_spots(points: list[Point], w: float, h: float) -> Iterator[Box]:
    """Places for a label beside each segment long enough to hold it, nearest the tail first;
    failing those, beside the line's very start, where it still reads as that line's label."""
    for p, q in pairwise(points):
        horizontal = abs(p[1] - q[1]) < 0.01
        if horizontal and abs(q[0] - p[0]) >= w + 4 * LABEL_GAP:
            yield from (*_at_end(p, q, w, h), *_at_end(q, p, w, h))
            sign = 1 if q[0] > p[0] else -1
            for k in range(1, min(LABEL_SLIDES, int((abs(q[0] - p[0]) - 4 * LABEL_GAP) / (w / 2)) - 1)):
                yield from _at_end((p[0] + sign * k * w / 2, p[1]), q, w, h)
        elif not horizontal and abs(q[1] - p[1]) >= h + 2 * LABEL_GAP:
            yield from _at_end(p, q, w, h)
            sign = 1 if q[1] > p[1] else -1
            for k in range(1, min(LABEL_SLIDES, int((abs(q[1] - p[1]) - 2 * LABEL_GAP) / h))):
                yield from _at_end((p[0], p[1] + sign * k * h), q, w, h)
    for p, q in pairwise(points):  # failing those, beside any piece, from either end
        yield from (*_at_end(p, q, w, h), *_at_end(q, p, w, h))
    yield from _at_end(points[0], points[1], w, h)


def _at_end(p: Point, q: Point, w: float, h: float) -> tuple[Box, Box]:
    """The two places beside segment pq that start at its end p: above and below it, or right and left."""
    if abs(p[1] - q[1]) < 0.01:
        x = p[0] + (w / 2 + 2 * LABEL_GAP) * (1 if q[0] > p[0] else -1)
        return Box(x, p[1] - h / 2 - 1, w, h), Box(x, p[1] + h / 2 + 1, w, h)
    y = p[1] + (h / 2 + LABEL_GAP) * (1 if q[1] > p[1] else -1)
    return Box(p[0] + w / 2 + LABEL_GAP, y, w, h), Box(p[0] - w / 2 - LABEL_GAP, y, w, h)


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
