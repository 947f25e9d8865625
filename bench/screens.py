"""`make docs-images`: the pictures in docs/render.md, made from samples/qm-07.yaml.

- printed-page.png: the HTML manual printed by Chromium (what File › Print gives),
- pdf-first-page.png and pdf-chart-page.png: pages of `--format pdf`,
- word-page.png, word-chart-page.png: the .docx of `--format docx` as LibreOffice lays it out.

Needs Debian's chromium, poppler-utils (pdftoppm, pdftotext) and, for the
Word pages, LibreOffice (`apt-get install libreoffice-writer-nogui`; left out
of `make setup` for its size: without it the Word pictures are kept as they are).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "qm-07.yaml"
IMAGES = ROOT / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
RESOLUTION = "70"  # dpi: an A4 page about 580 pixels wide, readable in the docs


def render(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "procdoc", "render", str(SAMPLE), "-o", str(out),
                    "--format", "html,svg,pdf,docx"], check=True, cwd=ROOT)


def page_image(pdf: Path, page: int, name: str) -> None:
    """One page of `pdf` as docs/images/<name>.png."""
    stem = IMAGES / name
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", RESOLUTION, "-png", "-singlefile", str(pdf),
                    str(stem)], check=True)
    print(f"wrote {stem.with_suffix('.png').relative_to(ROOT)}")


def first_page_with(pdf: Path, text: str) -> int:
    """The number of the first page of `pdf` whose text holds `text`."""
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for number, page in enumerate(pages.split("\f"), 1):
        if text in page:
            return number
    raise SystemExit(f"no page of {pdf} shows {text!r}")


def browser_print(html: Path, pdf: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(html.as_uri())
        page.pdf(path=str(pdf), prefer_css_page_size=True)
        browser.close()


def word_pages(docx: Path, folder: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice is not installed: the Word pictures are kept as they are", file=sys.stderr)
        return
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)], check=True,
                   capture_output=True)
    converted = folder / docx.with_suffix(".pdf").name
    page_image(converted, 1, "word-page")
    page_image(converted, first_page_with(converted, "流程图 第 1/"), "word-chart-page")


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="procdoc-screens-") as temporary:
        folder = Path(temporary)
        site = folder / "site"
        render(site)
        browser_print(site / "qm-07.html", folder / "printed.pdf")
        page_image(folder / "printed.pdf", 1, "printed-page")
        pdf = site / "qm-07.pdf"
        page_image(pdf, 1, "pdf-first-page")
        page_image(pdf, first_page_with(pdf, "流程图 第 1/"), "pdf-chart-page")
        word_pages(site / "qm-07.docx", folder)


if __name__ == "__main__":
    main()
