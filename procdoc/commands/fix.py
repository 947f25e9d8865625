"""`procdoc check --fix`: check, fix what the rules can fix, check again.

Built on `run_check` and nothing below it: the findings a run reports are the
findings fixed, and the second run reports what remains. Unsafe fixes (they
change what the process means) run only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from procdoc import loader
from procdoc.checks.registry import Rule, all_rules
from procdoc.commands.check import CheckRequest, CheckResult, run_check
from procdoc.commands.fmt import unified_diff
from procdoc.config import OrgUnit, load_settings
from procdoc.diagnostics import Diagnostic
from procdoc.errors import EXIT_FINDINGS, UserError
from procdoc.fix.apply import Repair, repair
from procdoc.writer import write_text_atomic
from procdoc.yamlsource import SourceError


@dataclass
class FixRequest:
    check: CheckRequest
    unsafe: bool = False
    diff: bool = False


@dataclass
class FixResult:
    """The check after fixing (or, with --diff, before), what was fixed, and the diffs."""

    check: CheckResult
    fixed: list[Diagnostic] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.diffs:
            return max(self.check.exit_code, EXIT_FINDINGS)
        return self.check.exit_code


def fixable(diagnostic: Diagnostic, rules: dict[str, Rule], safe: bool) -> bool:
    """Whether the finding has a fix of the given kind (safe, or unsafe)."""
    rule = rules.get(diagnostic.code)
    return rule is not None and rule.fix is not None and rule.fix.safe == safe


def run_fix(request: FixRequest) -> FixResult:
    """Safe fixes first, then (when asked for) unsafe ones on what the first pass left.

    An unsafe fix such as removing an unused document must see the file after a
    safe fix has turned a document's name into its id, or it removes a document
    that is in use. With --diff nothing is written, so a file the safe pass
    changed is not offered unsafe fixes until the safe ones are applied.
    """
    result = FixResult(run_check(request.check))
    rules = all_rules()
    settings = load_settings(request.check.config, request.check.paths[0] if request.check.paths else ".")
    pending: dict[str, Repair] = {}
    for safe in (True, False) if request.unsafe else (True,):
        todo: dict[str, list[Diagnostic]] = {}
        for diagnostic in result.check.diagnostics:
            if fixable(diagnostic, rules, safe) and diagnostic.path not in pending:
                todo.setdefault(diagnostic.path, []).append(diagnostic)
        repaired = [_repair_file(path, todo[path], rules, settings.org, result) for path in sorted(todo)]
        done = [outcome for outcome in repaired if outcome is not None and outcome.fixed]
        for outcome in done:
            result.fixed += outcome.fixed
            if request.diff:
                pending[outcome.path] = outcome
            else:
                write_text_atomic(outcome.path, outcome.after)
        if done and not request.diff:
            result.check = run_check(request.check)
    result.diffs = [unified_diff(path, r.before, r.after) for path, r in sorted(pending.items())]
    return result


def _repair_file(
    path: str, findings: list[Diagnostic], rules: dict[str, Rule], org: Mapping[str, OrgUnit], result: FixResult,
) -> Repair | None:
    text, problem = loader.read_file(path)
    if text is None or problem is not None:
        return None
    try:
        return repair(path, text, findings, rules, org)
    except SourceError as err:
        result.refused.append(f"{path}:{err.pos.line}:{err.pos.column}: {err.message}")
    except UserError as err:
        result.refused.append(err.message)
    return None
