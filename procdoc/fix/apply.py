"""Rules' fixes applied to one file: locate each finding, edit, verify.

The file keeps its layout, quotes and comments (the round-trip document `fmt`
uses, without `fmt`'s layout): a fix changes what it fixes.

Findings are applied from the end of the file to its start, so that removing
an element never moves one that a later fix still has to find. A fixed file
must load as well as the original did: when it would not, nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from procdoc import loader
from procdoc.checks.registry import Rule
from procdoc.config import OrgUnit
from procdoc.diagnostics import Diagnostic
from procdoc.errors import UserError
from procdoc.fix.site import Site, locate
from procdoc.format.formatter import rewrite


@dataclass
class Repair:
    """What fixing one file gives: its new text and the findings whose fix was applied."""

    path: str
    before: str
    after: str
    fixed: list[Diagnostic] = field(default_factory=list)


def repair(
    path: str, text: str, findings: list[Diagnostic], rules: Mapping[str, Rule], org: Mapping[str, OrgUnit]
) -> Repair:
    """Apply the fixes of `findings` (all fixable, all in `path`) to `text`."""
    result = Repair(path, text, text)

    def edit(document: Any) -> None:
        located = [(finding, locate(document, finding.line, finding.column)) for finding in findings]
        for finding, at in sorted(located, key=lambda item: (item[0].line, item[0].column), reverse=True):
            fix = rules[finding.code].fix
            site = Site(document, at or (), finding, org)
            if fix is not None and fix.edit(site):
                result.fixed.append(finding)

    after = rewrite(text, path, None, edit)
    if result.fixed:
        _still_loads(path, text, after)
        result.after = after
    result.fixed.reverse()
    return result


def _still_loads(path: str, before: str, after: str) -> None:
    """A fix may leave findings, but never a file that loads worse than it did."""
    old = {d.code for d in loader.load_text(before, path).errors}
    new = [d for d in loader.load_text(after, path).errors if d.code not in old]
    if new:
        raise UserError(
            f"{path}: not fixed: the fixed file would not load ({new[0].code} {new[0].message})",
            "the file is unchanged; please report this with the file attached",
        )
