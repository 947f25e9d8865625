"""Edits to the text of Graphviz's SVG that leave every other byte as it was.

A chart's SVG is some 70 KB, edited for each page it goes on. A pattern that
starts with `\\s` is tried at every character; one that starts with a literal
is found by a fast scan. So the attribute name is searched for literally, and
whether it is an attribute (whitespace before it) is checked per match.
"""

from __future__ import annotations

import re
from functools import cache


def replace_value_start(svg: str, attribute: str, start: str, replacement: str) -> str:
    """`svg` with `start` replaced by `replacement` where it begins the value of `attribute`.

    `attribute` must follow whitespace, so `href` leaves `xlink:href` alone
    and `id` leaves `grid` alone. `start` may be empty: then `replacement`
    is put in front of every value.
    """
    head = f'{attribute}="'

    def swap(match: re.Match[str]) -> str:
        at = match.start()
        return head + replacement if at and svg[at - 1].isspace() else match[0]

    return _literal(head + start).sub(swap, svg)


@cache
def _literal(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))
