"""How a swimlane chart looks: the practitioners' flowchart symbols (docs/render.md), drawn by real Graphviz.

`layout` decides where things go; this module decides what each shape is —
its DOT attributes, which layout's dot run measures and which are drawn
unchanged — then pins every shape and line at its place and lets
`neato -n2` draw: the second and last Graphviz run. Every string from the
YAML passes through `dotescape`.

Drawing is two calls: `sketch` (looks, measuring, placing, routing) needs
the process alone, so a site can start it while other files still load;
`draw` adds where each shape links, which depends on the other processes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from procdoc import graph
from procdoc.chart import layout, routing
from procdoc.chart.graphviz import Graphviz
from procdoc.chart.text import wrap
from procdoc.i18n import LABELS
from procdoc.model import Process, Step
from procdoc.render.dotescape import html, quoted
from procdoc.render.names import slug, step_anchor

FONT = "Noto Sans CJK SC,Noto Sans,sans-serif"
LINE_COLUMNS = 22  # about 11 Chinese characters or 22 Latin ones per line
DECISION_COLUMNS = 16  # a diamond grows twice as fast as its text
NOTE_COLUMNS = 10  # documents, records and exit labels stay small beside the flow
PHASE_COLUMNS = 8  # phase names in the left gutter
NOTE_SIZE = 9  # points: notes are read after the steps they sit beside
NOTE_MIN = (0.4, 0.3)  # inches: as small as its text, not Graphviz's default 0.75 × 0.5
HEADER_MARGIN = 7.2  # points left and right of a lane's name: the narrowest a lane can be
ARROW_SIZE = 0.7  # Graphviz arrowheads are 10 points long at size 1

INK = "#263238"
RED = "#c62828"  # emergency paths and control-point badges
STAR = "#e65100"  # key steps
SYSTEM = "#1565c0"  # information-system tags
SUBPROCESS_FILL, DOCUMENT_FILL, RECORD_FILL = "#e3f2fd", "#fffde7", "#f1f8e9"
PARALLEL_FILL = "#ede7f6"  # parallel splits and joins
SPLIT_SIZE = 0.42  # inches: a split's diamond holds nothing but its plus

#: above this many steps a chart is left out: Graphviz needs 12 s for 1,000 steps and
#: minutes for 2,000, and no one can read it anyway (check warns from 50, rule X001)
MAX_STEPS = 400


def drawable(process: Process) -> bool:
    """Whether the process's chart is drawn at all (see MAX_STEPS)."""
    return len(process.steps) <= MAX_STEPS


@dataclass(frozen=True)
class Drawing:
    svg: str  # standalone SVG text
    dot_seconds: float  # wall time spent in Graphviz subprocesses
    source: str  # the pinned DOT that neato drew: other formats of the chart start from it


@dataclass(frozen=True)
class Sketch:
    """A chart measured, placed and routed, in its language: all but its links."""

    process: Process
    lang: str
    style: Style
    chart: layout.Plan
    attrs: dict[str, str]
    placed: layout.Layout
    dot_seconds: float


def sketch(process: Process, *, lang: str) -> Sketch:
    """The chart of `process` laid out (dot's run): what only the process itself decides."""
    run = Graphviz()
    style = Style(process, lang)
    chart = layout.plan(process)
    attrs = {shape.name: style.shape(shape) for shape in chart.shapes}
    placed = layout.place(chart, attrs, run)
    return Sketch(process, lang, style, chart, attrs, placed, run.seconds)


def draw(
    process: Process,
    *,
    lang: str,
    process_href: Callable[[str], str | None],
    step_href: Callable[[str], str],
    sketched: Sketch | None = None,
) -> Drawing:
    """The process's swimlane chart as SVG, every step linked to its row in the manual.

    `sketched`, when given, is this process's `sketch` in `lang`, made earlier.
    """
    laid_out = sketched or sketch(process, lang=lang)
    run = Graphviz()
    source = _scene(laid_out, _Links(process_href, step_href))
    svg = run("neato", "svg", source)
    return Drawing(svg.decode("utf-8"), laid_out.dot_seconds + run.seconds, source)


def png_of(drawing: Drawing) -> tuple[bytes, float]:
    """A drawn chart as PNG, and the seconds spent in Graphviz: its scene is reused, so
    neither the layout nor dot runs a second time."""
    run = Graphviz()
    return run("neato", "png", drawing.source), run.seconds


# ── Text ──────────────────────────────────────────────────────────────────────


