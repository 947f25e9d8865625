"""Text wrapped by display width for the boxes of a chart (a Chinese character counts 2).

The boxes of procdoc's chart and of the BPMN export wrap names the same way,
so a name breaks where a reader expects in both.
"""

from __future__ import annotations

from procdoc.textwidth import columns as text_columns
from procdoc.textwidth import is_wide


def wrap(text: str, columns: int, whole: int = 0) -> list[str]:
    """Lines of at most `columns` display columns (a Chinese character counts 2), evened out.

    Latin text breaks at spaces, Chinese between any two characters; a word
    longer than a line is cut, unless it is at most `whole` columns long: a
    narrow note had better grow a little than show "Questionnai/re".
    Closing punctuation stays on its line. Lines are balanced, so a name
    does not end in one lonely character.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        greedy = _fill(paragraph, columns, whole)
        target = -(-sum(text_columns(line) for line in greedy) // len(greedy))
        while len(greedy) > 1 and target < columns and len(_fill(paragraph, target, whole)) > len(greedy):
            target += 1
        lines += _fill(paragraph, target, whole) if len(greedy) > 1 and target < columns else greedy
    return lines


_CLOSING = set("，。、；：？！）》」』】,.;:?!)")


def _fill(paragraph: str, columns: int, whole: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for word in paragraph.split(" "):
        for piece in _pieces(word, columns, whole):
            size = text_columns(piece)
            space = 1 if line and not is_wide(line[-1]) and not is_wide(piece[0]) else 0
            if line and used + space + size > columns and piece not in _CLOSING:
                lines.append(line)
                line, used, space = "", 0, 0
            line += " " * space + piece
            used += space + size
    return [*lines, line]


def _pieces(word: str, columns: int, whole: int) -> list[str]:
    """Where a space-free word may break: around each wide character, and inside a run longer
    than a line and than `whole`."""
    pieces: list[str] = []
    run = ""
    for ch in word:
        if is_wide(ch):
            pieces += [run, ch] if run else [ch]
            run = ""
        else:
            run += ch
    pieces += [run] if run else []
    step = {p: columns if len(p) > max(columns, whole) else len(p) for p in pieces}
    return [p[i : i + step[p]] for p in pieces for i in range(0, len(p), step[p])]
