"""The HTML manual: a typed page context in, one HTML string out.

Autoescaping is on for every template, so text from the YAML can only ever
be text. The one thing allowed in unescaped is the flowchart's SVG, which
the diagram code built with user text already escaped; it passes through
`inline_svg` and nowhere else.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from procdoc.render.context import IndexPage, Link, ProcessPage

STATIC_FILES = ("procdoc.css", "procdoc.js")
ASSETS_DIR = "assets"
FIGURE_ID_PREFIX = "fig-"

_PROLOGUE = re.compile(r"<\?xml.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)
_ID_ATTRIBUTE = re.compile(r'(\sid=")')
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
    env.filters["href"] = href
    env.filters["inline_svg"] = inline_svg
    env.globals["assets"] = ASSETS_DIR
    env.globals["figure_id"] = figure_id
    return env


def href(link: Link) -> str:
    """Where a live link points: `stem.html`, `#anchor` or both."""
    page = f"{link.page}.html" if link.page is not None else ""
    return page + (f"#{link.anchor}" if link.anchor else "")


def figure_id(anchor: str) -> str:
    """Id of a step's node in the inlined flowchart (its row has `anchor` itself)."""
    return FIGURE_ID_PREFIX + anchor


def inline_svg(svg: str) -> Markup:
    """Graphviz's SVG made fit to sit inside a page.

    The XML prologue, doctype and comments go; every id gets the figure
    prefix, because the diagram gives a step's node the same id as the
    step's row in the table, and an HTML page needs them distinct. The size
    in points becomes the same number of CSS pixels (3/4 of natural size):
    small enough to see a lane's width at a glance, large enough to read.
    """
    body = _PROLOGUE.sub("", svg).strip()
    body = _ID_ATTRIBUTE.sub(r"\1" + FIGURE_ID_PREFIX, body)
    body = _SVG_START.sub(lambda start: _POINTS.sub(r'\1px"', start.group(0)), body, count=1)
    return Markup(_LOCAL_REFERENCE.sub("url(#" + FIGURE_ID_PREFIX, body))


def render_process_page(page: ProcessPage) -> str:
    return environment().get_template("process.html.j2").render(page=page, t=page.chrome.t)


def render_index(page: IndexPage) -> str:
    return environment().get_template("index.html.j2").render(page=page, t=page.chrome.t)
