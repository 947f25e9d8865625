"""What a manual page shows, as plain data: one typed context per page.

Built from the model and the run's list of pages (so a link points only at
a page that exists), never from a template. HTML and Markdown render the
same context, so the two manuals cannot disagree about a process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from procdoc import __version__
from procdoc.i18n import HTML_LANG, LABELS, enum_label, label
from procdoc.model import Process, Sla, Step
from procdoc.render.names import step_anchor
from procdoc.timeparse import LimitKind, parse_limit

#: the sections of a process page, in the order of ISO/TR 10013 §4.5.2 and the practitioners' manual template
SECTIONS = (
    "purpose", "scope", "interfaces", "responsibilities", "diagram", "steps", "controls", "emergencies",
    "raci", "kpis", "documents", "records", "glossary", "references", "revisions",
)
CATEGORIES = ("strategic", "business", "support", None)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class PageRef:
    """A process that has a page in this run: what links to it need."""

    id: str
    name: str
    stem: str
    status: str


@dataclass(frozen=True)
class Link:
    """Text that may point at another process's page (`page`, a stem) and/or an id in a page."""

    text: str
    page: str | None = None
    anchor: str | None = None

    @property
    def live(self) -> bool:
        return self.page is not None or self.anchor is not None


@dataclass(frozen=True)
class Heading:
    id: str
    number: int
    title: str


@dataclass(frozen=True)
class Signature:
    role: str
    name: str
    date: str


@dataclass(frozen=True)
class HeaderBlock:
    code: str
    name: str
    version: str
    status: str
    owner: str
    approved_by: str
    effective: str
    category: str
    level: str
    parent: Link | None
    sla: str
    review_every: str
    signatures: tuple[Signature, ...]
    draft: bool  # draft or in review: marked as not in force, on screen and on paper


@dataclass(frozen=True)
class TriggerInfo:
    description: str
    mode: str
    assured_by: str
    upstream: Link | None


@dataclass(frozen=True)
class OutputRow:
    name: str
    description: str
    downstream: Link | None


@dataclass(frozen=True)
class Reference:
    """A process run as a sub-process, and the steps that run it."""

    process: Link
    steps: tuple[Link, ...]


@dataclass(frozen=True)
class Duty:
    lane: str
    kind: str
    duties: str
    steps: tuple[Link, ...]


@dataclass(frozen=True)
class Exit:
    label: str
    target: Link


@dataclass(frozen=True)
class StepRow:
    anchor: str
    number: str
    name: str
    kind: str
    kind_label: str
    key: bool
    controlled: bool
    lane: str
    description: str
    system: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    time_limit: str
    #: how the limit reads: duration, deadline, calendar or standard ("" when none or unreadable)
    limit_kind: str
    #: the kind in words for every kind but a duration, which needs no label
    limit_kind_label: str
    documents: tuple[str, ...]
    records: tuple[str, ...]
    exits: tuple[Exit, ...]
    runs: Link | None


@dataclass(frozen=True)
class StepGroup:
    """Consecutive steps of one phase ("" when the process has no phases)."""

    title: str
    rows: tuple[StepRow, ...]


@dataclass(frozen=True)
class ControlRow:
    step: Link
    standard: str
    method: str
    record: str
    on_fail: Link | None


@dataclass(frozen=True)
class EmergencyRow:
    when: str
    handler: Link | None
    description: str


@dataclass(frozen=True)
class RaciRow:
    step: Link
    name: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class RaciMatrix:
    columns: tuple[str, ...]
    rows: tuple[RaciRow, ...]


@dataclass(frozen=True)
class KpiRow:
    name: str
    definition: str
    target: str
    goal: str
    owner: str


@dataclass(frozen=True)
class DocumentRow:
    name: str
    kind: str
    ref: str
    steps: tuple[Link, ...]


