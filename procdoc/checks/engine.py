"""Run the enabled rules over a process and decide what to report.

The pipeline, in flake8's order: run each rule (a crash becomes M002 for
that rule and file, and the rest go on) → attach code, severity, file →
drop what selection and per-file ignores exclude → apply inline
suppressions → report the ones that silenced nothing (M001).

Rules are run in two groups: file-local rules need only their own file (so
their results can be cached and computed in parallel workers); cross-file
rules see the whole repository and always run.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Sequence
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

Raw = tuple[Diagnostic, "Pos | None"]


def enabled_rules(selection: Selection, path: str, *, cross_file: bool) -> list[Rule]:
    """The rules with a check function that run on `path`, local or cross-file."""
    rules = all_rules()
    return [
        rules[code] for code in sorted(selection.active_for(path))
        if rules[code].check is not None and rules[code].cross_file == cross_file
    ]


def run_rules(
    process: Process, rules: Sequence[Rule], repo: Repository, selection: Selection, today: date
) -> list[Raw]:
    """Every finding of `rules` on `process`, as diagnostics with their anchors."""
    raw: list[Raw] = []
    for rule in rules:
        context = Context(repo, selection.options.get(rule.code, rule.options), today)
        raw.extend(_run(rule, process, context, selection))
    return raw


def _run(rule: Rule, process: Process, context: Context, selection: Selection) -> list[Raw]:
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


def apply_suppressions(
    path: str, raw: Sequence[Raw], comments: Sequence[suppress.Suppression], selection: Selection
) -> list[Diagnostic]:
    """Drop suppressed findings; report suppressions that silenced nothing."""
    comments = [suppress.Suppression(c.pos, c.codes, c.whole_file) for c in comments]  # fresh `used` sets
    kept = [
        diagnostic
        for diagnostic, anchor in raw
        if not comments
        or not suppress.silenced(comments, diagnostic.code, {diagnostic.line, anchor.line if anchor else -1})
    ]
    active = selection.active_for(path)
    if UNUSED_SUPPRESSION in active:
        severity = selection.severity.get(UNUSED_SUPPRESSION, Severity.WARNING)
        known = all_rules()
        for item in comments:
            for code in item.codes:
                ran = code in active or code not in known  # a rule that did not run cannot have been needed
                if ran and code not in item.used and code != UNUSED_SUPPRESSION:
                    kept.append(
                        Diagnostic(path, item.pos.line, item.pos.column, UNUSED_SUPPRESSION, severity,
                                   f"suppression of {code} silences nothing here", f"remove {code} from the comment")
                    )
    return kept


def check_process(process: Process, repo: Repository, selection: Selection, today: date) -> list[Diagnostic]:
    """All reportable diagnostics of one fully loaded process, suppressions applied."""
    rules = enabled_rules(selection, process.path, cross_file=False)
    rules += enabled_rules(selection, process.path, cross_file=True)
    raw = run_rules(process, rules, repo, selection, today)
    return apply_suppressions(process.path, raw, suppress.parse(process.source_lines), selection)


def check_loaded(loaded: list[Loaded], repo: Repository, selection: Selection, today: date) -> list[Diagnostic]:
    """Loader diagnostics plus rule diagnostics for every loaded file, sorted."""
    diagnostics: list[Diagnostic] = []
    for item in loaded:
        diagnostics.extend(item.diagnostics)
        if item.process is not None:
            diagnostics.extend(check_process(item.process, repo, selection, today))
    return sorted(diagnostics, key=lambda d: d.sort_key)
