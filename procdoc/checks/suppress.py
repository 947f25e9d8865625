"""Inline suppressions: `# procdoc: ignore[CODE, …]` and `file-ignore[…]`.

Handled here, once, for every rule. A suppression that silences nothing is
reported (M001) so stale comments do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from procdoc.diagnostics import Pos

_COMMENT = re.compile(r"(?:^|\s)#\s*procdoc:\s*(ignore|file-ignore)\[([^\]]*)\]")


@dataclass
class Suppression:
    pos: Pos
    codes: tuple[str, ...]
    whole_file: bool
    used: set[str] = field(default_factory=set)


def parse(lines: tuple[str, ...] | list[str]) -> list[Suppression]:
    found = []
    for number, line in enumerate(lines, start=1):
        if "procdoc:" not in line or "#" not in line:
            continue
        for match in _COMMENT.finditer(line):
            codes = tuple(c.strip().upper() for c in match.group(2).split(",") if c.strip())
            found.append(Suppression(Pos(number, match.start(1) + 1), codes, match.group(1) == "file-ignore"))
    return found


def silenced(suppressions: list[Suppression], code: str, lines: set[int]) -> bool:
    """True (and the suppression marked used) if one covers `code` at `lines`."""
    for item in suppressions:
        if code in item.codes and (item.whole_file or item.pos.line in lines):
            item.used.add(code)
            return True
    return False
