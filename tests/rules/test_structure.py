"""Structure rules (S…): the flow is sound.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py). The steps a case is about are
written out; the others are the constants below, which together make a
flow every structure rule accepts (FLOW).
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
owner: service
lanes:
  - {id: customer, name: 客户, kind: external}
  - {id: service, name: 客服部}
steps:
"""
START = '  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}\n'
TASK = """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""
DECISION = """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "5"
"""
ENDS = """\
  - {id: "4", name: 处理完毕, type: end, lane: service}
  - {id: "5", name: 转交上级, type: end, lane: service}
"""
FLOW = START + TASK + DECISION + ENDS
START_1_1 = '  - {id: "1.1", name: 客户投诉, type: start, lane: customer, next: "2"}\n'
ORPHAN_5 = """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "4"
  - {id: "4", name: 处理完毕, type: end, lane: service}
  - {id: "5", name: 转交上级, type: end, lane: service}
"""
START_SKIPS_TO_4 = """\
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "4"}
  - {id: "2", name: 登记投诉, lane: service, next: "3"}
#        ^ S007 cannot be reached from the start
"""
CHINESE_IDS = """\
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "第2步"}
  - id: "第2步"
    name: 登记投诉
    lane: service
    next: "3"
"""
LABELLED_SPLIT = """\
  - id: "2"
    name: 登记投诉
    lane: service
    branches:
      - when: 通知客户
        next: "3"
"""
SEGMENT_SLA = """\
sla:
  - name: 处理
    from: "2"
    to: "44"
#       ^ S004 is measured to step '44', which does not exist
    limit: 1天
"""


def controlled(on_fail: str, ids: str = START + TASK) -> str:
    """`ids` (steps 1 and 2) with a control point on step 2 whose last lines are `on_fail`, then the rest of FLOW."""
    return ids + "    control:\n      standard: 信息完整\n" + on_fail + DECISION + ENDS


def handled_from(handler: str) -> str:
    return f'emergencies:\n  - id: E1\n    when: 系统宕机\n    handler: "{handler}"\n'


CASES = {
    "S001-valid": HEAD + FLOW,
    "S001-no-start": HEAD + """\
  - {id: "1", name: 客户投诉, lane: customer, next: "2"}
# ^ S001 has no start step
""" + TASK + DECISION + ENDS,
    "S002-valid": HEAD + FLOW,
    "S002-second-start": HEAD + START + """\
  - id: "2"
    name: 登记投诉
    type: start
#         ^ S002 several start steps
    lane: service
    next: "3"
""" + DECISION + ENDS,
    "S003-valid": HEAD + FLOW,
    "S003-no-end": HEAD + START + """\
# ^ S003 has no end step
""" + TASK + DECISION + """\
  - {id: "4", name: 处理完毕, type: task, lane: service}
  - {id: "5", name: 转交上级, type: task, lane: service}
""",
    "S004-valid": HEAD + FLOW,
    "S004-next": HEAD + START + """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "9"
#         ^ S004 leads to step '9', which does not exist
""" + DECISION + ENDS,
    "S004-next-close-to-an-id": HEAD + START + """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "33"
