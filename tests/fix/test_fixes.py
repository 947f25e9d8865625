"""Every fixable rule: the bad example from its documentation, fixed, checks clean and keeps the comments.

Each case is BASE (tests/base_process.py) with the rule's documented "Wrong"
example written into it, and comments on the lines around it. A safe fix
runs by default; an unsafe one only when asked for, and never otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from procdoc.checks.registry import all_rules
from procdoc.config import OrgUnit
from procdoc.fix.apply import repair
from tests.base_process import BASE
from tests.ruletester import lint

ORG = {
    "service": OrgUnit("service", "客户服务部", ("客服部",)),
    "customer": OrgUnit("customer", "客户", kind="external"),
}
COMMENTED = BASE.replace("procdoc: 1\n", "# T-01 投诉受理\nprocdoc: 1   # the format\n").replace(
    "steps:\n", "steps:   # the flow\n"
)
REVISION_1_0 = BASE[BASE.index('  - version: "1.0"'):BASE.index('  - version: "1.1"')]
REVISION_1_1 = BASE[BASE.index('  - version: "1.1"'):]


@dataclass(frozen=True)
class Case:
    """`old` → `new` in COMMENTED writes the mistake; `fixed_shows` is in the fixed text."""

    code: str
    old: str
    new: str
    fixed_shows: str
    org: bool = False


CASES = [
    Case("S004", '    next: "2"\n  - id: "2"', '    next: 登记投诉   # by name\n  - id: "2"',
         '    next: "2" # by name'),
    Case("S005", "    lane: service\n    key: true", "    lane: 客服部   # by name\n    key: true",
         "    lane: service # by name"),
    Case("S006", "    lane: service\n    key: true",
         "    lane: service\n    phase: 投诉处理   # by name\n    key: true", "    phase: handle # by name"),
    Case("D001", "    documents: [F-01]", "    documents: [投诉登记表]   # by name", "    documents: [F-01] # by name"),
    Case("D002", "    records: [R-01]", "    records: [投诉处理记录]   # by name", "    records: [R-01] # by name"),
    Case("S012", '      - when: 否\n        next: "5"',
         '      - when: 否\n        next: "5"   # the last exit\n      - when: 是\n        next: "4"',
         '        next: "5" # the last exit\n  - id: "4"'),
    Case("P005", "    name: 客服部\n    duties", "    name: 客服部   # an alias\n    duties",
         "    name: 客户服务部 # an alias", org=True),
    Case("G002", 'version: "1.1"\n', "", 'version: "1.1"'),
    Case("G007", REVISION_1_0 + REVISION_1_1, REVISION_1_1 + REVISION_1_0, '  - version: "1.0"\n    date: 2026-01-10'),
    Case("M001", "    name: 登记投诉\n", "    name: 登记投诉   # procdoc: ignore[C001]\n", "    name: 登记投诉\n"),
    # unsafe: they change what the process says
    Case("G003", 'version: "1.1"', 'version: "1.2"   # bumped', 'version: "1.1" # bumped'),
    Case("E001", "emergencies: []\n", "", "emergencies: []"),
    Case("D003", "records:\n  - id: R-01", "  - id: F-02\n    name: 退换货管理规定\nrecords:\n  - id: R-01",
         "documents:\n  - id: F-01"),
    Case("D004", "steps:   # the flow",
         "  - id: R-02\n    name: 退货记录\n    keep: 3 years\n    stored_in: OA\nsteps:   # the flow",
         "    stored_in: OA\nsteps:"),
    Case("P004", "documents:\n", "  - id: vp_tech\n    name: 技术副总\n    kind: role\ndocuments:\n",
         "    duties: 受理并处理投诉\ndocuments:"),
    Case("S013", '    lane: service\n  - id: "5"', '    lane: service\n    next: "5"\n  - id: "5"',
         '    type: end\n    lane: service\n  - id: "5"'),
    Case("C007", "    key: true\n", "", "    key: true"),
]
SAFE = {rule.code for rule in all_rules().values() if rule.fix is not None and rule.fix.safe}
FIXABLE = {rule.code for rule in all_rules().values() if rule.fix is not None}
COMMENT = re.compile(r"#.*$", re.MULTILINE)


def bad_text(case: Case) -> str:
    assert case.old in COMMENTED
    text = COMMENTED.replace(case.old, case.new, 1)
    if case.code == "S006":
        text = text.replace("documents:\n", "phases:\n  - id: handle\n    name: 投诉处理\ndocuments:\n", 1)
    return text


def fix(text: str, case: Case, unsafe: bool) -> tuple[str, list[str]]:
    """What `check --fix` does: the safe fixes, then (with --unsafe-fixes) the unsafe ones, checking in between."""
    org = ORG if case.org else None
    fixed: list[str] = []
    for kind in (SAFE, FIXABLE - SAFE) if unsafe else (SAFE,):
        findings = [d for d in lint(text, org=org) if d.code in kind]
        outcome = repair("process.yaml", text, findings, all_rules(), org or {})
        text, fixed = outcome.after, fixed + [d.code for d in outcome.fixed]
    return text, fixed


def squeezed(text: str) -> str:
    """Runs of spaces made one: the fixed text lines its comments up anew."""
    return re.sub(r" +", " ", text)


def comments(text: str) -> list[str]:
    """The comments of a file, without their alignment (fmt lines them up anew)."""
    return [m.group(0) for m in COMMENT.finditer(text) if "procdoc: ignore" not in m.group(0)]



def test_every_fixable_rule_has_a_case_and_ten_are_safe() -> None:
    assert {case.code for case in CASES} == FIXABLE
    assert len(SAFE) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_fix_repairs_the_documented_bad_example(case: Case) -> None:
    text = bad_text(case)
    org = ORG if case.org else None
    assert case.code in {d.code for d in lint(text, org=org)}, "the bad example shows the finding"
    after, fixed = fix(text, case, unsafe=True)
    assert case.code in fixed
    assert case.code not in {d.code for d in lint(after, org=org)}
    assert squeezed(case.fixed_shows) in squeezed(after), after
    assert comments(after) == comments(text)


@pytest.mark.parametrize("case", [c for c in CASES if c.code not in SAFE], ids=lambda c: c.code)
def test_unsafe_fixes_need_to_be_asked_for(case: Case) -> None:
    text = bad_text(case)
    after, fixed = fix(text, case, unsafe=False)
    assert (after, fixed) == (text, [])


def test_reference_by_name_does_not_guess_between_two_elements() -> None:
    text = COMMENTED.replace("    name: 客户\n", "    name: 客服部\n").replace("    lane: service\n    key: true",
                                                                          "    lane: 客服部\n    key: true")
    after, fixed = fix(text, CASES[1], unsafe=True)
    assert "S005" not in fixed and "    lane: 客服部\n    key: true" in after


def test_exits_with_one_label_and_two_targets_are_left_for_the_author() -> None:
    text = COMMENTED.replace('      - when: 否\n        next: "5"', '      - when: 是\n        next: "5"')
    after, fixed = fix(text, CASES[5], unsafe=True)
    assert "S012" not in fixed and after.count("- when: 是") == 2


S013_CASE = next(case for case in CASES if case.code == "S013")


def test_removing_an_end_steps_next_keeps_the_comment_lines_after_it() -> None:
    text = bad_text(S013_CASE).replace('    next: "5"\n  - id: "5"',
                                       '    next: "5"   # to be removed\n\n  # escalation\n  - id: "5"')
    after, fixed = fix(text, S013_CASE, unsafe=True)
    assert fixed == ["S013"]
    assert '    lane: service\n\n  # escalation\n  - id: "5"' in after, after
    assert "# to be removed" not in after  # the removed line's own comment goes with it


def test_an_end_steps_next_after_a_nested_block_is_left_when_its_comments_could_not_stay() -> None:
    text = bad_text(S013_CASE).replace('    lane: service\n    next: "5"\n  - id: "5"',
                                       '    lane: service\n    raci:\n      r: service\n    next: "5"\n\n'
                                       '  # escalation\n  - id: "5"')
    after, fixed = fix(text, S013_CASE, unsafe=True)
    assert (after, fixed) == (text, [])
