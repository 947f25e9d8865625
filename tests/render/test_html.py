"""The HTML manual page and index: structure, values, links and escaping, parsed back from the HTML.

Pages carry the real flowchart (real Graphviz), so the SVG inlined into the
page is part of what is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from procdoc.i18n import LABELS, choose_lang
from procdoc.render import html
from procdoc.render.context import PageRef, build_index_page, raci_matrix
from procdoc.render.names import step_anchor
from tests.base_process import BASE
from tests.render.pages import EVIL, Node, evil_process_text, load, page_context, parse_html

HEADINGS = {
    "zh": ["目的", "适用范围", "输入与输出", "职责", "流程图", "流程步骤", "控制点", "紧急情况", "RACI 矩阵",
           "关键绩效指标", "相关文件", "记录", "术语解释", "引用制度", "修订记录"],
    "en": ["Purpose", "Scope", "Trigger and outputs", "Responsibilities", "Flowchart", "Procedure steps",
           "Control points", "Emergencies", "RACI matrix", "Key performance indicators", "Related documents",
           "Records", "Glossary", "References", "Revision history"],
}
SECTION_IDS = ["purpose", "scope", "interfaces", "responsibilities", "diagram", "steps", "controls", "emergencies",
               "raci", "kpis", "documents", "records", "glossary", "references", "revisions"]
ENGLISH = {"投诉受理": "Complaint intake", "及时受理客户投诉": "Take every complaint in time", "客户投诉": "Complaint",
           "登记投诉": "Log it", "可以处理？": "Can we?", "处理完毕": "Done", "转交上级": "Escalate"}
WITH_RACI = BASE.replace("    key: true\n", "    key: true\n    raci: {a: service, c: customer, i: [hq]}\n")
LINKED = BASE.replace("  mode: passive\n", "  mode: passive\n  from_process: UP-01\n").replace(
    "  - name: 投诉处理记录\nlanes:", "  - name: 投诉处理记录\n    to_process: DN-01\nlanes:"
)


def render(text: str, lang: str = "zh", pages: dict[str, PageRef] | None = None) -> Node:
    return parse_html(html.render_process_page(page_context(load(text), lang, pages)))


def cells(row: Node) -> list[str]:
    return [" ".join(c.text().split()) for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]


def section(page: Node, section_id: str) -> Node:
    return page.find("section", id=section_id)


@pytest.fixture(scope="module")
def base_page() -> Node:
    return render(BASE)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_section_in_order_with_its_heading(lang: str) -> None:
    page = render(BASE, lang)
    sections = page.find_all("section")
    assert [s.attrs["id"] for s in sections] == SECTION_IDS
    assert [" ".join(s.find("h2").text().split()) for s in sections] == [
        f"{n} {title}" for n, title in enumerate(HEADINGS[lang], 1)
    ]
    assert page.find("html").attrs["lang"] == {"zh": "zh-CN", "en": "en"}[lang]


def test_auto_language_follows_the_process_text() -> None:
    process = load(BASE)
    assert choose_lang("auto", process) == "zh"
    assert choose_lang("en", process) == "en"
    english = BASE
    for chinese, words in ENGLISH.items():
        english = english.replace(chinese, words)
    assert choose_lang("auto", load(english)) == "en"


def test_both_languages_name_the_same_labels() -> None:
    assert set(LABELS["zh"]) == set(LABELS["en"])


def test_header_block_and_signatures(base_page: Node) -> None:
    header = base_page.find("table", class_="header-block")
    assert [cells(row) for row in header.find_all("tr")] == [
        ["流程编号", "T-01", "版本", "1.1"],
        ["流程名称", "投诉受理"],
        ["状态", "已批准", "生效日期", "—"],
        ["流程责任部门", "客服部", "批准人", "李四"],
        ["流程类别", "业务流程", "层级", "—"],
        ["上级流程", "—", "评审周期", "12 months"],
        ["总周期标准", "2 working days"],
    ]
    signatures = base_page.find("table", class_="signatures")
    assert [cells(row) for row in signatures.find_all("tr")] == [
        ["职责", "姓名", "签字", "日期"],
        ["编制", "张三", "", "2026-06-01"],
        ["审核", "—", "", "—"],  # no date beside no name: an unsigned row never looks signed
        ["批准", "李四", "", "2026-06-01"],
    ]


def test_a_row_per_step_anchored_and_linked_to_its_node(base_page: Node) -> None:
    steps = section(base_page, "steps").find_all("tr", class_="step")
    assert [row.attrs["id"] for row in steps] == [step_anchor(s) for s in ["1", "2", "3", "4", "5"]]
    assert cells(steps[1])[0] == "2 ↑ 流程图"
    assert cells(steps[1])[2:] == ["客服部", "—", "投诉处理记录", "即时", "投诉登记表", "投诉处理记录"]
    assert "可以处理？ 判断 是 → 4 否 → 5" in cells(steps[2])[1]
    ids = base_page.ids()
    for row in steps:
        back = row.find("a", class_="to-diagram").attrs["href"]
        assert back == f"#fig-{row.attrs['id']}" and back[1:] in ids


def test_every_fragment_link_in_the_page_has_its_target(base_page: Node) -> None:
    ids = base_page.ids()
    fragments = [n.attrs.get("href") or n.attrs.get("xlink:href") for n in base_page.walk()]
    local = [f for f in fragments if f and f.startswith("#")]
    assert local and [f for f in local if f[1:] not in ids] == []
    assert len(ids) == len([n for n in base_page.walk() if "id" in n.attrs]), "ids must be unique"


def test_diagram_is_an_accessible_figure_with_inline_svg(base_page: Node) -> None:
    figure = section(base_page, "diagram").find("figure")
    canvas = figure.find("div", class_="diagram-canvas")
    assert canvas.attrs["role"] == "group" and canvas.attrs["tabindex"] == "0"  # links inside: not an img
    assert canvas.attrs["aria-label"] == "投诉受理泳道流程图：2 个泳道，5 个步骤；文字版见“流程步骤”表"
    assert figure.find("figcaption").text().strip().startswith("图 1　投诉受理泳道流程图")
    svg = canvas.find("svg")
    assert re.fullmatch(r"[\d.]+px", svg.attrs["width"])
    node_links = [a.attrs["xlink:href"] for a in svg.find_all("a") if a.attrs.get("xlink:href", "").startswith("#")]
    assert sorted(node_links) == sorted(f"#{step_anchor(s)}" for s in ["1", "2", "3", "4", "5"])


def test_inline_svg_drops_the_prologue_and_prefixes_ids() -> None:
    svg = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n "x.dtd">\n<!-- a\n b -->\n'
           '<svg width="10pt" height="20.5pt" viewBox="0 0 10 20"><g id="step-1" class="node">'
           '<a xlink:href="#step-1"><text fill="url(#grad)">id="no"</text></a></g></svg>')
    assert str(html.inline_svg(svg)) == (
        '<svg width="10px" height="20.5px" viewBox="0 0 10 20"><g id="fig-step-1" class="node">'
        '<a xlink:href="#step-1"><text fill="url(#fig-grad)">id="no"</text></a></g></svg>'
    )


def test_raci_is_derived_from_the_steps() -> None:
    process = load(WITH_RACI)
    matrix = raci_matrix(process)
    assert matrix.columns == ("客户", "客服部", "hq")
    assert [(r.step.text, r.cells) for r in matrix.rows] == [
        ("1", ("R", "", "")),
        ("2", ("C", "R/A", "I")),
        ("3", ("", "R", "")),
        ("4", ("", "R", "")),
        ("5", ("", "R", "")),
    ]
    table = section(render(WITH_RACI), "raci").find("table")
    assert [cells(row) for row in table.find_all("tr")][:3] == [
        ["步骤", "客户", "客服部", "hq"], ["1 客户投诉", "R", "", ""], ["2 登记投诉", "C", "R/A", "I"],
    ]


def test_responsibilities_list_each_lanes_duties_and_steps(base_page: Node) -> None:
    table = section(base_page, "responsibilities").find("table")
    assert [cells(row) for row in table.find_all("tr")] == [
        ["部门/岗位", "类型", "职责", "负责步骤"],
        ["客户", "外部", "—", "1"],
        ["客服部", "部门", "受理并处理投诉", "2、3、4、5"],
    ]


def test_control_points_documents_records_and_revisions(base_page: Node) -> None:
    def rows(section_id: str) -> list[list[str]]:
        return [cells(row) for row in section(base_page, section_id).find("table").find_all("tr")][1:]

    assert rows("controls") == [["2 登记投诉", "信息完整", "每周抽查", "投诉处理记录", "2 登记投诉"]]
    assert section(base_page, "controls").find("td").find("a").attrs["href"] == "#step-2"
    assert rows("emergencies") == [["无"]]
    assert rows("documents") == [["—", "投诉登记表", "表单", "2"]]
    assert rows("records") == [["投诉处理记录", "3 years", "OA", "—", "2"]]
    assert rows("revisions") == [
        ["1.0", "2026-01-10", "首次发布", "张三", "—", "李四"],
        ["1.1", "2026-06-01", "增加控制点", "张三", "—", "李四"],
    ]


def test_links_to_other_processes_only_when_their_page_exists() -> None:
    pages = {"UP-01": PageRef("UP-01", "上游流程", "up-01", "approved")}
    interfaces = section(render(LINKED, pages=pages), "interfaces")
    assert [(a.attrs["href"], a.text()) for a in interfaces.find_all("a")] == [("up-01.html", "UP-01 上游流程")]
    assert "DN-01" in interfaces.text()


def test_hostile_text_shows_literally_everywhere() -> None:
    pages = {"DOWN-01": PageRef("DOWN-01", EVIL, "down-01", "approved")}
    source = html.render_process_page(page_context(load(evil_process_text()), "en", pages))
    page = parse_html(source)
    assert [(s.attrs, s.text()) for s in page.find_all("script")] == [({"src": "assets/procdoc.js", "defer": ""}, "")]
    assert not page.find_all("img") and not page.find_all("iframe")
    assert [(n.tag, a) for n in page.walk() for a in n.attrs if a.startswith("on")] == []
    targets = [v for n in page.walk() for k, v in n.attrs.items() if k in ("href", "xlink:href", "src")]
    local = r"#[\w-]+|(assets/)?[\w-]+\.(html|svg|css|js)(#[\w-]+)?|data:,"
    assert [t for t in targets if not re.fullmatch(local, t)] == []
    assert "49" not in page.text()
    assert page.find("h1").text() == f"EV-01 {EVIL}"
    assert section(page, "purpose").find("p").text() == EVIL
    step = page.find("tr", id=step_anchor("a|b"))
    assert step.find("div", class_="step-description").text() == EVIL
    rows = [r.attrs["id"] for r in page.find_all("tr", class_="step")]
    assert rows[0] == "step-1" and len(set(rows)) == 5
    assert all(re.fullmatch(r"step-[\w-]+", row) for row in rows)
    assert page.text().count(EVIL) >= 40


def test_index_groups_by_category_then_parent() -> None:
    def process(pid: str, category: str | None, parent: str | None) -> str:
        text = BASE.replace("id: T-01", f"id: {pid}").replace("category: business\n", "")
        text = text.replace("owner: service\n", "owner: service\n" + (f"category: {category}\n" if category else ""))
        return text.replace("owner: service\n", "owner: service\n" + (f"parent: {parent}\n" if parent else ""))

    processes = [load(process(*spec)) for spec in [
        ("B-02", "support", "S"), ("A-01", "business", "Q"), ("A-00", "business", None), ("C-03", "business", "P"),
        ("D-04", None, None), ("E-05", "strategic", "Q"),
    ]]
    entries = [(p, PageRef(p.id, p.name, p.id.lower(), p.status)) for p in processes]
    page = parse_html(html.render_index(build_index_page(entries, {}, "zh")))
    groups = [(s.find("h2").text(), [(t.find("caption").text(), [cells(r)[0] for r in t.find_all("tr")[1:]])
                                     for t in s.find_all("table")]) for s in page.find_all("section")]
    assert groups == [
        ("战略流程", [("Q", ["E-05"])]),
        ("业务流程", [("P", ["C-03"]), ("Q", ["A-01"]), ("未归入上级流程", ["A-00"])]),
        ("支持流程", [("S", ["B-02"])]),
        ("未分类", [("未归入上级流程", ["D-04"])]),
    ]
    first = page.find("tr", **{"data-filter-row": ""})
    assert cells(first) == ["E-05", "投诉受理", "客服部", "1.1", "已批准", "2026-06-01"]
    assert first.find("a").attrs["href"] == "e-05.html"
    assert page.find("input", id="filter").attrs["type"] == "search"
    assert page.find("script").attrs["src"] == "assets/procdoc.js"


def test_stylesheet_prints_well_and_loads_nothing() -> None:
    static = Path(html.__file__).parent / "static"
    css = (static / "procdoc.css").read_text(encoding="utf-8")
    printing = css[css.index("@media print"):]
    for rule in ("thead { display: table-header-group; }", "break-inside: avoid", ".site-nav", ".filter",
                 ".diagram-canvas svg { width: 100%"):
        assert rule in printing
    assert '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"' in css
    for asset in static.iterdir():
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"url\((?!#)|@import|https?:", text), asset.name


@pytest.mark.parametrize(
    ("limit", "kind", "shown"),
    [
        ("即时", "duration", "即时"),
        ("交车前", "deadline", "交车前 相对时限"),
        ("每月25日前", "calendar", "每月25日前 日历规则"),
        ("按委托书工时", "standard", "按委托书工时 按标准"),
    ],
)
def test_the_steps_table_shows_the_kind_of_each_time_limit(limit: str, kind: str, shown: str) -> None:
    page = render(BASE.replace("time_limit: 即时", f"time_limit: {limit}"))
    cell = section(page, "steps").find_all("tr", class_="step")[1].find("td", class_="limit")
    assert cell.attrs["class"] == f"limit limit-{kind}"
    assert " ".join(cell.text().split()) == shown


def test_segment_slas_are_listed_in_the_header() -> None:
    segments = 'sla:\n  - name: 处理时间\n    from: "2"\n    to: "4"\n    limit: 1天\n  - name: 全程\n    limit: 2天'
    text = BASE.replace("procdoc: 1\n", "procdoc: 1.1\n").replace("sla: 2 working days", segments)
    header = render(text).find("table")
    row = next(r for r in header.find_all("tr") if "总周期标准" in cells(r))
    assert cells(row)[1] == "处理时间（2 → 4）：1天；全程（… → …）：2天"
