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

Edit = Callable[[Any], None]


def format_text(text: str, path: str, layout: Layout) -> str:
    """The canonical text of a process file. Raises SourceError for text that is not YAML."""
    return rewrite(text, path, layout, edit=None)


def rewrite(text: str, path: str, layout: Layout | None, edit: Edit | None) -> str:
    """Apply `edit` (a fix) and/or the layout to the round-trip document; check the data when nothing was edited.

    Without a layout the file keeps its own key order and quotes: a fix changes what it fixes.
    """
    before, _ = yamlsource.load(text)
    document = load_document(_unix_lines(text), path, preserve_quotes=layout is None)
    if edit is not None:
        edit(document)
    if layout is not None:
        apply(document, layout)
    result = dump_document(document)
    if layout is None and "\r\n" in text:  # a fix keeps the file's line endings; fmt writes \n
        result = result.replace("\n", "\r\n")
    try:
        after, _ = yamlsource.load(result)
    except yamlsource.SourceError as err:
        raise _refused(path, f"the new text would not load ({err.message})") from None
    if edit is None and after != before:
        raise _refused(path, "the new text would load to different data")
    return result


def _unix_lines(text: str) -> str:
    """Line breaks as LF: YAML reads CRLF and CR as LF, but ruamel.yaml keeps the CR in comments."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refused(path: str, why: str) -> UserError:
    return UserError(
        f"{path}: not rewritten: {why}",
        "the file is unchanged; please report this with the file attached",
    )
