"""How a swimlane chart looks: the symbols of DOMAIN.md §2, drawn by Graphviz.

`layout` decides where things go; this module decides what each shape is
(its DOT attributes, measured by layout's dot run and drawn unchanged here),
pins every shape at its place and lets `neato -n2` draw — the second and
last Graphviz run. Everything from the YAML passes through `dotescape`.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import graphviz

from procdoc import graph
from procdoc.model import Process, Step
from procdoc.render import layout
from procdoc.render.dotescape import html, quoted
from procdoc.render.errors import RenderError
from procdoc.render.names import slug, step_anchor

FONT = "Noto Sans CJK SC,Noto Sans,sans-serif"
MISSING = "Graphviz is not installed: install the `graphviz` OS package (Debian/Ubuntu: apt-get install graphviz)"
LINE_COLUMNS = 22  # about 11 Chinese characters or 22 Latin ones per line
DECISION_COLUMNS = 16  # a diamond grows twice as fast as its text
NOTE_COLUMNS = 10  # documents, records and exit labels stay small beside the flow
RED = "#c62828"
INK = "#263238"
ARROW_SIZE = 0.7  # Graphviz arrowheads are 10 points long at size 1
EXIT_LABEL = {"bottom": (50.0, 2.0), "left": (35.0, 1.8), "right": (-35.0, 1.8)}  # labelangle, labeldistance

TEXT = {
    "zh": {
        "legend": "图例", "key": "关键环节（粗框）", "cp": "控", "cp_text": "控制点", "system": "信息系统",
        "document": "文件", "document_text": "指导文件（步骤左侧）", "record": "记录", "record_text": "记录（步骤右侧）",
        "subprocess": "子流程", "subprocess_text": "引用流程（可点击）", "emergency": "应急处理路径",
    },
    "en": {
        "legend": "Legend", "key": "Key step (bold border)", "cp": "CP", "cp_text": "Control point",
        "system": "Information system", "document": "Doc", "document_text": "Guidance document (left of step)",
        "record": "Rec", "record_text": "Record (right of step)", "subprocess": "Sub",
        "subprocess_text": "Referenced process (click)", "emergency": "Emergency path",
    },
}


@dataclass(frozen=True)
class Drawing:
    svg: str  # standalone SVG text
    dot_seconds: float  # wall time spent in Graphviz subprocesses


def draw(
    process: Process,
    *,
    lang: str,
    process_href: Callable[[str], str | None],
    step_href: Callable[[str], str],
) -> Drawing:
    """The process's swimlane chart as SVG, every step linked to its manual row."""
    run = _Graphviz()
    svg = run("neato", "svg", _scene(process, _Style(process, lang, process_href, step_href), run))
    return Drawing(svg.decode("utf-8"), run.seconds)


def draw_png(
    process: Process,
    *,
    lang: str,
    process_href: Callable[[str], str | None],
    step_href: Callable[[str], str],
) -> tuple[bytes, float]:
    """The same chart as PNG, and the seconds spent in Graphviz."""
    run = _Graphviz()
    png = run("neato", "png", _scene(process, _Style(process, lang, process_href, step_href), run))
    return png, run.seconds


