"""Every payload in every text field: rendered, it reads as written and does nothing else.

One process per payload (tests/injection/payloads.py) carries the payload in
every free-text field the format has; ids stay valid, so each file loads.
A baseline process, identical but with a plain marker word instead of the
payload, shows what the renderer itself writes. The whole corpus is
rendered once, through the command line, to HTML, Markdown and SVG.

Each page is then parsed back and compared with the baseline page: the
same elements, attributes and links (nothing injected), the payload's text
at least as often as the marker's (nothing lost or altered), Markdown with
the same block and inline structure and tables whose rows keep their
columns. Standalone SVG must be well-formed XML. `check` reports on the
same files must parse in every machine-readable format. A headless Chromium
opens every page: no dialog, no console error, no request leaves the site.
Last, process ids that the schema lets through are rendered to see that
file names stay inside OUT and unique.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner, Result

from procdoc.cli import app
from procdoc.loader import load_text
from procdoc.render.names import page_stem
from tests.injection.payloads import PAYLOADS, URLS, Payload
from tests.render.pages import Node, broken_html_links, markdown_tokens, parse_html

MARKER = "ZQXJV"
BASELINE = Payload("baseline", MARKER)
#: elements and attributes an injection would add; the renderer's own count is the baseline's
ACTIVE_TAGS = frozenset({
    "script", "iframe", "frame", "object", "embed", "img", "image", "svg", "foreignobject", "use", "animate", "set",
    "animatemotion", "animatetransform", "a", "style", "link", "meta", "base", "form", "button", "input", "details",
    "dialog", "math", "template", "video", "audio", "source", "handler", "feimage", "title", "textarea",
})
URL_ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset", "to"})
XLINK = "{http://www.w3.org/1999/xlink}"
CORPUS = (BASELINE, *PAYLOADS)


def code_of(index: int) -> str:
    return f"INJ-{index:02}"


def process_data(code: str, text: str) -> dict[str, Any]:
    """A small process with `text` in every free-text field; ids, dates and enums are the format's own."""
    return {
        "procdoc": 1, "id": code, "name": text, "version": text, "status": "approved", "category": "business",
        "owner": "l1", "approved_by": text, "purpose": text, "scope": text, "sla": text, "review_every": text,
        "trigger": {"description": text, "mode": "active", "assured_by": text},
        "outputs": [{"name": text, "description": text}],
        "lanes": [{"id": "l1", "name": text, "duties": text}, {"id": "l2", "name": f"{text} 2", "kind": "role",
                                                               "duties": text}],
        "phases": [{"id": "p1", "name": text}],
        "documents": [{"id": "d1", "name": text, "kind": "form", "ref": text}],
        "records": [{"id": "r1", "name": text, "keep": text, "stored_in": text, "form": "d1"}],
        "steps": [
            {"id": "1", "name": text, "type": "start", "lane": "l1", "phase": "p1", "next": "2"},
            {"id": "2", "name": text, "lane": "l2", "phase": "p1", "description": text, "key": True,
             "time_limit": text, "inputs": [text], "outputs": [text], "documents": ["d1"], "records": ["r1"],
             "system": text, "raci": {"r": "l2", "a": "l1", "i": ["l1"]},
             "control": {"standard": text, "method": text, "record": "r1", "on_fail": text}, "next": "3"},
            {"id": "3", "name": text, "type": "decision", "lane": "l1", "phase": "p1",
             "branches": [{"when": text, "next": "4"}, {"when": f"{text} 2", "next": "5"}]},
            {"id": "4", "name": text, "type": "end", "lane": "l1", "phase": "p1"},
            {"id": "5", "name": text, "type": "end", "lane": "l2", "phase": "p1"},
        ],
        "emergencies": [{"id": "e1", "when": text, "handler": "2", "description": text}],
        "kpis": [{"name": text, "definition": text, "target": text, "goal": text, "owner": "l1"}],
        "revisions": [{"version": text, "date": "2026-01-01", "author": text, "reviewed_by": text,
                       "approved_by": text, "changes": text}],
        "glossary": [{"term": text, "definition": text}],
        "references": [text],
    }


