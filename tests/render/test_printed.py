"""The printed manuals (`--format pdf,docx`) read back as a reader's tools see them: pdfplumber, pypdf, python-docx.

Each process is rendered once per module (a PDF takes seconds); the tests
then look at what was written.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pypdf
import pytest

from bench.corpus import process_text
from procdoc.cli import app
from procdoc.loader import load_file
from procdoc.model import Process
from procdoc.render.site import RenderRequest, render_site
from tests.render.conftest import SAMPLES

FIXTURES = Path(__file__).with_name("fixtures")
TEMPLATE = FIXTURES / "company-template.docx"
TEMPLATE_HEADER = "ACME 精密机械有限公司 · 受控文件"
PAGE_NUMBER = re.compile(r"第 (\d+) 页 共 (\d+) 页|(\d+) / (\d+)")
CHART_CAPTION = re.compile(r"流程图 第 (\d+)/(\d+) 页|Flowchart, page (\d+)/(\d+)")
SECTIONS_ZH = ["目的", "适用范围", "输入与输出", "职责", "流程图", "流程步骤", "控制点", "紧急情况", "RACI 矩阵",
               "关键绩效指标", "相关文件", "记录", "术语解释", "引用制度", "修订记录"]


@dataclass(frozen=True)
class Printed:
    process: Process
    pdf: Path
    docx: Path


def _render(source: Path, out: Path, settings: str = "", lang: str = "auto") -> Printed:
    """Render one process file (with its own procdoc.toml beside it) to PDF and Word."""
    folder = out.parent / f"{out.name}-src"
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    (folder / "procdoc.toml").write_text('paths = ["."]\n' + settings, encoding="utf-8")
    request = RenderRequest.build(paths=[str(folder)], out=out, formats="pdf,docx", jobs=2, lang=lang)
    summary = render_site(request)
    assert not summary.failed, summary.diagnostics
    stem = source.stem.lower()
    return Printed(load_file(str(folder / source.name)).usable, out / f"{stem}.pdf", out / f"{stem}.docx")


@pytest.fixture(scope="module")
def qm07(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _render(SAMPLES / "qm-07.yaml", tmp_path_factory.mktemp("qm07") / "site")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """A 40-step, 6-lane process from the benchmark's generator."""
    folder = tmp_path_factory.mktemp("generated")
    source = folder / "bp-00000.yaml"
    source.write_text(process_text(0, 1, steps=40, lanes=6), encoding="utf-8")
    return _render(source, folder / "site")


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """A small sample made a draft, with the company's Word template."""
    folder = tmp_path_factory.mktemp("draft")
    text = (SAMPLES / "qc-05.yaml").read_text(encoding="utf-8")
    source = folder / "qc-05.yaml"
    source.write_text(re.sub(r"(?m)^status: .*$", "status: draft", text), encoding="utf-8")
    assert "status: draft" in source.read_text(encoding="utf-8")
    return _render(source, folder / "site", f'[render]\ndocx-template = "{TEMPLATE}"\n')


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _render(SAMPLES / "qc-05.yaml", tmp_path_factory.mktemp("english") / "site", lang="en")


@pytest.fixture(params=["qm07", "generated"])
def printed(request: pytest.FixtureRequest) -> Printed:
    return request.getfixturevalue(request.param)


@dataclass(frozen=True)
class Page:
    """What a PDF reader finds on a page: its text, each character (with size and box), its size."""

    text: str
    chars: tuple[dict[str, Any], ...]
    width: float
    height: float

    def extract_text(self) -> str:
        return self.text


@cache
def _read(path: Path, size: int) -> tuple[Page, ...]:
    with pdfplumber.open(path) as pdf:
        return tuple(Page(page.extract_text(), tuple(page.chars), page.width, page.height) for page in pdf.pages)


def _pages(path: Path) -> tuple[Page, ...]:
    """The pages of the PDF at `path` (read once while the file stays the same size)."""
    return _read(path, path.stat().st_size)


# ── PDF ───────────────────────────────────────────────────────────────────────


def test_every_pdf_page_has_the_code_and_page_x_of_y(printed: Printed) -> None:
    pages = list(_pages(printed.pdf))
    for number, page in enumerate(pages, 1):
        text = page.extract_text()
        assert printed.process.id in text, f"page {number}"
        found = [m for m in PAGE_NUMBER.finditer(text)]
        assert found, f"page {number} has no page number"
        numbers = [int(g) for g in found[-1].groups() if g]
        assert numbers == [number, len(pages)]


