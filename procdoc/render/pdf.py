"""The manual as a PDF: the print page (print.html.j2) laid out by WeasyPrint, the CSS Paged Media engine.

No browser: WeasyPrint is a Python library over Pango. The fonts are the
system's Noto CJK fonts, subset and embedded in the file. Nothing is fetched:
the only resources a page refers to are procdoc's own stylesheets, served
from the package. The PDF carries no date unless the run asks for one
(`--timestamp`), so the same input gives the same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from procdoc.config import RenderConfig
from procdoc.errors import UserError
from procdoc.render import html
from procdoc.render.context import ProcessPage
from procdoc.render.pagination import ChartPage

FONT_FAMILY = "Noto Sans CJK SC"
FONT_PACKAGE = "fonts-noto-cjk"
ENGINE_LIBRARIES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
_BASE_URL = "file:///procdoc-print/"
#: WeasyPrint shares Pango and fontconfig state between documents: one document at a time
_LOCK = threading.Lock()


@dataclass(frozen=True)
class PrintedChart:
    """One chart page as the print template shows it: sizes in points."""

    orientation: str
    caption: str
    svg: str
    width: float
    height: float


def printed_charts(pages: Sequence[ChartPage], svgs: Sequence[str], lang: str) -> tuple[PrintedChart, ...]:
    return tuple(
        PrintedChart(page.sheet.orientation, page.caption(lang), svg, round(page.size[0], 2), round(page.size[1], 2))
        for page, svg in zip(pages, svgs, strict=True)
    )


def print_html(page: ProcessPage, charts: Sequence[PrintedChart], config: RenderConfig) -> str:
    """The page the PDF is made from (also useful to look at in a browser's print preview)."""
    template = html.environment().get_template("print.html.j2")
    return template.render(page=page, t=page.chrome.t, chart_pages=charts, page_size=config.page_size,
                           orientation=config.orientation)


def render_pdf(page: ProcessPage, charts: Sequence[PrintedChart], config: RenderConfig, stamp: str = "") -> bytes:
    """The PDF of one process's manual; `stamp` (the build time) is its creation date, when given."""
    weasyprint = engine()
    check_fonts()
    text = print_html(page, charts, config)
    if stamp:
        text = text.replace("<head>", f'<head>\n<meta name="dcterms.created" content="{_iso(stamp)}">', 1)
    with _LOCK:
        document = weasyprint.HTML(string=text, base_url=_BASE_URL, url_fetcher=_fetcher(weasyprint)).render()
        data: bytes = document.write_pdf(pdf_identifier=_identifier(page))
    return data


def _identifier(page: ProcessPage) -> bytes:
    """The PDF's file identifier, from what it is about rather than random: the same input, the same bytes."""
    return f"{page.header.code} {page.header.version}".encode()[:32].ljust(16, b" ")


def _iso(stamp: str) -> str:
    """`2026-12-07 04:00 UTC` (the site's stamp) as an ISO date-time."""
    day, clock = stamp.split()[:2]
    return f"{day}T{clock}:00Z"


def _fetcher(weasyprint: ModuleType) -> Any:
    """A URL fetcher that serves procdoc's own stylesheets and refuses every other address."""

    class Packaged(weasyprint.urls.URLFetcher):  # type: ignore[misc, name-defined]
        def fetch(self, url: str, headers: Any = None) -> Any:
            name = url.removeprefix(_BASE_URL).removeprefix(html.ASSETS_DIR + "/")
            if not (url.startswith(_BASE_URL) and name in html.static_files("dark") and name.endswith(".css")):
                raise ValueError(f"a procdoc PDF loads nothing from {url}")
            data = (resources.files("procdoc.render") / "static" / name).read_bytes()
            return weasyprint.urls.URLFetcherResponse(url, data, {"Content-Type": "text/css; charset=utf-8"})

    return Packaged()


@cache
def engine() -> ModuleType:
    """WeasyPrint, or a UserError naming what to install."""
    try:
        import weasyprint
    except ImportError as err:
        raise UserError("PDF output needs the WeasyPrint Python package, which is not installed",
                        "install it: pip install 'procdoc' (it is a dependency) or pip install weasyprint") from err
    except OSError as err:  # the Python package is there, its system libraries are not
        raise UserError(f"WeasyPrint cannot load its system libraries: {err}",
                        f"install the OS packages: apt-get install {ENGINE_LIBRARIES}") from err
    return weasyprint


@cache
def check_fonts() -> None:
    """The Noto CJK fonts must be installed: without them Chinese text prints as empty boxes."""
    listing = shutil.which("fc-list")
    found = listing and subprocess.run([listing, f":family={FONT_FAMILY}", "family"], capture_output=True,
                                       text=True, check=False).stdout.strip()
    if not found:
        raise UserError(f"the {FONT_FAMILY} font is not installed: PDF and Word charts need it",
                        f"install the OS package: apt-get install {FONT_PACKAGE}")
