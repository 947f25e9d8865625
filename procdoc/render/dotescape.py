"""Text from the YAML, made safe for Graphviz's two string syntaxes.

Every user-written string that reaches a DOT file passes through `quoted`
(attribute values such as tooltips and links) or `html` (the text inside
HTML-like labels). Graphviz then writes it to SVG with its own escaping, so
what the author typed — `<script>`, `a|b`, `x\\l"y`, `&lt;`, `\\N` — shows
literally and never becomes markup or a Graphviz substitution.

Measured on Graphviz 2.43: labels, ids and links are read for backslash
escapes once (`\\N` becomes the node's name, `\\\\` a backslash), tooltips
twice (escapes such as `\\n`, then the same substitution again), and
character entities are decoded before that, so `&#92;` is no way around it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# XML 1.0 cannot carry these, and Graphviz would pass them through into the SVG.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": " ", "\r": " ", "\t": " "})


#: Graphviz refuses a string longer than 16,384 characters; escaping can double a text's length
MAX_TEXT = 2000


def shortened(text: str) -> str:
    """`text` cut to MAX_TEXT characters with an ellipsis: a chart shows a name, not a novel."""
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


@lru_cache(maxsize=4096)
def quoted(text: str, rounds: int = 1) -> str:
    """A double-quoted DOT string whose drawn value is exactly `text`.

    `rounds` is how many times Graphviz reads backslash escapes in the
    attribute: 1 for `id`, `href` and the like, 2 for `tooltip`. Line breaks
    become `\\n`, which a tooltip shows as a new line. `&` becomes `&amp;`
    because Graphviz keeps existing entities such as `&lt;` as they are.
    Cached: a chart quotes the same fonts, colours and classes hundreds of times.
    """
    clean = _CONTROL.sub("\ufffd", shortened(text)).replace("&", "&amp;")
    clean = clean.replace("\\", "\\" * 2**rounds).replace('"', '\\"')
    return '"' + clean.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n") + '"'


def html(text: str) -> str:
    """Text for inside an HTML-like label: entities for markup, doubled backslashes, one line.

    `|`, `{` and `}` need nothing here: only record-shape labels give them a
    meaning, and the diagram never uses record shapes.
    """
    return _CONTROL.sub("\ufffd", shortened(text)).translate(_HTML).replace("\\", "\\\\")