def test_the_chart_is_split_by_phase_with_text_at_7pt_or_more(printed: Printed) -> None:
    charts = [(page, page.extract_text()) for page in _pages(printed.pdf) if CHART_CAPTION.search(page.extract_text())]
    assert len(charts) > 1, "a chart this size does not fit one page at 7 pt: it is split"
    for page, text in charts:
        sizes = [char["size"] for char in page.chars if char["top"] > 60 and char["bottom"] < page.height - 50]
        assert min(sizes) >= 6.99, _caption(text)
    process = printed.process
    for n, phase in enumerate(process.phases, 1):
        pages_of_phase = [text for _, text in charts if f"{n} {phase.name}" in _caption(text)]
        assert pages_of_phase, phase.name
        for step in (s for s in process.steps if s.phase == phase.id):
            shown = _shows_step(" ".join(pages_of_phase), step.id)
            assert shown, f"step {step.id} of {phase.name} is on none of its pages"


def _shows_step(text: str, step_id: str) -> bool:
    """The step's number stands in the text as a number of its own (marks such as ★ may follow it)."""
    return re.search(rf"(?<![\w.]){re.escape(step_id)}(?![\w.])", text) is not None


def _caption(text: str) -> str:
    return next(line for line in text.splitlines() if CHART_CAPTION.search(line))


def test_connectors_name_the_page_and_step_a_line_continues_at(qm07: Printed) -> None:
    texts = [page.extract_text() for page in _pages(qm07.pdf)]
    charts = [text for text in texts if CHART_CAPTION.search(text)]
    total = len(charts)
    onward = re.findall(r"→\s*第(\d+)/(\d+)页\s*([0-9][0-9A-Za-z.]*)", "\n".join(charts))
    assert onward
    for part, parts, step in onward:
        assert int(parts) == total
        assert _shows_step(charts[int(part) - 1], step), f"{step} is not on chart page {part}"


def test_fonts_are_embedded(printed: Printed) -> None:
    reader = pypdf.PdfReader(printed.pdf)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts[font["/BaseFont"]] = descendant["/FontDescriptor"].get_object()
    assert any(re.search(r"Noto-?Sans-?CJK", name) for name in fonts), sorted(fonts)
    for name, descriptor in fonts.items():
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{name} is not embedded"


def test_no_text_outside_the_page_box(printed: Printed) -> None:
    for number, page in enumerate(_pages(printed.pdf), 1):
        outside = [c["text"] for c in page.chars
                   if c["x0"] < 0 or c["x1"] > page.width or c["top"] < 0 or c["bottom"] > page.height]
        assert not outside, f"page {number}: {''.join(outside)[:40]}"


def test_a_draft_carries_the_draft_mark_on_every_pdf_page(draft: Printed) -> None:
    pages = list(_pages(draft.pdf))
    assert pages
    for number, page in enumerate(pages, 1):
        assert "草稿 / DRAFT" in page.extract_text(), f"page {number}"


def test_an_approved_process_has_no_draft_mark(qm07: Printed) -> None:
    assert all("DRAFT" not in page.extract_text() for page in _pages(qm07.pdf))


def test_a_small_chart_stays_on_one_page(draft: Printed) -> None:
    captions = [CHART_CAPTION.search(page.extract_text()) for page in _pages(draft.pdf)]
    assert [m.group(0) for m in captions if m] == ["流程图 第 1/1 页"]


