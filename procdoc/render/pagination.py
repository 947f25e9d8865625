"""Charts on paper: one page when the whole chart reads at 7 pt or more, else a page per phase or group of phases.

A chart shrunk onto one sheet prints its smallest text (9 pt notes and step
numbers) at `scale × 9` points. When that falls below 7 pt, the chart is
cut between phases: consecutive phases share a page while they fit, a phase
too tall for a page alone is cut between its steps. Every page is a chart
of its own, laid out by the same engine, so it repeats all the lane headers
(a lane empty on that page keeps its column, and the columns line up from
page to page). A line that leaves the page ends at a numbered off-page
connector naming the page and step it continues at; the same number starts
the line again on that page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from procdoc.config import RenderConfig
from procdoc.i18n import label
from procdoc.model import Process, Step
from procdoc.render import diagram

MIN_TEXT = 7.0  # points: the smallest chart text allowed on paper
SMALLEST_TEXT = 9.0  # points: the chart's smallest text at full size (notes, step numbers, legend)
MM = 72 / 25.4
#: sheet sizes in points, portrait
SHEETS = {"A4": (210 * MM, 297 * MM), "A3": (297 * MM, 420 * MM)}
#: page margins in points (print.css says the same): room for the running header and footer
MARGIN_X, MARGIN_Y = 12 * MM, 15 * MM
CAPTION = 28.0  # points above a chart for its heading and caption


@dataclass(frozen=True)
class Sheet:
    """The room a chart has on a page: its content box less the caption, in points."""

    orientation: str
    width: float
    height: float

    def scale(self, chart: diagram.Sketch) -> float:
        """How much the chart must shrink to fit (never enlarged)."""
        width, height = drawn_size(chart)
        return min(1.0, self.width / width, self.height / height)


def drawn_size(chart: diagram.Sketch) -> tuple[float, float]:
    """The drawing's size in points: the layout and Graphviz's pad around it."""
    return chart.placed.width + 2 * diagram.PAD, chart.placed.height + 2 * diagram.PAD


def sheets(config: RenderConfig) -> list[Sheet]:
    """The orientations a chart page may take, as the settings allow."""
    short, long = SHEETS[config.page_size]
    portrait = Sheet("portrait", short - 2 * MARGIN_X, long - 2 * MARGIN_Y - CAPTION)
    landscape = Sheet("landscape", long - 2 * MARGIN_X, short - 2 * MARGIN_Y - CAPTION)
    return {"portrait": [portrait], "landscape": [landscape]}.get(config.orientation, [portrait, landscape])


@dataclass(frozen=True)
class ChartPage:
    """One printed page of a chart: the part of the process it shows, laid out, and how it fits."""

    number: int
    total: int
    phases: tuple[str, ...]
    steps: tuple[str, ...]
    chart: diagram.Sketch
    sheet: Sheet
    scale: float

    @property
    def smallest_text(self) -> float:
        return SMALLEST_TEXT * self.scale

    @property
    def size(self) -> tuple[float, float]:
        """The chart's printed width and height in points."""
        width, height = drawn_size(self.chart)
        return width * self.scale, height * self.scale

    def caption(self, lang: str) -> str:
        if self.phases:
            return label(lang, "print.part_phases", part=self.number, parts=self.total, phases=" · ".join(self.phases))
        return label(lang, "print.part", part=self.number, parts=self.total)


def paginate(process: Process, lang: str, config: RenderConfig, whole: diagram.Sketch) -> list[ChartPage]:
    """The printed pages of `process`'s chart; `whole` is its chart laid out in one piece."""
    choices = sheets(config)
    sheet, scale = best_fit(whole, choices)
    if scale * SMALLEST_TEXT >= MIN_TEXT or len(process.steps) < 2:
        return [ChartPage(1, 1, (), tuple(s.id for s in process.steps), whole, sheet, scale)]
    groups = _groups(process, whole, choices)
    while True:  # a page that does not fit after all is halved, which renumbers the pages after it
        charts = [diagram.sketch(_page_process(process, groups, n, lang), lang=lang, whole=process)
                  for n in range(len(groups))]
        loose = next((n for n, chart in enumerate(charts) if not _fits(chart, choices) and len(groups[n]) > 1), None)
        if loose is None:
            break
        middle = len(groups[loose]) // 2
        groups[loose:loose + 1] = [groups[loose][:middle], groups[loose][middle:]]
    pages = []
    for number, (steps, chart) in enumerate(zip(groups, charts, strict=True), 1):
        sheet, scale = best_fit(chart, choices)
        pages.append(ChartPage(number, len(groups), _phase_names(process, steps), steps, chart, sheet, scale))
    return pages


def best_fit(chart: diagram.Sketch, choices: Sequence[Sheet]) -> tuple[Sheet, float]:
    """The orientation that prints the chart largest (the first one on a tie), and the scale."""
    return max(((sheet, sheet.scale(chart)) for sheet in choices), key=lambda pair: pair[1])


def _fits(chart: diagram.Sketch, choices: Sequence[Sheet]) -> bool:
    return best_fit(chart, choices)[1] * SMALLEST_TEXT >= MIN_TEXT


