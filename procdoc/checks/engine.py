"""Run the enabled rules and decide what to report.

The pipeline, in flake8's order: run each rule (a crash becomes M002 for
that rule and file, and the rest go on) → attach code, severity, file →
drop what selection and per-file ignores exclude → apply inline
suppressions → report the ones that silenced nothing (M001).

File-local rules run on a whole process (`run_local`), cross-file rules on
the summaries of every process (`run_cross`); `procdoc.checks.lint` puts
the two together.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from procdoc.checks import suppress
from procdoc.checks.context import Context, RepoContext, Repository, Run
from procdoc.checks.registry import Finding, Rule, all_rules
from procdoc.checks.selection import Selection
from procdoc.checks.summary import ProcessSummary
from procdoc.diagnostics import Diagnostic, Pos, Severity
from procdoc.model import Process

UNUSED_SUPPRESSION = "M001"
INTERNAL_ERROR = "M002"

Raw = tuple[Diagnostic, "Pos | None"]


def enabled_rules(selection: Selection, path: str, *, cross_file: bool) -> list[Rule]:
    """The rules with a check function that run on `path`, local or cross-file."""
    rules = all_rules()
    return [
        rules[code] for code in sorted(selection.active_for(path))
        if (rules[code].repo_check if cross_file else rules[code].check) is not None
    ]


def run_local(process: Process, rules: Sequence[Rule], run: Run, selection: Selection) -> list[Raw]:
    """Every finding of the file-local `rules` on `process`, as diagnostics with their anchors."""
    raw: list[Raw] = []
    for rule in rules:
        assert rule.check is not None
        context = Context(run, selection.options.get(rule.code, rule.options))
        raw.extend(_run(rule, process.path, partial(rule.check, process, context), selection))
    return raw


def run_cross(summary: ProcessSummary, rules: Sequence[Rule], repo: Repository, run: Run,
              selection: Selection) -> list[Raw]:
    """Every finding of the cross-file `rules` on the process `summary` stands for."""
    raw: list[Raw] = []
    for rule in rules:
        assert rule.repo_check is not None
        context = RepoContext(run, selection.options.get(rule.code, rule.options), repo)
        raw.extend(_run(rule, summary.path, partial(rule.repo_check, summary, context), selection))
    return raw


def _run(rule: Rule, path: str, findings_of: Callable[[], Iterable[Finding]], selection: Selection) -> list[Raw]:
    severity = selection.severity.get(rule.code, rule.severity)
    try:
        findings = list(findings_of())
    except Exception as err:  # a broken rule must not stop the others
        frame = traceback.extract_tb(err.__traceback__)[-1]
        message = f"internal error in rule {rule.code} ({type(err).__name__}: {err}) at {frame.name}:{frame.lineno}"
        hint = "please report this; the other rules still ran"
        return [(Diagnostic(path, 1, 1, INTERNAL_ERROR, Severity.ERROR, message, hint), None)]
    return [
        (Diagnostic(path, f.pos.line, f.pos.column, rule.code, severity, f.message, f.hint), f.anchor)
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
