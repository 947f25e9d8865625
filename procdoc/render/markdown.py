"""The Markdown manual: the HTML pages' context, as GitHub-flavoured Markdown.

Markdown has no autoescape, so user text reaches the page only through
`escape` (inside a line), `paragraph` (a line of its own), `cell` (a table
cell) or `link`. Newlines in user text become spaces. The only raw
HTML written is the `<a id>` anchor of each step row, whose id comes from
`step_anchor` and is safe by construction. Files sit in `md/` with a copy
of each flowchart, so the folder works on its own on GitHub and in mkdocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from procdoc.render.context import Heading, IndexPage, Link, ParentGroup, ProcessPage, StepGroup, StepRow

Labels = Mapping[str, str]

DASH = "—"

_INLINE = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
    **{ch: "\\" + ch for ch in "\\`*_[]|~$#"},
})
_BLOCK_START = re.compile(r"^([+\-=]|\d+(?=[.)]))")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """User text inside a line (a cell, a heading, after a list marker): no markup, no link, no HTML."""
    return _SPACE.sub(" ", text).strip().translate(_INLINE)


def paragraph(text: str) -> str:
    """User text as a line of its own, where it could also start a heading, a list or a rule."""
    return _BLOCK_START.sub(_escape_block_start, escape(text))


def _escape_block_start(match: re.Match[str]) -> str:
    """A list marker, setext underline or ordered-list number at the start of a line, defused."""
    marker = match.group(1)
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def cell(text: str) -> str:
    """A table cell: escaped, `|` included, and never empty."""
    return escape(text) if text.strip() else DASH


def href(link: Link) -> str:
    page = f"{link.page}.md" if link.page is not None else ""
    return page + (f"#{link.anchor}" if link.anchor else "")


def link(item: Link) -> str:
    return f"[{escape(item.text)}]({href(item)})" if item.live else escape(item.text)


def links(items: Iterable[Link], separator: str) -> str:
    rendered = [link(item) for item in items]
    return separator.join(rendered) if rendered else DASH


def joined(items: Iterable[str], separator: str) -> str:
    rendered = [escape(item) for item in items]
    return separator.join(rendered) if rendered else DASH


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GFM table from header labels (escaped here) and cells already rendered by `cell`/`link`."""
    lines = ["| " + " | ".join(escape(h) for h in headers) + " |", "|" + " --- |" * len(headers)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def heading(h: Heading) -> list[str]:
    return [f"## {h.number} {escape(h.title)}", ""]


def render_process_page(page: ProcessPage) -> str:
    """The manual of one process: the HTML page's sections, in the same order, in GFM."""
    t = page.chrome.t
    lines = [f"[{escape(t['nav.index'])}](index.md) › {escape(page.header.code)}", "", f"# {escape(page.title)}", ""]
    lines += _header(page)
    for key, h in page.headings.items():
        lines += heading(h)
        lines += _SECTIONS[key](page, t)
    return "\n".join([*lines, "---", "", paragraph(page.chrome.footer), ""])


def render_index(page: IndexPage) -> str:
    t = page.chrome.t
    lines = [f"# {escape(page.title)}", "", paragraph(page.count), ""]
    for group in page.groups:
        lines += [f"## {escape(group.title)}", ""]
        for parent in group.parents:
            lines += _catalogue(parent, t)
    return "\n".join([*lines, "---", "", paragraph(page.chrome.footer), ""])


def _catalogue(parent: ParentGroup, t: Labels) -> list[str]:
    headers = [t["col.id"], t["col.name"], t["header.owner"], t["col.version"], t["col.status"], t["col.last_revision"]]
    rows = [(cell(r.code), link(r.link), cell(r.owner), cell(r.version), cell(r.status), cell(r.last_revision))
            for r in parent.rows]
    return [f"### {link(parent.title)}", "", *table(headers, rows)]


def _header(page: ProcessPage) -> list[str]:
    """The identification block as two tables: the fields, then the rows a quality manager signs."""
    t, h = page.chrome.t, page.header
    pairs = [
        ("header.code", cell(h.code), "header.version", cell(h.version)),
        ("header.name", cell(h.name), "header.status", cell(h.status)),
        ("header.owner", cell(h.owner), "header.approved_by", cell(h.approved_by)),
        ("header.effective", cell(h.effective), "header.category", cell(h.category)),
        ("header.level", cell(h.level), "header.parent", link(h.parent) if h.parent else DASH),
        ("header.sla", cell(h.sla), "header.review_every", cell(h.review_every)),
    ]
    rows = [(f"**{escape(t[a])}**", b, f"**{escape(t[c])}**", d) for a, b, c, d in pairs]
    fields = [_row(rows[0]), "|" + " --- |" * 4, *(_row(r) for r in rows[1:]), ""]
    signatures = [(f"**{escape(s.role)}**", cell(s.name), " ", cell(s.date)) for s in h.signatures]
    return fields + table([t["sign.role"], t["sign.name"], t["sign.signature"], t["sign.date"]], signatures)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _prose(text: str) -> list[str]:
    """Paragraphs (blank-line separated) of user text; a dash when there is none."""
    paragraphs = [paragraph(p) for p in text.split("\n\n") if p.strip()]
    return [line for p in paragraphs for line in (p, "")] or [DASH, ""]


def _maybe_table(headers: Sequence[str], rows: Sequence[Sequence[str]], t: Labels, empty: str = "none") -> list[str]:
    return table(headers, rows) if rows else [paragraph(t[empty]), ""]


def _interfaces(page: ProcessPage, t: Labels) -> list[str]:
    sep, trigger = t["list.separator"], page.trigger
    items = [(t["trigger.description"], cell(trigger.description) if trigger else escape(t["not_stated"]))]
    if trigger:
        items.append((t["trigger.mode"], cell(trigger.mode)))
        if trigger.assured_by:
            items.append((t["trigger.assured_by"], cell(trigger.assured_by)))
        items.append((t["trigger.upstream"], link(trigger.upstream) if trigger.upstream else DASH))
    referenced = [f"{link(r.process)} ({links(r.steps, sep)})" for r in page.referenced]
    items.append((t["interfaces.referenced"], sep.join(referenced) or DASH))
    rows = [(cell(o.name), cell(o.description), link(o.downstream) if o.downstream else DASH) for o in page.outputs]
    bullets = [f"- **{escape(name)}**: {value}" for name, value in items]
    return [*bullets, "", *_maybe_table([t["output.name"], t["output.description"], t["output.downstream"]], rows, t)]


def _responsibilities(page: ProcessPage, t: Labels) -> list[str]:
    rows = [(cell(d.lane), cell(d.kind), cell(d.duties), links(d.steps, t["list.separator"]))
            for d in page.responsibilities]
    return table([t["col.lane"], t["col.kind"], t["col.duties"], t["col.lane_steps"]], rows)


def _diagram(page: ProcessPage, t: Labels) -> list[str]:
    figure = page.figure
    if not figure.svg:
        return [paragraph(t["figure.too_large"]), ""]
    return [f"![{escape(figure.alt)}]({figure.image})", "", f"*{escape(figure.caption)}*", ""]


def _steps(page: ProcessPage, t: Labels) -> list[str]:
    return [line for group in page.step_groups for line in _step_group(group, t)]


def _step_group(group: StepGroup, t: Labels) -> list[str]:
    sep = t["list.separator"]
    headers = [t[f"col.{c}"] for c in
               ("number", "step", "responsible", "input", "output", "time_limit", "documents", "records")]
    rows = [(f'<a id="{row.anchor}"></a>{escape(row.number)}', _step_cell(row, t), cell(row.lane),
             joined(row.inputs, sep), joined(row.outputs, sep), _limit_cell(row),
             joined(row.documents, sep), joined(row.records, sep)) for row in group.rows]
    return ([f"### {escape(group.title)}", ""] if group.title else []) + table(headers, rows)


def _limit_cell(row: StepRow) -> str:
    """The limit as written; a deadline, calendar rule or standard says which in italics."""
    return cell(row.time_limit) + (f" *({escape(row.limit_kind_label)})*" if row.limit_kind_label else "")


def _step_cell(row: StepRow, t: Labels) -> str:
    """The name in bold, then what the HTML shows as badges and small print, on one line."""
    notes = [row.kind_label] if row.kind != "task" else []
    notes += [t["key_step"]] * row.key + [t["control_point"]] * row.controlled
    notes += [f"{t['system']}: {row.system}"] if row.system else []
    parts = [f"**{escape(row.name)}**" + (f" ({joined(notes, t['list.separator'])})" if notes else "")]
    parts += [escape(row.description)] if row.description else []
    parts += [f"{escape(t['runs_process'])}: {link(row.runs)}"] if row.runs else []
    parts += [" ".join(f"{escape(e.label) + ' ' if e.label else ''}→ {link(e.target)}" for e in row.exits)]
    return " · ".join(part for part in parts if part)


def _controls(page: ProcessPage, t: Labels) -> list[str]:
    rows = [(link(c.step), cell(c.standard), cell(c.method), cell(c.record), link(c.on_fail) if c.on_fail else DASH)
            for c in page.controls]
    return _maybe_table([t[f"col.{c}"] for c in ("step", "standard", "method", "record", "on_fail")], rows, t)


def _emergencies(page: ProcessPage, t: Labels) -> list[str]:
    if page.emergencies is None:
        return [paragraph(t["not_stated"]), ""]
    rows = [(cell(e.when), link(e.handler) if e.handler else DASH, cell(e.description)) for e in page.emergencies]
    return _maybe_table([t["col.emergency"], t["col.handler"], t["col.description"]], rows, t)


def _raci(page: ProcessPage, t: Labels) -> list[str]:
    headers = [t["col.step"], *page.raci.columns]
    rows = [(f"{link(r.step)} {escape(r.name)}", *(c or " " for c in r.cells)) for r in page.raci.rows]
    return [*table(headers, rows), paragraph(t["raci.legend"]), ""]


def _kpis(page: ProcessPage, t: Labels) -> list[str]:
    rows = [(cell(k.name), cell(k.definition), cell(k.target), cell(k.goal), cell(k.owner)) for k in page.kpis]
    return _maybe_table([t[f"col.{c}"] for c in ("kpi", "definition", "target", "goal", "owner")], rows, t)


def _documents(page: ProcessPage, t: Labels) -> list[str]:
    rows = [(cell(d.ref), cell(d.name), cell(d.kind), links(d.steps, t["list.separator"])) for d in page.documents]
    return _maybe_table([t[f"col.{c}"] for c in ("ref", "name", "kind", "used_in")], rows, t)


def _records(page: ProcessPage, t: Labels) -> list[str]:
    sep = t["list.separator"]
    rows = [(cell(r.name), cell(r.keep), cell(r.stored_in), cell(r.form), links(r.steps, sep)) for r in page.records]
    return _maybe_table([t[f"col.{c}"] for c in ("name", "keep", "stored_in", "form", "produced_in")], rows, t)


def _glossary(page: ProcessPage, t: Labels) -> list[str]:
    rows = [(f"**{escape(g.term)}**", cell(g.definition)) for g in page.glossary]
    return _maybe_table([t["col.term"], t["col.definition"]], rows, t)


def _references(page: ProcessPage, t: Labels) -> list[str]:
    return [*(f"- {paragraph(ref)}" for ref in page.references), ""] if page.references else [paragraph(t["none"]), ""]


def _revisions(page: ProcessPage, t: Labels) -> list[str]:
    rows = [(cell(r.version), cell(r.date), cell(r.changes), cell(r.author), cell(r.reviewed_by), cell(r.approved_by))
            for r in page.revisions]
    return _maybe_table([t[f"col.{c}"] for c in ("version", "date", "changes", "author", "reviewed_by", "approved_by")],
                        rows, t)


_SECTIONS: Mapping[str, Callable[[ProcessPage, Labels], list[str]]] = {
    "purpose": lambda page, t: _prose(page.purpose),
    "scope": lambda page, t: _prose(page.scope),
    "interfaces": _interfaces,
    "responsibilities": _responsibilities,
    "diagram": _diagram,
    "steps": _steps,
    "controls": _controls,
    "emergencies": _emergencies,
    "raci": _raci,
    "kpis": _kpis,
    "documents": _documents,
    "records": _records,
    "glossary": _glossary,
    "references": _references,
    "revisions": _revisions,
}