@dataclass(frozen=True)
class RecordRow:
    name: str
    keep: str
    stored_in: str
    form: str
    steps: tuple[Link, ...]


@dataclass(frozen=True)
class TermRow:
    term: str
    definition: str


@dataclass(frozen=True)
class RevisionRow:
    version: str
    date: str
    changes: str
    author: str
    reviewed_by: str
    approved_by: str


@dataclass(frozen=True)
class Figure:
    """The flowchart: its SVG text, words for those who cannot see it, and its files."""

    svg: str
    alt: str
    caption: str
    image: str
    downloads: tuple[str, ...]


@dataclass(frozen=True)
class Chrome:
    """What every page carries besides its content: language, labels, footer."""

    lang: str
    html_lang: str
    t: Mapping[str, str]
    generator: str
    footer: str
    theme: str = "light"  # light, dark, or auto (the reader's system setting)


@dataclass(frozen=True)
class ProcessPage:
    chrome: Chrome
    title: str
    headings: Mapping[str, Heading]
    header: HeaderBlock
    purpose: str
    scope: str
    trigger: TriggerInfo | None
    outputs: tuple[OutputRow, ...]
    referenced: tuple[Reference, ...]
    responsibilities: tuple[Duty, ...]
    figure: Figure
    step_groups: tuple[StepGroup, ...]
    controls: tuple[ControlRow, ...]
    emergencies: tuple[EmergencyRow, ...] | None
    raci: RaciMatrix
    kpis: tuple[KpiRow, ...]
    documents: tuple[DocumentRow, ...]
    records: tuple[RecordRow, ...]
    glossary: tuple[TermRow, ...]
    references: tuple[str, ...]
    revisions: tuple[RevisionRow, ...]


@dataclass(frozen=True)
class IndexRow:
    link: Link
    code: str
    name: str
    owner: str
    version: str
    status: str
    status_key: str
    last_revision: str


@dataclass(frozen=True)
class ParentGroup:
    title: Link
    rows: tuple[IndexRow, ...]


@dataclass(frozen=True)
class CategoryGroup:
    key: str
    title: str
    parents: tuple[ParentGroup, ...]


@dataclass(frozen=True)
class IndexPage:
    chrome: Chrome
    title: str
    count: str
    groups: tuple[CategoryGroup, ...]


def chrome(lang: str, stamp: str = "", theme: str = "light") -> Chrome:
    """`stamp` is the build time, printed in the footer only when asked for (it breaks byte-identity)."""
    footer = label(lang, "footer.generated", version=__version__)
    if stamp:
        footer += " · " + label(lang, "footer.built_at", stamp=stamp)
    return Chrome(lang, HTML_LANG[lang], LABELS[lang], f"procdoc {__version__}", footer, theme)


def process_link(pages: Mapping[str, PageRef], process_id: str) -> Link:
    """`ID name` linking to the process's page, or the bare id when it has none in this run."""
    page = pages.get(process_id)
    return Link(f"{page.id} {page.name}", page.stem) if page else Link(process_id)


def linked_processes(process: Process) -> list[str]:
    """Ids of the processes a page links to (their names appear on it), sorted."""
    ids = {process.parent, process.trigger.from_process if process.trigger else None}
    ids |= {o.to_process for o in process.outputs} | {s.process for s in process.steps if s.type == "subprocess"}
    return sorted(i for i in ids if i)


def step_link(process: Process, step_id: str, *, named: bool = False) -> Link:
    """A step number linking to its row; unknown ids are shown as written, unlinked."""
    step = process.step_by_id.get(step_id)
    if step is None:
        return Link(step_id)
    return Link(f"{step.id} {step.name}" if named else step.id, anchor=step_anchor(step.id))


