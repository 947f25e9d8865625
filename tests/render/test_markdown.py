"""The Markdown manual: escaping, tables, sections, anchors and links, read back with markdown-it.

markdown-it (commonmark + tables, raw HTML allowed as on GitHub) turns the
pages into HTML, which is then checked like the HTML manual: whatever the
YAML says must come out as text, in the cell it was written for.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from procdoc.render import markdown
from procdoc.render.context import PageRef, build_index_page
from procdoc.render.names import step_anchor
from tests.base_process import BASE
from tests.render.pages import EVIL, Node, evil_process_text, load, page_context, parse_html
from tests.render.test_html import HEADINGS, cells

ESCAPES = {
    "pipe": ("a|b", "a\\|b"),
    "html": ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    "link": ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    "code": ("`c`", "\\`c\\`"),
    "emphasis": ("*b* _i_ ~s~", "\\*b\\* \\_i\\_ \\~s\\~"),
    "math": ("$x$", "\\$x\\$"),
    "backslash": ("a\\b", "a\\\\b"),
    "entity": ("&lt; &", "&amp;lt; &amp;"),
    "heading": ("# title", "\\# title"),
    "closing-hashes": ("title #", "title \\#"),
    "list": ("- item", "\\- item"),
    "plus-list": ("+ item", "\\+ item"),
    "ordered-list": ("1. one", "1\\. one"),
    "setext": ("===", "\\==="),
    "newlines": ("one\n  two\r\nthree", "one two three"),
    "indented-code": ("    code", "code"),
    "plain": ("客户投诉 3.7", "客户投诉 3.7"),
}


def to_html(text: str) -> Node:
    return parse_html(MarkdownIt("commonmark").enable("table").render(text))


def table_lines_consistent(text: str) -> list[str]:
    """Table lines whose count of unescaped `|` differs from their table's header line."""
    wrong, expected = [], None
    for line in text.splitlines():
        if not line.startswith("|"):
            expected = None
            continue
        pipes = len(re.findall(r"(?<!\\)\|", line.replace("\\\\", "")))
        expected = expected if expected is not None else pipes
        if pipes != expected:
            wrong.append(line)
    return wrong


@pytest.mark.parametrize("case", ESCAPES.values(), ids=ESCAPES.keys())
def test_escape(case: tuple[str, str]) -> None:
    text, expected = case
    assert markdown.paragraph(text) == expected


@pytest.mark.parametrize("case", ESCAPES.values(), ids=ESCAPES.keys())
def test_escaped_text_reads_back_literally(case: tuple[str, str]) -> None:
    text, _ = case
    shown = to_html(f"| h |\n| --- |\n| {markdown.cell(text)} |\n\n{markdown.paragraph(text)}\n")
    assert [cells(row) for row in shown.find_all("tr")] == [["h"], [" ".join(text.split())]]
    assert " ".join(shown.find("p").text().split()) == " ".join(text.split())


@pytest.fixture(scope="module")
def evil_page() -> str:
    pages = {"DOWN-01": PageRef("DOWN-01", EVIL, "down-01", "approved")}
    return markdown.render_process_page(page_context(load(evil_process_text()), "en", pages))


def test_hostile_text_stays_text_in_its_cell(evil_page: str) -> None:
    assert table_lines_consistent(evil_page) == []
    page = to_html(evil_page)
    assert not page.find_all("script") and [i.attrs["src"] for i in page.find_all("img")] == ["p.svg"]
    assert [(n.tag, a) for n in page.walk() for a in n.attrs if a.startswith("on")] == []
    hrefs = [a.attrs["href"] for a in page.find_all("a") if "href" in a.attrs]
    assert [h for h in hrefs if not re.fullmatch(r"#step-[\w-]+|(index|down-01)\.md", h)] == []
    assert page.find("h1").text() == f"EV-01 {EVIL}"
    assert " ".join(page.find_all("p")[1].text().split()) == " ".join(EVIL.split())
    kpi = page.find_all("table")[-5]
    assert [cells(row) for row in kpi.find_all("tr")] == [
        ["Indicator", "Definition", "Target", "Goal", "Owner"], [" ".join(EVIL.split())] * 4 + [" ".join(EVIL.split())],
    ]
    assert "49" not in page.text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sections_in_order_with_their_headings(lang: str) -> None:
    text = markdown.render_process_page(page_context(load(BASE), lang))
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        f"## {n} {title}" for n, title in enumerate(HEADINGS[lang], 1)
    ]
    catalogue = {"zh": "流程目录", "en": "Process catalogue"}[lang]
    assert text.startswith(f"[{catalogue}](index.md) › T-01\n\n# T-01 投诉受理\n")


def test_every_step_has_an_anchor_and_every_fragment_link_resolves() -> None:
    text = markdown.render_process_page(page_context(load(BASE), "zh"))
    anchors = re.findall(r'<a id="([^"]+)"></a>', text)
    assert anchors == [step_anchor(s) for s in ["1", "2", "3", "4", "5"]]
    fragments = re.findall(r"\]\(#([^)]+)\)", text)
    assert fragments and set(fragments) <= set(anchors)
    steps = to_html(text).find_all("table")[4]
    assert cells(steps.find_all("tr")[2]) == [
        "2", "登记投诉 (关键环节、控制点) · → 3", "客服部", "—", "投诉处理记录", "即时", "投诉登记表", "投诉处理记录",
    ]


def test_the_diagram_is_an_image_link_to_its_svg() -> None:
    text = markdown.render_process_page(page_context(load(BASE), "en"))
    image = to_html(text).find("img")
    assert image.attrs["src"] == "p.svg"
    assert image.attrs["alt"].startswith("Swimlane flowchart of 投诉受理: 2 lanes, 5 steps")


def test_index_lists_processes_by_group_with_links() -> None:
    process = load(BASE)
    page = build_index_page([(process, PageRef("T-01", process.name, "t-01", "approved"))], {}, "en")
    text = markdown.render_index(page)
    assert text.splitlines()[:8] == [
        "# Process catalogue", "", "Processes: 1", "", "## Business processes", "", "### No parent group", "",
    ]
    assert "| T-01 | [投诉受理](t-01.md) | 客服部 | 1.1 | Approved | 2026-06-01 |" in text
    assert table_lines_consistent(text) == []


def test_a_time_limit_that_is_no_duration_says_its_kind() -> None:
    text = BASE.replace("time_limit: 即时", "time_limit: 预约前1天")
    steps = to_html(markdown.render_process_page(page_context(load(text), "en"))).find_all("table")[4]
    assert cells(steps.find_all("tr")[2])[5] == "预约前1天 (deadline)"
