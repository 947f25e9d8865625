"""`procdoc diff --html`: the new chart with the changes coloured, and the manuals' changed sections side by side.

The chart is procdoc's own (`render.diagram.draw`). Graphviz names each
step's node `s<index>` and each line `s<a>->s<b>` in the SVG's `<title>`s;
those nodes and lines get a class (`diff-added`, `diff-changed`) and a
`data-diff` attribute, and a style block colours them: green for added,
amber for changed. Removed steps and lines are not in the new chart: they
are drawn as red, dashed ghosts in a band below it.
"""

from __future__ import annotations

import html
from pathlib import Path

from lxml import etree

from procdoc.diff.compare import ProcessDiff
from procdoc.i18n import detect_lang
from procdoc.model import Process
from procdoc.writer import write_text_atomic

SVG = "http://www.w3.org/2000/svg"
GREEN, AMBER, RED = "#2e7d32", "#f9a825", "#c62828"
STYLE = f"""
.diff-added polygon, .diff-added ellipse, .diff-added path {{ stroke: {GREEN}; stroke-width: 3px; }}
.diff-changed polygon, .diff-changed ellipse, .diff-changed path {{ stroke: {AMBER}; stroke-width: 3px; }}
.edge.diff-added polygon {{ fill: {GREEN}; }}
.edge.diff-changed polygon {{ fill: {AMBER}; }}
.diff-removed rect {{ fill: none; stroke: {RED}; stroke-dasharray: 4 3; opacity: 0.7; }}
.diff-removed text {{ fill: {RED}; opacity: 0.8; text-decoration: line-through; }}
"""
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 1.5em; color: #263238; }}
.legend span {{ padding: 0 .6em; margin-right: .6em; border-left: 6px solid; }}
.chart svg {{ max-width: 100%; height: auto; }}
table.sides {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 1.5em; }}
table.sides td, table.sides th {{ border: 1px solid #cfd8dc; vertical-align: top; padding: .4em; }}
table.sides pre {{ white-space: pre-wrap; margin: 0; font-size: 90%; }}
</style></head><body>
{body}
</body></html>
"""


def write_html(diffs: list[ProcessDiff], out: Path) -> None:
    body = [f"<h1>{html.escape(_heading(diffs))}</h1>",
            f'<p class="legend"><span style="border-color:{GREEN}">added</span>'
            f'<span style="border-color:{AMBER}">changed</span><span style="border-color:{RED}">removed</span></p>']
    for diff in diffs:
        body += _process_section(diff)
    write_text_atomic(out, PAGE.format(title=html.escape(_heading(diffs)), body="\n".join(body)))


def _heading(diffs: list[ProcessDiff]) -> str:
    return f"{len(diffs)} process{'es' if len(diffs) != 1 else ''} changed"


def _process_section(diff: ProcessDiff) -> list[str]:
    process = diff.new or diff.old
    title = f"{process.id} {process.name}" if process else diff.path
    parts = [f'<section class="process" data-path="{html.escape(diff.path)}">', f"<h2>{html.escape(title)}</h2>",
             "<ul>" + "".join(f"<li>{html.escape(c.message)}</li>" for c in diff.changes) + "</ul>"]
    if diff.new is not None:
        parts.append(f'<div class="chart">{coloured_chart(diff)}</div>')
    parts += _manual_sides(diff.old, diff.new)
    parts.append("</section>")
    return parts


# ── The chart ─────────────────────────────────────────────────────────────────


def coloured_chart(diff: ProcessDiff) -> str:
    """The new version's chart, its added and changed steps and lines marked, removed ones as ghosts."""
    from procdoc.render import diagram

    assert diff.new is not None
    new = diff.new
    drawing = diagram.draw(new, lang=detect_lang(new), process_href=lambda _: None, step_href=lambda s: f"#{s}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(drawing.svg.encode("utf-8"), parser)
    node_ids = {f"s{i}": step.id for i, step in enumerate(new.steps)}
    marked = diff.steps_marked()
    lines = _lines_marked(diff)
    for group in root.iter(f"{{{SVG}}}g"):
        title = group.find(f"{{{SVG}}}title")
        name = (title.text or "") if title is not None else ""
        if "node" in (group.get("class") or "").split() and node_ids.get(name) in marked:
            _mark(group, marked[node_ids[name]])
        elif "flow" in (group.get("class") or "").split() and "->" in name:
            tail, head = (node_ids.get(n) for n in name.split("->", 1))
            if (tail, head) in lines:
                _mark(group, lines[tail, head])  # type: ignore[index]
    style = etree.Element(f"{{{SVG}}}style")
    style.text = STYLE
    root.insert(0, style)
    _ghosts(root, diff)
    return etree.tostring(root, encoding="unicode")


def _mark(group: etree._Element, state: str) -> None:
    group.set("class", f"{group.get('class', '')} diff-{state}".strip())
    group.set("data-diff", state)


def _lines_marked(diff: ProcessDiff) -> dict[tuple[str, str], str]:
    """(tail, head) step ids of the new chart's lines → added or changed."""
    old, new = diff.old, diff.new
    if new is None:
        return {}
    pairs = diff.pairs
    old_lines = {(step.id, t) for step in old.steps for t in old.successors[step.id]} if old else set()
    redirected = {(c.step, t) for c in diff.changes if c.kind == "flow" for t in (c.new or [])}
    marked = {}
    for step in new.steps:
        for target in new.successors[step.id]:
            if (step.id, target) in redirected:
                marked[step.id, target] = "changed"
            elif (pairs.get(step.id), pairs.get(target)) not in old_lines:
                marked[step.id, target] = "added"
    return marked


def _ghosts(root: etree._Element, diff: ProcessDiff) -> None:
    """Removed steps (and lines that are gone) drawn as red dashed boxes in a band below the chart."""
    old = diff.old
    gone = [c for c in diff.changes if c.kind == "removed"]
    gone += [c for c in diff.changes if c.kind == "flow"]
    if not gone or old is None:
        return
    box = [float(v) for v in (root.get("viewBox") or "0 0 0 0").split()]
    row, top = 28.0, box[3] + 10
    band = etree.SubElement(root, f"{{{SVG}}}g", {"class": "diff-removed", "data-diff": "removed"})
    for index, change in enumerate(gone):
        y = top + index * row
        if change.kind == "removed":
            step = old.step_by_id.get(change.step or "")
            words = f"{change.step} {step.name if step else ''} (removed)"
            kind = "step"
        else:
            words = f"{change.step} → {', '.join(change.old or [])} (line removed)"
            kind = "line"
        item = etree.SubElement(band, f"{{{SVG}}}g", {"class": f"ghost ghost-{kind}", "data-step": change.step or ""})
        etree.SubElement(item, f"{{{SVG}}}rect", {"x": "10", "y": f"{y:.1f}", "width": f"{max(box[2] - 20, 200):.1f}",
                                                  "height": f"{row - 6:.1f}", "rx": "4"})
        text = etree.SubElement(item, f"{{{SVG}}}text", {"x": "18", "y": f"{y + row / 2 + 1:.1f}",
                                                         "font-size": "12", "font-family": "sans-serif"})
        text.text = words
    height = box[3] + 20 + len(gone) * row
    root.set("viewBox", f"{box[0]} {box[1]} {box[2]} {height:.2f}")
    root.set("height", f"{height:.0f}pt")


# ── The manuals, section by section ──────────────────────────────────────────


def manual_sections(process: Process | None) -> dict[str, str]:
    """The process's manual (Markdown, as `render` writes it), split at its `##` headings."""
    if process is None:
        return {}
    from procdoc.render import markdown
    from procdoc.render.context import Figure, build_process_page, figure_texts

    lang = detect_lang(process)
    alt, caption = figure_texts(process, lang)
    text = markdown.render_process_page(build_process_page(process, {}, lang, Figure("", alt, caption, "", ())))
    sections: dict[str, list[str]] = {}
    current = "—"
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        sections.setdefault(current, []).append(line)
    return {title: "\n".join(lines).strip() for title, lines in sections.items()}


def _manual_sides(old: Process | None, new: Process | None) -> list[str]:
    before, after = manual_sections(old), manual_sections(new)
    rows = []
    for title in dict.fromkeys([*before, *after]):
        if before.get(title) != after.get(title):
            rows.append(f'<tr data-section="{html.escape(title)}"><td><pre>{html.escape(before.get(title, ""))}'
                        f"</pre></td><td><pre>{html.escape(after.get(title, ''))}</pre></td></tr>")
    if not rows:
        return []
    return ['<h3>Manual: changed sections</h3><table class="sides"><tr><th>Before</th><th>After</th></tr>',
            *rows, "</table>"]
