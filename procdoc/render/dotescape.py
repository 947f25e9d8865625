"""Text from the YAML, made safe for Graphviz's two string syntaxes.

Every user-written string that reaches a DOT file passes through `quoted`
(attribute values such as tooltips and links) or `html` (the text inside
HTML-like labels). Graphviz then writes it to SVG with its own escaping, so
what the author typed — `<script>`, `a|b`, `x\\l"y`, `&lt;` — shows
literally and never becomes markup.
"""

from __future__ import annotations

import re

# XML 1.0 cannot carry these, and Graphviz would pass them through into the SVG.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": " ", "\r": " ", "\t": " "})


def quoted(text: str) -> str:
    """A double-quoted DOT escString whose rendered value is exactly `text`.

    Backslashes are doubled (else `\\l`, `\\N` are layout escapes), quotes
    are escaped for the DOT lexer, and `&` becomes `&amp;` because Graphviz
    keeps existing entities such as `&lt;` unescaped in its SVG output.
    """
    clean = _CONTROL.sub("\ufffd", text).replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + clean.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def html(text: str) -> str:
    """Text for inside an HTML-like label: entities for markup, one line.

    `|`, `{` and `}` need nothing here: only record-shape labels give them a
    meaning, and the diagram never uses record shapes.
    """
    return _CONTROL.sub("\ufffd", text).translate(_HTML)