def _groups(process: Process, whole: diagram.Sketch, choices: Sequence[Sheet]) -> list[tuple[str, ...]]:
    """Step ids page by page, planned on the whole chart's rows: whole phases while their rows fit
    one page together, a phase too tall for a page alone cut between its rows."""
    rows = {step.id: _extent(whole, i) for i, step in enumerate(process.steps)}
    room = _room(whole, choices, rows.values())
    pages: list[list[str]] = []
    for run in _phase_runs(process):
        if pages and _span([rows[i] for i in [*pages[-1], *run]]) <= room:
            pages[-1] += run
            continue
        pages.append([])
        for step_id in run:
            if pages[-1] and _span([rows[i] for i in [*pages[-1], step_id]]) > room:
                pages.append([])
            pages[-1].append(step_id)
    return [tuple(page) for page in pages]


def _extent(whole: diagram.Sketch, index: int) -> tuple[float, float]:
    """Top and bottom of step `index`'s row in the whole chart (the step and its notes)."""
    boxes = [whole.placed.boxes[name] for name in (f"s{index}", f"d{index}", f"r{index}") if name in whole.placed.boxes]
    return min(box.top for box in boxes), max(box.bottom for box in boxes)


def _span(extents: Sequence[tuple[float, float]]) -> float:
    return max(bottom for _, bottom in extents) - min(top for top, _ in extents)


def _room(whole: diagram.Sketch, choices: Sequence[Sheet], rows: Iterable[tuple[float, float]]) -> float:
    """How tall a page's rows may be: the tallest chart a sheet holds at the smallest scale allowed,
    less what every page repeats (lane headers, margins, legend), on the sheet a page's width will fit."""
    least = MIN_TEXT / SMALLEST_TEXT
    wide_enough = [sheet for sheet in choices if sheet.width / least >= whole.placed.width]
    sheet = max(wide_enough, key=lambda s: s.height) if wide_enough else max(choices, key=lambda s: s.width)
    return sheet.height / least - (whole.placed.height - _span(list(rows)))


def _phase_runs(process: Process) -> list[tuple[str, ...]]:
    """Consecutive steps of one phase, in written order (steps outside any phase form runs of their own)."""
    runs: list[tuple[str | None, list[str]]] = []
    for step in process.steps:
        if not runs or runs[-1][0] != step.phase:
            runs.append((step.phase, []))
        runs[-1][1].append(step.id)
    return [tuple(ids) for _, ids in runs]


def _phase_names(process: Process, steps: Sequence[str]) -> tuple[str, ...]:
    on_page = {process.step_by_id[i].phase for i in steps}
    return tuple(f"{n} {phase.name}" for n, phase in enumerate(process.phases, 1) if phase.id in on_page)


def _page_process(process: Process, groups: Sequence[tuple[str, ...]], index: int, lang: str) -> Process:
    """The process cut down to page `index` of `groups`, with connectors where its lines leave or enter.

    A connector is numbered after the step its line continues at, the same
    number on every page: one connector leads into that step, listing where
    its lines come from. Steps on no page yet (while pages are being found)
    count as on one page after the last.
    """
    unknown = len(groups)
    page_of = {step_id: n for n, group in enumerate(groups) for step_id in group}
    crossings = [(source.id, target) for source in process.steps for target in process.successors[source.id]
                 if page_of.get(source.id, unknown) != page_of.get(target, unknown)]
    order = {step.id: n for n, step in enumerate(process.steps)}
    number = {target: n for n, target in enumerate(sorted({t for _, t in crossings}, key=order.__getitem__), 1)}
    total = unknown + any(page_of.get(t, unknown) == unknown for pair in crossings for t in pair)

    def where(step_id: str) -> str:
        return label(lang, "print.at", part=page_of.get(step_id, unknown) + 1, parts=total, step=step_id)

    mine, steps, placed = set(groups[index]), [], set()
    for step in (step for step in process.steps if step.id in mine):
        if step.id in number:
            sources = [source for source, target in crossings if target == step.id]
            lane = process.step_by_id[sources[0]].lane if len(sources) == 1 else step.lane
            text = "\n".join(["←", *(where(source) for source in sources)])
            steps.append(_connector(f"←{number[step.id]}", text, lane, step.phase, [step.id]))
        away = [target for source, target in crossings if source == step.id]
        steps.append(_redirected(step, {target: f"→{number[target]}" for target in away}))
        for target in (t for t in away if t not in placed):
            placed.add(target)
            far = process.step_by_id[target]
            steps.append(_connector(f"→{number[target]}", "→\n" + where(target), far.lane, step.phase, []))
    return replace(process, steps=steps, phases=[p for p in process.phases if any(s.phase == p.id for s in steps)])


def _connector(mark: str, text: str, lane: str | None, phase: str | None, exits: list[str]) -> Step:
    return Step(id=mark, name=text, type=diagram.CONNECTOR, lane=lane, phase=phase, next=exits)


def _redirected(step: Step, to_connector: dict[str, str]) -> Step:
    """`step` with its exits to other pages sent to their connectors instead."""
    if not to_connector:
        return step
    branches = [replace(branch, next=[to_connector.get(t, t) for t in branch.next]) for branch in step.branches]
    return replace(step, next=[to_connector.get(t, t) for t in step.next], branches=branches)
