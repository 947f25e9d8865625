"""The printed documents of one process: its chart cut into pages, then the PDF and the Word file.

Both documents show the same chart pages (`pagination`): SVG in the PDF,
print-resolution PNG in Word, both drawn from the same pinned scene.
"""

from __future__ import annotations

from dataclasses import dataclass

from procdoc.chart.graphviz import Graphviz
from procdoc.config import RenderConfig
from procdoc.model import Process
from procdoc.render import diagram, pagination
from procdoc.render.context import ProcessPage

PRINTED = frozenset({"pdf", "docx"})
DPI = 200  # the chart images in Word: sharp on paper at their printed size


@dataclass(frozen=True)
class Printed:
    """The documents asked for (format → bytes) and the seconds Graphviz took for them."""

    files: dict[str, bytes]
    graphviz_seconds: float


def print_documents(process: Process, page: ProcessPage, whole: diagram.Sketch | None, formats: frozenset[str],
                    config: RenderConfig, stamp: str = "") -> Printed:
    """`whole` is the process's chart laid out in one piece (None when the chart is left out)."""
    lang = page.chrome.lang
    pages = pagination.paginate(process, lang, config, whole) if whole is not None else []
    run = Graphviz()
    drawings = [diagram.draw(part.chart.process, lang=lang, process_href=_nowhere, step_href=_row,
                             sketched=part.chart) for part in pages]
    seconds = sum(drawing.dot_seconds for drawing in drawings)
    files = {}
    if "pdf" in formats:
        from procdoc.render import pdf

        charts = pdf.printed_charts(pages, [drawing.svg for drawing in drawings], lang)
        files["pdf"] = pdf.render_pdf(page, charts, config, stamp)
    if "docx" in formats:
        from procdoc.render import docx

        images = [docx.ChartImage(run("neato", "png", _at_dpi(drawing.source)), *part.size, part.sheet.orientation,
                                  part.caption(lang)) for part, drawing in zip(pages, drawings, strict=True)]
        files["docx"] = docx.render_docx(page, images, config, stamp)
    return Printed(files, seconds + run.seconds)


def _at_dpi(source: str) -> str:
    """The pinned scene rendered at print resolution (Graphviz's default is 96 dpi)."""
    return source.replace("graph [", f"graph [dpi={DPI}, ", 1)


def _nowhere(process_id: str) -> str | None:
    """A printed chart does not link to other processes' pages: there are none beside it."""
    return None


def _row(step_id: str) -> str:
    from procdoc.render.names import step_anchor

    return f"#{step_anchor(step_id)}"