def test_lang_en_prints_english_labels_and_page_numbers(english: Printed) -> None:
    pages = _pages(english.pdf)
    for number, page in enumerate(pages, 1):
        assert f"Page {number} / {len(pages)}" in page.text
        assert "QC-05" in page.text and "DRAFT" in page.text
    assert any(re.search(r"Flowchart, page 1/\d+", page.text) for page in pages)
    headings = [p.text for p in docx.Document(str(english.docx)).paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["1 Purpose", "2 Scope"]


# ── Word ──────────────────────────────────────────────────────────────────────


def test_word_sections_are_headings_in_the_manual_order(qm07: Printed) -> None:
    document = docx.Document(str(qm07.docx))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{n} {title}" for n, title in enumerate(SECTIONS_ZH, 1)]


def test_word_steps_table_has_a_row_per_step(printed: Printed) -> None:
    document = docx.Document(str(printed.docx))
    steps = next(t for t in document.tables if t.rows[0].cells[0].text == "编号" and len(t.columns) == 7)
    assert [row.cells[0].text for row in steps.rows[1:]] == [s.id for s in printed.process.steps]


def test_word_has_the_chart_pages_as_images(printed: Printed) -> None:
    document = docx.Document(str(printed.docx))
    charts = sum(bool(CHART_CAPTION.search(p.text)) for p in document.paragraphs)
    assert charts > 1
    assert len(document.inline_shapes) == charts
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert landscape


def test_word_header_and_footer_carry_document_control_and_page_fields(qm07: Printed) -> None:
    document = docx.Document(str(qm07.docx))
    section = document.sections[0]
    assert "QM-07 客户质量投诉管理流程 · 版本 1.2 · 已批准" in "\n".join(p.text for p in section.header.paragraphs)
    footer = section.footer._element.xml
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer


def test_word_draft_mark_and_company_template(draft: Printed) -> None:
    document = docx.Document(str(draft.docx))
    header = document.sections[0].header
    text = "\n".join(p.text for p in header.paragraphs)
    assert TEMPLATE_HEADER in text and "草稿 / DRAFT" in text
    images = [rel for rel in header.part.rels.values() if rel.reltype.endswith("/image")]
    assert images, "the template's logo is in the header"
    assert "ACME 质量管理体系" in "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert not any("template's own" in p.text for p in document.paragraphs)
    heading = document.styles["Heading 1"]
    assert heading.font.size is not None and heading.font.size.pt == 15  # the template's style


# ── Same input, same bytes; the cache ────────────────────────────────────────


def test_pdf_and_docx_are_byte_identical_on_a_second_run(draft: Printed, tmp_path: Path) -> None:
    request = RenderRequest.build(paths=[str(draft.pdf.parent.parent / "site-src")], out=tmp_path / "again",
                                  formats="pdf,docx", jobs=2, use_cache=False)
    render_site(request)
    assert (tmp_path / "again" / draft.pdf.name).read_bytes() == draft.pdf.read_bytes()
    assert (tmp_path / "again" / draft.docx.name).read_bytes() == draft.docx.read_bytes()


def test_an_unchanged_process_is_not_printed_again(draft: Printed) -> None:
    request = RenderRequest.build(paths=[str(draft.pdf.parent.parent / "site-src")], out=draft.pdf.parent,
                                  formats="pdf,docx", jobs=2)
    summary = render_site(request)
    assert (summary.rendered, summary.reused) == (0, 1)
    assert draft.pdf.is_file() and draft.docx.is_file()


# ── Bad input ─────────────────────────────────────────────────────────────────


def _cli(args: list[str]) -> tuple[int, str]:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, args)
    return result.exit_code, result.output


@pytest.mark.parametrize("template, problem", [
    ("missing.docx", "no such Word template file"),
    ("broken.docx", "not a Word .docx file"),
])
def test_a_missing_or_broken_template_is_exit_2_naming_the_file(tmp_path: Path, template: str, problem: str) -> None:
    shutil.copy(SAMPLES / "cs-02.yaml", tmp_path / "cs-02.yaml")
    (tmp_path / "broken.docx").write_text("not a zip", encoding="utf-8")
    (tmp_path / "procdoc.toml").write_text(f'[render]\ndocx-template = "{template}"\n', encoding="utf-8")
    code, output = _cli(["render", str(tmp_path / "cs-02.yaml"), "-o", str(tmp_path / "out"), "--format", "docx"])
    assert code == 2
    assert str(tmp_path / template) in output.replace("\n", "") and problem in output


def test_missing_fonts_name_the_package_to_install(tmp_path: Path) -> None:
    """fontconfig pointed at a folder with no fonts: what a machine without fonts-noto-cjk sees."""
    (tmp_path / "fonts.conf").write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{tmp_path}</dir><cachedir>{tmp_path}</cachedir></fontconfig>',
        encoding="utf-8")
    script = ("from procdoc.render import pdf\n"
              "from procdoc.errors import UserError\n"
              "try:\n    pdf.check_fonts()\nexcept UserError as err:\n    print(err, err.hint)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={"FONTCONFIG_FILE": str(tmp_path / "fonts.conf"), "PATH": "/usr/bin:/bin"})
    assert "Noto Sans CJK SC" in result.stdout and "fonts-noto-cjk" in result.stdout


def test_a_missing_pdf_engine_names_the_package(tmp_path: Path) -> None:
    script = ("import sys\nsys.modules['weasyprint'] = None\n"
              "from procdoc.render import pdf\nfrom procdoc.errors import UserError\n"
              "try:\n    pdf.engine()\nexcept UserError as err:\n    print(err, err.hint)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "WeasyPrint" in result.stdout and "pip install weasyprint" in result.stdout


# ── LibreOffice: Word's pages as another office suite lays them out ──────────


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice is not installed (it is large, so `make setup` leaves it out)")
def test_word_file_converted_by_libreoffice_passes_the_pdf_checks(qm07: Printed, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(qm07.docx)],
                   check=True, capture_output=True, timeout=300)
    converted = Printed(qm07.process, tmp_path / qm07.docx.with_suffix(".pdf").name, qm07.docx)
    test_every_pdf_page_has_the_code_and_page_x_of_y(converted)
    test_no_text_outside_the_page_box(converted)
    test_fonts_are_embedded(converted)
