"""Each fixable rule's documented mistake, written into a sample, fixed by `check --fix`.

The mistake is the rule's `# Wrong (fixable)` form (else its first `# Wrong`
form), read from its `example` (docs/rules.md) and written where
tests/examplecases.py places it for tests/rules/test_documented_examples.py:
one parser and one placement for both. The fix must leave no finding of the
rule, keep every comment of the sample, and keep it loading.
"""

from __future__ import annotations

import re

import pytest

from procdoc.fix.apply import repair
from tests.docexamples import Block
from tests.examplecases import CASES, ORG, RULES, Case, findings, placed

SAFE = {code for code, rule in RULES.items() if rule.fix is not None and rule.fix.safe}
UNSAFE = {code for code, rule in RULES.items() if rule.fix is not None and not rule.fix.safe}
FIXABLE = [case for case in CASES if case.code in SAFE | UNSAFE and any(b.kind == "wrong" for b in case.blocks())]
COMMENT = re.compile(r"\s#\s.*$", re.MULTILINE)


def mistake(case: Case) -> Block:
    """The form `--fix` repairs: the `# Wrong (fixable)` one, else the first `# Wrong`."""
    wrong = [block for block in case.blocks() if block.kind == "wrong"]
    return next((block for block in wrong if block.fixable), wrong[0])


def comments(text: str) -> list[str]:
    return [m.group(0).strip() for m in COMMENT.finditer(text) if "procdoc: ignore" not in m.group(0)]


def test_every_fixable_rule_has_a_documented_mistake_placed() -> None:
    assert [case.code for case in FIXABLE] == sorted(SAFE | UNSAFE)
    assert len(SAFE) >= 10


@pytest.mark.parametrize("case", FIXABLE, ids=[case.code for case in FIXABLE])
def test_the_documented_mistake_is_fixed(case: Case) -> None:
    text, _ = placed(case, mistake(case))
    found = findings(case, text)
    assert found, "the documented mistake is found"
    outcome = repair(case.name, text, found, RULES, ORG)
    assert outcome.fixed and {d.code for d in outcome.fixed} == {case.code}
    assert findings(case, outcome.after) == []
    assert comments(outcome.after) == comments(text)