class _Graphviz:
    """Runs Graphviz and adds up the wall time its subprocesses take."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, engine: str, fmt: str, source: str) -> bytes:
        started = time.perf_counter()
        try:
            no_op = 2 if engine == "neato" else None
            return graphviz.pipe(engine, fmt, source.encode("utf-8"), neato_no_op=no_op, quiet=True)
        except graphviz.ExecutableNotFound as err:
            raise RenderError(MISSING, "other systems: https://graphviz.org/download/") from err
        except graphviz.CalledProcessError as err:
            detail = (err.stderr or b"").decode("utf-8", "replace").strip()
            raise RenderError(f"Graphviz `{engine}` failed: {detail}", "please report this as a procdoc bug") from err
        finally:
            self.seconds += time.perf_counter() - started


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` display columns (a Chinese character counts 2), evened out.

    Latin text breaks at spaces, Chinese between any two characters; a word
    longer than a line is cut; closing punctuation stays on its line. Lines
    are balanced so a name does not end in one lonely character.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        greedy = _fill(paragraph, columns)
        target = -(-sum(_width(line) for line in greedy) // len(greedy))
        while len(greedy) > 1 and target < columns and len(_fill(paragraph, target)) > len(greedy):
            target += 1
        lines += _fill(paragraph, target) if len(greedy) > 1 and target < columns else greedy
    return lines


def _fill(paragraph: str, columns: int) -> list[str]:
    """Greedy line filling."""
    lines: list[str] = []
    line, used = "", 0
    for word in paragraph.split(" "):
        for piece in _pieces(word, columns):
            size = _width(piece)
            space = 1 if line and not _is_wide(line[-1]) and not _is_wide(piece[0]) else 0
            if line and used + space + size > columns and piece not in _CLOSING:
                lines.append(line)
                line, used, space = "", 0, 0
            line += " " * space + piece
            used += space + size
    return [*lines, line]


_CLOSING = set("，。、；：？！）》」』】,.;:?!)")


def _pieces(word: str, columns: int) -> list[str]:
    """Break opportunities inside a space-free word: around wide characters, and in long runs."""
    pieces: list[str] = []
    run = ""
    for ch in word:
        if _is_wide(ch):
            pieces += [run, ch] if run else [ch]
            run = ""
        else:
            run += ch
    if run:
        pieces.append(run)
    return [chunk for piece in pieces for chunk in _chunks(piece, columns)]


def _chunks(piece: str, columns: int) -> list[str]:
    return [piece[i : i + columns] for i in range(0, len(piece), columns)] if len(piece) > columns else [piece]


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _width(text: str) -> int:
    return sum(2 if _is_wide(ch) else 1 for ch in text)


def _lines(text: str, columns: int) -> list[str]:
    return [html(line) for line in wrap(text, columns)]


def _rows(rows: list[str]) -> str:
    cells = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>'


def _attrs(label: str | None = None, label_attr: str = "label", **values: str | float) -> str:
    """DOT attribute list: `label` is HTML-like markup, every string value is quoted."""
    parts = [f"{label_attr}=<{label}>"] if label is not None else []
    parts += [f"{k}={quoted(v) if isinstance(v, str) else f'{v:g}'}" for k, v in values.items()]
    return ", ".join(parts)


class _Style:
    """Each shape's DOT attributes; the only place that knows colours and marks."""

    def __init__(
        self, process: Process, lang: str, process_href: Callable[[str], str | None], step_href: Callable[[str], str]
    ) -> None:
        self.process = process
        self.text = TEXT.get(lang, TEXT["en"])
        self.process_href = process_href
        self.step_href = step_href
        self.emergency = _emergency_only(process)

    def shape(self, shape: layout.Shape) -> str:
        if shape.kind == "step" and shape.step is not None:
            return self.step(shape.step)
        if shape.kind in ("documents", "records") and shape.step is not None:
            return self.side(shape.kind, shape.step)
        if shape.kind == "header" and shape.lane is not None:
            return self.header(shape.lane)
        if shape.kind == "phase" and shape.phase is not None:
            return self.phase(shape.phase)
        return self.legend()

    def step(self, step: Step) -> str:
        emergency = step.id in self.emergency
        colour = RED if emergency else INK
        common: dict[str, str | float] = {
            "id": step_anchor(step.id),
            "class": " ".join(["step", f"step-{step.type}", *self._marks(step, emergency)]),
            "tooltip": step.name + (f"\n{step.description}" if step.description else ""),
            "href": self.step_href(step.id),
            "fontname": FONT,
            "fontsize": 11,
            "fontcolor": INK,
            "color": colour,
            "penwidth": 2.4 if step.key else 1.1,
        }
        if step.type == "subprocess":
            link = self.process_href(step.process) if step.process else None
            common["href"] = link or common["href"]
            return _attrs(self._subprocess(step, colour), **common, shape="plain")
        dashed = ",dashed" if emergency else ""
        if step.type == "decision":
            return _attrs(self._inner(step, DECISION_COLUMNS), **common, shape="diamond", style="filled" + dashed,
                          fillcolor="#fff8e1", margin="0.02,0.02")
        rounded = "rounded," if step.type in ("start", "end") else ""
        fill = "#e8f5e9" if rounded else "#ffffff"
        return _attrs(self._inner(step, LINE_COLUMNS), **common, shape="box", style=f"{rounded}filled{dashed}",
                      fillcolor=fill, margin="0.1,0.05")

    def _marks(self, step: Step, emergency: bool) -> list[str]:
        flags = [("key", step.key), ("control-point", step.control is not None), ("emergency", emergency),
                 ("system", bool(step.system))]
        return [name for name, on in flags if on]

    def _inner(self, step: Step, columns: int) -> str:
        """Step number and marks, the wrapped name, then the information system tag.

        A borderless table: plain `<BR/>` lines of mixed font sizes overlap in Graphviz 2.43.
        """
        head = [f'<FONT POINT-SIZE="9" COLOR="#546e7a">{html(step.id)}</FONT>']
        if step.key:
            head.append('<FONT POINT-SIZE="10" COLOR="#e65100">★</FONT>')
        if step.control is not None:
            head.append(f'<FONT POINT-SIZE="9" COLOR="{RED}"><B>{self.text["cp"]}</B></FONT>')
        rows = [" ".join(head), "<BR/>".join(_lines(step.name, columns))]
        if step.system:
            tag = "<BR/>".join(_lines(f"[{step.system}]", columns))
            rows.append(f'<FONT POINT-SIZE="9" COLOR="#1565c0">{tag}</FONT>')
        return _rows(rows)

    def _subprocess(self, step: Step, colour: str) -> str:
        """The predefined-process symbol: a box with a narrow bar cell on each side."""
        border = 2 if step.key else 1
        return (
            f'<TABLE BORDER="{border}" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5" BGCOLOR="#e3f2fd" '
            f'COLOR="{colour}"><TR><TD WIDTH="6"></TD><TD>{self._inner(step, LINE_COLUMNS)}</TD>'
            '<TD WIDTH="6"></TD></TR></TABLE>'
        )

    def side(self, kind: str, step: Step) -> str:
        """Documents beside a step (left) or records it produces (right), one note."""
        if kind == "documents":
            found = [self.process.document_by_id.get(i) for i in step.documents]
            names = [(d.name, d.ref) if d else (i, None) for d, i in zip(found, step.documents, strict=True)]
            fill = "#fffde7"
        else:
            kept = [self.process.record_by_id.get(i) for i in step.records]
            names = [(r.name, r.stored_in) if r else (i, None) for r, i in zip(kept, step.records, strict=True)]
            fill = "#f1f8e9"
        rows = ["<BR/>".join(_lines(name, NOTE_COLUMNS)) for name, _ in names]
        tooltip = "\n".join(f"{name} ({extra})" if extra else name for name, extra in names)
        return _attrs(
            _rows(rows), id=f"{step_anchor(step.id)}-{kind}", shape="note", style="filled",
            fillcolor=fill, color="#8d6e63", peripheries=2 if len(names) > 1 else 1, fontname=FONT,
            fontsize=9, fontcolor=INK, margin="0.06,0.03", tooltip=tooltip, **{"class": kind[:-1]},
        )

    def header(self, index: int) -> str:
        lane = self.process.lanes[index] if index < len(self.process.lanes) else layout.UNASSIGNED
        label = "<BR/>".join(f"<B>{line}</B>" for line in _lines(lane.name, LINE_COLUMNS))
        fill = "#fbe9e7" if lane.kind == "external" else "#e3eaf2"
        return _attrs(label, shape="box", style="filled", fillcolor=fill, color="#78909c", fontname=FONT,
                      fontsize=12, fontcolor=INK, margin="0.1,0.06", tooltip=lane.duties or lane.name,
                      **{"class": "lane-header"})

    def phase(self, index: int) -> str:
        name = self.process.phases[index].name
        label = "<BR/>".join([f"<B>{index + 1}</B>", *_lines(name, 8)])
        return _attrs(label, shape="plaintext", fontname=FONT, fontsize=11, fontcolor="#37474f",
                      margin="0.02,0.02", tooltip=name, **{"class": "phase-label"})

    def legend(self) -> str:
        t = self.text
        bars = '<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="1"><TR><TD WIDTH="3"></TD>'
        cells = [
            f"<B>{t['legend']}</B>",
            f'<FONT COLOR="#e65100">★</FONT> {t["key"]}',
            f'<FONT COLOR="{RED}"><B>{t["cp"]}</B></FONT> {t["cp_text"]}',
            f'<FONT COLOR="#1565c0">[ERP]</FONT> {t["system"]}',
            f'{bars}<TD BGCOLOR="#e3f2fd">{t["subprocess"]}</TD><TD WIDTH="3"></TD></TR></TABLE>',
            f'<TABLE BORDER="1" CELLPADDING="1" BGCOLOR="#fffde7"><TR><TD>{t["document"]}</TD></TR></TABLE>',
            f'<TABLE BORDER="1" CELLPADDING="1" BGCOLOR="#f1f8e9"><TR><TD>{t["record"]}</TD></TR></TABLE>',
            f'<FONT COLOR="{RED}">- - -▸</FONT> {t["emergency"]}',
        ]
        texts = ["", "", "", "", t["subprocess_text"], t["document_text"], t["record_text"], ""]
        row = "".join(f"<TD>{c}</TD>" + (f"<TD ALIGN=\"LEFT\">{x}</TD>" if x else "") for c, x in zip(cells, texts,
                                                                                                     strict=True))
        label = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2"><TR>{row}</TR></TABLE>'
        return _attrs(label, shape="plain", fontname=FONT, fontsize=9, fontcolor=INK, id="legend",
                      tooltip=t["legend"], **{"class": "legend"})

    def flow(self, route: layout.Route, steps: Mapping[str, Step]) -> str:
        flow = route.flow
        if flow.kind != "flow":
            return _attrs(None, style="dotted", color="#8d6e63", arrowhead="none", **{"class": f"link {flow.kind}"})
        emergency = steps[flow.tail].id in self.emergency
        classes = " ".join(["flow", *(["back"] if flow.back else []), *(["emergency"] if emergency else [])])
        common: dict[str, str | float] = {
            "class": classes, "color": RED if emergency else "#37474f", "style": "dashed" if emergency else "solid",
            "arrowsize": ARROW_SIZE, "penwidth": 1.1, "fontname": FONT,
        }
        if not flow.label:
            return _attrs(None, **common)
        text = "<BR/>".join(_lines(flow.label, NOTE_COLUMNS))
        label = (f'<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0" BGCOLOR="white"><TR><TD>'
                 f'<FONT POINT-SIZE="10" COLOR="#bf360c">{text}</FONT></TD></TR></TABLE>')
        angle, distance = EXIT_LABEL[route.port]
        return _attrs(label, "taillabel", **common, labelangle=angle, labeldistance=distance)


