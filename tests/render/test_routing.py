"""The chart's lines never mislead (issue 15), checked by `geometry` on the SVG procdoc draws.

Every sample, the benchmark's generated processes and random flows from
hypothesis are drawn with real Graphviz and held to the rules of
`tests/render/geometry.py`; hand-made charts that break each rule show the
checker can fail.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import process_text
from procdoc.loader import load_text
from procdoc.model import Process
from procdoc.render.diagram import draw
from procdoc.render.names import page_stem, step_anchor
from tests.render.geometry import check

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
#: random flows (found by `flows` below) too crowded for the usual tracks, each of which made the router (as
#: it was, or while tracks on demand were being built) share a track, run lines too near, put a label nearer
#: another line, leave a crossing without a hop or draw a note on a fork
CROWDED = json.loads((Path(__file__).parent / "fixtures" / "crowded_flows.json").read_text(encoding="utf-8"))

#: crossings on each sample's chart before issue 15; the router may only do better
CROSSINGS_BEFORE = {
    "cs-01": 2, "cs-02": 0, "it-03": 7, "pp-01": 2, "qa-01": 0, "qc-02": 5, "qc-05": 8, "qm-07": 6, "sd-05": 2,
}


def _load(text: str) -> Process:
    loaded = load_text(text)
    assert loaded.process is not None, [d.message for d in loaded.diagnostics]
    return loaded.process


def _svg(process: Process, lang: str = "zh") -> str:
    return draw(
        process, lang=lang, process_href=lambda p: f"{page_stem(p)}.html", step_href=lambda s: f"#{step_anchor(s)}"
    ).svg


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sample", sorted(CROSSINGS_BEFORE))
def test_sample_charts_do_not_mislead(sample: str, lang: str) -> None:
    report = check(_svg(_load((SAMPLES / f"{sample}.yaml").read_text(encoding="utf-8")), lang))
    print(f"{sample} ({lang}): {report.crossings} crossings, {CROSSINGS_BEFORE[sample]} before")
    assert report.violations == []
    assert report.crossings <= CROSSINGS_BEFORE[sample]


@pytest.mark.parametrize("index", range(0, 200, 25))
def test_benchmark_charts_do_not_mislead(index: int) -> None:
    """Every 25th of the benchmark's 200 processes; `test_whole_benchmark…` runs them all."""
    assert check(_svg(_load(process_text(index, 200)))).violations == []


@pytest.mark.slow
def test_whole_benchmark_corpus_does_not_mislead() -> None:
    found = {index: check(_svg(_load(process_text(index, 200)))).violations for index in range(200)}
    assert {index: v for index, v in found.items() if v} == {}


# ── Random flows ──────────────────────────────────────────────────────────────


REACH = 6  # how many steps ahead (or back) a line leads: as in written processes, not across the whole chart


