"""The manual as a Word document (python-docx): what a document-control system files.

Real Word structure: section titles in the Heading 1 style (Word's
navigation pane and table of contents use them), tables for the sign-off
block and every list, the chart as print-resolution images (a page per
chart page, landscape where the chart is), and a header and footer with
the document-control line and PAGE / NUMPAGES fields.

A company template (`render.docx-template`) gives the styles, header,
footer and logo: its body is dropped, its header and footer keep what they
hold and get the document-control line added. The output is the same bytes
for the same input: fixed core-property dates, fixed zip entry times.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from procdoc.config import RenderConfig
from procdoc.errors import UserError
from procdoc.i18n import label
from procdoc.render.context import Link, ProcessPage
from procdoc.render.pagination import MARGIN_X, MARGIN_Y, SHEETS

DASH = "—"
CJK_FONT = "Noto Sans CJK SC"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # core-property dates when the run asks for no timestamp
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ChartImage:
    """One chart page as a PNG, with its printed size in points and its page's orientation."""

    png: bytes
    width: float
    height: float
    orientation: str
    caption: str


def render_docx(page: ProcessPage, charts: Sequence[ChartImage], config: RenderConfig, stamp: str = "") -> bytes:
    """The .docx of one process's manual."""
    document = _open(config.docx_template)
    writer = _Writer(document, page, config)
    try:
        writer.write(charts)
    except KeyError as err:  # a style the company template does not define
        raise UserError(f"{config.docx_template}: the Word template has no style {err}",
                        "add the style to the template, or start it from Word's blank document") from err
    _set_properties(document, page, stamp)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_times(buffer.getvalue())