def _lines(text: str, columns: int) -> str:
    """`text` wrapped and escaped, as HTML-like label lines."""
    return "<BR/>".join(html(line) for line in wrap(text, columns))


def _rows(rows: list[str], ruled: bool = False) -> str:
    """Label rows in a borderless table: plain `<BR/>` lines of mixed font sizes overlap in Graphviz 2.43.

    `ruled` draws a thin line between rows: where a note stacks several
    documents, it shows where one name ends and the next begins.
    """
    cells = ("<HR/>" if ruled else "").join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>'


def _boxed(text: str, fill: str, bars: bool = False) -> str:
    """A small framed sample for the legend; with `bars`, the sub-process symbol."""
    bar = '<TD WIDTH="3"></TD>' if bars else ""
    return (f'<TABLE BORDER="1" CELLBORDER="{int(bars)}" CELLSPACING="0" CELLPADDING="1"><TR>{bar}'
            f'<TD BGCOLOR="{fill}">{text}</TD>{bar}</TR></TABLE>')


def _attrs(label: str | None = None, **values: str | float) -> str:
    """A DOT attribute list: `label` is HTML-like markup; strings are quoted, a tooltip
    for the two times Graphviz reads its escapes."""
    parts = [f"label=<{label}>"] if label is not None else []
    for key, value in values.items():
        parts.append(f"{key}={quoted(value, 2 if key == 'tooltip' else 1) if isinstance(value, str) else f'{value:g}'}")
    return ", ".join(parts)


# ── Symbols ───────────────────────────────────────────────────────────────────


