"""Run the enabled rules over loaded processes and decide what to report.

The pipeline, in flake8's order: run each rule (a crash becomes M002 for
that rule and file, and the rest go on) → attach code, severity, file →
drop what selection and per-file ignores exclude → apply inline
suppressions → report the ones that silenced nothing (M001).
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from datetime import date

from procdoc.checks import suppress
from procdoc.checks.context import Context, Repository
from procdoc.checks.registry import Finding, Rule, all_rules
from procdoc.checks.selection import Selection
from procdoc.diagnostics import Diagnostic, Pos, Severity
from procdoc.loader import Loaded
from procdoc.model import Process

UNUSED_SUPPRESSION = "M001"
INTERNAL_ERROR = "M002"


def check_process(process: Process, repo: Repository, selection: Selection, today: date) -> list[Diagnostic]:
    """All reportable diagnostics of one process, suppressions applied."""
    rules = all_rules()
    active = selection.active_for(process.path)
    raw: list[tuple[Diagnostic, Pos | None]] = []
    for code in sorted(active):
        rule = rules[code]
        if rule.check is None:
            continue
        context = Context(repo, selection.options.get(code, rule.options), today)
        raw.extend(_run(rule, process, context, selection))
    return _suppress(process, raw, active, selection)


def _run(rule: Rule, process: Process, context: Context, selection: Selection) -> list[tuple[Diagnostic, Pos | None]]:
    severity = selection.severity.get(rule.code, rule.severity)
    assert rule.check is not None
    try:
        findings: Iterable[Finding] = list(rule.check(process, context))
    except Exception as err:  # a broken rule must not stop the others
        frame = traceback.extract_tb(err.__traceback__)[-1]
        message = f"internal error in rule {rule.code} ({type(err).__name__}: {err}) at {frame.name}:{frame.lineno}"
        hint = "please report this; the other rules still ran"
        return [(Diagnostic(process.path, 1, 1, INTERNAL_ERROR, Severity.ERROR, message, hint), None)]
    return [
        (Diagnostic(process.path, f.pos.line, f.pos.column, rule.code, severity, f.message, f.hint), f.anchor)
        for f in findings
    ]


def _suppress(
    process: Process, raw: list[tuple[Diagnostic, Pos | None]], active: frozenset[str], selection: Selection
) -> list[Diagnostic]:
    comments = suppress.parse(process.source_lines)
    kept = [
        diagnostic
        for diagnostic, anchor in raw
        if not comments
        or not suppress.silenced(comments, diagnostic.code, {diagnostic.line, anchor.line if anchor else -1})
    ]
    if UNUSED_SUPPRESSION in active:
        severity = selection.severity.get(UNUSED_SUPPRESSION, Severity.WARNING)
        for item in comments:
            for code in item.codes:
                if code not in item.used and code != UNUSED_SUPPRESSION:
                    message = f"suppression of {code} silences nothing here"
                    kept.append(
                        Diagnostic(process.path, item.pos.line, item.pos.column, UNUSED_SUPPRESSION, severity, message,
                                   f"remove {code} from the comment")
                    )
    return kept


def check_loaded(loaded: list[Loaded], repo: Repository, selection: Selection, today: date) -> list[Diagnostic]:
    """Loader diagnostics plus rule diagnostics for every file, sorted."""
    diagnostics: list[Diagnostic] = []
    for item in loaded:
        diagnostics.extend(item.diagnostics)
        if item.process is not None:
            diagnostics.extend(check_process(item.process, repo, selection, today))
    return sorted(diagnostics, key=lambda d: d.sort_key)