def _open(template: str | None) -> Any:
    """A new document: from the company template when one is set, else python-docx's plain one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if template is None:
        return _with_cjk_font(docx.Document())
    if not os.path.isfile(template):
        raise UserError(f"{template}: no such Word template file",
                        "fix `render.docx-template` in procdoc.toml (a path relative to that file)")
    try:
        document = docx.Document(template)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise UserError(f"{template}: not a Word .docx file, or a damaged one ({err})",
                        "fix `render.docx-template` in procdoc.toml: it must name a .docx saved by Word") from err
    except OSError as err:
        raise UserError(f"{template}: cannot read the Word template: {err.strerror}",
                        "fix `render.docx-template` in procdoc.toml") from err
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _with_cjk_font(document: Any) -> Any:
    """The plain template's Chinese text in Noto Sans CJK (the font the charts use) rather than
    whatever the reader's Word substitutes for its theme's East Asian font."""
    from docx.oxml.ns import qn

    for fonts in document.styles.element.iter(qn("w:rFonts")):
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        fonts.set(qn("w:eastAsia"), CJK_FONT)
    return document


class _Writer:
    """Writes one manual into `document`, section by section in the manual's order."""

    def __init__(self, document: Any, page: ProcessPage, config: RenderConfig) -> None:
        self.doc, self.page, self.t, self.config = document, page, page.chrome.t, config
        self.table_style = "Table Grid" if _has_style(document, "Table Grid") else None

    def write(self, charts: Sequence[ChartImage]) -> None:
        self._page_setup()
        self._running()
        self._title()
        sections = {
            "purpose": lambda: self._text(self.page.purpose),
            "scope": lambda: self._text(self.page.scope),
            "interfaces": self._interfaces,
            "responsibilities": self._responsibilities,
            "diagram": lambda: self._charts(charts),
            "steps": self._steps,
            "controls": self._controls,
            "emergencies": self._emergencies,
            "raci": self._raci,
            "kpis": self._kpis,
            "documents": self._documents,
            "records": self._records,
            "glossary": self._glossary,
            "references": self._references,
            "revisions": self._revisions,
        }
        for key, heading in self.page.headings.items():
            self.doc.add_heading(f"{heading.number} {heading.title}", level=1)
            sections[key]()

    # ── Page, header, footer ──────────────────────────────────────────────────

    def _page_setup(self) -> None:
        """The settings' sheet size and margins, unless a company template brings its own."""
        if self.config.docx_template is not None:
            return
        from docx.enum.section import WD_ORIENT
        from docx.shared import Pt

        section = self.doc.sections[0]
        width, height = SHEETS[self.config.page_size]
        if self.config.orientation == "landscape":
            width, height = height, width
            section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Pt(width), Pt(height)
        section.left_margin = section.right_margin = Pt(MARGIN_X)
        section.top_margin = section.bottom_margin = Pt(MARGIN_Y)

    def _running(self) -> None:
        """The document-control line in the header (and the draft mark), page x of y in the footer."""
        h, lang = self.page.header, self.page.chrome.lang
        section = self.doc.sections[0]
        line = label(lang, "print.running", code=h.code, name=h.name, version=h.version or DASH, status=h.status)
        header = _next_paragraph(section.header)
        header.add_run(line)
        if h.draft:
            mark = header.add_run("    " + label(lang, "print.draft"))
            mark.bold = True
        footer = _next_paragraph(section.footer)
        before, middle, after = label(lang, "print.page", page="\0", pages="\0").split("\0")
        footer.add_run(before)
        _field(footer, "PAGE")
        footer.add_run(middle)
        _field(footer, "NUMPAGES")
        footer.add_run(after)

    # ── Content ──────────────────────────────────────────────────────────────

    def _title(self) -> None:
        h, t = self.page.header, self.t
        self.doc.add_heading(self.page.title, level=0)
        parent = h.parent.text if h.parent else DASH
        self._table(None, [
            [t["header.code"], h.code, t["header.version"], h.version],
            [t["header.status"], h.status, t["header.effective"], h.effective],
            [t["header.owner"], h.owner, t["header.approved_by"], h.approved_by],
            [t["header.category"], h.category, t["header.level"], h.level],
            [t["header.parent"], parent, t["header.review_every"], h.review_every],
            [t["header.sla"], h.sla, "", ""],
        ])
        self._table([t["sign.role"], t["sign.name"], t["sign.signature"], t["sign.date"]],
                    [[s.role, s.name, " ", s.date] for s in h.signatures])

    def _text(self, value: str) -> None:
        self.doc.add_paragraph(value or DASH)

    def _interfaces(self) -> None:
        t, trigger = self.t, self.page.trigger
        rows = [[t["trigger.description"], t["not_stated"]]]
        if trigger is not None:
            rows = [[t["trigger.description"], trigger.description], [t["trigger.mode"], trigger.mode],
                    [t["trigger.upstream"], _text(trigger.upstream)]]
        self._table(None, rows)
        self._table([t["output.name"], t["output.description"], t["output.downstream"]],
                    [[o.name, o.description, _text(o.downstream)] for o in self.page.outputs])

    def _responsibilities(self) -> None:
        t = self.t
        self._table([t["col.lane"], t["col.kind"], t["col.duties"], t["col.lane_steps"]],
                    [[d.lane, d.kind, d.duties, _texts(d.steps, t)] for d in self.page.responsibilities])

    def _charts(self, charts: Sequence[ChartImage]) -> None:
        """Each chart page on a page of its own, in its orientation; the text resumes upright after."""
        if not charts:
            self._text(self.t["figure.too_large"])
            return
        for chart in charts:
            self._new_section(chart.orientation)
            self.doc.add_paragraph(chart.caption, style="Caption" if _has_style(self.doc, "Caption") else None)
            from docx.shared import Pt

            self.doc.add_paragraph().add_run().add_picture(io.BytesIO(chart.png), width=Pt(chart.width))
        self._new_section("landscape" if self.config.orientation == "landscape" else "portrait")

    def _new_section(self, orientation: str) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        previous = self.doc.sections[-1]
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        short, long = sorted((previous.page_width, previous.page_height))
        landscape = orientation == "landscape"
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)

    def _steps(self) -> None:
        """One row per step: the table a reader follows the procedure by."""
        t = self.t
        rows = []
        for group in self.page.step_groups:
            for row in group.rows:
                name = row.name + (f"\n{row.description}" if row.description else "")
                rows.append([row.number, name, row.lane, "\n".join(row.inputs) or DASH,
                             "\n".join(row.outputs) or DASH, row.time_limit,
                             "\n".join((*row.documents, *row.records)) or DASH])
        self._table([t["col.number"], t["col.step"], t["col.responsible"], t["col.input"], t["col.output"],
                     t["col.time_limit"], f'{t["col.documents"]} / {t["col.records"]}'], rows)

    def _controls(self) -> None:
        t = self.t
        self._table([t["col.step"], t["col.standard"], t["col.method"], t["col.record"], t["col.on_fail"]],
                    [[c.step.text, c.standard, c.method, c.record, _text(c.on_fail)] for c in self.page.controls])

    def _emergencies(self) -> None:
        t = self.t
        rows = [[e.when, _text(e.handler), e.description] for e in self.page.emergencies or ()]
        self._table([t["col.emergency"], t["col.handler"], t["col.description"]], rows)

    def _raci(self) -> None:
        raci = self.page.raci
        self._table([self.t["col.step"], *raci.columns],
                    [[f"{r.step.text} {r.name}", *r.cells] for r in raci.rows])
        self._text(self.t["raci.legend"])

    def _kpis(self) -> None:
        t = self.t
        self._table([t["col.kpi"], t["col.definition"], t["col.target"], t["col.goal"], t["col.owner"]],
                    [[k.name, k.definition, k.target, k.goal, k.owner] for k in self.page.kpis])

    def _documents(self) -> None:
        t = self.t
        self._table([t["col.ref"], t["col.name"], t["col.kind"], t["col.used_in"]],
                    [[d.ref, d.name, d.kind, _texts(d.steps, t)] for d in self.page.documents])

    def _records(self) -> None:
        t = self.t
        self._table([t["col.name"], t["col.keep"], t["col.stored_in"], t["col.form"], t["col.produced_in"]],
                    [[r.name, r.keep, r.stored_in, r.form, _texts(r.steps, t)] for r in self.page.records])

    def _glossary(self) -> None:
        self._table([self.t["col.term"], self.t["col.definition"]],
                    [[g.term, g.definition] for g in self.page.glossary])

    def _references(self) -> None:
        for reference in self.page.references or (self.t["none"],):
            self.doc.add_paragraph(reference)

    def _revisions(self) -> None:
        t = self.t
        self._table([t["col.version"], t["col.date"], t["col.changes"], t["col.author"], t["col.reviewed_by"],
                     t["col.approved_by"]],
                    [[r.version, r.date, r.changes, r.author, r.reviewed_by, r.approved_by]
                     for r in self.page.revisions])

    def _table(self, head: Sequence[str] | None, rows: Sequence[Sequence[str]]) -> None:
        """A grid table; its head row repeats on every page and no row splits across pages."""
        columns = len(head) if head else len(rows[0])
        body = list(rows) or [[self.t["none"], *[""] * (columns - 1)]]
        table = self.doc.add_table(rows=0, cols=columns)
        if self.table_style:
            table.style = self.table_style
        for index, values in enumerate([*([head] if head else []), *body]):
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = value if value or (head and index == 0) else DASH
            _keep_row(table.rows[-1], heading=bool(head) and index == 0)
        self.doc.add_paragraph()


