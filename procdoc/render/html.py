"""The HTML manual: a typed page context in, one HTML string out.

Autoescaping is on for every template, so text from the YAML can only ever
be text; the filters that build markup here (`link`, `links`, `lines`)
escape every piece of it they are given. The one thing allowed in unescaped
is the flowchart's SVG, which the diagram code built with user text already
escaped; it passes through `inline_svg` and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from procdoc.i18n import label
from procdoc.render.context import IndexPage, Link, ProcessPage
from procdoc.render.landscape import FrontPage
from procdoc.render.svgtext import replace_value_start

STATIC_FILES = ("procdoc.css", "procdoc.js", "print.css")
DARK_STYLES = "dark.css"  # written only for a site whose `[render] theme` is dark or auto
ASSETS_DIR = "assets"
FIGURE_ID_PREFIX = "fig-"
DASH = Markup("—")  # what an empty field or list shows

_PROLOGUE = re.compile(r"<\?xml.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)
_LOCAL_REFERENCE = re.compile(r"url\(#")
_SVG_START = re.compile(r"<svg\b[^>]*>")
_POINTS = re.compile(r'(\s(?:width|height)="[\d.]+)pt"')


@cache
def environment() -> Environment:
    """The one jinja2 environment of the HTML manual: package templates, escaping on, no silent blanks."""
    env = Environment(
        loader=PackageLoader("procdoc.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["link"] = link
    env.filters["links"] = links
    env.filters["lines"] = lines
    env.filters["text"] = text
    env.filters["inline_svg"] = inline_svg
    env.globals["assets"] = ASSETS_DIR
    env.globals["figure_id"] = figure_id
    env.globals["running_css"] = running_css
    return env


def static_files(theme: str) -> tuple[str, ...]:
    """The assets a site of this theme uses: a light site (the default) has no dark stylesheet at all."""
    return STATIC_FILES if theme == "light" else (*STATIC_FILES, DARK_STYLES)


def href(link: Link) -> str:
    """Where a live link points: `stem.html`, `#anchor` or both."""
    page = f"{link.page}.html" if link.page is not None else ""
    return page + (f"#{link.anchor}" if link.anchor else "")


def link(item: Link) -> Markup:
    """A link's text, inside an `<a>` when it points somewhere.

    This and the next three are filters, not template macros: a page calls
    them hundreds of times, and a jinja2 macro call costs ten times as much.
    """
    if item.live:
        return Markup(f'<a href="{escape(href(item))}">{escape(item.text)}</a>')
    return escape(item.text)


def links(items: Sequence[Link], separator: str) -> Markup:
    """Links in a row, or a dash for none."""
    return escape(separator).join(map(link, items)) if items else DASH


def lines(items: Sequence[str]) -> Markup:
    """Each item on a line of its own, or a dash for none."""
    return Markup("<br>").join(items) if items else DASH


def text(value: str) -> str | Markup:
    """The value, or a dash where the YAML left it out."""
    return value or DASH


def figure_id(anchor: str) -> str:
    """Id of a step's node in the inlined flowchart (its row has `anchor` itself)."""
    return FIGURE_ID_PREFIX + anchor


def inline_svg(svg: str, prefix: str = FIGURE_ID_PREFIX) -> Markup:
    """Graphviz's SVG made fit to sit inside a page.

    The XML prologue, doctype and comments go; every id gets the figure
    prefix, because the diagram gives a step's node the same id as the
    step's row in the table, and an HTML page needs them distinct. The size
    in points becomes the same number of CSS pixels (3/4 of natural size):
    small enough to see a lane's width at a glance, large enough to read.
    """
    body = _PROLOGUE.sub("", svg).strip()
    body = replace_value_start(body, "id", "", prefix)
    body = _SVG_START.sub(lambda start: _POINTS.sub(r'\1px"', start.group(0)), body, count=1)
    return Markup(_LOCAL_REFERENCE.sub("url(#" + prefix, body))


def running_css(page: ProcessPage, page_size: str | None = None, orientation: str = "auto") -> Markup:
    """The `@page` rules that are this page's own: the running header (code, name, version, status),
    page x of y, the draft mark, and for the PDF the sheet size (text pages upright unless all are
    landscape). A browser print leaves the sheet to the print dialog: Chromium lets a size on the
    unnamed page win over the landscape page the chart asks for."""
    h, lang = page.header, page.chrome.lang
    running = label(lang, "print.running", code=h.code, name=h.name, version=h.version or "—", status=h.status)
    before, middle, after = _split(label(lang, "print.page", page="\0", pages="\0"))
    numbers = f'{css_string(before)} counter(page) {css_string(middle)} counter(pages) {css_string(after)}'
    text_pages = "landscape" if orientation == "landscape" else "portrait"
    draft = f" @top-right {{ content: {css_string(label(lang, 'print.draft'))}; }}" if h.draft else ""
    size = f"size: {page_size} {text_pages}; " if page_size else ""
    rules = [
        f"@page {{ {size}@top-left {{ content: {css_string(running)}; }}{draft}"
        f" @bottom-left {{ content: {css_string(h.code + ' ' + (h.version or ''))}; }}"
        f" @bottom-right {{ content: {numbers}; }} }}",
    ]
    if page_size:
        rules += [f"@page chart-landscape {{ size: {page_size} landscape; }}",
                  f"@page chart-portrait {{ size: {page_size} portrait; }}"]
    return Markup("\n".join(rules))


def _split(text: str) -> tuple[str, str, str]:
    before, middle, after = text.split("\0")
    return before, middle, after


def css_string(value: str) -> str:
    """`value` as a quoted CSS string that cannot end the string or the <style> element it sits in."""
    escaped = "".join(f"\\{ord(char):x} " if char in '"\\<>&\n\r' else char for char in value)
    return f'"{escaped}"'


def render_process_page(page: ProcessPage) -> str:
    return environment().get_template("process.html.j2").render(page=page, t=page.chrome.t)


def render_index(page: IndexPage, front: FrontPage | None = None) -> str:
    """The front page: search, the process map and the interface view (`front`), then the catalogue."""
    return environment().get_template("index.html.j2").render(page=page, front=front, t=page.chrome.t)
