"""A chart's lines checked for what would mislead a reader, on the SVG procdoc wrote.

The SVG is parsed back into shapes (each node's outline), lines (each edge's
straight pieces and the hops it makes over other lines) and line labels,
and held to the rules of issue 15:

- shared: lines to different targets never run on one another (collinear
  within 2 px for more than 8 px); lines merging into one target may;
- label: a line's label is within 30 px of its line and nearer to it than
  to any other line (beside lines merged into one target, either will do);
- through: no line crosses the inside of a shape other than its two ends;
- hop: where two lines cross, one hops the other;
- parallel: lines running along each other keep at least 6 px apart.

Crossings (hopped ones) are counted, so a test can keep their number down.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from itertools import combinations, pairwise

SVG = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]
Segment = tuple[Point, Point]

SHARED = 2.0  # lines this close run on one another
SHARED_LENGTH = 8.0  # ... when they do so for longer than this
LABEL_REACH = 30.0
PARALLEL = 6.0
INSIDE = 1.0  # a line may graze a shape's outline by this much
STRAIGHT = 0.3  # a Bézier piece whose control points lie this close to its chord is straight


@dataclass
class Line:
    """One edge: its straight pieces, the chords of its hops, its label's box."""

    name: str
    tail: str
    head: str
    segments: list[Segment] = field(default_factory=list)
    hops: list[Segment] = field(default_factory=list)
    label: tuple[float, float, float, float] | None = None


@dataclass
class Shape:
    name: str
    outline: list[Point]
    diamond: bool


@dataclass
class Chart:
    shapes: dict[str, Shape]
    lines: list[Line]


@dataclass
class Report:
    violations: list[str]
    crossings: int


def parse(svg: str) -> Chart:
    """The chart's shapes and lines from procdoc's SVG (Graphviz's coordinates, kept as drawn)."""
    root = ET.fromstring(svg)
    shapes: dict[str, Shape] = {}
    lines: list[Line] = []
    for group in root.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        title = group.findtext(f"{SVG}title") or ""
        if "node" in classes:
            outline = _outline(group)
            if outline:
                shapes[title] = Shape(title, outline, "step-decision" in classes)
        elif "edge" in classes:
            tail, _, head = title.partition("->")
            lines.append(_line(group, group.get("id") or title, tail, head))
    return Chart(shapes, lines)


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def _points(text: str) -> list[Point]:
    values = _numbers(text)
    return list(zip(values[::2], values[1::2], strict=True))


def _outline(group: ET.Element) -> list[Point]:
    """The shape's outer outline: its first polygon or path (a plain shape: its table's frame)."""
    for element in group.iter():
        if element.tag == f"{SVG}polygon" and element.get("fill") != "transparent":
            return _points(element.get("points", ""))
        if element.tag == f"{SVG}path":
            return _points(element.get("d", ""))
    return []


def _line(group: ET.Element, name: str, tail: str, head: str) -> Line:
    line = Line(name, tail, head)
    path = group.find(f"{SVG}path")
    points = _points(path.get("d", "")) if path is not None else []
    for i in range(0, len(points) - 3, 3):
        p0, c1, c2, p3 = points[i : i + 4]
        if _distance_to_segment(c1, (p0, p3)) <= STRAIGHT and _distance_to_segment(c2, (p0, p3)) <= STRAIGHT:
            if p0 != p3:
                line.segments.append((p0, p3))
        else:
            line.hops.append((p0, p3))
    line.segments = _merged(line.segments)
    for polygon in group.findall(f"{SVG}polygon"):
        if polygon.get("fill") == "white":
            xs, ys = zip(*_points(polygon.get("points", "")), strict=True)
            line.label = (min(xs), min(ys), max(xs), max(ys))
    return line


def _merged(segments: list[Segment]) -> list[Segment]:
    """Consecutive collinear pieces as one segment."""
    merged: list[Segment] = []
    for p, q in segments:
        if merged and _collinear(merged[-1], (p, q)) and merged[-1][1] == p:
            merged[-1] = (merged[-1][0], q)
        else:
            merged.append((p, q))
    return merged


