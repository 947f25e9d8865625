"""Every page of the rendered samples in headless Chromium, as a reader opens them.

Debian's chromium (never `playwright install`: it downloads) over a local
http.server. Each page: no console error or warning, no script error, no
failed or 404 request, no dialog, every internal link and #fragment
resolves, the flowchart is visible; a full-page screenshot goes to
test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from procdoc.render.site import RenderSummary
from procdoc.writer import write_bytes_atomic
from tests.httpserve import serving

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

NOISY = ("error", "warning")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
LINKS_AND_IDS = """() => ({
  links: [...document.querySelectorAll("a")].map(a => a.href.baseVal !== undefined
      ? new URL(a.href.baseVal, document.baseURI).href : a.href).filter(Boolean),
  ids: [...document.querySelectorAll("[id]")].map(e => e.id),
})"""


@dataclass
class Visit:
    """What happened while one page loaded."""

    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


@pytest.fixture(scope="module")
def server(samples_site: tuple[Path, RenderSummary]) -> Iterator[str]:
    site, _ = samples_site
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def visits(samples_site: tuple[Path, RenderSummary], server: str, chromium: object) -> dict[str, Visit]:
    """Open every page once, listening to everything that can go wrong; screenshot each."""
    site, _ = samples_site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    found = {}
    for path in sorted(site.glob("*.html")):
        page = context.new_page()
        visit = Visit()
        page.on("console", lambda m, v=visit: m.type in NOISY and v.problems.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e, v=visit: v.problems.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r, v=visit: v.problems.append(f"requestfailed: {r.url}"))
        page.on("response", lambda r, v=visit: r.status >= 400 and v.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("dialog", lambda d, v=visit: (v.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(server + path.name, wait_until="load")
        seen = page.evaluate(LINKS_AND_IDS)
        visit.links, visit.ids = seen["links"], set(seen["ids"])
        write_bytes_atomic(SCREENSHOTS / f"{path.stem}.png", page.screenshot(full_page=True))  # xdist-safe
        found[path.name] = visit
        page.close()
    context.close()
    return found


def test_every_page_loads_without_errors(visits: dict[str, Visit], samples_site: tuple[Path, RenderSummary]) -> None:
    _, summary = samples_site
    assert len(visits) == summary.processes + 1
    assert {name: v.problems for name, v in visits.items() if v.problems} == {}
    assert all((SCREENSHOTS / f"{Path(name).stem}.png").stat().st_size > 10_000 for name in visits)


def test_every_internal_link_resolves(visits: dict[str, Visit], server: str,
                                      samples_site: tuple[Path, RenderSummary]) -> None:
    site, _ = samples_site
    broken = []
    for name, visit in visits.items():
        for link in visit.links:
            url, fragment = urldefrag(link)
            if not url.startswith(server):
                broken.append(f"{name}: external {link}")
                continue
            target = urlsplit(url).path.lstrip("/")
            if not (site / target).is_file() or (fragment and fragment not in visits.get(target, Visit()).ids):
                broken.append(f"{name}: {link}")
    assert broken == []


def test_flowchart_is_visible_and_its_steps_jump_to_their_rows(server: str, chromium: object) -> None:
    page = chromium.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page.goto(server + "qm-07.html")
    box = page.locator("#diagram svg:not(.lane-band)").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    page.locator('#diagram a[*|href="#step-3-7"]').first.click()
    assert page.evaluate("location.hash") == "#step-3-7"
    assert page.locator("#step-3-7").is_visible() and _in_view(page, "#step-3-7")
    page.locator("#step-3-7 a.to-diagram").click()
    assert page.evaluate("location.hash") == "#fig-step-3-7" and _in_view(page, "#fig-step-3-7")
    page.close()


def test_fit_button_shows_the_whole_chart(server: str, chromium: object) -> None:
    page = chromium.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page.goto(server + "qm-07.html")
    button = page.locator('button[data-chart="fit"]')
    width = "document.querySelector('#diagram svg:not(.lane-band)').getBoundingClientRect().width"
    canvas = "document.querySelector('.diagram-canvas').clientWidth"
    assert button.inner_text() == "显示全图" and page.evaluate(width) > page.evaluate(canvas)
    button.click()
    assert button.get_attribute("aria-pressed") == "true" and page.evaluate(width) <= page.evaluate(canvas)
    button.click()
    assert page.evaluate(width) > page.evaluate(canvas)
    page.close()


def test_filter_box_filters_the_catalogue(server: str, chromium: object) -> None:
    page = chromium.new_page()  # type: ignore[attr-defined]
    page.goto(server + "index.html")
    rows = page.locator("tr[data-filter-row]")
    total = rows.count()
    page.fill("#filter", "qm-07")
    visible = [rows.nth(i).inner_text() for i in range(total) if rows.nth(i).is_visible()]
    assert len(visible) == 1 and visible[0].startswith("QM-07")
    page.fill("#filter", "no such process")
    assert not any(rows.nth(i).is_visible() for i in range(total)) and page.locator("#no-match").is_visible()
    assert not page.locator("section.category").first.is_visible()
    page.fill("#filter", "")
    assert all(rows.nth(i).is_visible() for i in range(total)) and not page.locator("#no-match").is_visible()
    page.close()


def test_print_hides_navigation_and_repeats_table_headers(server: str, chromium: object) -> None:
    page = chromium.new_page()  # type: ignore[attr-defined]
    page.goto(server + "qm-07.html")
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible() and not page.locator(".toc").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('#steps thead')).display") == "table-header-group"
    assert page.evaluate("getComputedStyle(document.querySelector('#steps tr.step')).breakInside") == "avoid"
    width = page.evaluate("document.querySelector('#diagram svg:not(.lane-band)').getBoundingClientRect().width")
    assert width <= page.evaluate("document.querySelector('main').getBoundingClientRect().width")
    pdf = page.pdf(format="A4", print_background=True)
    write_bytes_atomic(SCREENSHOTS.parent / "qm-07.pdf", pdf)
    sizes = [tuple(round(float(v)) for v in box.split()[2:]) for box in re.findall(rb"/MediaBox \[([^\]]*)\]", pdf)]
    assert (843, 596) in sizes and sizes.count((596, 843)) >= 3, "the flowchart prints on a landscape page"
    page.close()


def _in_view(page: object, selector: str) -> bool:
    top = page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")  # type: ignore[attr-defined]
    return 0 <= top < page.viewport_size["height"]  # type: ignore[attr-defined]