def build_process_page(process: Process, pages: Mapping[str, PageRef], lang: str, figure: Figure,
                       stamp: str = "", theme: str = "light") -> ProcessPage:
    """Everything the manual of `process` shows, in `lang`, linked within this run's `pages`."""
    raci = raci_matrix(process)
    return ProcessPage(
        chrome=chrome(lang, stamp, theme),
        title=f"{process.id} {process.name}",
        headings={key: Heading(key, n, label(lang, f"section.{key}")) for n, key in enumerate(SECTIONS, 1)},
        header=_header(process, pages, lang),
        purpose=process.purpose or "",
        scope=process.scope or "",
        trigger=_trigger(process, pages, lang),
        outputs=tuple(
            OutputRow(o.name, o.description or "", process_link(pages, o.to_process) if o.to_process else None)
            for o in process.outputs
        ),
        referenced=_referenced(process, pages),
        responsibilities=_duties(process, raci, lang),
        figure=figure,
        step_groups=_step_groups(process, pages, lang),
        controls=_controls(process),
        emergencies=_emergencies(process),
        raci=raci,
        kpis=tuple(
            KpiRow(k.name, k.definition or "", k.target or "", k.goal or "", _lane_name(process, k.owner))
            for k in process.kpis
        ),
        documents=_documents(process, lang),
        records=_records(process),
        glossary=tuple(TermRow(t.term, t.definition) for t in process.glossary),
        references=tuple(process.references),
        revisions=tuple(
            RevisionRow(r.version, r.date, r.changes or "", r.author or "", r.reviewed_by or "", r.approved_by or "")
            for r in process.revisions
        ),
    )


def figure_texts(process: Process, lang: str) -> tuple[str, str]:
    """Alt text and caption of a process's flowchart."""
    alt = label(lang, "figure.alt", name=process.name, lanes=len(process.lanes), steps=len(process.steps))
    return alt, label(lang, "figure.caption", name=process.name)


def _lane_name(process: Process, lane_id: str | None) -> str:
    if lane_id is None:
        return ""
    lane = process.lane_by_id.get(lane_id)
    return lane.name if lane else lane_id


def _signatures(process: Process, lang: str) -> tuple[Signature, ...]:
    """Prepared / reviewed / approved by, from the latest revision: the rows a quality manager signs."""
    latest = process.latest_revision
    if latest is None:
        return tuple(Signature(label(lang, f"sign.{role}"), "", "") for role in ("author", "reviewer", "approver"))
    names = (latest.author, latest.reviewed_by, latest.approved_by or process.approved_by)
    return tuple(  # a date beside no name would make an unsigned page look signed
        Signature(label(lang, f"sign.{role}"), name or "", latest.date if name else "")
        for role, name in zip(("author", "reviewer", "approver"), names, strict=True)
    )


def _header(process: Process, pages: Mapping[str, PageRef], lang: str) -> HeaderBlock:
    return HeaderBlock(
        code=process.id,
        name=process.name,
        version=process.version or "",
        status=enum_label(lang, "status", process.status),
        owner=_lane_name(process, process.owner),
        approved_by=process.approved_by or "",
        effective=process.effective or "",
        category=enum_label(lang, "category", process.category),
        level=process.level or "",
        parent=process_link(pages, process.parent) if process.parent else None,
        sla=label(lang, "sla.separator").join(_sla_text(sla, lang) for sla in process.sla),
        review_every=process.review_every or "",
        signatures=_signatures(process, lang),
        draft=process.status in ("draft", "in-review"),
    )


def _sla_text(sla: Sla, lang: str) -> str:
    """A whole-process SLA as written; a segment's as "在店时间（3 → 9）：4小时内"."""
    if sla.name is None:
        return sla.limit
    return label(lang, "sla.segment", name=sla.name, start=sla.start or "…", end=sla.end or "…", limit=sla.limit)


def _trigger(process: Process, pages: Mapping[str, PageRef], lang: str) -> TriggerInfo | None:
    trigger = process.trigger
    if trigger is None:
        return None
    upstream = process_link(pages, trigger.from_process) if trigger.from_process else None
    return TriggerInfo(trigger.description, enum_label(lang, "mode", trigger.mode), trigger.assured_by or "", upstream)