def _emergency_only(process: Process) -> set[str]:
    """Steps reached from an emergency handler but never from a start."""
    edges = graph.successors(process)
    normal = graph.reachable(edges, [s.id for s in graph.starts(process)])
    handlers = [e.handler for e in process.emergencies or [] if e.handler]
    return graph.reachable(edges, handlers) - normal


def _scene(process: Process, style: _Style, run: layout.Runner) -> str:
    """Pass 1 through layout, then the pinned DOT that neato draws."""
    chart = layout.plan(process)
    attrs = {shape.name: style.shape(shape) for shape in chart.shapes}
    placed = layout.place(chart, attrs, run)
    steps = {s.name: s.step for s in chart.shapes if s.kind == "step" and s.step is not None}
    lines = [
        "digraph procdoc {",
        f"graph [outputorder=edgesfirst, bgcolor=white, pad=0.2, fontname={quoted(FONT)}];",
        *_bands(placed),
        *_columns(placed),
    ]
    lines += [f"{shape.name} [{attrs[shape.name]}, {_pin(shape, placed)}];" for shape in chart.shapes]
    for route in placed.routes:
        spline = _spline(route, placed.height)
        lines.append(f"{route.flow.tail} -> {route.flow.head} [{style.flow(route, steps)}, {spline}];")
    lines.append("}")
    return "\n".join(lines)


