"""One file's text → its canonical text, proven to hold the same data.

The result is parsed again with procdoc's own reader and compared with the
original's data: a layout that would change what procdoc reads, or that
does not parse, is refused rather than written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from procdoc import yamlsource
from procdoc.errors import UserError
from procdoc.format.document import dump_document, load_document
from procdoc.format.layout import Layout, apply
from procdoc.yamlsource import SourceError

Edit = Callable[[Any], None]


def format_text(text: str, path: str, layout: Layout) -> str:
    """The canonical text of a process file. Raises SourceError for text that is not YAML.

    Text whose lines end in NEL, LS or PS (line breaks to procdoc's reader, text to
    ruamel.yaml) is tried again with those as LF, unless they stand inside a value.
    """
    try:
        return rewrite(text, path, layout, edit=None)
    except (UserError, SourceError):
        exotic = _unix_lines(text, exotic=True)
        if exotic == _unix_lines(text):
            raise
        try:
            return rewrite(exotic, path, layout, edit=None, original=text)
        except (UserError, SourceError):
            pass
        raise


def rewrite(text: str, path: str, layout: Layout | None, edit: Edit | None, original: str | None = None) -> str:
    """Apply `edit` (a fix) and/or the layout to the round-trip document; check the data when nothing was edited.

    Without a layout the file keeps its own key order and quotes: a fix changes what it fixes.
    The data is compared with that of `original` (default: `text`).
    """
    before, _ = yamlsource.load(original if original is not None else text)
    document = load_document(_unix_lines(text), path, preserve_quotes=layout is None)
    if edit is not None:
        edit(document)
    if layout is not None:
        apply(document, layout)
    result = dump_document(document)
    if layout is None and "\r\n" in text:  # a fix keeps the file's CRLF; fmt writes LF
        result = result.replace("\n", "\r\n")
    try:
        after, _ = yamlsource.load(result)
    except yamlsource.SourceError as err:
        raise _refused(path, f"the new text would not load ({err.message})") from None
    if edit is None and after != before:
        raise _refused(path, "the new text would load to different data")
    return result


def _unix_lines(text: str, exotic: bool = False) -> str:
    """Line breaks as LF: ruamel.yaml keeps the CR of CRLF in comments. With `exotic`, also NEL,
    LS and PS, which procdoc's reader (YAML 1.1) takes for line breaks and ruamel.yaml (1.2) for text."""
    for line_break in ("\r\n", "\r", *(("\x85", "\u2028", "\u2029") if exotic else ())):
        text = text.replace(line_break, "\n")
    return text


def _refused(path: str, why: str) -> UserError:
    return UserError(
        f"{path}: not rewritten: {why}",
        "the file is unchanged; please report this with the file attached",
    )