def _text(link: Link | None) -> str:
    return link.text if link else DASH


def _texts(links: Sequence[Link], t: Any) -> str:
    return t["list.separator"].join(link.text for link in links) or DASH


def _has_style(document: Any, name: str) -> bool:
    return any(style.name == name for style in document.styles)


def _next_paragraph(part: Any) -> Any:
    """The header's or footer's empty last paragraph, or a new one after what the template put there."""
    last = part.paragraphs[-1] if part.paragraphs else None
    return last if last is not None and not last.text and not last.runs else part.add_paragraph()


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
                                  f"<w:r><w:t>1</w:t></w:r></w:fldSimple>"))


def _keep_row(row: Any, heading: bool) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if heading:
        properties.append(OxmlElement("w:tblHeader"))


def _set_properties(document: Any, page: ProcessPage, stamp: str) -> None:
    """Title, version and fixed dates: Word's File › Info shows them, and the bytes stay the same."""
    properties = document.core_properties
    when = datetime.strptime(stamp, "%Y-%m-%d %H:%M UTC").replace(tzinfo=UTC) if stamp else EPOCH
    properties.title = page.title
    properties.subject = page.header.name
    properties.identifier = page.header.code
    properties.version = page.header.version
    properties.author = properties.last_modified_by = page.chrome.generator
    properties.created = properties.modified = properties.last_printed = when
    properties.revision = 1


def _fixed_times(data: bytes) -> bytes:
    """The zip rewritten with fixed entry times (python-docx stamps each entry with the time it was saved)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, _ZIP_TIME), source.read(item.filename),
                            zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
