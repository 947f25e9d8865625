"""Rule cases whose expected findings are marked in the text itself, the way ruff's and clippy's tests do.

A marker is a line under the line it is about, its caret at the expected
column, then the code and, optionally, words the message must contain:

    emergencies:
      - id: E1
        handler: "6"
    #            ^ E003 never reaches an end

Markers are removed before the text is checked (so they need not be YAML),
and the findings are written back into the text as markers. The test
compares the two texts: a failure shows the process itself, with what was
expected and what was found under the lines they are about.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Iterable
from typing import Any, NamedTuple

from tests.ruletester import lint

_MARKER = re.compile(r"^(?P<lead>[ #]*)\^ (?P<code>[A-Z]\d{3})(?: (?P<words>.+))?$")


class Mark(NamedTuple):
    line: int
    column: int
    code: str
    words: str = ""


def split(text: str) -> tuple[str, list[Mark]]:
    """The text without its markers, and the marks (line numbers in the text without markers).

    Each line ends with a newline. An empty last line stands for the place
    after the last newline (where an unclosed bracket is reported), so a
    marker under it marks the end of the text: "\\n^ F003" is the empty file.
    """
    lines: list[str] = []
    marks: list[Mark] = []
    for raw in textwrap.dedent(text).splitlines():
        found = _MARKER.match(raw)
        if found is None:
            lines.append(raw)
        else:
            marks.append(Mark(len(lines), len(found["lead"]) + 1, found["code"], found["words"] or ""))
    ends_empty = bool(lines) and lines[-1] == ""
    return "\n".join(lines) + ("" if ends_empty else "\n"), marks


def annotated(text: str, marks: Iterable[Mark]) -> str:
    """`text` with a marker under each marked line (code only: words are checked separately).

    The place after the last newline is a line of its own; a mark on no line
    of the text (line 0, or past the end) is written after it, never dropped.
    """
    lines = text.split("\n")
    below: dict[int, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: (m.line, m.column, m.code)):
        below.setdefault(mark.line if 1 <= mark.line <= len(lines) else -1, []).append(mark)
    out = []
    for number, line in enumerate(lines, 1):
        out.append(line)
        out += [("#" + " " * (m.column - 2) if m.column > 1 else "") + f"^ {m.code}" for m in below.get(number, [])]
    out += [f"{m.code} at {m.line}:{m.column}, on no line of the text" for m in below.get(-1, [])]
    return "\n".join(out) + "\n"


def assert_marked(text: str, select: Iterable[str], **options: Any) -> None:
    """The findings of the `select`ed rules on `text` are exactly its marks, at their lines and columns."""
    clean, expected = split(text)
    wanted = set(select)
    data = clean.encode("utf-8", "surrogateescape")  # a lone surrogate "\udcff" is the byte 0xff, which is not UTF-8
    found = [d for d in lint(data, list(wanted), **options) if d.code in wanted or d.code[0] in wanted]
    actual = [Mark(d.line, d.column, d.code) for d in found]
    want, got = annotated(clean, expected), annotated(clean, actual)
    assert got == want, "expected (-) and found (+) findings:\n" + "".join(
        difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected", "found", n=2))
    for mark in expected:
        message = next(d.message for d in found if (d.line, d.column, d.code) == mark[:3])
        assert mark.words in message, (mark, message)