class Style:
    """Each shape's and line's DOT attributes: the one place that knows symbols, colours and marks.

    Links are not looks: `_Links` adds them when the chart is drawn."""

    def __init__(self, process: Process, lang: str) -> None:
        self.process = process
        legend = LABELS[lang]
        self.text = {key.removeprefix("legend."): text for key, text in legend.items() if key.startswith("legend.")}
        self.emergency = graph.emergency_only(process)

    def shape(self, shape: layout.Shape) -> str:
        if shape.kind == "fork" and shape.step is not None:
            return self.split(shape.step, shape.name)
        if shape.step is not None:
            return self.step(shape.step) if shape.kind == "step" else self.notes(shape.kind, shape.step)
        if shape.kind == "header" and shape.lane is not None:
            return self.header(shape.lane)
        if shape.kind == "phase" and shape.phase is not None:
            return self.phase(shape.phase)
        if shape.kind == "label" and shape.flow is not None:
            return _attrs(_exit_label(shape.flow.label or ""), shape="plain", fontname=FONT)
        return self.legend()

    def step(self, step: Step) -> str:
        """Terminator, rectangle, diamond or double-barred box, with its number and marks."""
        emergency = step.id in self.emergency
        marks = [("key", step.key), ("control-point", step.control is not None), ("emergency", emergency),
                 ("system", bool(step.system))]
        common: dict[str, str | float] = {
            "id": step_anchor(step.id),
            "class": " ".join(["step", f"step-{step.type}", *(name for name, on in marks if on)]),
            "tooltip": f"{step.id} {step.name}" + (f"\n{step.description}" if step.description else ""),
            "fontname": FONT, "fontsize": 11, "fontcolor": INK,
            "color": RED if emergency else INK, "penwidth": 2.4 if step.key else 1.1,
        }
        dashed = ",dashed" if emergency else ""
        if step.type == "subprocess":
            return _attrs(self._subprocess(step, str(common["color"])), **common, shape="plain")
        if step.type in ("decision", "join"):
            fill = PARALLEL_FILL if step.type == "join" else "#fff8e1"
            return _attrs(self._inner(step, DECISION_COLUMNS), **common, shape="diamond", style="filled" + dashed,
                          fillcolor=fill, margin="0.02,0.02")
        terminator = step.type in ("start", "end")
        return _attrs(self._inner(step, LINE_COLUMNS), **common, shape="box", margin="0.08,0.05",
                      style=("rounded," if terminator else "") + "filled" + dashed,
                      fillcolor="#e8f5e9" if terminator else "#ffffff")

    def _inner(self, step: Step, columns: int) -> str:
        """The step number and its marks, the wrapped name, then the information-system tag."""
        head = [f'<FONT POINT-SIZE="9" COLOR="#546e7a">{html(step.id)}</FONT>']
        if step.key:
            head.append(f'<FONT POINT-SIZE="10" COLOR="{STAR}">★</FONT>')
        if step.control is not None:
            head.append(f'<FONT POINT-SIZE="9" COLOR="{RED}"><B>{self.text["cp"]}</B></FONT>')
        rows = [" ".join(head), *([_PLUS] if step.type == "join" else []), _lines(step.name, columns)]
        if step.type == "start" and step.trigger:
            trigger = _lines(self.text["trigger"] + step.trigger, columns)
            rows.append(f'<FONT POINT-SIZE="9" COLOR="#2e7d32"><I>{trigger}</I></FONT>')
        if step.system:
            rows.append(f'<FONT POINT-SIZE="9" COLOR="{SYSTEM}">{_lines(f"[{step.system}]", columns)}</FONT>')
        return _rows(rows)

    def _subprocess(self, step: Step, colour: str) -> str:
        """The predefined-process symbol: a box with a narrow bar on each side."""
        return (
            f'<TABLE BORDER="{2 if step.key else 1}" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5" '
            f'BGCOLOR="{SUBPROCESS_FILL}" COLOR="{colour}"><TR><TD WIDTH="6"></TD>'
            f'<TD>{self._inner(step, LINE_COLUMNS)}</TD><TD WIDTH="6"></TD></TR></TABLE>'
        )

    def split(self, step: Step, name: str) -> str:
        """The parallel gateway after a step whose exit starts parallel paths: a diamond with a plus."""
        emergency = step.id in self.emergency
        return _attrs(_PLUS, id=f"{step_anchor(step.id)}-split-{name.rsplit('_', 1)[1]}",
                      shape="diamond", style="filled" + (",dashed" if emergency else ""), fillcolor=PARALLEL_FILL,
                      color=RED if emergency else INK, penwidth=1.1, fixedsize="true", width=SPLIT_SIZE,
                      height=SPLIT_SIZE, margin="0,0", fontname=FONT, fontcolor=INK,
                      tooltip=f"{step.id} {step.name}: {self.text['parallel_text']}",
                      **{"class": "gateway parallel split"})

    def notes(self, kind: str, step: Step) -> str:
        """The documents that guide a step or the records it produces: one note,
        drawn doubled (stacked) when it holds more than one."""
        known = self.process.document_by_id if kind == "documents" else self.process.record_by_id
        ids = step.documents if kind == "documents" else step.records
        names = [known[i].name if i in known else i for i in ids]
        details = [getattr(known.get(i), "ref" if kind == "documents" else "stored_in", None) for i in ids]
        return _attrs(
            _rows([_lines(name, NOTE_COLUMNS) for name in names], ruled=True),
            id=f"{step_anchor(step.id)}-{kind}",
            shape="note", style="filled", fillcolor=DOCUMENT_FILL if kind == "documents" else RECORD_FILL,
            color="#8d6e63", peripheries=2 if len(ids) > 1 else 1, fontname=FONT, fontsize=NOTE_SIZE, fontcolor=INK,
            margin="0.06,0.03", width=NOTE_MIN[0], height=NOTE_MIN[1], **{"class": kind[:-1]},
            tooltip="\n".join(f"{n} ({d})" if d else n for n, d in zip(names, details, strict=True)),
        )

    def header(self, index: int) -> str:
        """A lane's name in the header band; the external party in a warmer colour."""
        lane = self.process.lanes[index] if index < len(self.process.lanes) else layout.UNASSIGNED
        label = "<BR/>".join(f"<B>{html(line)}</B>" for line in wrap(lane.name, LINE_COLUMNS))
        return _attrs(label, shape="box", style="filled", fillcolor="#fbe9e7" if lane.kind == "external" else "#e3eaf2",
                      color="#78909c", fontname=FONT, fontsize=12, fontcolor=INK, width=0,
                      margin=f"{HEADER_MARGIN / 72:g},0.06",
                      tooltip=lane.duties or lane.name, **{"class": "lane-header"})

    def phase(self, index: int) -> str:
        """A phase's number and name, for the left gutter."""
        name = self.process.phases[index].name
        label = _rows([f"<B>{index + 1}</B>", _lines(name, PHASE_COLUMNS)])
        return _attrs(label, shape="box", color="transparent", fontname=FONT, fontsize=11, fontcolor="#37474f",
                      margin="0.02,0.02", tooltip=name, **{"class": "phase-label"})

    def legend(self) -> str:
        """What the marks mean, in the chart's language: two rows, so that it is not what sets a small chart's width."""
        t = self.text
        marks = [
            (f'<FONT COLOR="{STAR}">★</FONT>', t["key"]),
            (f'<FONT COLOR="{RED}"><B>{t["cp"]}</B></FONT>', t["cp_text"]),
            (f'<FONT COLOR="{SYSTEM}">[ERP]</FONT>', t["system"]),
            (f'<FONT COLOR="{RED}">- - -▸</FONT>', t["emergency"]),
        ]
        symbols = [
            (_boxed(t["subprocess"], SUBPROCESS_FILL, bars=True), t["subprocess_text"]),
            (_boxed(t["document"], DOCUMENT_FILL), t["document_text"]),
            (_boxed(t["record"], RECORD_FILL), t["record_text"]),
            (_boxed(_PLUS, PARALLEL_FILL), t["parallel_text"]),
        ]
        first, second = ("".join(f'<TD>{mark}</TD><TD ALIGN="LEFT">{text}</TD>' for mark, text in row)
                         for row in (marks, symbols))
        label = (f'<TABLE BORDER="1" COLOR="#b0bec5" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
                 f'<TR><TD ROWSPAN="2"><B>{t["title"]}</B></TD>{first}</TR><TR>{second}</TR></TABLE>')
        return _attrs(label, shape="plain", fontname=FONT, fontsize=9, fontcolor=INK, id="legend",
                      tooltip=t["title"], **{"class": "legend"})

    def line(self, route: routing.Route, steps: Mapping[str, Step], height: float) -> str:
        """A flow line (red and dashed on an emergency path) or a note's dotted link."""
        flow = route.flow
        if flow.kind != "flow":
            return _attrs(None, style="dotted", color="#8d6e63", arrowhead="none", **{"class": f"link {flow.kind}"})
        emergency = steps[flow.tail].id in self.emergency
        classes = ["flow", *(["back"] if flow.back else []), *(["emergency"] if emergency else [])]
        common: dict[str, str | float] = {
            "class": " ".join(classes), "color": RED if emergency else "#37474f",
            "style": "dashed" if emergency else "solid", "arrowsize": ARROW_SIZE, "penwidth": 1.1, "fontname": FONT,
        }
        if route.label is None or not flow.label:
            return _attrs(None, **common)
        return _attrs(_exit_label(flow.label), **common, lp=f"{route.label.x:.2f},{height - route.label.y:.2f}")


