"""Text wrapped by display width for the boxes of a chart (a Chinese character counts 2).

The boxes of procdoc's chart and of the BPMN export wrap names the same way,
so a name breaks where a reader expects in both: Chinese between any two
characters, Latin text at spaces, and the usual Chinese line-breaking rules
(kinsoku): no closing bracket or punctuation at the start of a line, no
opening bracket at the end of one.
"""

from __future__ import annotations

from procdoc.textwidth import columns as text_columns
from procdoc.textwidth import is_wide

CLOSING = set("，。、；：？！）》」』】〕〉’”…,.;:?!)]}%")
OPENING = set("（《「『【〔〈‘“([{")
BREAKS_AFTER = set("/-")  # an ASCII token may break after these: asfi511/⏎asfi512, After-⏎Sales
_CLOSING_TEXT = "".join(sorted(CLOSING))  # the same, for str.rstrip
LONGEST = 48  # columns: a token longer than this (a pasted hash, a mangled string) is cut after all


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` display columns (a Chinese character counts 2), evened out.

    An ASCII token (a word, a transaction code) is never cut but after a `/`
    or `-`: a narrow box had better grow a little than show "asfi511/a⏎sfi512".
    Lines are balanced, so a name does not end in one lonely character.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        units = [_units(word) for word in paragraph.split(" ")]
        greedy = _fill(units, columns)
        target = -(-sum(text_columns(line) for line in greedy) // len(greedy))
        while len(greedy) > 1 and target < columns and len(_fill(units, target)) > len(greedy):
            target += 1
        lines += _fill(units, target) if len(greedy) > 1 and target < columns else greedy
    return lines


def _fill(words: list[list[str]], columns: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for units in words:
        for k, unit in enumerate(units):
            size = text_columns(unit)
            # closing marks may hang past the end of the line
            hanging = size - text_columns(unit.rstrip(_CLOSING_TEXT)) if unit[-1:] in CLOSING else 0
            space = 1 if k == 0 and line and not is_wide(line[-1]) and not is_wide(unit[0]) else 0
            if line and used + space + size - hanging > columns and unit[0] not in CLOSING:
                lines.append(line)
                line, used, space = "", 0, 0
            line += " " * space + unit
            used += space + size
    return [*lines, line]


def _units(word: str) -> list[str]:
    """The pieces a space-free word may break between: each wide character, each ASCII run
    up to a `/` or `-`; closing punctuation kept with what it follows, an opening bracket
    with what comes after it. ASCII punctuation inside a run (v1.2, (ERP)) stays in it."""
    pieces: list[str] = []
    run = ""
    for ch in word:
        if is_wide(ch):
            pieces += [run, ch] if run else [ch]
            run = ""
        else:
            run += ch
            if ch in BREAKS_AFTER:
                pieces.append(run)
                run = ""
    pieces += [run] if run else []
    units: list[str] = []
    glue = False
    for piece in pieces:
        if units and (glue or piece in CLOSING):
            units[-1] += piece
        else:
            units.append(piece)
        glue = piece in OPENING
    return [cut for unit in units for cut in _cut(unit)]


def _cut(unit: str) -> list[str]:
    return [unit] if len(unit) <= LONGEST else [unit[i : i + LONGEST] for i in range(0, len(unit), LONGEST)]