def _referenced(process: Process, pages: Mapping[str, PageRef]) -> tuple[Reference, ...]:
    callers: dict[str, list[Link]] = {}
    for step in process.steps:
        if step.type == "subprocess" and step.process:
            callers.setdefault(step.process, []).append(step_link(process, step.id))
    return tuple(Reference(process_link(pages, pid), tuple(steps)) for pid, steps in callers.items())


def _duties(process: Process, raci: RaciMatrix, lang: str) -> tuple[Duty, ...]:
    """Each lane's written duties and the steps it is responsible (R) for."""
    duties = []
    for column, lane in enumerate(process.lanes):
        steps = tuple(row.step for row in raci.rows if "R" in row.cells[column].split("/"))
        duties.append(Duty(lane.name, enum_label(lang, "lane", lane.kind), lane.duties or "", steps))
    return tuple(duties)


def _step_groups(process: Process, pages: Mapping[str, PageRef], lang: str) -> tuple[StepGroup, ...]:
    numbers = {phase.id: n for n, phase in enumerate(process.phases, 1)}
    groups: list[tuple[str | None, list[StepRow]]] = []
    for step in process.steps:
        if not groups or groups[-1][0] != step.phase:
            groups.append((step.phase, []))
        groups[-1][1].append(_step_row(process, step, pages, lang))
    return tuple(StepGroup(_phase_title(process, phase, numbers), tuple(rows)) for phase, rows in groups)


def _phase_title(process: Process, phase_id: str | None, numbers: Mapping[str, int]) -> str:
    if phase_id is None:
        return ""
    phase = process.phase_by_id.get(phase_id)
    return f"{numbers[phase_id]} {phase.name}" if phase else phase_id


def _step_row(process: Process, step: Step, pages: Mapping[str, PageRef], lang: str) -> StepRow:
    limit = parse_limit(step.time_limit) if step.time_limit else None
    kind = limit.kind.value if limit else ""
    return StepRow(
        anchor=step_anchor(step.id),
        number=step.id,
        name=step.name,
        kind=step.type,
        kind_label=enum_label(lang, "step", step.type),
        key=step.key,
        controlled=step.control is not None,
        lane=_lane_name(process, step.lane),
        description=step.description or "",
        system=step.system or "",
        inputs=tuple(step.inputs),
        outputs=tuple(step.outputs),
        time_limit=step.time_limit or "",
        limit_kind=kind,
        limit_kind_label=enum_label(lang, "limit", kind) if kind != LimitKind.DURATION else "",
        documents=_names(process.document_by_id, step.documents),
        records=_names(process.record_by_id, step.records),
        exits=tuple(Exit(when or "", step_link(process, target)) for when, target, _ in step.exits()),
        runs=process_link(pages, step.process) if step.type == "subprocess" and step.process else None,
    )


def _names(known: Mapping[str, _Named], ids: Iterable[str]) -> tuple[str, ...]:
    """Names of documents or records; an id that names none is shown as written."""
    return tuple(known[i].name if i in known else i for i in ids)


def _controls(process: Process) -> tuple[ControlRow, ...]:
    rows = []
    for step in process.steps:
        control = step.control
        if control is None:
            continue
        on_fail = control.on_fail
        rows.append(ControlRow(
            step=step_link(process, step.id, named=True),
            standard=control.standard or "",
            method=control.method or "",
            record=_names(process.record_by_id, [control.record])[0] if control.record else "",
            on_fail=step_link(process, on_fail, named=True) if on_fail else None,
        ))
    return tuple(rows)


def _emergencies(process: Process) -> tuple[EmergencyRow, ...] | None:
    if process.emergencies is None:
        return None
    return tuple(
        EmergencyRow(e.when, step_link(process, e.handler, named=True) if e.handler else None, e.description or "")
        for e in process.emergencies
    )


