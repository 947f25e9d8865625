"""For every hostile file of the fuzz corpus that procdoc can load, fmt's output loads to the same data."""

from __future__ import annotations

from hypothesis import event, given

from procdoc import loader, yamlsource
from procdoc.format.formatter import format_text
from procdoc.format.layout import Layout
from tests.fuzz.strategies import process_files
from tests.fuzz.test_fuzz import fuzz

LAYOUT = Layout(line_length=80)


def loadable(raw: bytes) -> str | None:
    text, problem = loader.decode_bytes("p.yaml", raw)
    if text is None or problem is not None:
        return None
    try:
        yamlsource.load(text)
    except yamlsource.SourceError:
        return None
    return text


@fuzz(60, share=0.3)
@given(process_files())
def test_fmt_output_loads_to_the_same_data(raw: bytes) -> None:
    text = loadable(raw)
    event("loads" if text is not None else "does not load")
    if text is None:
        return
    formatted = format_text(text, "p.yaml", LAYOUT)
    assert yamlsource.load(formatted)[0] == yamlsource.load(text)[0]
    assert format_text(formatted, "p.yaml", LAYOUT) == formatted
