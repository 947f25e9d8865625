"""Every rule's documented example runs: its Wrong form gives the rule's finding, its Right form none.

The forms are read from the rule's `example` (the text docs/rules.md shows)
and written into a real process where tests/examplecases.py says, never
restated. A rule without a case fails the coverage test, and so does an
example block that no case places. A failure names the rule and the form and
shows the lines around the placed text with the findings.
"""

from __future__ import annotations

import pytest
from _pytest.mark import ParameterSet

from procdoc.checks import registry
from procdoc.checks.registry import Finding, Rule, all_rules
from procdoc.config import CheckConfig
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.yamlsource import MAX_DEPTH
from tests.docexamples import Block, blocks, forms
from tests.examplecases import CASES, NO_RIGHT, ORG, PROSE, QM07, RULES, SAMPLE_TEXTS, Case, findings, fragment, placed
from tests.ruletester import lint

#: what a case can add to its example: each needs a `why`
EXTRAS = ("edits", "other_edits", "stand_in", "only", "reported", "path", "without_catalogue")


def placements(kind: str) -> list[ParameterSet]:
    return [pytest.param(case, block, id=f"{case.code}-{kind}-{n}")
            for case in CASES for n, block in enumerate((b for b in case.blocks() if b.kind == kind), 1)]


def test_every_rule_has_a_case() -> None:
    assert {case.code for case in CASES} | set(PROSE) == set(all_rules())
    assert not {case.code for case in CASES} & set(PROSE)


def test_every_wrong_and_right_block_is_placed_by_exactly_one_case() -> None:
    for code in {case.code for case in CASES}:
        runnable = [b for b in blocks(RULES[code].example) if b.kind != "note"]
        placed_blocks = [b for case in CASES if case.code == code for b in case.blocks()]
        assert sorted(placed_blocks, key=repr) == sorted(runnable, key=repr), code
        assert forms(RULES[code].example, "wrong"), f"{code}: the example shows no `# Wrong` form"
        assert forms(RULES[code].example, "right") or code in NO_RIGHT, f"{code}: the example shows no `# Right` form"


def test_prose_examples_have_no_forms() -> None:
    for code in PROSE:
        assert [b.kind for b in blocks(RULES[code].example)] == ["note"], code


def test_a_case_that_adds_to_the_example_says_why() -> None:
    for case in CASES:
        adds = [name for name in EXTRAS if getattr(case, name)]
        assert bool(adds) == bool(case.why), f"{case.code}: {adds or 'nothing added'} but why={case.why!r}"


@pytest.mark.parametrize(("case", "block"), placements("wrong"))
def test_the_wrong_form_gives_the_finding(case: Case, block: Block) -> None:
    text, start = placed(case, block)
    found = findings(case, text, loads=not case.code.startswith("F"))
    assert found, shown(case, block, text, start, found)


@pytest.mark.parametrize(("case", "block"), placements("right"))
def test_the_right_form_gives_none(case: Case, block: Block) -> None:
    text, start = placed(case, block)
    found = findings(case, text)
    assert not found, shown(case, block, text, start, found)


def shown(case: Case, block: Block, text: str, start: int, found: list[Diagnostic]) -> str:
    """What a failure shows: the rule, the block, the placed lines (marked >) with three either side, the findings."""
    lines = text.splitlines()
    end = start + fragment(case, block).count("\n")
    around = "\n".join(f"{n + 1:4} {'>' if start <= n < end else '|'} {lines[n]}"
                       for n in range(max(0, start - 3), min(len(lines), end + 3)))
    got = "\n".join(f"  {d.line}:{d.column} {d.code} {d.message}" for d in found) or "  none"
    where = f"{case.name} (findings of {case.reported})" if case.reported else case.name
    return (f"{case.code} ({RULES[case.code].name}), {block.header.splitlines()[0]!r} placed in {where}:\n"
            f"{around}\n{case.code} findings:\n{got}")


def sample_findings(code: str, text: str | bytes, *, loads: bool = True,
                    config: CheckConfig | None = None) -> list[str]:
    """The messages of `code`'s findings on QM-07 written as `text`, in the sample repository."""
    others = {name: other for name, other in SAMPLE_TEXTS.items() if name != "qm-07.yaml"}
    found = lint(text, ("ALL",), others=others, org=ORG, path="qm-07.yaml", loads=loads, config=config)
    return [d.message for d in found if d.code == code]


def test_f002_a_process_saved_as_gbk_is_unreadable_and_as_utf8_is_read() -> None:
    assert sample_findings("F002", QM07.encode("gbk"), loads=False)
    assert sample_findings("F002", QM07.encode("utf-8")) == []


def test_f011_a_process_nested_too_deep_is_refused() -> None:
    deep = f"x-matrix: {'[' * (MAX_DEPTH + 1)}{']' * (MAX_DEPTH + 1)}\n"
    assert sample_findings("F011", QM07 + deep, loads=False)
    assert sample_findings("F011", QM07) == []


def test_m002_a_rule_that_raises_is_reported_until_it_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    def raises(process: object, ctx: object) -> list[Finding]:
        raise ZeroDivisionError("division by zero")

    broken = Rule("Z999", "broken-on-purpose", "meta", "A rule that raises.", "Tests.", "", Severity.WARNING, raises)
    monkeypatch.setitem(registry._RULES, "Z999", broken)
    assert any("Z999" in message for message in sample_findings("M002", QM07))
    assert sample_findings("M002", QM07, config=CheckConfig(ignore=("Z999",))) == []
