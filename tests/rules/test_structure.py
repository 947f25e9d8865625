"""Structure rules (S…): each case is an edit of BASE with the exact findings it must give."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

STEP_2_NEXT = '    next: "3"\n'
NO_BRANCH = '      - when: 否\n        next: "5"\n'
EMERGENCY = 'emergencies:\n  - id: E1\n    when: 系统宕机\n    handler: "{}"\n'
LABELLED_SPLIT = '    branches:\n      - when: 通知客户\n        next: "3"\n      - when: 通知仓库\n        next: "4"\n'
START_SKIPS_TO_4 = edited('    next: "2"\n', '    next: "4"\n')
CHINESE_IDS = edited('"2"', '"第2步"', count=3)
BRANCH_YES, BRANCH_NO = '      - when: 是\n        next: "4"\n', '      - when: 否\n        next: "5"\n'

CASES = [
    pytest.param("S001", BASE, [], id="S001-valid"),
    pytest.param("S001", edited("    type: start\n", ""), [("S001", 33, 3)], id="S001-no-start"),
    pytest.param("S002", BASE, [], id="S002-valid"),
    pytest.param(
        "S002", edited("    name: 登记投诉\n", "    name: 登记投诉\n    type: start\n"), [("S002", 40, 11)],
        id="S002-second-start",
    ),
    pytest.param("S003", BASE, [], id="S003-valid"),
    pytest.param("S003", edited("type: end", "type: task", count=2), [("S003", 33, 3)], id="S003-no-end"),
    pytest.param("S004", BASE, [], id="S004-valid"),
    pytest.param("S004", edited(STEP_2_NEXT, '    next: "9"\n'), [("S004", 51, 11)], id="S004-next"),
    pytest.param("S004", edited('        next: "5"', '        next: "55"'), [("S004", 60, 15)], id="S004-branch"),
    pytest.param("S004", edited('    next: "2"\n', '    next: ["2", "7"]\n'), [("S004", 37, 17)], id="S004-next-list"),
    pytest.param("S004", edited('on_fail: "2"', 'on_fail: "2.9"'), [("S004", 50, 16)], id="S004-on-fail-step-number"),
    pytest.param("S004", edited('on_fail: "2"', "on_fail: R2"), [("S004", 50, 16)], id="S004-on-fail-code"),
    pytest.param("S004", edited('on_fail: "2"', "on_fail: 退回重新登记"), [], id="S004-valid-on-fail-sentence"),
    pytest.param(
        "S004", edited('on_fail: "第2步"', 'on_fail: "第9步"', CHINESE_IDS), [("S004", 50, 16)],
        id="S004-on-fail-in-the-form-of-this-process-ids",
    ),
    pytest.param(
        "S004", edited('on_fail: "第2步"', "on_fail: 第二步重做", CHINESE_IDS), [], id="S004-valid-on-fail-words",
    ),
    pytest.param("S004", edited('on_fail: "2"', "on_fail: redo step 2"), [], id="S004-valid-on-fail-english"),
    pytest.param("S004", edited("emergencies: []\n", EMERGENCY.format(8)), [("S004", 72, 14)], id="S004-handler"),
    pytest.param("S004", edited("emergencies: []\n", EMERGENCY.format(4)), [], id="S004-valid-handler"),
    pytest.param("S005", BASE, [], id="S005-valid"),
    pytest.param(
        "S005", edited("    lane: service\n    key", "    lane: servce\n    key"), [("S005", 40, 11)], id="S005-lane",
    ),
    pytest.param("S005", edited("owner: service", "owner: boss"), [("S005", 7, 8)], id="S005-owner"),
    pytest.param(
        "S005", edited("emergencies: []\n", "emergencies: []\nkpis:\n  - name: 及时率\n    owner: boss\n"),
        [("S005", 72, 12)], id="S005-kpi-owner",
    ),
    pytest.param(
        "S005", edited(STEP_2_NEXT, STEP_2_NEXT + "    raci:\n      r: service\n      c: [customer, legal]\n"),
        [("S005", 54, 21)], id="S005-raci-party",
    ),
    pytest.param(
        "S005", edited(STEP_2_NEXT, STEP_2_NEXT + "    raci:\n      r: service\n      a: service\n      i: customer\n"),
        [], id="S005-valid-raci",
    ),
    pytest.param("S006", BASE, [], id="S006-valid-no-phases"),
    pytest.param(
        "S006", edited("lanes:\n", "phases:\n  - id: p1\n    name: 受理\nlanes:\n").replace(
            "    name: 登记投诉\n", "    name: 登记投诉\n    phase: p1\n"), [], id="S006-valid-declared",
    ),
    pytest.param(
        "S006", edited("    name: 登记投诉\n", "    name: 登记投诉\n    phase: p9\n"), [("S006", 40, 12)],
        id="S006-undeclared",
    ),
    pytest.param("S007", BASE, [], id="S007-valid"),
    pytest.param("S007", edited('        next: "5"', '        next: "4"'), [("S007", 65, 9)], id="S007-orphan"),
    pytest.param(
        "S007", edited('        next: "5"', '        next: "4"', edited("emergencies: []\n", EMERGENCY.format(5))), [],
        id="S007-valid-emergency-handler-is-an-entry",
    ),
    pytest.param("S007", edited("    type: start\n", ""), [], id="S007-valid-no-start-left-to-S001"),
    pytest.param("S007", START_SKIPS_TO_4, [("S007", 38, 9)], id="S007-once-for-a-chain"),
    pytest.param(
        "S007", edited('        next: "4"', '        next: "2"', START_SKIPS_TO_4), [("S007", 38, 9)],
        id="S007-once-for-a-loop-nothing-leads-into",
    ),
    pytest.param("S008", BASE, [], id="S008-valid"),
    pytest.param("S008", edited(STEP_2_NEXT, ""), [("S008", 38, 9)], id="S008-dead-end"),
    pytest.param("S008", edited('    name: 客户投诉\n    type: start\n    lane: customer\n    next: "2"\n',
                                "    name: 客户投诉\n    type: start\n    lane: customer\n"), [("S008", 33, 9)],
                 id="S008-start-leads-nowhere"),
    pytest.param("S009", BASE, [], id="S009-valid-on-fail-is-no-edge"),
    pytest.param("S009", edited('        next: "5"', '        next: "2"'), [], id="S009-valid-loop-with-exit"),
    pytest.param(
        "S009", edited('        next: "4"', '        next: "2"', edited('        next: "5"', '        next: "2"')),
        [("S009", 38, 9)], id="S009-loop-reported-once-at-first-step",
    ),
    pytest.param("S009", edited(STEP_2_NEXT, '    next: "2"\n'), [("S009", 38, 9)], id="S009-self-loop"),
    pytest.param("S009", edited(STEP_2_NEXT, ""), [], id="S009-valid-dead-end-left-to-S008"),
    pytest.param("S010", BASE, [], id="S010-valid"),
    pytest.param("S010", edited(NO_BRANCH, ""), [("S010", 54, 11)], id="S010-one-exit"),
    pytest.param(
        "S010", edited("    branches:\n" + BRANCH_YES + BRANCH_NO, ""), [], id="S010-valid-no-exit-left-to-S008",
    ),
    pytest.param("S011", BASE, [], id="S011-valid"),
    pytest.param("S011", edited(NO_BRANCH, '      - next: "5"\n'), [("S011", 59, 15)], id="S011-branch-without-when"),
    pytest.param(
        "S011", edited("    branches:\n" + BRANCH_YES + BRANCH_NO, '    next: ["4", "5"]\n'),
        [("S011", 56, 12), ("S011", 56, 17)], id="S011-decision-with-next-list",
    ),
    pytest.param("S012", BASE, [], id="S012-valid"),
    pytest.param("S012", edited("      - when: 否", "      - when: 是"), [("S012", 59, 15)], id="S012-same-label"),
    pytest.param(
        "S012", edited("      - when: 是", "      - when: Yes", edited("      - when: 否", "      - when: ' yes'")),
        [("S012", 59, 15)], id="S012-same-label-ignoring-case-and-spaces",
    ),
    pytest.param("S013", BASE, [], id="S013-valid"),
    pytest.param(
        "S013", edited("    name: 处理完毕\n    type: end\n    lane: service\n",
                       '    name: 处理完毕\n    type: end\n    lane: service\n    next: "5"\n'),
        [("S013", 65, 11)], id="S013-end-leads-on",
    ),
    pytest.param("S014", BASE, [], id="S014-valid"),
    pytest.param("S014", edited(STEP_2_NEXT, '    next: ["3", "4"]\n'), [], id="S014-valid-parallel-next-list"),
    pytest.param("S014", edited(STEP_2_NEXT, LABELLED_SPLIT), [], id="S014-valid-labelled-branches"),
    pytest.param(
        "S014", edited(STEP_2_NEXT, STEP_2_NEXT + '    branches:\n      - when: 加急\n        next: "4"\n'),
        [("S014", 51, 11)], id="S014-next-mixed-with-branch",
    ),
    pytest.param(
        "S014", edited("      - when: 通知仓库\n", "      - x-note: 通知仓库\n", edited(STEP_2_NEXT, LABELLED_SPLIT)),
        [("S014", 55, 15)], id="S014-unlabelled-branch",
    ),
    pytest.param(
        "S014", edited("    branches:\n" + BRANCH_YES + BRANCH_NO, '    next: ["4", "5"]\n'), [],
        id="S014-valid-decision-left-to-S011",
    ),
    pytest.param("S015", BASE, [], id="S015-valid"),
    pytest.param("S015", edited('        next: "5"', '        next: "1"'), [("S015", 60, 15)], id="S015-back-to-start"),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["structure"]) == []


def test_messages_name_the_step_for_a_quality_manager() -> None:
    [finding] = lint(edited(STEP_2_NEXT, ""), ["S008"])
    assert finding.message == "step 2 '登记投诉' has no way out: it leads to no step and is not an end step"
    assert "next" in finding.hint


def test_undefined_step_suggests_the_closest_id() -> None:
    [finding] = lint(edited(STEP_2_NEXT, '    next: "33"\n'), ["S004"])
    assert finding.message == "step 2 '登记投诉' leads to step '33', which does not exist"
    assert finding.hint.startswith("did you mean '3'?")


def test_unreachable_chain_names_the_steps_after_its_first() -> None:
    [finding] = lint(START_SKIPS_TO_4, ["S007"])
    assert finding.message == (
        "step 2 '登记投诉' cannot be reached from the start: no path leads to it (nor can the 2 steps after it: 3, 5)"
    )


def test_each_trapped_loop_is_one_finding() -> None:
    end_4, end_5 = "    name: 处理完毕\n    type: end\n", "    name: 转交上级\n    type: end\n"
    loop_4 = edited(end_4 + "    lane: service\n", '    name: 处理完毕\n    lane: service\n    next: "4"\n')
    new_end = '  - id: "6"\n    name: 结束\n    type: end\n    lane: service\n'
    loop_5 = edited(end_5 + "    lane: service\n", '    name: 转交上级\n    lane: service\n    next: "5"\n' + new_end,
                    loop_4)
    text = edited(BRANCH_NO, BRANCH_NO + '      - when: 其他\n        next: "6"\n', loop_5)
    assert positions(text, "S009") == [("S009", 63, 9), ("S009", 67, 9)]


def test_suppression_on_the_step_id_line_silences_a_finding_inside_the_step() -> None:
    same_labels = edited("      - when: 否", "      - when: 是")
    text = edited('  - id: "3"\n', '  - id: "3"  # procdoc: ignore[S012]\n', same_labels)
    assert lint(text, ["S012", "M001"]) == []


def test_a_missing_handler_is_never_taken_for_the_start_step() -> None:
    text = edited('  - id: "1"\n', '  - id: "1.1"\n', edited("emergencies: []\n", EMERGENCY.format("E1.1")))
    [finding] = lint(text, ["S004"])
    assert finding.message == "emergency E1 '系统宕机' is handled from step 'E1.1', which does not exist"
    assert "1.1" not in finding.hint
    assert finding.hint == "use the id of a declared step: 2, 3, 4, 5"


def test_did_you_mean_never_proposes_the_start_step_for_a_line() -> None:
    [finding] = lint(edited(STEP_2_NEXT, '    next: "11"\n', edited('  - id: "1"\n', '  - id: "1.1"\n')), ["S004"])
    assert "did you mean" not in finding.hint


def test_segment_sla_steps_must_exist() -> None:
    text = edited("sla: 2 working days", 'sla:\n  - name: 处理\n    from: "2"\n    to: "44"\n    limit: 1天')
    [finding] = [d for d in lint(text, ["S004"]) if d.code == "S004"]
    assert (finding.line, finding.column) == (73, 9)
    assert finding.message == "the SLA '处理' (2 → 44) is measured to step '44', which does not exist"
    assert finding.hint == "did you mean '4'?"
