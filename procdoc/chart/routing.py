"""The lines of a swimlane chart, once every shape has its place.

The layout decides where shapes go; this module decides how each line gets
from its tail to its head: axis-parallel segments around every other shape
and off the lines routed before it, leaving a decision from its own corner,
its label in a free spot beside it. It knows boxes, lines and lane borders,
nothing of processes or Graphviz.

Coordinates are points with y growing downward, origin at the top left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

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


@dataclass(frozen=True)
class Space:
    """The placed chart as lines see it.

    `obstacles`: the room each body shape keeps lines out of (a note's
    includes the gap to its step). `borders`: the x of each lane's left edge,
    then the last lane's right edge. Lines run between `top` (below the
    header band) and `bottom`.
    """

    boxes: Mapping[str, Box]
    obstacles: list[tuple[str, Box]]
    diamonds: set[str]
    borders: list[float]
    top: float
    bottom: float


def route_all(flows: list[Flow], space: Space, labels: Mapping[Flow, Box]) -> list[Route]:
    """Every line routed in written order, then every label (`labels`: its measured size) beside its line."""
    router = _Router(space)
    paths = [router.route(flow, port) for flow, port in zip(flows, _ports(flows, space), strict=True)]
    return [
        Route(flow, port, points, router.label(j, labels[flow]) if flow in labels else None)
        for j, (flow, (port, points)) in enumerate(zip(flows, paths, strict=True))
    ]


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
        if flow.kind == "flow" and flow.tail in space.diamonds:
            exits.setdefault(flow.tail, []).append(j)
    for tail, indices in exits.items():
        shift = {j: boxes[flows[j].head].x - boxes[tail].x for j in indices}
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

    def __init__(self, space: Space) -> None:
        self.boxes = space.boxes
        self.diamonds = space.diamonds
        self.obstacles: _Grid[tuple[str, Box]] = _Grid()
        for name, box in space.obstacles:
            self.obstacles.add((name, box), box.left, box.top, box.right, box.bottom)
        self.gaps = _gaps([box for _, box in space.obstacles], space.top, space.bottom)
        self.taken: _Grid[tuple[bool, float, float, float]] = _Grid()  # (horizontal, at, from, to)
        self.lines: _Grid[tuple[int, Point, Point]] = _Grid()  # (path index, segment)
        self.labels: _Grid[Box] = _Grid()
        self.paths: list[list[Point]] = []
        margins = [x + side * 1.2 * TRACK for x in space.borders for side in (-1, 1)]
        beside = [x for _, b in space.obstacles for x in (b.left - 2.5 * TRACK, b.right + 2.5 * TRACK)]
        low, high = space.borders[0] + CLEARANCE, space.borders[-1] - CLEARANCE
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
        """A spot beside line `index`, nearest its tail, covering no shape and no other label,
        and crossed by as few other lines as can be."""
        best: tuple[int, Box] | None = None
        for spot in _label_spots(self.paths[index], size.w, size.h):
            area = (spot.left, spot.top, spot.right, spot.bottom)
            if any(_overlap(spot, b) for b in self.labels.near(*area)) or any(
                _overlap(spot, b) for _, b in self.obstacles.near(*area)
            ):
                continue
            crossing = sum(1 for i, p, q in self.lines.near(*area) if i != index and _crosses(p, q, spot, 0.0))
            best = best if best is not None and best[0] <= crossing else (crossing, spot)
            if crossing == 0:
                break
        x, y = self.paths[index][0]
        chosen = best[1] if best is not None else Box(x, y, size.w, size.h)
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
            tail, head = flow.tail if i == 0 else None, flow.head if i == last else None
            m = CLEARANCE
            area = (min(p[0], q[0]) - m, min(p[1], q[1]) - m, max(p[0], q[0]) + m, max(p[1], q[1]) + m)
            if any(name != tail and name != head and _crosses(p, q, box) for name, box in self.obstacles.near(*area)):
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
        cells = self.cells
        for key in self._keys(x0, y0, x1, y1):
            cells.setdefault(key, []).append(item)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[T]:
        cells = self.cells
        keys = self._keys(x0, y0, x1, y1)
        if len(keys) == 1:  # the common case: nothing to deduplicate
            return list(cells.get(keys[0], ()))
        found = {id(item): item for key in keys for item in cells.get(key, ())}
        return list(found.values())

    def _keys(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        c = self.CELL
        rows = range(int(y0 // c), int(y1 // c) + 1)
        return [(i, j) for i in range(int(x0 // c), int(x1 // c) + 1) for j in rows]


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


LABEL_GAP = 3.0  # between a label and its line


def _label_spots(points: list[Point], w: float, h: float) -> Iterator[Box]:
    """Places for a label beside each segment long enough to hold it, nearest the tail first;
    failing those, beside the line's very start, where it still reads as that line's label."""
    for p, q in pairwise(points):
        horizontal = abs(p[1] - q[1]) < 0.01
        if horizontal and abs(q[0] - p[0]) >= w + 4 * LABEL_GAP:
            yield from (*_at_end(p, q, w, h), *_at_end(q, p, w, h))
        elif not horizontal and abs(q[1] - p[1]) >= h + 2 * LABEL_GAP:
            yield from _at_end(p, q, w, h)
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
