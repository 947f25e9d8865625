"""Helpers for the manual tests: a small DOM on html.parser, hostile text, link checking.

The standard library's HTMLParser is enough to assert structure: it is the
tokenizer browsers' rules are written against closely enough for tags,
attributes and text, and it needs nothing installed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt

from procdoc.loader import load_text
from procdoc.model import Process
from procdoc.render import diagram
from procdoc.render.context import Figure, PageRef, ProcessPage, build_process_page, figure_texts
from procdoc.render.names import step_anchor

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

#: every trick a text field could try, in one string
EVIL = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) " onmouseover="x '
    "a|b {{ 7*7 }} {% if %} `code` [x](javascript:alert(1)) # *b* _i_ &lt; \\ ~s~ $m$"
)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Elements by tag and attributes; `class_` matches one of the element's classes."""
        return [n for n in self.walk() if (tag is None or n.tag == tag) and all(n.has(k, v) for k, v in attrs.items())]

    def has(self, name: str, value: str) -> bool:
        if name == "class_":
            return value in self.attrs.get("class", "").split()
        return self.attrs.get(name) == value

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ids(self) -> set[str]:
        return {n.attrs["id"] for n in self.walk() if "id" in n.attrs}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root


def load(text: str) -> Process:
    loaded = load_text(text, "p.yaml")
    assert loaded.process is not None and not loaded.diagnostics, loaded.diagnostics
    return loaded.process


def page_context(process: Process, lang: str, pages: Mapping[str, PageRef] | None = None) -> ProcessPage:
    """The context of a page with the real flowchart in it (real Graphviz), as a run builds it."""
    known = dict(pages or {})
    drawing = diagram.draw(process, lang=lang, process_href=lambda pid: f"{known[pid].stem}.html" if pid in known
                           else None, step_href=lambda sid: f"#{step_anchor(sid)}")
    alt, caption = figure_texts(process, lang)
    return build_process_page(process, known, lang, Figure(drawing.svg, alt, caption, "p.svg", ("p.svg",)))


def evil_process_text() -> str:
    """A process with EVIL in every text field, and step ids that are hostile too (as YAML: JSON)."""
    data = {
        "procdoc": 1, "id": "EV-01", "name": EVIL, "version": EVIL, "status": "approved", "owner": "l1",
        "approved_by": EVIL, "purpose": EVIL, "scope": EVIL, "sla": EVIL, "review_every": EVIL,
        "trigger": {"description": EVIL, "mode": "active", "assured_by": EVIL, "from_process": "UP-01"},
        "outputs": [{"name": EVIL, "description": EVIL, "to_process": "DOWN-01"}],
        "lanes": [{"id": "l1", "name": EVIL, "duties": EVIL}, {"id": "<l2>", "name": EVIL, "kind": "role"}],
        "phases": [{"id": "p1", "name": EVIL}],
        "documents": [{"id": "d1", "name": EVIL, "kind": "form", "ref": EVIL}],
        "records": [{"id": "r1", "name": EVIL, "keep": EVIL, "stored_in": EVIL, "form": "d1"}],
        "steps": [
            {"id": "1", "name": EVIL, "type": "start", "lane": "l1", "phase": "p1", "next": "a|b"},
            {"id": "a|b", "name": EVIL, "lane": "<l2>", "phase": "p1", "description": EVIL, "key": True,
             "time_limit": EVIL, "inputs": [EVIL], "outputs": [EVIL], "documents": ["d1"], "records": ["r1"],
             "system": EVIL, "raci": {"r": "<l2>", "a": "l1", "c": ["l1"], "i": ["<l2>"]},
             "control": {"standard": EVIL, "method": EVIL, "record": "r1", "on_fail": EVIL}, "next": "[x](y)"},
            {"id": "[x](y)", "name": EVIL, "type": "decision", "lane": "l1", "phase": "p1",
             "branches": [{"when": EVIL, "next": "<s>"}, {"when": "是", "next": "sub"}]},
            {"id": "sub", "name": EVIL, "type": "subprocess", "lane": "l1", "process": "DOWN-01", "next": "<s>"},
            {"id": "<s>", "name": EVIL, "type": "end", "lane": "l1", "phase": "p1"},
        ],
        "emergencies": [{"id": "e1", "when": EVIL, "handler": "a|b", "description": EVIL}],
        "kpis": [{"name": EVIL, "definition": EVIL, "target": EVIL, "goal": EVIL, "owner": "l1"}],
        "revisions": [{"version": EVIL, "date": "2026-01-01", "author": EVIL, "reviewed_by": EVIL,
                       "approved_by": EVIL, "changes": EVIL}],
        "glossary": [{"term": EVIL, "definition": EVIL}],
        "references": [EVIL],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def broken_html_links(site: Path) -> list[str]:
    """Local links in every HTML page of `site` whose file or #fragment does not exist."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        for node in parse_html(page.read_text(encoding="utf-8")).walk():
            for attr in ("href", "src", "xlink:href"):
                if attr in node.attrs and not _resolves(page, node.attrs[attr], ids, _html_ids):
                    broken.append(f"{page.relative_to(site)}: {node.attrs[attr]}")
    return broken


def markdown_tokens(text: str) -> list:  # type: ignore[type-arg]
    """Flat token stream (inline children included) of GitHub-style Markdown with tables."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [t for token in tokens for t in [token, *(token.children or [])]]


def broken_markdown_links(site: Path) -> list[str]:
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.md")):
        for token in markdown_tokens(page.read_text(encoding="utf-8")):
            target = token.attrs.get("href") or token.attrs.get("src")
            if token.type in ("link_open", "image") and not _resolves(page, str(target), ids, _markdown_ids):
                broken.append(f"{page.relative_to(site)}: {target}")
    return broken


def _resolves(page: Path, url: str, ids: dict[Path, set[str]], read_ids: object) -> bool:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return parts.scheme == "data"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
    if not target.is_file():
        return False
    if not parts.fragment:
        return True
    if target not in ids:
        ids[target] = read_ids(target)  # type: ignore[operator]
    return unquote(parts.fragment) in ids[target]


def _html_ids(path: Path) -> set[str]:
    if path.suffix != ".html":
        return set()
    return parse_html(path.read_text(encoding="utf-8")).ids()


def _markdown_ids(path: Path) -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', path.read_text(encoding="utf-8")))
