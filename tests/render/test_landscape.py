"""The front page's data: the process map, the interfaces, the search index; and the sign-off rows."""

from __future__ import annotations

import json
from pathlib import Path

from procdoc.loader import load_text
from procdoc.model import Process
from procdoc.render import landscape, searchindex
from procdoc.render.context import Figure, PageRef, build_process_page
from procdoc.render.names import step_anchor
from tests.base_process import BASE

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

CATALOGUE = """
paths = ["."]
[processes."Q"]
name = "质量管理"
category = "business"
level = "L1"
[processes."QM"]
name = "质量投诉"
level = "L2"
parent = "Q"
[processes."QM-09"]
name = "质量追溯流程"
status = "planned"
level = "L3"
parent = "QM"
[processes."QM-07-1"]
name = "现场确认子流程"
status = "planned"
level = "L4"
parent = "QM-07"
"""


def _samples() -> list[Process]:
    found = []
    for path in sorted(SAMPLES.glob("*.yaml")):
        loaded = load_text(path.read_text(encoding="utf-8"), str(path))
        assert loaded.process is not None
        found.append(loaded.process)
    return found


def _pages(processes: list[Process]) -> dict[str, PageRef]:
    return {p.id: PageRef(p.id, p.name, p.id.lower(), p.status) for p in processes}


def test_map_follows_the_catalogue_from_domain_to_sub_process() -> None:
    processes = _samples()
    found = landscape.entries(processes, _pages(processes), landscape.catalogue(CATALOGUE), "zh")
    families = {family.key: family for family in landscape.families(found, "未分组")}
    assert list(families) == ["strategic", "business", "support"]
    quality = next(d for d in families["business"].domains if d.id == "Q")
    assert quality.title == "Q 质量管理"
    group = quality.groups[0]
    assert group.title == "QM 质量投诉" and [p.id for p in group.processes] == ["QM-07", "QM-09"]
    assert group.processes[1].page is None  # planned: a box without a link
    assert [s.id for s in group.subs["QM-07"]] == ["QM-07-1"]
    written = [p.id for f in families.values() for d in f.domains for g in d.groups for p in g.processes if p.page]
    assert sorted(written) == sorted(p.id for p in processes)


def test_a_broken_settings_file_gives_an_empty_catalogue() -> None:
    assert landscape.catalogue("[processes\nname = ") == {} and landscape.catalogue("") == {}


def test_interfaces_are_calls_and_hand_overs_each_once() -> None:
    links = landscape.interfaces(_samples())
    from_qm07 = {(i.target, i.kind) for i in links if i.source == "QM-07"}
    assert {("PP-01", "call"), ("SD-05", "call"), ("QA-01", "call"), ("QA-01", "handover")} <= from_qm07
    assert len(links) == len({(i.source, i.target, i.kind) for i in links})


def test_interface_view_links_each_written_process() -> None:
    processes = _samples()
    found = landscape.entries(processes, _pages(processes), {}, "zh")
    svg = landscape.interface_svg(found, landscape.interfaces(processes), {"call": "调用", "handover": "交接"})
    assert 'xlink:href="pp-01.html"' in svg and "QM&#45;07&#45;&gt;PP&#45;01" in svg


def test_search_index_has_every_step_with_its_anchor() -> None:
    processes = _samples()
    pages = _pages(processes)
    entries = searchindex.entries([(p, pages[p.id]) for p in processes])
    qm07 = next(p for p in processes if p.id == "QM-07")
    hrefs = {e["href"] for e in entries}
    assert {f"qm-07.html#{step_anchor(s.id)}" for s in qm07.steps} <= hrefs
    complaint = [e for e in entries if "投诉" in e["text"]]
    assert any(e["href"] == "qm-07.html" for e in complaint)
    script = searchindex.script([(p, pages[p.id]) for p in processes])
    data = json.loads(script.removeprefix("window.PROCDOC_SEARCH = ").rstrip(";\n"))
    assert data["entries"] == entries and "</" not in script


def test_no_approval_date_without_an_approver() -> None:
    text = "".join(line for line in BASE.splitlines(keepends=True) if "approved_by" not in line)
    loaded = load_text(text)
    assert loaded.process is not None
    page = build_process_page(loaded.process, {}, "zh", Figure("", "", "", "", ()))
    approver = page.header.signatures[-1]
    assert approver.name == "" and approver.date == ""
    author = page.header.signatures[0]
    assert author.name == "张三" and author.date == "2026-06-01"
