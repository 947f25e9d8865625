"""Each fixable rule's documented bad example, written into the QM-07 sample, fixed by `check --fix`.

The "Wrong" lines of the rule's `example` (docs/rules.md) must appear in the
broken file, so the test follows the documentation; the fix must leave no
finding of the rule, keep every comment of the sample, and keep it loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from procdoc.checks.registry import all_rules
from procdoc.config import load_settings
from procdoc.diagnostics import Diagnostic
from procdoc.fix.apply import repair
from tests.ruletester import lint

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
QM07 = (SAMPLES / "qm-07.yaml").read_text(encoding="utf-8")
ORG = load_settings(str(SAMPLES / "procdoc.toml")).org
RULES = all_rules()
SAFE = {code for code, rule in RULES.items() if rule.fix is not None and rule.fix.safe}
UNSAFE = {code for code, rule in RULES.items() if rule.fix is not None and not rule.fix.safe}
REVISIONS = QM07[QM07.index("revisions:"):QM07.index("\nglossary:")]
EMERGENCIES = QM07[QM07.index("emergencies:"):QM07.index("kpis:")]


@dataclass(frozen=True)
class Example:
    """`old` → `new` in QM-07 writes the rule's documented mistake."""

    code: str
    old: str
    new: str


EXAMPLES = [
    Example("S004", '    next: "1.2"\n', "    next: 记录投诉信息\n"),
    Example("S005", "    lane: marketing\n    phase: collect\n", "    lane: 营销部\n    phase: collect\n"),
    Example("S006", "    phase: handle\n", "    phase: 投诉处理\n"),
    Example("D001", "    documents: [fb_form]\n", "    documents: [客户质量反馈记录表]\n"),
    Example("D002", "    records: [confirm_record]\n", "    records: [现场确认记录]\n"),
    Example("S012", '      - when: 是\n        next: "3.7"\n',
            '      - when: 是\n        next: "3.7"\n      - when: 是\n        next: "3.7"\n'),
    Example("P005", "  - id: marketing\n    name: 营销部\n", "  - id: marketing\n    name: 营销部门\n"),
    Example("G002", 'version: "1.2"                 # must equal the latest entry of `revisions`\n', ""),
    Example("G007", REVISIONS, 'revisions:\n  - version: "1.1"\n    date: 2025-09-15\n'
                               '  - version: "1.0"\n    date: 2025-03-10\n'),
    Example("M001", "    name: 记录投诉信息\n", "    name: 记录投诉信息   # procdoc: ignore[C001]\n"),
    Example("G003", REVISIONS, 'revisions:\n  - version: "1.1"\n    date: 2025-09-15\n'),
    Example("E001", EMERGENCIES, ""),
    Example("D003", "    documents: [return_rule]\n", ""),
    Example("D004", "    records: [return_record]\n", ""),
    Example("P004", "phases:\n", "  - id: legal\n    name: 法务部\nphases:\n"),
    Example("S013", "    type: end\n", '    type: end\n    next: "4.2"\n'),
    Example("C007", "    key: true\n    time_limit: 结案后1个工作日内\n", "    time_limit: 结案后1个工作日内\n"),
]
#: examples that show only the right form, or a missing key: there are no "Wrong" lines to find
NO_WRONG_LINES = {"G002", "E001", "C007"}
COMMENT = re.compile(r"\s#\s.*$", re.MULTILINE)


def wrong_lines(code: str) -> set[str]:
    """The lines of the rule's documented mistake: under `# Wrong (fixable)`, else under `# Wrong`."""
    lines = RULES[code].example.splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("# Wrong (fixable)")] or [
        i for i, line in enumerate(lines) if line.startswith("# Wrong")
    ]
    found: set[str] = set()
    for line in lines[headers[0] + 1:]:
        if line.startswith("#"):
            break
        found.add(COMMENT.sub("", line).strip())
    return found - {""}


def broken(example: Example) -> str:
    assert QM07.count(example.old) >= 1, example.old
    return QM07.replace(example.old, example.new, 1)


def findings(text: str, code: str) -> list[Diagnostic]:
    """The rule's findings (C001 runs too: M001 reports suppressions of rules that ran)."""
    return [d for d in lint(text, (code, "C001"), org=ORG, path="qm-07.yaml") if d.code == code]


def comments(text: str) -> list[str]:
    return [m.group(0).strip() for m in COMMENT.finditer(text) if "procdoc: ignore" not in m.group(0)]


def test_every_fixable_rule_has_a_documented_example_here() -> None:
    assert {e.code for e in EXAMPLES} == SAFE | UNSAFE
    assert len(SAFE) >= 10


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.code for e in EXAMPLES])
def test_the_documented_example_is_fixed(example: Example) -> None:
    text = broken(example)
    if example.code not in NO_WRONG_LINES:
        present = {COMMENT.sub("", line).strip() for line in text.splitlines()}
        assert wrong_lines(example.code) <= present, "the test writes the documented mistake"
    found = findings(text, example.code)
    assert found, "the documented mistake is found"
    outcome = repair("qm-07.yaml", text, found, RULES, ORG)
    assert outcome.fixed and {d.code for d in outcome.fixed} == {example.code}
    assert findings(outcome.after, example.code) == []
    assert comments(outcome.after) == comments(text)
