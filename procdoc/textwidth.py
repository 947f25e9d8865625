"""How wide text is on screen and paper: Chinese characters take two columns.

One definition for every place that lines text up or wraps it (carets under
a column, label wrapping in diagrams, shape sizes, the label-length rule).
"""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def is_wide(char: str) -> bool:
    """East Asian wide and full-width characters (汉字, ，, ：) take two columns."""
    return unicodedata.east_asian_width(char) in ("W", "F")


class _Columns(dict[str, int]):
    """Each character's columns, worked out the first time it is seen: a chart measures
    thousands of characters, drawn from a few hundred distinct ones."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 0 if unicodedata.combining(char) else 2 if is_wide(char) else 1
        return width


_COLUMNS = _Columns()


def columns(text: str) -> int:
    """Columns `text` takes: wide characters two, combining marks none, others one."""
    return len(text) if text.isascii() else sum(map(_COLUMNS.__getitem__, text))
