"""How wide text is on screen and paper: Chinese characters take two columns.

One definition for every place that lines text up or wraps it (carets under
a column, label wrapping in diagrams, shape sizes, the label-length rule).
"""

from __future__ import annotations

import unicodedata


def is_wide(char: str) -> bool:
    """East Asian wide and full-width characters (汉字, ，, ：) take two columns."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def columns(text: str) -> int:
    """Columns `text` takes: wide characters two, combining marks none, others one."""
    return sum(0 if unicodedata.combining(ch) else 2 if is_wide(ch) else 1 for ch in text)
