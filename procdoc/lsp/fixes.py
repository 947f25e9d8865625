"""Quick fixes: a finding whose rule has a fix becomes a code action that edits the buffer.

The repair is `procdoc check --fix`'s own (`procdoc.fix.apply.repair`), run
on the buffer's text for the one finding; the edit sent replaces only the
lines that changed, so the cursor and the rest of the buffer stay put. A fix
that would leave the file loading worse than before, or that the rule
refuses, is simply not offered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from procdoc.checks.registry import Rule
from procdoc.config import OrgUnit
from procdoc.diagnostics import Diagnostic
from procdoc.errors import UserError
from procdoc.fix.apply import repair
from procdoc.yamlsource import SourceError


@dataclass(frozen=True)
class LineEdit:
    """Replace lines `start` up to (not including) `end`, 0-based, with `text`; whether the fix is safe."""

    start: int
    end: int
    text: str
    safe: bool


def fixable(found: Diagnostic, rules: Mapping[str, Rule]) -> bool:
    rule = rules.get(found.code)
    return rule is not None and rule.fix is not None


def quick_fix(path: str, text: str, found: Diagnostic, rules: Mapping[str, Rule],
              org: Mapping[str, OrgUnit]) -> LineEdit | None:
    """The edit that fixes `found` in `text`, or None when its rule cannot fix it here."""
    fix = rules[found.code].fix
    try:
        repaired = repair(path, text, [found], rules, org)
    except (UserError, SourceError):
        return None
    if fix is None or not repaired.fixed or repaired.after == text:
        return None
    return changed_lines(text, repaired.after, fix.safe)


def changed_lines(before: str, after: str, safe: bool) -> LineEdit:
    """The smallest run of whole lines that turns `before` into `after`."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return LineEdit(head, len(old) - tail, "".join(new[head:len(new) - tail]), safe)