def raci_matrix(process: Process) -> RaciMatrix:
    """Step × party, each cell the letters of R/A/C/I; a step without `raci` is R for its own lane.

    Parties that name no lane get a column of their own, so nothing written is lost.
    """
    assignments = [(step, _assignment(step)) for step in process.steps]
    columns = [lane.id for lane in process.lanes]
    for _, parties in assignments:
        columns.extend(p for _, ids in parties for p in ids if p not in columns)
    rows = tuple(
        RaciRow(
            step_link(process, step.id),
            step.name,
            tuple("/".join(letter for letter, ids in parties if column in ids) for column in columns),
        )
        for step, parties in assignments
    )
    return RaciMatrix(tuple(_lane_name(process, c) for c in columns), rows)


def _assignment(step: Step) -> tuple[tuple[str, Sequence[str]], ...]:
    own = [step.lane] if step.lane else []
    raci = step.raci
    if raci is None:
        return (("R", own),)
    return (("R", raci.r or own), ("A", raci.a), ("C", raci.c), ("I", raci.i))


def _documents(process: Process, lang: str) -> tuple[DocumentRow, ...]:
    return tuple(
        DocumentRow(doc.name, enum_label(lang, "doc", doc.kind), doc.ref or "",
                    _steps_listing(process, lambda step: step.documents, doc.id))
        for doc in process.documents
    )


def _records(process: Process) -> tuple[RecordRow, ...]:
    return tuple(
        RecordRow(rec.name, rec.keep or "", rec.stored_in or "",
                  _names(process.document_by_id, [rec.form])[0] if rec.form else "",
                  _steps_listing(process, lambda step: step.records, rec.id))
        for rec in process.records
    )


def _steps_listing(process: Process, ids_of: Callable[[Step], list[str]], item_id: str) -> tuple[Link, ...]:
    """The steps that name `item_id` among `ids_of(step)`."""
    return tuple(step_link(process, step.id) for step in process.steps if item_id in ids_of(step))


def build_index_page(entries: Sequence[tuple[Process, PageRef]], pages: Mapping[str, PageRef], lang: str,
                     stamp: str = "", theme: str = "light") -> IndexPage:
    """The catalogue: each process with its own page, grouped by category then parent group, sorted by code."""
    groups = []
    for category in CATEGORIES:
        members = [entry for entry in entries if entry[0].category == category]
        if members:
            title = enum_label(lang, "category", category or "none")
            groups.append(CategoryGroup(category or "none", title, _parent_groups(members, pages, lang)))
    return IndexPage(chrome(lang, stamp, theme), label(lang, "index.title"),
                     label(lang, "index.count", count=len(entries)), tuple(groups))


def _parent_groups(members: Sequence[tuple[Process, PageRef]], pages: Mapping[str, PageRef],
                   lang: str) -> tuple[ParentGroup, ...]:
    parents: list[str | None] = [*sorted({p.parent for p, _ in members if p.parent}), None]
    groups = []
    for parent in parents:
        rows = _index_rows([entry for entry in members if entry[0].parent == parent], lang)
        title = process_link(pages, parent) if parent else Link(label(lang, "index.no_parent"))
        if rows:
            groups.append(ParentGroup(title, rows))
    return tuple(groups)


def _index_rows(members: Sequence[tuple[Process, PageRef]], lang: str) -> tuple[IndexRow, ...]:
    rows = []
    for process, page in sorted(members, key=lambda entry: (entry[0].id, entry[0].path)):
        latest = process.latest_revision
        rows.append(IndexRow(
            link=Link(process.name, page.stem),
            code=process.id,
            name=process.name,
            owner=_lane_name(process, process.owner),
            version=process.version or "",
            status=enum_label(lang, "status", process.status),
            status_key=process.status,
            last_revision=latest.date if latest else "",
        ))
    return tuple(rows)
