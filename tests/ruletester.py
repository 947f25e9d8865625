"""Run rules on in-memory process text and get (code, line, column) back.

The model is yamllint's tests/common.py and bpmnlint's RuleTester: a rule
test is a table of named valid and invalid snippets with exact positions.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from datetime import date

from procdoc.checks.context import Repository
from procdoc.checks.engine import check_loaded
from procdoc.checks.registry import all_rules
from procdoc.checks.selection import resolve
from procdoc.config import CatalogueEntry, CheckConfig, OrgUnit
from procdoc.diagnostics import Diagnostic
from procdoc.loader import load_text

TODAY = date(2026, 11, 25)


def lint(
    text: str,
    select: Iterable[str] = ("ALL",),
    *,
    others: Iterable[str] = (),
    org: dict[str, OrgUnit] | None = None,
    config: CheckConfig | None = None,
    path: str = "process.yaml",
    planned: dict[str, CatalogueEntry] | None = None,
) -> list[Diagnostic]:
    """Diagnostics for `text` (dedented), with `others` as the rest of the repository
    and `planned` as the catalogue's processes not written yet."""
    loaded = [load_text(textwrap.dedent(text), path)]
    loaded += [load_text(textwrap.dedent(t), f"other{i}.yaml") for i, t in enumerate(others)]
    for item in loaded:
        assert item.process is not None, [d.message for d in item.diagnostics]
    repo = Repository([item.process for item in loaded if item.process], org or {}, planned or {})
    selection = resolve(config or CheckConfig(), all_rules(), cli_select=list(select))
    return [d for d in check_loaded(loaded, repo, selection, TODAY) if d.path == path]


def positions(text: str, code: str, **kwargs: object) -> list[tuple[str, int, int]]:
    """(code, line, column) of each `code` finding in `text`."""
    return [(d.code, d.line, d.column) for d in lint(text, [code], **kwargs) if d.code == code]  # type: ignore[arg-type]
