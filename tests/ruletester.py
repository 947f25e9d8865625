"""Run rules on in-memory process text and get (code, line, column) back.

The model is yamllint's tests/common.py and bpmnlint's RuleTester: a rule
test is a table of named valid and invalid snippets with exact positions.
It checks through `procdoc.checks.lint.lint`, the same entry point as
`procdoc check`, so what a rule does in its tests is what it does for users.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from datetime import date

from procdoc.checks.context import Run
from procdoc.checks.lint import Job, Source
from procdoc.checks.lint import lint as lint_sources
from procdoc.checks.registry import all_rules
from procdoc.checks.selection import resolve
from procdoc.config import CatalogueEntry, CheckConfig, OrgUnit
from procdoc.diagnostics import Diagnostic

TODAY = date(2026, 11, 25)


def lint(
    text: str | bytes,
    select: Iterable[str] = ("ALL",),
    *,
    others: Iterable[str] | Mapping[str, str] = (),
    org: dict[str, OrgUnit] | None = None,
    config: CheckConfig | None = None,
    path: str = "process.yaml",
    today: date = TODAY,
    planned: dict[str, CatalogueEntry] | None = None,
    loads: bool = True,
) -> list[Diagnostic]:
    """Diagnostics for `text` (dedented; bytes as they are), with `others` as the rest of the repository.

    `others` are texts, or texts by file name. The file must load unless
    `loads` is False (for the format rules, whose findings stop the loading).
    """
    named = others if isinstance(others, Mapping) else {f"other{i}.yaml": t for i, t in enumerate(others)}
    texts: dict[str, str | bytes] = {path: text, **named}
    sources = [Source(name, _encoded(t), named=True) for name, t in texts.items()]
    selection = resolve(config or CheckConfig(), all_rules(), cli_select=list(select))
    result = lint_sources(sources, Job(selection, Run(org or {}, today, planned or {})), report_on={path})
    unloaded = [(r.path, [d.message for d in r.load]) for r in result.reports if r.summary is None]
    assert not (loads and unloaded), unloaded
    return result.diagnostics


def _encoded(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else textwrap.dedent(text).encode("utf-8")


def positions(text: str, code: str, **kwargs: object) -> list[tuple[str, int, int]]:
    """(code, line, column) of each `code` finding in `text`."""
    return [(d.code, d.line, d.column) for d in lint(text, [code], **kwargs) if d.code == code]  # type: ignore[arg-type]