class _Links:
    """Where each step's shape links: its row in the manual, or the page of the process it runs."""

    def __init__(self, process_href: Callable[[str], str | None], step_href: Callable[[str], str]) -> None:
        self.process_href = process_href
        self.step_href = step_href

    def of(self, shape: layout.Shape) -> str:
        """`, href=…` for a step's shape; nothing for the others."""
        step = shape.step
        if shape.kind != "step" or step is None:
            return ""
        target = (self.process_href(step.process) if step.type == "subprocess" and step.process else None)
        return f", href={quoted(target or self.step_href(step.id))}"


_PLUS = '<FONT POINT-SIZE="16"><B>+</B></FONT>'
"""The parallel mark inside a split's or join's diamond, and in the legend."""


def _exit_label(text: str) -> str:
    """A decision exit's words on a white ground, so that crossing lines do not run through them."""
    words = _lines(text, NOTE_COLUMNS)
    return (f'<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0" BGCOLOR="white"><TR><TD>'
            f'<FONT POINT-SIZE="10" COLOR="#bf360c">{words}</FONT></TD></TR></TABLE>')


# ── The pinned scene neato draws ──────────────────────────────────────────────


def _scene(laid_out: Sketch, links: _Links) -> str:
    """The DOT with every position fixed and every link in place."""
    chart, attrs, placed = laid_out.chart, laid_out.attrs, laid_out.placed
    steps = {s.name: s.step for s in chart.shapes if s.kind in ("step", "fork") and s.step is not None}
    lines = [
        "digraph procdoc {",
        f"graph [outputorder=edgesfirst, bgcolor=white, pad=0.2, fontname={quoted(FONT)}];",
        *_bands(placed),
        *_columns(placed),
    ]
    drawn = [shape for shape in chart.shapes if shape.kind != "label"]  # labels are drawn on their lines
    lines += [f"{shape.name} [{attrs[shape.name]}{links.of(shape)}, {_pin(shape, placed)}];" for shape in drawn]
    for route in placed.routes:
        line = laid_out.style.line(route, steps, placed.height)
        lines.append(f"{route.flow.tail} -> {route.flow.head} [{line}, {_spline(route, placed.height)}];")
    lines.append("}")
    return "\n".join(lines)