@st.composite
def flows(draw: Any) -> str:
    """A valid process: random lanes, phases, tasks, decisions (some looping back), forks, notes."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    lanes = [{"id": f"l{k}", "name": rng.choice(["客户", "营销部", "质量管理部", "Warehouse", "财务"]) + str(k)}
             for k in range(draw(st.integers(2, 5)))]
    phases = [{"id": f"p{k}", "name": f"阶段{k}"} for k in range(draw(st.integers(0, 3)))]
    count = draw(st.integers(3, 24))
    steps: list[dict[str, Any]] = []
    for i in range(count):
        name = rng.choice(["登记", "审核投诉信息", "Check the goods", "确认？"])
        step: dict[str, Any] = {"id": str(i + 1), "name": name, "lane": rng.choice(lanes)["id"]}
        if phases:
            step["phase"] = phases[min(len(phases) - 1, i * len(phases) // count)]["id"]
        later = [str(k + 1) for k in range(i + 1, min(count, i + 1 + REACH))]
        if i == 0:
            step.update(type="start", next=later[0])
        elif i == count - 1:
            step["type"] = "end"
        elif rng.random() < 0.3:
            targets = rng.sample(later, min(len(later), rng.randint(2, 3)))
            if rng.random() < 0.4:
                targets[-1] = str(rng.randint(max(1, i - REACH), i))  # a loop back
            step.update(type="decision", branches=[{"when": f"情况{k}", "next": t} for k, t in enumerate(targets)])
        else:
            step["next"] = rng.sample(later, min(len(later), 2)) if rng.random() < 0.15 else later[0]
            if rng.random() < 0.25:
                step["documents"] = ["F-1"]
            if rng.random() < 0.25:
                step["records"] = ["R-1"]
        steps.append(step)
    return json.dumps({
        "procdoc": 1, "id": "RF-01", "name": "随机流程", "lanes": lanes, "phases": phases,
        "documents": [{"id": "F-1", "name": "申请表"}], "records": [{"id": "R-1", "name": "处理记录"}],
        "steps": steps,
    }, ensure_ascii=False)


_FLOW_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "derandomize": True}


@settings(max_examples=60, **_FLOW_SETTINGS)  # type: ignore[arg-type]
@given(flows())
def test_random_flows_do_not_mislead(text: str) -> None:
    assert check(_svg(_load(text))).violations == []


@pytest.mark.slow
@settings(max_examples=300, **_FLOW_SETTINGS)  # type: ignore[arg-type]
@given(flows())
def test_hundreds_of_random_flows_do_not_mislead(text: str) -> None:
    """Other flows than the test above draws (hypothesis derives them from the test's name)."""
    assert check(_svg(_load(text))).violations == []


@pytest.mark.parametrize("flow", CROWDED, ids=range(len(CROWDED)))
def test_crowded_flows_do_not_mislead(flow: dict[str, Any]) -> None:
    assert check(_svg(_load(json.dumps(flow, ensure_ascii=False)))).violations == []


# ── The checker can fail ──────────────────────────────────────────────────────


def _chart(*parts: str) -> str:
    return '<svg xmlns="http://www.w3.org/2000/svg"><g class="graph">' + "".join(parts) + "</g></svg>"


def _node(name: str, points: str, kind: str = "step step-task") -> str:
    return f'<g class="node {kind}"><title>{name}</title><polygon fill="#fff" points="{points}"/></g>'


def _edge(tail: str, head: str, path: str, label: str = "") -> str:
    polygon = f'<polygon fill="white" points="{label}"/>' if label else ""
    return f'<g class="edge flow"><title>{tail}-&gt;{head}</title><path d="{path}"/>{polygon}</g>'


BOXES = _node("a", "0,0 40,0 40,20 0,20") + _node("b", "0,200 40,200 40,220 0,220") + _node(
    "c", "200,200 240,200 240,220 200,220") + _node("m", "100,90 140,90 140,110 100,110")


def test_checker_accepts_a_clean_chart() -> None:
    report = check(_chart(BOXES, _edge("a", "b", "M20,20C20,20 20,200 20,200")))
    assert report.violations == [] and report.crossings == 0


@pytest.mark.parametrize(("edges", "rule"), [
    # two lines to different steps on one another for 60 px
    ([_edge("a", "b", "M20,20C20,20 20,80 20,80C20,80 20,200 20,200"),
      _edge("a", "c", "M21,20C21,20 21,80 21,80C21,80 220,80 220,80C220,80 220,200 220,200")], "shared"),
    # a label nearer another line than its own
    ([_edge("a", "b", "M20,20C20,20 20,200 20,200", "25,50 45,50 45,60 25,60"),
      _edge("m", "c", "M100,100C100,100 47,100 47,100C47,100 47,30 47,30C47,30 220,30 220,30C220,30 220,200 220,200")],
     "label"),
    # a label far from its line
    ([_edge("a", "b", "M20,20C20,20 20,200 20,200", "160,30 180,30 180,40 160,40")], "label"),
    # a line through step m
    ([_edge("a", "c", "M40,10C40,10 120,10 120,10C120,10 120,200 120,200")], "through"),
    # two lines crossing with no hop
    ([_edge("a", "c", "M40,10C40,10 220,10 220,10C220,10 220,200 220,200"),
      _edge("m", "b", "M150,100C150,100 150,150 150,150C150,150 60,150 60,150"),
      _edge("a", "b", "M30,20C30,20 30,120 30,120C30,120 170,120 170,120C170,120 170,160 170,160C170,160 35,160 35,160"
                      "C35,160 35,200 35,200")], "hop"),
    # lines 4 px apart for 100 px
    ([_edge("a", "b", "M20,20C20,20 20,200 20,200"),
      _edge("a", "c", "M24,20C24,20 24,180 24,180C24,180 220,180 220,180C220,180 220,200 220,200")], "parallel"),
])
def test_checker_finds_each_rule_broken(edges: list[str], rule: str) -> None:
    found = {v.split(":")[0] for v in check(_chart(BOXES, *edges)).violations}
    assert rule in found, found


def test_a_hop_is_a_crossing_but_no_violation() -> None:
    across = "M40,150C40,150 117,150 117,150C117,154 123,154 123,150C123,150 220,150 220,150C220,150 220,200 220,200"
    report = check(_chart(BOXES, _edge("a", "c", across), _edge("m", "b", "M120,110C120,110 120,180 120,180")))
    assert report.violations == [] and report.crossings == 1
    unhopped = check(_chart(BOXES, _edge("a", "c", "M40,150C40,150 220,150 220,150C220,150 220,200 220,200"),
                            _edge("m", "b", "M120,110C120,110 120,180 120,180")))
    assert [v.split(":")[0] for v in unhopped.violations] == ["hop"] and unhopped.crossings == 1
