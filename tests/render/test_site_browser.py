"""The samples' site in headless Chromium as readers use it (issue 15): on a phone, on a wide
screen with the chart viewer, through axe-core's accessibility rules, with the search and
the process map of the front page.

Screenshots of the phone and wide-screen views go to test-output/screenshots/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from procdoc.render.site import RenderSummary
from tests.httpserve import serving

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
AXE = Path(__file__).resolve().parents[1] / "export" / "js" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def site(samples_site: tuple[Path, RenderSummary]) -> Iterator[tuple[Path, str]]:
    folder, _ = samples_site
    with serving(folder) as url:
        yield folder, url


def _pages(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.html"))


def test_no_page_scrolls_sideways_on_a_phone(site: tuple[Path, str], chromium: Any) -> None:
    folder, url = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    widths = {}
    for name in _pages(folder):
        page.goto(url + name)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
        if name in ("index.html", "qm-07.html"):
            page.screenshot(path=str(SCREENSHOTS / f"phone-{name}.png"))
    page.close()
    assert {name: width for name, width in widths.items() if width > 390} == {}


def test_the_sign_off_table_stays_readable_on_a_phone(site: tuple[Path, str], chromium: Any) -> None:
    _, url = site
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    page.goto(url + "qm-07.html")
    box = page.locator("table.signatures").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.locator("table.signatures td").first.bounding_box()["width"] > 40  # type: ignore[index]
    page.close()


def test_chart_tools_are_in_the_first_screen_of_the_chart(site: tuple[Path, str], chromium: Any) -> None:
    _, url = site
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url + "qm-07.html")
    page.locator("#diagram").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#diagram').scrollIntoView()")
    top = page.evaluate("document.querySelector('#diagram').getBoundingClientRect().top")
    for action in ("fit", "in", "out", "full", "legend"):
        button = page.locator(f'[data-chart="{action}"]')
        box = button.bounding_box()
        assert button.is_visible() and box is not None and top <= box["y"] and box["y"] + box["height"] <= top + 1000
    page.screenshot(path=str(SCREENSHOTS / "wide-qm-07-chart.png"))
    page.close()


def test_zoom_buttons_keys_and_wheel_change_the_scale(site: tuple[Path, str], chromium: Any) -> None:
    _, url = site
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url + "qm-07.html")
    width = "document.querySelector('#diagram svg:not(.lane-band)').getBoundingClientRect().width"
    start = page.evaluate(width)
    page.click('[data-chart="in"]')
    assert page.evaluate(width) == pytest.approx(start * 1.25, rel=0.01)
    page.click('[data-chart="out"]')
    assert page.evaluate(width) == pytest.approx(start, rel=0.01)
    page.focus(".diagram-canvas")
    page.keyboard.press("-")
    assert page.evaluate(width) < start
    page.keyboard.press("+")
    page.mouse.move(700, 500)
    page.locator(".diagram-canvas").hover()
    page.keyboard.down("Control")
    page.mouse.wheel(0, -100)
    page.keyboard.up("Control")
    assert page.evaluate(width) > start
    page.close()


def test_drag_pans_and_lane_headers_stay_in_sight(site: tuple[Path, str], chromium: Any) -> None:
    _, url = site
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url + "qm-07.html")
    page.evaluate("document.querySelector('#diagram').scrollIntoView()")
    canvas = page.locator(".diagram-canvas").bounding_box()
    assert canvas is not None
    x, y = canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y - 300, steps=8)
    page.mouse.up()
    scrolled = page.evaluate("[document.querySelector('.diagram-canvas').scrollLeft,"
                             " document.querySelector('.diagram-canvas').scrollTop]")
    assert scrolled[0] > 100 and scrolled[1] > 200
    band = page.locator("svg.lane-band").bounding_box()
    assert band is not None and abs(band["y"] - canvas["y"]) < 3, "the lane headers stick to the top of the chart"
    headers = page.locator("svg:not(.lane-band) .lane-header").count()
    assert page.locator("svg.lane-band .lane-header").count() == headers
    page.click('[data-chart="legend"]')
    assert page.locator("#chart-legend svg").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "wide-qm-07-scrolled.png"))
    page.close()


def test_axe_finds_no_serious_or_critical_violation(site: tuple[Path, str], chromium: Any) -> None:
    folder, url = site
    if not AXE.exists():
        pytest.skip("axe-core is not installed: make js-packages")
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    found = {}
    for name in _pages(folder):
        page.goto(url + name)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document).then(r => JSON.stringify(r.violations))")
        bad = [(v["id"], len(v["nodes"])) for v in json.loads(result) if v["impact"] in ("serious", "critical")]
        if bad:
            found[name] = bad
    page.close()
    assert found == {}


@pytest.mark.parametrize("query", ["投诉", "complaint"])
def test_search_finds_the_complaint_processes_and_their_steps(site: tuple[Path, str], chromium: Any,
                                                              query: str) -> None:
    _, url = site
    page = chromium.new_page()
    page.route("http://*/**", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    page.goto(url + "index.html")
    page.fill("#search", query)
    results = page.locator("#search-results a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert "qm-07.html" in hrefs and "cs-02.html" in hrefs
    steps = [h for h in hrefs if h and "#step-" in h]
    assert any(h.startswith("qm-07.html#step-") for h in steps) and any(h.startswith("cs-02.html#step-") for h in steps)
    page.click(f'#search-results a[href="{steps[0]}"]')
    anchor = steps[0].split("#")[1]
    assert page.evaluate("location.hash") == f"#{anchor}" and page.locator(f"#{anchor}").is_visible()
    page.close()


def test_front_page_map_links_every_written_process(site: tuple[Path, str], chromium: Any) -> None:
    folder, url = site
    page = chromium.new_page()
    page.goto(url + "index.html")
    links = page.locator("#process-map a.map-process")
    hrefs = sorted(links.nth(i).get_attribute("href") or "" for i in range(links.count()))
    assert hrefs == [name for name in _pages(folder) if name != "index.html"]
    page.click('#process-map a[href="qm-07.html"]')
    assert page.url.endswith("qm-07.html")
    page.close()


def test_interface_view_shows_qm07_calls_and_is_clickable(site: tuple[Path, str], chromium: Any) -> None:
    _, url = site
    page = chromium.new_page()
    page.goto(url + "index.html")
    titles = page.evaluate("[...document.querySelectorAll('#process-interfaces g.edge title')].map(t => t.textContent)")
    assert {"QM-07->PP-01", "QM-07->SD-05", "QM-07->QA-01"} <= set(titles)
    page.locator('#process-interfaces a[*|href="pp-01.html"]').first.click()
    assert page.url.endswith("pp-01.html")
    page.close()


def test_a_draft_carries_a_visible_mark(site: tuple[Path, str], chromium: Any) -> None:
    _, url = site
    page = chromium.new_page()
    page.goto(url + "qc-05.html")  # the draft sample
    mark = page.locator(".draft-mark")
    assert mark.is_visible() and "草稿 / DRAFT" in mark.inner_text()
    assert "is-draft" in (page.locator("body").get_attribute("class") or "")
    page.goto(url + "qm-07.html")
    assert page.locator(".draft-mark").count() == 0
    page.close()
