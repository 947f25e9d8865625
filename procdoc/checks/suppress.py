"""Inline suppressions: `# procdoc: ignore[CODE, …]` and `file-ignore[…]`.

Handled here, once, for every rule. A suppression that silences nothing is
reported (M001) so stale comments do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from procdoc.diagnostics import Pos

_COMMENT = re.compile(r"(?:^|\s)#\s*procdoc:\s*(ignore|file-ignore)\[([^\]]*)\]")


@dataclass
class Suppression:
    pos: Pos
    codes: tuple[str, ...]
    whole_file: bool
    used: set[str] = field(default_factory=set)


def parse(lines: tuple[str, ...] | list[str]) -> list[Suppression]:
    """Every suppression comment; text that only looks like one inside a value is not."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "procdoc:" not in line or "#" not in line:
            continue
        for match in _COMMENT.finditer(line):
            codes = tuple(c.strip().upper() for c in match.group(2).split(",") if c.strip())
            found.append(Suppression(Pos(number, match.start(1) + 1), codes, match.group(1) == "file-ignore"))
    return _outside_scalars(found, lines) if found else found


def _outside_scalars(found: list[Suppression], lines: tuple[str, ...] | list[str]) -> list[Suppression]:
    """Drop matches that lie inside a scalar (a quoted value or a `|` block), by asking the YAML scanner."""
    spans = []
    try:
        for token in yaml.scan("\n".join(lines), Loader=yaml.CSafeLoader):
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark, token.end_mark
                spans.append(((start.line + 1, start.column + 1), (end.line + 1, end.column + 1)))
    except yaml.YAMLError:
        return found
    return [item for item in found if not any(start <= tuple(item.pos) < end for start, end in spans)]


def silenced(suppressions: list[Suppression], code: str, lines: set[int]) -> bool:
    """True (and the suppression marked used) if one covers `code` at `lines`."""
    for item in suppressions:
        if code in item.codes and (item.whole_file or item.pos.line in lines):
            item.used.add(code)
            return True
    return False