#         ^ S004 leads to step '33', which does not exist
""" + DECISION + ENDS,
    "S004-branch": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "55"
#             ^ S004 leads to step '55'
""" + ENDS,
    "S004-next-list": HEAD + """\
  - id: "1"
    name: 客户投诉
    type: start
    lane: customer
    next: ["2", "7"]
#               ^ S004 leads to step '7'
""" + TASK + DECISION + ENDS,
    "S004-on-fail-step-number": HEAD + controlled("""\
      on_fail: "2.9"
#              ^ S004
"""),
    "S004-on-fail-code": HEAD + controlled("""\
      on_fail: R2
#              ^ S004
"""),
    "S004-valid-on-fail-sentence": HEAD + controlled("""\
      on_fail: 退回重新登记
"""),
    "S004-on-fail-in-the-form-of-this-process-ids": HEAD + controlled("""\
      on_fail: "第9步"
#              ^ S004
""", CHINESE_IDS),
    "S004-valid-on-fail-words": HEAD + controlled("""\
      on_fail: 第二步重做
""", CHINESE_IDS),
    "S004-valid-on-fail-english": HEAD + controlled("""\
      on_fail: redo step 2
"""),
    "S004-valid-on-fail-existing-step": HEAD + controlled("""\
      on_fail: "2"
"""),
    "S004-handler": HEAD + FLOW + """\
emergencies:
  - id: E1
    when: 系统宕机
    handler: "8"
#            ^ S004 is handled from step '8'
""",
    "S004-valid-handler": HEAD + FLOW + handled_from("4"),
    "S004-segment-sla-to": HEAD + FLOW + SEGMENT_SLA,
    "S005-valid": HEAD + FLOW,
    "S005-lane": HEAD + START + """\
  - id: "2"
    name: 登记投诉
    lane: servce
#         ^ S005 servce
    next: "3"
""" + DECISION + ENDS,
    "S005-owner": """\
procdoc: 1
id: T-01
name: 投诉受理
owner: boss
#      ^ S005 boss
lanes:
  - {id: customer, name: 客户, kind: external}
  - {id: service, name: 客服部}
steps:
""" + FLOW,
    "S005-kpi-owner": HEAD + FLOW + """\
kpis:
  - name: 及时率
    owner: boss
#          ^ S005 boss
""",
    "S005-raci-party": HEAD + START + TASK + """\
    raci:
      r: service
      c: [customer, legal]
#                   ^ S005 legal
""" + DECISION + ENDS,
    "S005-valid-raci": HEAD + START + TASK + """\
    raci:
      r: service
      a: service
      i: customer
""" + DECISION + ENDS,
    "S006-valid-no-phases": HEAD + FLOW,
    "S006-valid-declared": HEAD + START + TASK + "    phase: p1\n" + DECISION + ENDS + """\
phases:
  - id: p1
    name: 受理
""",
    "S006-undeclared": HEAD + START + TASK + """\
    phase: p9
#          ^ S006 p9
""" + DECISION + ENDS,
    "S007-valid": HEAD + FLOW,
    "S007-orphan": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "4"
  - {id: "4", name: 处理完毕, type: end, lane: service}
  - {id: "5", name: 转交上级, type: end, lane: service}
#        ^ S007 cannot be reached from the start
""",
    "S007-valid-emergency-handler-is-an-entry": HEAD + START + TASK + ORPHAN_5 + handled_from("5"),
    "S007-valid-no-start-left-to-S001": HEAD + '  - {id: "1", name: 客户投诉, lane: customer, next: "2"}\n'
    + TASK + DECISION + ENDS,
    "S007-once-for-a-chain": HEAD + START_SKIPS_TO_4 + DECISION + ENDS,
    "S007-once-for-a-loop-nothing-leads-into": HEAD + START_SKIPS_TO_4 + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "2"
      - when: 否
        next: "5"
""" + ENDS,
    "S008-valid": HEAD + FLOW,
    "S008-dead-end": HEAD + START + """\
  - id: "2"
#       ^ S008 has no way out
    name: 登记投诉
    lane: service
""" + DECISION + ENDS,
    "S008-start-leads-nowhere": HEAD + """\
  - {id: "1", name: 客户投诉, type: start, lane: customer}
#        ^ S008 has no way out
""" + TASK + DECISION + ENDS,
    "S009-valid-on-fail-is-no-edge": HEAD + controlled("""\
      on_fail: "2"
"""),
    "S009-valid-loop-with-exit": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "2"
""" + ENDS,
    "S009-loop-reported-once-at-first-step": HEAD + START + """\
  - id: "2"
#       ^ S009 caught in a loop that never reaches an end
    name: 登记投诉
    lane: service
    next: "3"
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "2"
      - when: 否
        next: "2"
""" + ENDS,
    "S009-self-loop": HEAD + START + """\
  - id: "2"
#       ^ S009 caught in a loop that never reaches an end
    name: 登记投诉
    lane: service
    next: "2"
""" + DECISION + ENDS,
    "S009-each-trapped-loop-once": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "5"
      - when: 其他
        next: "6"
  - id: "4"
#       ^ S009
    name: 处理完毕
    lane: service
    next: "4"
  - id: "5"
#       ^ S009
    name: 转交上级
    lane: service
    next: "5"
  - {id: "6", name: 结束, type: end, lane: service}
""",
    "S009-valid-dead-end-left-to-S008": HEAD + START + '  - {id: "2", name: 登记投诉, lane: service}\n'
    + DECISION + ENDS,
    "S010-valid": HEAD + FLOW,
    "S010-one-exit": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
#         ^ S010 only one exit
    lane: service
    branches:
      - when: 是
        next: "4"
""" + ENDS,
    "S010-valid-no-exit-left-to-S008": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
""" + ENDS,
    "S011-valid": HEAD + FLOW,
    "S011-branch-without-when": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - next: "5"