def _collinear(a: Segment, b: Segment) -> bool:
    return _direction(a) == _direction(b) and _direction(a) != "oblique" and (
        abs(a[0][1] - b[0][1]) < 0.01 if _direction(a) == "h" else abs(a[0][0] - b[0][0]) < 0.01
    )


def _direction(s: Segment) -> str:
    (x0, y0), (x1, y1) = s
    if abs(y0 - y1) < 0.01:
        return "h"
    if abs(x0 - x1) < 0.01:
        return "v"
    return "oblique"


# ── Distances ─────────────────────────────────────────────────────────────────


def _distance_to_segment(p: Point, s: Segment) -> float:
    (x0, y0), (x1, y1) = s
    dx, dy = x1 - x0, y1 - y0
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy) / length))
    return float(((p[0] - x0 - t * dx) ** 2 + (p[1] - y0 - t * dy) ** 2) ** 0.5)


def _rect_to_segment(rect: tuple[float, float, float, float], s: Segment) -> float:
    """Distance from an axis-parallel rectangle to a segment (0 when they touch)."""
    x0, y0, x1, y1 = rect
    if _segment_meets_rect(s, (x0, y0, x1, y1)):
        return 0.0
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    edges = list(pairwise([*corners, corners[0]]))
    near = min(_distance_to_segment(c, s) for c in corners)
    return min(near, *(min(_distance_to_segment(e, edge) for edge in edges) for e in s))


def _segment_meets_rect(s: Segment, rect: tuple[float, float, float, float]) -> bool:
    """Whether a segment touches a rectangle (Liang–Barsky clipping)."""
    (ax, ay), (bx, by) = s
    low, high = 0.0, 1.0
    for delta, start, lo, hi in ((bx - ax, ax, rect[0], rect[2]), (by - ay, ay, rect[1], rect[3])):
        if abs(delta) < 1e-9:
            if not lo <= start <= hi:
                return False
            continue
        t0, t1 = sorted(((lo - start) / delta, (hi - start) / delta))
        low, high = max(low, t0), min(high, t1)
    return low <= high


def _line_distance(rect: tuple[float, float, float, float], line: Line) -> float:
    pieces = line.segments + line.hops
    return min((_rect_to_segment(rect, s) for s in pieces), default=float("inf"))


# ── The rules ─────────────────────────────────────────────────────────────────


def check(svg: str) -> Report:
    """Every violation of the rules in the chart, and the number of (hopped or not) crossings."""
    chart = parse(svg)
    violations: list[str] = []
    crossings = 0
    for a, b in combinations(chart.lines, 2):
        violations += _runs_along(a, b)
        found, unhopped = _crossings(a, b)
        crossings += found
        violations += [f"hop: {a.name} ({a.tail}->{a.head}) crosses {b.name} ({b.tail}->{b.head}) "
                       f"at {x:.1f},{y:.1f} with no hop" for x, y in unhopped]
    for line in chart.lines:
        violations += _through(line, chart.shapes) + _label(line, chart.lines)
    return Report(violations, crossings)


def _runs_along(a: Line, b: Line) -> list[str]:
    """`shared` and `parallel`: parallel pieces of two lines, how close and for how long."""
    found = []
    for s in a.segments:
        for t in b.segments:
            kind = _direction(s)
            if kind == "oblique" or kind != _direction(t):
                continue
            axis, along = (1, 0) if kind == "h" else (0, 1)
            gap = abs(s[0][axis] - t[0][axis])
            lo = max(min(s[0][along], s[1][along]), min(t[0][along], t[1][along]))
            hi = min(max(s[0][along], s[1][along]), max(t[0][along], t[1][along]))
            if hi - lo <= SHARED_LENGTH:
                continue
            where = f"{a.name} ({a.tail}->{a.head}) and {b.name} ({b.tail}->{b.head}) along {lo:.1f}..{hi:.1f}"
            if gap <= SHARED and a.head != b.head:
                found.append(f"shared: {where} at {s[0][axis]:.1f}")
            elif SHARED < gap < PARALLEL:
                found.append(f"parallel: {where} {gap:.1f} px apart")
    return found