def process_text(code: str, text: str) -> str:
    return yaml.safe_dump(process_data(code, text), allow_unicode=True, sort_keys=False, width=1_000_000)


def flat(text: str) -> str:
    """Whitespace runs as one space: renderers may wrap lines, Markdown joins them."""
    return " ".join(text.split())


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@dataclass(frozen=True)
class Site:
    procs: Path
    out: Path
    stems: dict[str, str]  # payload name → page stem

    def read(self, name: str, pattern: str) -> str:
        return (self.out / pattern.format(stem=self.stems[name])).read_text(encoding="utf-8")

    def normalised(self, name: str, text: str) -> str:
        """`text` with this payload's page stem replaced, so its links compare with the baseline's."""
        return text.replace(self.stems[name], "STEM")


def built_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
               build: Callable[[Path], None]) -> Path:
    """A folder `build` fills once for every pytest-xdist worker of the run.

    The corpus takes seconds to render; with `-n 2` both workers would
    render it. The first to take the lock builds, the other waits and reads.
    """
    if worker_id == "master":
        root = tmp_path_factory.mktemp(name)
        build(root)
        return root
    root = tmp_path_factory.getbasetemp().parent / name
    with open(f"{root}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / ".built").exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            build(root)
            (root / ".built").touch()
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Site:
    root = built_once(tmp_path_factory, worker_id, "injection", render_corpus)
    return Site(root / "procs", root / "site", {p.name: page_stem(code_of(i)) for i, p in enumerate(CORPUS)})


def render_corpus(root: Path) -> None:
    procs = root / "procs"
    procs.mkdir()
    for index, payload in enumerate(CORPUS):
        text = process_text(code_of(index), payload.text)
        loaded = load_text(text, "p.yaml")
        assert loaded.process is not None and loaded.process.name == payload.text, (payload.name, loaded.diagnostics)
        (procs / f"inj-{index:02}.yaml").write_text(text, encoding="utf-8")
    result = invoke("render", str(procs), "-o", str(root / "site"), "--format", "html,md,svg", "--no-cache")
    assert result.exit_code == 0, result.output


def failures(check: Callable[[Site, Payload], str], site: Site, known: tuple[str, ...] = ()) -> dict[str, str]:
    """{payload: what went wrong} over the corpus but the `known` failures; a check returns a problem or ''."""
    found = {payload.name: check(site, payload) for payload in PAYLOADS if payload.name not in known}
    return {name: problem for name, problem in found.items() if problem}


# ── HTML ─────────────────────────────────────────────────────────────────────


def outside_svg(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        if isinstance(child, Node) and child.tag != "svg":
            yield from outside_svg(child)


def inline_svg(page: Node) -> list[Node]:
    return [n for svg in page.find_all("svg") for n in svg.walk()]


def reading_text(node: Node) -> str:
    """The text a reader sees, without the chart (its labels are wrapped) and without scripts and styles."""
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag not in ("svg", "script", "style"):
            parts.append(reading_text(child))
    return "".join(parts)


def urls(nodes: Iterator[Node] | list[Node], site: Site, name: str) -> Counter[str]:
    return Counter(site.normalised(name, value) for n in nodes for key, value in n.attrs.items()
                   if key in URL_ATTRIBUTES)


def html_difference(site: Site, payload: Payload) -> str:
    page, base = (parse_html(site.read(p.name, "{stem}.html")) for p in (payload, BASELINE))
    if Counter(n.tag for n in outside_svg(page)) != Counter(n.tag for n in outside_svg(base)):
        return "the page has other elements than the baseline's"
    if Counter(k for n in outside_svg(page) for k in n.attrs) != Counter(k for n in outside_svg(base) for k in n.attrs):
        return "the page has other attributes than the baseline's"
    if urls(page.walk(), site, payload.name) != urls(base.walk(), site, BASELINE.name):
        return f"links differ: {urls(page.walk(), site, payload.name) - urls(base.walk(), site, BASELINE.name)}"
    return svg_difference(inline_svg(page), inline_svg(base))


def svg_difference(nodes: list[Node], base: list[Node]) -> str:
    tags, base_tags = Counter(n.tag.lower() for n in nodes), Counter(n.tag.lower() for n in base)
    if set(tags) - set(base_tags):
        return f"the chart has new elements: {set(tags) - set(base_tags)}"
    active = {t: (tags[t], base_tags[t]) for t in ACTIVE_TAGS if tags[t] != base_tags[t]}
    if active:
        return f"the chart has other numbers of active elements (found, expected): {active}"
    attributes = {k.lower() for n in nodes for k in n.attrs}
    if attributes - {k.lower() for n in base for k in n.attrs}:
        return f"the chart has new attributes: {attributes - {k.lower() for n in base for k in n.attrs}}"
    return ""


def test_html_pages_carry_no_injected_element_attribute_or_link(site: Site) -> None:
    assert failures(html_difference, site) == {}


def test_html_pages_have_no_event_handler_or_script_url(site: Site) -> None:
    for page in sorted(site.out.glob("*.html")):
        nodes = list(parse_html(page.read_text(encoding="utf-8")).walk())
        assert [k for n in nodes for k in n.attrs if k.lower().startswith("on")] == [], page.name
        values = [flat(v).lower() for n in nodes for k, v in n.attrs.items() if k in URL_ATTRIBUTES]
        assert [v for v in values if v.startswith(URLS)] == [], page.name


def html_text_lost(site: Site, payload: Payload) -> str:
    shown = flat(reading_text(parse_html(site.read(payload.name, "{stem}.html")))).count(flat(payload.text))
    expected = flat(reading_text(parse_html(site.read(BASELINE.name, "{stem}.html")))).count(MARKER)
    return "" if shown >= expected else f"shown {shown} times, the marker {expected} times"


def test_html_pages_show_every_payload_literally_in_every_field(site: Site) -> None:
    assert failures(html_text_lost, site) == {}


def shape(node: Node) -> Counter[str]:
    return Counter(f"{n.tag} {sorted(n.attrs)}" for n in node.walk())


def test_the_index_lists_every_payload_as_text_in_rows_like_the_baselines(site: Site) -> None:
    index = parse_html((site.out / "index.html").read_text(encoding="utf-8"))
    rows = {row.find("td").text(): row for row in index.find_all("tr") if "data-filter-row" in row.attrs}
    baseline = shape(rows[code_of(0)])
    assert [code for code, row in rows.items() if shape(row) != baseline] == []
    shown = {code_of(i): flat(p.text) in flat(rows[code_of(i)].text()) for i, p in enumerate(CORPUS)}
    assert [code for code, ok in shown.items() if not ok] == []


# ── SVG ──────────────────────────────────────────────────────────────────────


def svg_nodes(text: str) -> list[Node]:
    """The SVG file parsed as XML (it must be well-formed), as nodes named like html.parser names them."""
    def convert(element: ET.Element) -> Node:
        tag = element.tag.rsplit("}", 1)[-1].lower()
        attrs = {key.replace(XLINK, "xlink:").rsplit("}", 1)[-1]: value for key, value in element.attrib.items()}
        return Node(tag, attrs, [element.text or "", *(convert(child) for child in element)])

    return list(convert(ET.fromstring(text.encode("utf-8"))).walk())


def svg_file_difference(site: Site, payload: Payload) -> str:
    for pattern in ("{stem}.svg", "md/{stem}.svg"):
        try:
            nodes = svg_nodes(site.read(payload.name, pattern))
        except ET.ParseError as err:
            return f"{pattern} is not well-formed XML: {err}"
        base = svg_nodes(site.read(BASELINE.name, pattern))
        problem = svg_difference(nodes, base)
        if not problem and urls(nodes, site, payload.name) != urls(base, site, BASELINE.name):
            problem = "links differ"
        tooltips = flat(" ".join(n.attrs.get("xlink:title", "") for n in nodes))
        if not problem and flat(payload.text) not in tooltips:
            problem = "the payload is not shown literally in the chart's tooltips"
        if problem:
            return f"{pattern}: {problem}"
    return ""


def test_svg_files_are_well_formed_inert_and_show_every_payload(site: Site) -> None:
    assert failures(svg_file_difference, site) == {}


# ── Markdown ─────────────────────────────────────────────────────────────────

#: payloads that open a block when a list item starts with them (each has its own test below)
LIST_ITEM_BREAKERS = ("md-dash-list", "md-plus-list", "md-ordered", "md-ordered-paren", "md-rule")


def table_widths(text: str) -> list[list[int]]:
    """For each table, the number of unescaped `|` on each of its lines (GFM splits cells on every one)."""
    tables: list[list[int]] = []
    previous = ""
    for line in text.split("\n"):
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(unescaped_pipes(line))
        previous = line
    return tables


def unescaped_pipes(line: str) -> int:
    count, escaped = 0, False
    for char in line:
        count += char == "|" and not escaped
        escaped = char == "\\" and not escaped
    return count


def structure(text: str, site: Site, name: str) -> Counter[str]:
    """Every block and inline token but plain text; raw HTML with its content, links with their target."""
    shapes: Counter[str] = Counter()
    for token in markdown_tokens(text):
        if token.type in ("text", "inline"):
            continue
        target = token.attrs.get("href") or token.attrs.get("src") or ""
        content = token.content if token.type.startswith("html") else ""
        shapes[site.normalised(name, f"{token.type} {target} {content}")] += 1
    return shapes


def markdown_difference(site: Site, payload: Payload) -> str:
    page, base = (site.read(p.name, "md/{stem}.md") for p in (payload, BASELINE))
    if any(len(set(widths)) != 1 for widths in table_widths(page)):
        return f"a table row has a different number of cells: {table_widths(page)}"
    added = structure(page, site, payload.name) - structure(base, site, BASELINE.name)
    missing = structure(base, site, BASELINE.name) - structure(page, site, payload.name)
    return f"structure differs: added {dict(added)}, missing {dict(missing)}" if added or missing else ""


def test_markdown_pages_keep_their_structure_and_table_columns(site: Site) -> None:
    assert failures(markdown_difference, site, known=LIST_ITEM_BREAKERS) == {}


def markdown_text_lost(site: Site, payload: Payload) -> str:
    def reading(name: str) -> str:
        rendered = MarkdownIt("commonmark").enable("table").render(site.read(name, "md/{stem}.md"))
        return flat(reading_text(parse_html(rendered)))

    shown, expected = reading(payload.name).count(flat(payload.text)), reading(BASELINE.name).count(MARKER)
    return "" if shown >= expected else f"shown {shown} times, the marker {expected} times"


def test_markdown_pages_show_every_payload_literally_in_every_field(site: Site) -> None:
    assert failures(markdown_text_lost, site, known=LIST_ITEM_BREAKERS) == {}


@pytest.mark.parametrize("name", LIST_ITEM_BREAKERS)
def test_markdown_list_items_cannot_start_a_block(site: Site, name: str) -> None:
    payload = next(p for p in PAYLOADS if p.name == name)
    assert (markdown_difference(site, payload), markdown_text_lost(site, payload)) == ("", "")


def test_the_markdown_index_lists_every_payload_as_text(site: Site) -> None:
    index = (site.out / "md" / "index.md").read_text(encoding="utf-8")
    links = [t.attrs["href"] for t in markdown_tokens(index) if t.type == "link_open"]
    assert sorted(links) == sorted(f"{stem}.md" for stem in site.stems.values())
    assert [t.type for t in markdown_tokens(index) if t.type.startswith(("html", "image"))] == []
    assert all(len(set(widths)) == 1 for widths in table_widths(index))


# ── check reports ────────────────────────────────────────────────────────────


def test_check_reports_parse_and_quote_every_payload_exactly(site: Site) -> None:
    def report(output_format: str) -> str:
        return invoke("check", str(site.procs), "--no-cache", "--format", output_format).stdout

    found = json.loads(report("json"))
    quoted = {p.name for i, p in enumerate(PAYLOADS, 1) if any(
        d["path"].endswith(f"inj-{i:02}.yaml") and p.text in d["message"] for d in found)}
    assert [p.name for p in PAYLOADS if p.name not in quoted] == []
    sarif = json.loads(report("sarif"))
    assert [r["message"]["text"].split("\nhelp: ")[0] for r in sarif["runs"][0]["results"]] == [
        d["message"] for d in found]
    junit = ET.fromstring(report("junit").encode("utf-8"))
    assert [f.attrib["message"] for f in junit.iter("failure")] == [f"{d['code']} {d['message']}" for d in found]
    *annotations, summary = report("github").rstrip("\n").split("\n")
    assert len(annotations) == len(found) and all(a.startswith(("::error ", "::warning ", "::notice ")) for a in
                                                  annotations), summary


# ── in a browser ─────────────────────────────────────────────────────────────


@pytest.mark.browser
def test_no_page_runs_a_payload_in_chromium(site: Site, chromium: Any) -> None:
    """Every page opened from disk: no dialog, no script error, no console error, no request leaving the site."""
    context = chromium.new_context(java_script_enabled=True)
    problems: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: r.url.startswith(("file://", "data:")) or problems.append(f"request: {r.url}"))
    for path in [site.out / "index.html", *sorted(site.out.glob("inj-*.html"))]:
        page.goto(path.as_uri(), wait_until="load")
        page.mouse.move(300, 300)
        page.mouse.move(600, 500)
        assert problems == [], path.name
    context.close()


# ── file names ───────────────────────────────────────────────────────────────

#: ids the schema's code pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$ lets through that a file name must not take as is
TRICKY_IDS = ("QM-07", "qm-07", "qm.07", "qm_07", "0..", "a..b", "9.-", "CON", "aux", "Nul", "COM1", "LPT9",
              "index", "assets", "md", "x.html", "x.svg", "A" * 64, "a" * 64)
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
#: step ids that differ only in what a file name or anchor cannot keep
TRICKY_STEPS = ("a/b", "a-b", "a.b", "A-B", "../../x", "/abs/x")


def tricky_process(code: str) -> str:
    ids = ["1", *TRICKY_STEPS, "end"]
    steps = [{"id": step, "name": f"do {step}", "lane": "l", "next": after} for step, after in pairwise(ids)]
    steps[0]["type"] = "start"
    steps.append({"id": "end", "name": "done", "type": "end", "lane": "l"})
    data = {"procdoc": 1, "id": code, "name": f"process {code}", "lanes": [{"id": "l", "name": "L"}], "steps": steps}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names")
    (root / "procs").mkdir()
    for index, code in enumerate(TRICKY_IDS):
        (root / "procs" / f"p{index:02}.yaml").write_text(tricky_process(code), encoding="utf-8")
    result = invoke("render", str(root / "procs"), "-o", str(root / "out" / "site"), "--format", "html,md,svg",
                    "--no-cache")
    assert result.exit_code == 0, result.output
    return root


def test_tricky_ids_write_only_inside_out_under_unique_safe_names(tricky_site: Path) -> None:
    site = tricky_site / "out" / "site"
    assert sorted(p.name for p in tricky_site.iterdir()) == ["out", "procs"]
    assert [p.name for p in (tricky_site / "out").iterdir()] == ["site"]
    assert all(p.resolve().is_relative_to(site.resolve()) for p in site.rglob("*"))
    for folder, suffixes in ((site, (".html", ".svg")), (site / "md", (".md", ".svg"))):
        names = [p.name for p in folder.iterdir() if p.suffix in suffixes and p.stem != "index"]
        assert len(names) == len(TRICKY_IDS) * 2 and len({n.lower() for n in names}) == len(names)
        assert [n for n in names if n.split(".")[0].lower() in WINDOWS_RESERVED | {"index", "assets", "md"}] == []
    codes = {parse_html(p.read_text(encoding="utf-8")).find("span", class_="doc-code").text()
             for p in site.glob("*.html") if p.name != "index.html"}
    assert codes == set(TRICKY_IDS) and broken_html_links(site) == []


def test_step_anchors_stay_unique(tricky_site: Path) -> None:
    for page in sorted((tricky_site / "out" / "site").glob("*.html")):
        ids = [n.attrs["id"] for n in parse_html(page.read_text(encoding="utf-8")).walk() if "id" in n.attrs]
        assert [i for i, count in Counter(ids).items() if count > 1] == [], page.name