#             ^ S011
""" + ENDS,
    "S011-decision-with-next-list": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    next: ["4", "5"]
#          ^ S011
#               ^ S011
""" + ENDS,
    "S012-valid": HEAD + FLOW,
    "S012-same-label": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 是
#             ^ S012
        next: "5"
""" + ENDS,
    "S012-same-label-ignoring-case-and-spaces": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: Yes
        next: "4"
      - when: ' yes'
#             ^ S012
        next: "5"
""" + ENDS,
    "S013-valid": HEAD + FLOW,
    "S013-end-leads-on": HEAD + START + TASK + DECISION + """\
  - id: "4"
    name: 处理完毕
    type: end
    lane: service
    next: "5"
#         ^ S013
  - {id: "5", name: 转交上级, type: end, lane: service}
""",
    "S014-valid": HEAD + FLOW,
    "S014-valid-parallel-next-list": HEAD + START + """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: ["3", "4"]
""" + DECISION + ENDS,
    "S014-valid-labelled-branches": HEAD + START + LABELLED_SPLIT + """\
      - when: 通知仓库
        next: "4"
""" + DECISION + ENDS,
    "S014-next-mixed-with-branch": HEAD + START + """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
#         ^ S014
    branches:
      - when: 加急
        next: "4"
""" + DECISION + ENDS,
    "S014-unlabelled-branch": HEAD + START + LABELLED_SPLIT + """\
      - x-note: 通知仓库
        next: "4"
#             ^ S014
""" + DECISION + ENDS,
    "S014-valid-decision-left-to-S011": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    next: ["4", "5"]
""" + ENDS,
    "S015-valid": HEAD + FLOW,
    "S015-back-to-start": HEAD + START + TASK + """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "1"
#             ^ S015
""" + ENDS,
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_base_is_clean() -> None:
    assert lint(BASE, ["structure"]) == []


def test_flow_is_clean() -> None:
    assert lint(HEAD + FLOW, ["structure"]) == []


def test_messages_name_the_step_for_a_quality_manager() -> None:
    [finding] = lint(split(CASES["S008-dead-end"])[0], ["S008"])
    assert finding.message == "step 2 '登记投诉' has no way out: it leads to no step and is not an end step"
    assert "next" in finding.hint


def test_undefined_step_suggests_the_closest_id() -> None:
    [finding] = lint(split(CASES["S004-next-close-to-an-id"])[0], ["S004"])
    assert finding.message == "step 2 '登记投诉' leads to step '33', which does not exist"
    assert finding.hint.startswith("did you mean '3'?")


def test_unreachable_chain_names_the_steps_after_its_first() -> None:
    [finding] = lint(split(CASES["S007-once-for-a-chain"])[0], ["S007"])
    assert finding.message == (
        "step 2 '登记投诉' cannot be reached from the start: no path leads to it (nor can the 2 steps after it: 3, 5)"
    )


def test_suppression_on_the_step_id_line_silences_a_finding_inside_the_step() -> None:
    assert_marked(HEAD + START + TASK + """\
  - id: "3"  # procdoc: ignore[S012]
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 是
        next: "5"
""" + ENDS, ["S012", "M001"])


def test_a_missing_handler_is_never_taken_for_the_start_step() -> None:
    text = HEAD + START_1_1 + TASK + DECISION + ENDS + """\
emergencies:
  - id: E1
    when: 系统宕机
    handler: "E1.1"
#            ^ S004 is handled from step 'E1.1', which does not exist
"""
    assert_marked(text, ["S004"])
    [finding] = lint(split(text)[0], ["S004"])
    assert finding.message == "emergency E1 '系统宕机' is handled from step 'E1.1', which does not exist"
    assert finding.hint == "use the id of a declared step: 2, 3, 4, 5"


def test_did_you_mean_never_proposes_the_start_step_for_a_line() -> None:
    text = HEAD + START_1_1 + """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "11"
#         ^ S004 leads to step '11'
""" + DECISION + ENDS
    assert_marked(text, ["S004"])
    [finding] = lint(split(text)[0], ["S004"])
    assert "did you mean" not in finding.hint


def test_segment_sla_steps_must_exist() -> None:
    [finding] = [d for d in lint(split(CASES["S004-segment-sla-to"])[0], ["S004"]) if d.code == "S004"]
    assert finding.message == "the SLA '处理' (2 → 44) is measured to step '44', which does not exist"
    assert finding.hint == "did you mean '4'?"