def _spline(route: layout.Route, height: float) -> str:
    """The route as a Graphviz `pos`: straight Bézier pieces, the arrowhead ending on the head."""
    points = [(x, height - y) for x, y in route.points]
    prefix = ""
    if route.flow.kind == "flow":
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = max(abs(x1 - x0), abs(y1 - y0)) or 1.0
        shorten = min(10 * ARROW_SIZE, length * 0.9) / length
        prefix = f"e,{x1:.2f},{y1:.2f} "
        points[-1] = (x1 - (x1 - x0) * shorten, y1 - (y1 - y0) * shorten)
    pieces = [points[0]] + [p for a, b in zip(points, points[1:], strict=False) for p in (a, b, b)]
    return f'pos="{prefix}' + " ".join(f"{x:.2f},{y:.2f}" for x, y in pieces) + '"'


def _pin(shape: layout.Shape, placed: layout.Layout) -> str:
    box = placed.boxes[shape.name]
    pos = f'pos="{box.x:.2f},{placed.height - box.y:.2f}!"'
    if shape.kind == "header":
        return f"{pos}, fixedsize=true, width={box.w / 72:.4f}, height={box.h / 72:.4f}"
    return pos


def _bb(rect: layout.Rect, height: float) -> str:
    return f'bb="{rect.x0:.2f},{height - rect.y1:.2f},{rect.x1:.2f},{height - rect.y0:.2f}"'


def _bands(placed: layout.Layout) -> list[str]:
    """Phases: empty clusters spanning the chart, shaded in turn."""
    lines = []
    for i, (phase, rect) in enumerate(placed.bands):
        fill = "#f3f6f9" if i % 2 == 0 else "#ffffff"
        ident = quoted(f"phase-{slug(phase.id)}")
        lines.append(
            f"subgraph cluster_phase_{i} {{ {_bb(rect, placed.height)}; id={ident}; class=\"phase\"; "
            f'style=filled; fillcolor="{fill}"; color="#b0bec5"; penwidth=0.8; label=""; }}'
        )
    return lines


def _columns(placed: layout.Layout) -> list[str]:
    """Lanes: empty clusters with explicit boxes, in declared order."""
    lines = []
    for i, (lane, rect) in enumerate(placed.columns):
        ident = quoted(f"lane-{slug(lane.id)}")
        lines.append(
            f"subgraph cluster_lane_{i} {{ {_bb(rect, placed.height)}; id={ident}; class=\"lane\"; "
            f'color="#78909c"; penwidth=1.2; label=""; }}'
        )
    return lines
