"""Rule declarations: metadata plus a small pure function.

A rule yields `Finding`s about the elements it targets; the engine attaches
code, severity and file. A file-local rule (`@rule`) reads one whole
process; a cross-file rule (`@repo_rule`) reads one process's summary and
the summaries of all the others, and nothing more. The registry refuses
duplicate codes and names, and is the single source for `procdoc rules` and
docs/rules.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from procdoc.diagnostics import Pos, Severity

if TYPE_CHECKING:
    from procdoc.checks.context import Context, RepoContext
    from procdoc.checks.summary import ProcessSummary
    from procdoc.model import Process


class Finding(NamedTuple):
    """What a rule reports: where, what is wrong, how to fix it.

    `anchor` is the start of the element the finding is about (usually the
    step): a suppression comment on the anchor's line silences it too.
    """

    pos: Pos
    message: str
    hint: str = ""
    anchor: Pos | None = None


Check = Callable[["Process", "Context"], Iterable[Finding]]
RepoCheck = Callable[["ProcessSummary", "RepoContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Fix:
    """How `check --fix` repairs a rule's findings (procdoc.fix).

    `edit(site)` changes the round-trip document where the finding is
    (a `procdoc.fix.site.Site`) and says whether it could; `safe` is False
    when the fix changes what the process means: only `--unsafe-fixes` applies it.
    """

    edit: Callable[[Any], bool]
    safe: bool = True


FAMILIES = {
    "format": "Format: the file can be read as a process",
    "structure": "Structure: the flow is sound",
    "people": "People: every step has one clear responsible party",
    "control": "Control: key steps are monitored",
    "records": "Documents and records",
    "emergencies": "Emergencies: exceptions are planned for",
    "purpose": "Start and purpose",
    "interfaces": "Interfaces between processes",
    "time": "Time limits and cycle time",
    "governance": "Governance: versions, approval, review",
    "complexity": "Complexity: the chart stays readable",
    "security": "Security: the text says what it shows (no hidden or reordering characters)",
    "meta": "procdoc itself: suppressions and internal errors",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    family: str
    summary: str
    why: str
    example: str
    severity: Severity
    check: Check | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    option_docs: Mapping[str, str] = field(default_factory=dict)
    repo_check: RepoCheck | None = None
    fix: Fix | None = None

    @property
    def cross_file(self) -> bool:
        """Whether the rule looks across files (it then runs on summaries, after every file is read)."""
        return self.repo_check is not None

    @property
    def anchor(self) -> str:
        """The rule's section id in docs/rules.md."""
        return f"{self.code.lower()}-{self.name}"


_RULES: dict[str, Rule] = {}
_SORTED: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in _RULES:
        raise ValueError(f"duplicate rule code {rule.code}")
    if any(r.name == rule.name for r in _RULES.values()):
        raise ValueError(f"duplicate rule name {rule.name}")
    if rule.family not in FAMILIES:
        raise ValueError(f"unknown rule family {rule.family}")
    _RULES[rule.code] = rule
    _SORTED.clear()
    return rule


def rule(
    code: str,
    name: str,
    *,
    family: str,
    summary: str,
    why: str,
    example: str,
    severity: Severity = Severity.ERROR,
    options: Mapping[str, Any] | None = None,
    option_docs: Mapping[str, str] | None = None,
    fix: Fix | None = None,
) -> Callable[[Check], Check]:
    """Declare the decorated function as file-local rule `code`: it reads one whole process."""

    def declare(check: Check) -> Check:
        register(_declared(code, name, family, summary, why, example, severity, options, option_docs,
                           check=check, fix=fix))
        return check

    return declare


def repo_rule(
    code: str,
    name: str,
    *,
    family: str,
    summary: str,
    why: str,
    example: str,
    severity: Severity = Severity.ERROR,
    options: Mapping[str, Any] | None = None,
    option_docs: Mapping[str, str] | None = None,
) -> Callable[[RepoCheck], RepoCheck]:
    """Declare the decorated function as cross-file rule `code`: it reads process summaries only."""

    def declare(check: RepoCheck) -> RepoCheck:
        register(_declared(code, name, family, summary, why, example, severity, options, option_docs,
                           repo_check=check))
        return check

    return declare


def _declared(
    code: str, name: str, family: str, summary: str, why: str, example: str, severity: Severity,
    options: Mapping[str, Any] | None, option_docs: Mapping[str, str] | None, **checks: Any,
) -> Rule:
    """A rule from its declaration, its texts trimmed the way `procdoc rules` and docs/rules.md show them."""
    return Rule(code, name, family, summary.strip(), why.strip(), example.strip("\n"), severity,
                options=dict(options or {}), option_docs=dict(option_docs or {}), **checks)


def all_rules() -> dict[str, Rule]:
    """Every rule, loading the rule modules on first use; sorted by code."""
    from procdoc.checks import rules  # noqa: F401  (registers on import)

    if len(_SORTED) != len(_RULES):
        _SORTED.clear()
        _SORTED.update(sorted(_RULES.items()))
    return _SORTED


def find(code_or_name: str) -> Rule | None:
    rules = all_rules()
    wanted = code_or_name.strip()
    return rules.get(wanted.upper()) or next((r for r in rules.values() if r.name == wanted.lower()), None)
