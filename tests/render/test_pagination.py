"""Charts on paper: when a chart is split, by what, and how its pages point at each other."""

from __future__ import annotations

import re
from functools import cache

import pytest

from procdoc.config import RenderConfig
from procdoc.loader import load_file
from procdoc.model import Process
from procdoc.render import diagram, pagination
from tests.render.conftest import SAMPLES


@cache
def _sample(name: str) -> Process:
    process = load_file(str(SAMPLES / name)).usable
    assert process is not None
    return process


DEFAULT = RenderConfig()


@cache
def _pages(name: str, lang: str = "zh", config: RenderConfig = DEFAULT) -> list[pagination.ChartPage]:
    process = _sample(name)
    return pagination.paginate(process, lang, config, diagram.sketch(process, lang=lang))


def test_a_chart_that_reads_at_7pt_on_one_page_is_not_split() -> None:
    pages = _pages("qc-05.yaml")
    assert len(pages) == 1
    assert pages[0].chart.process is _sample("qc-05.yaml")
    assert pages[0].smallest_text >= pagination.MIN_TEXT


def test_a_large_chart_is_split_by_phase_every_page_at_7pt() -> None:
    process, pages = _sample("qm-07.yaml"), _pages("qm-07.yaml")
    assert len(pages) > 1
    assert all(page.smallest_text >= pagination.MIN_TEXT for page in pages)
    assert [step for page in pages for step in page.steps] == [s.id for s in process.steps]
    for page in pages:
        phases = {process.step_by_id[step].phase for step in page.steps}
        assert page.phases == tuple(f"{n} {p.name}" for n, p in enumerate(process.phases, 1) if p.id in phases)
        drawn_lanes = [lane.id for lane in page.chart.chart.lanes]
        assert drawn_lanes == [lane.id for lane in process.lanes], "every page repeats every lane header"


def test_each_line_leaving_a_page_ends_at_a_connector_that_starts_it_again_there() -> None:
    """`→N` on one page names page P and step S; page P has `←N` leading into S, listing where lines come from."""
    process, pages = _sample("qm-07.yaml"), _pages("qm-07.yaml")
    total = len(pages)
    page_of = {step: page.number for page in pages for step in page.steps}
    crossings = [(source, target) for source, targets in process.successors.items() for target in targets
                 if page_of[source] != page_of[target]]
    assert crossings
    for source, target in crossings:
        here, there = pages[page_of[source] - 1].chart.process, pages[page_of[target] - 1].chart.process
        leaving = [s for s in here.steps if s.type == diagram.CONNECTOR and s.id.startswith("→")
                   and s.name.split("\n")[1:] == [f"第{page_of[target]}/{total}页", target]]
        assert len(leaving) == 1 and leaving[0].id in [target for _, target, _ in here.step_by_id[source].exits()]
        entering = there.step_by_id[leaving[0].id.replace("→", "←")]
        assert entering.next == [target]
        assert f"第{page_of[source]}/{total}页\n{source}" in entering.name


def test_connectors_speak_the_charts_language() -> None:
    pages = _pages("qm-07.yaml", "en")
    names = [s.name for page in pages for s in page.chart.process.steps if s.type == diagram.CONNECTOR]
    assert names and all(re.fullmatch(r"[→←](\npage \d+/\d+\nstep [\w.]+)+", name) for name in names)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_orientation_setting_is_kept(orientation: str) -> None:
    pages = _pages("cs-02.yaml", config=RenderConfig(orientation=orientation))
    assert {page.sheet.orientation for page in pages} == {orientation}


def test_a3_holds_more_of_the_chart_on_a_page_than_a4() -> None:
    assert len(_pages("cs-02.yaml", config=RenderConfig(page_size="A3"))) < len(_pages("cs-02.yaml"))