def _crossings(a: Line, b: Line) -> tuple[int, list[Point]]:
    """How often the two lines cross, and where they cross with no hop."""
    count, unhopped = 0, []
    for s in a.segments:
        for t in b.segments:
            point = _proper_crossing(s, t)
            if point is not None:
                count += 1
                unhopped.append(point)
    for hop in a.hops:
        count += sum(1 for t in b.segments if _proper_crossing(hop, t) is not None)
    for hop in b.hops:
        count += sum(1 for s in a.segments if _proper_crossing(hop, s) is not None)
    return count, unhopped


def _proper_crossing(s: Segment, t: Segment) -> Point | None:
    """Where a horizontal and a vertical segment cross inside both (not at an end of either)."""
    if {_direction(s), _direction(t)} != {"h", "v"}:
        return None
    h, v = (s, t) if _direction(s) == "h" else (t, s)
    x, y = v[0][0], h[0][1]
    m = 0.5
    inside_h = min(h[0][0], h[1][0]) + m < x < max(h[0][0], h[1][0]) - m
    inside_v = min(v[0][1], v[1][1]) + m < y < max(v[0][1], v[1][1]) - m
    return (x, y) if inside_h and inside_v else None


def _through(line: Line, shapes: dict[str, Shape]) -> list[str]:
    """`through`: a piece of the line inside a shape that is neither of its ends."""
    found = []
    for name, shape in shapes.items():
        if name in (line.tail, line.head):
            continue
        for s in line.segments + line.hops:
            if _enters(s, shape):
                found.append(f"through: {line.name} ({line.tail}->{line.head}) crosses the inside of {name}")
                break
    return found


def _enters(s: Segment, shape: Shape) -> bool:
    xs, ys = zip(*shape.outline, strict=True)
    x0, y0, x1, y1 = min(xs) + INSIDE, min(ys) + INSIDE, max(xs) - INSIDE, max(ys) - INSIDE
    if x0 >= x1 or y0 >= y1:
        return False
    if max(s[0][0], s[1][0]) <= x0 or min(s[0][0], s[1][0]) >= x1:
        return False
    if max(s[0][1], s[1][1]) <= y0 or min(s[0][1], s[1][1]) >= y1:
        return False
    if not shape.diamond:
        return True
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    (ax, ay), (bx, by) = s
    steps = max(1, int(max(abs(bx - ax), abs(by - ay))))
    return any(
        abs(ax + (bx - ax) * k / steps - cx) / rx + abs(ay + (by - ay) * k / steps - cy) / ry < 1
        for k in range(steps + 1)
    )


def _unshared(other: Line, line: Line) -> Line:
    """`other` without the runs it shares with `line` when both lead to one target: a label
    beside lines that have merged reads right for either."""
    if other.head != line.head:
        return other
    kept = [s for s in other.segments if not any(_overlapping(s, t) for t in line.segments)]
    return Line(other.name, other.tail, other.head, kept, other.hops)


def _overlapping(s: Segment, t: Segment) -> bool:
    kind = _direction(s)
    if kind == "oblique" or kind != _direction(t):
        return False
    axis, along = (1, 0) if kind == "h" else (0, 1)
    lo = max(min(s[0][along], s[1][along]), min(t[0][along], t[1][along]))
    hi = min(max(s[0][along], s[1][along]), max(t[0][along], t[1][along]))
    return abs(s[0][axis] - t[0][axis]) <= SHARED and hi - lo > SHARED_LENGTH


def _label(line: Line, lines: list[Line]) -> list[str]:
    """`label`: within reach of its own line, and nearer to it than to any other."""
    if line.label is None:
        return []
    own = _line_distance(line.label, line)
    name = f"{line.name} ({line.tail}->{line.head})"
    if own > LABEL_REACH:
        return [f"label: the label of {name} is {own:.1f} px from its line"]
    for other in lines:
        if other is not line and _line_distance(line.label, _unshared(other, line)) <= own:
            return [f"label: the label of {name} is as near to {other.name} ({other.tail}->{other.head})"]
    return []