def _pin(shape: layout.Shape, placed: layout.Layout) -> str:
    box = placed.boxes[shape.name]
    pos = f'pos="{box.x:.2f},{placed.height - box.y:.2f}!"'
    if shape.kind == "header":  # stretched across its lane
        return f"{pos}, fixedsize=true, width={box.w / 72:.4f}, height={box.h / 72:.4f}"
    return pos


def _spline(route: routing.Route, height: float) -> str:
    """The route as a Graphviz `pos`: straight Bézier pieces, a half-circle at each hop,
    the arrowhead ending on the head."""
    points = [(x, height - y) for x, y in route.points]
    prefix = ""
    if route.flow.kind == "flow":
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = max(abs(x1 - x0), abs(y1 - y0)) or 1.0
        shorten = min(10 * ARROW_SIZE, length * 0.9) / length
        prefix = f"e,{x1:.2f},{y1:.2f} "
        points[-1] = (x1 - (x1 - x0) * shorten, y1 - (y1 - y0) * shorten)
    hops = [(x, height - y) for x, y in route.hops]
    pieces = [points[0]]
    for a, b in pairwise(points):
        for hop in (h for h in hops if _on(h, a, b)):
            pieces += _hop(pieces[-1], hop, a, b)
        pieces += [pieces[-1], b, b]
    return f'pos="{prefix}' + " ".join(f"{x:.2f},{y:.2f}" for x, y in pieces) + '"'


def _on(point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether `point` lies inside the axis-parallel segment ab."""
    if abs(a[1] - b[1]) < 0.01:
        return abs(point[1] - a[1]) < 0.01 and min(a[0], b[0]) < point[0] < max(a[0], b[0])
    return abs(point[0] - a[0]) < 0.01 and min(a[1], b[1]) < point[1] < max(a[1], b[1])


def _hop(start: tuple[float, float], at: tuple[float, float], a: tuple[float, float],
         b: tuple[float, float]) -> list[tuple[float, float]]:
    """Straight on to the crossing at `at`, then over it in a half-circle (one Bézier piece,
    bulging up from a horizontal line, right from a vertical one)."""
    r, rise = routing.HOP, routing.HOP * 4 / 3
    if abs(a[1] - b[1]) < 0.01:
        sign = 1 if b[0] > a[0] else -1
        before, after = (at[0] - sign * r, at[1]), (at[0] + sign * r, at[1])
        bulge = (0.0, rise)
    else:
        sign = 1 if b[1] > a[1] else -1
        before, after = (at[0], at[1] - sign * r), (at[0], at[1] + sign * r)
        bulge = (rise, 0.0)
    return [start, before, before, (before[0] + bulge[0], before[1] + bulge[1]),
            (after[0] + bulge[0], after[1] + bulge[1]), after]


def _bb(rect: layout.Rect, height: float) -> str:
    return f'bb="{rect.x0:.2f},{height - rect.y1:.2f},{rect.x1:.2f},{height - rect.y0:.2f}"'


def _bands(placed: layout.Layout) -> list[str]:
    """Phases: empty clusters across the chart, shaded in turn, drawn first."""
    names = _unique([f"phase-{slug(phase.id)}" for phase, _ in placed.bands])
    return [
        f'subgraph "cluster_{name}" {{ {_bb(rect, placed.height)}; id={quoted(name)}; class="phase"; style=filled; '
        f'fillcolor="{"#f3f6f9" if i % 2 == 0 else "#ffffff"}"; color="#b0bec5"; penwidth=0.8; label=""; }}'
        for i, (name, (_, rect)) in enumerate(zip(names, placed.bands, strict=True))
    ]


def _columns(placed: layout.Layout) -> list[str]:
    """Lanes: empty clusters with explicit boxes, in declared order."""
    names = _unique([f"lane-{slug(lane.id)}" for lane, _ in placed.columns])
    return [
        f'subgraph "cluster_{name}" {{ {_bb(rect, placed.height)}; id={quoted(name)}; class="lane"; '
        f'bgcolor="transparent"; color="#78909c"; penwidth=1.2; label=""; }}'
        for name, (_, rect) in zip(names, placed.columns, strict=True)
    ]


def _unique(names: list[str]) -> list[str]:
    """`names` with a counter added to repeats: ids that differ only in case or punctuation slug alike."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return result
