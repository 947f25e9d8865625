"""Parallel work and the other flow rules of format 1.1 (S002, S016-S020), on small flows written out in full.

Each flow is the step list of a process with one lane, one step a line (its
name last, so that a marker's caret lines up under the text it points at),
with its expected findings marked under the lines they are about
(tests/markers.py). Every case is checked with all the rules of this file, so
a flow that is sound for one of them is also seen to be sound for the others.
"""

from __future__ import annotations

import pytest

from tests.markers import assert_marked, split
from tests.ruletester import lint

RULES = ["S002", "S016", "S017", "S018", "S019", "S020"]

HEAD = """\
procdoc: 1.1
id: P-01
name: 并行测试
lanes:
  - id: a
    name: 客服部
steps:
"""

#: after two start steps (the S002 cases)
STARTS_LEAD_TO = """\
  - {id: "2", type: task, lane: a, next: "3", name: 步骤2}
  - {id: "3", type: end, lane: a, name: 步骤3}
"""

CASES = {
    "S018-valid-a-split-joined-again": HEAD + """\
  - {id: "1", type: start, lane: a, next: "6", name: 步骤1}
  - {id: "6", type: task, lane: a, next: ["7", "8"], name: 步骤6}
  - {id: "7", type: task, lane: a, next: "8a", name: 步骤7}
  - {id: "8", type: task, lane: a, next: "8a", name: 步骤8}
  - {id: "8a", type: join, lane: a, next: "9", name: 步骤8a}
  - {id: "9", type: task, lane: a, next: "10", name: 步骤9}
  - {id: "10", type: end, lane: a, name: 步骤10}
""",
    "S018-valid-parallel-paths-may-each-end-on-their-own": HEAD + """\
  - {id: "1", type: start, lane: a, next: "6", name: 步骤1}
  - {id: "6", type: task, lane: a, next: ["7", "8"], name: 步骤6}
  - {id: "7", type: task, lane: a, next: "9", name: 步骤7}
  - {id: "8", type: task, lane: a, next: "9", name: 步骤8}
  - {id: "9", type: end, lane: a, name: 步骤9}
""",
    "S018-valid-a-decision-exit-may-start-parallel-paths-that-join": HEAD + """\
  - {id: "1", type: start, lane: a, next: "3", name: 步骤1}
  - {id: "3", type: decision, lane: a, branches: [{next: ["4", "5"], when: 维修}, {next: "7", when: 不修}], name: 步骤3}
  - {id: "4", type: task, lane: a, next: "6", name: 步骤4}
  - {id: "5", type: task, lane: a, next: "6", name: 步骤5}
  - {id: "6", type: join, lane: a, next: "7", name: 步骤6}
  - {id: "7", type: end, lane: a, name: 步骤7}
""",
    "S018-valid-loops-before-the-split": HEAD + """\
  - {id: "1", type: start, lane: a, next: "6", name: 步骤1}
  - {id: "6", type: task, lane: a, next: ["7", "8"], name: 步骤6}
  - {id: "7", type: task, lane: a, next: "8a", name: 步骤7}
  - {id: "8", type: task, lane: a, next: "8a", name: 步骤8}
  - {id: "8a", type: join, lane: a, next: "9", name: 步骤8a}
  - {id: "9", type: decision, lane: a, branches: [{next: "10", when: 合格}, {next: "6", when: 返工}], name: 步骤9}
  - {id: "10", type: end, lane: a, name: 步骤10}
""",
    "S018-parallel-paths-meeting-at-a-plain-step": HEAD + """\
  - {id: "1", type: start, lane: a, next: "6", name: 步骤1}
  - {id: "6", type: task, lane: a, next: ["7", "8"], name: 步骤6}
#                                        ^ S018 meet again at step 9 '步骤9', which is not a join
  - {id: "7", type: task, lane: a, next: "9", name: 步骤7}
  - {id: "8", type: task, lane: a, next: "9", name: 步骤8}
  - {id: "9", type: task, lane: a, next: "10", name: 步骤9}
  - {id: "10", type: end, lane: a, name: 步骤10}
""",
    "S019-a-join-fed-by-exclusive-decision-exits-waits-forever": HEAD + """\
  - {id: "1", type: start, lane: a, next: "3", name: 步骤1}
  - {id: "3", type: decision, lane: a, branches: [{next: "4", when: 是}, {next: "5", when: 否}], name: 步骤3}
  - {id: "4", type: task, lane: a, next: "6", name: 步骤4}
  - {id: "5", type: task, lane: a, next: "6", name: 步骤5}
  - {id: "6", type: join, lane: a, next: "7", name: 步骤6}
#                   ^ S019 can wait forever
  - {id: "7", type: end, lane: a, name: 步骤7}
""",
    "S019-a-join-waits-forever-when-a-parallel-path-may-end-elsewhere": HEAD + """\
  - {id: "1", type: start, lane: a, next: "6", name: 步骤1}
  - {id: "6", type: task, lane: a, next: ["7", "8"], name: 步骤6}
  - {id: "7", type: task, lane: a, next: "8a", name: 步骤7}
  - {id: "8", type: decision, lane: a, branches: [{next: "8a", when: 齐套}, {next: "8e", when: 取消}], name: 步骤8}
  - {id: "8e", type: end, lane: a, name: 步骤8e}
  - {id: "8a", type: join, lane: a, next: "9", name: 步骤8a}
#                    ^ S019 can wait forever
  - {id: "9", type: end, lane: a, name: 步骤9}
""",
    "S020-a-path-that-can-reach-a-join-twice": HEAD + """\
  - {id: "1", type: start, lane: a, next: "6", name: 步骤1}
  - {id: "6", type: task, lane: a, next: ["7", "8"], name: 步骤6}
  - {id: "7", type: task, lane: a, next: "8a", name: 步骤7}
  - {id: "8", type: decision, lane: a, branches: [{next: "8a", when: 完成}, {next: "6", when: 重排}], name: 步骤8}
  - {id: "8a", type: join, lane: a, next: "9", name: 步骤8a}
#                    ^ S020 is reached twice from step 7 before it fires
  - {id: "9", type: end, lane: a, name: 步骤9}
""",
    "S016-duplicate-target": HEAD + """\
  - {id: "1", type: start, lane: a, next: ["3", "3"], name: 步骤1}
#                                               ^ S016 lists step 3 twice
  - {id: "3", type: end, lane: a, name: 步骤3}
""",
    "S016-duplicate-target-in-an-exit": HEAD + """\
  - {id: "1", type: start, lane: a, next: "2", name: 步骤1}
  - {id: "2", type: decision, lane: a, branches: [{next: ["3", "3"], when: 是}, {next: "3", when: 否}], name: 步骤2}
#                                                              ^ S016 lists step 3 twice
  - {id: "3", type: end, lane: a, name: 步骤3}
""",
    "S016-valid-the-same-step-on-two-exits-is-no-duplicate": HEAD + """\
  - {id: "1", type: start, lane: a, next: "2", name: 步骤1}
  - id: "2"
    type: decision
    lane: a
    branches: [{next: "3", when: 是}, {next: "4", when: 否}, {next: "3", when: 不确定}]
    name: 步骤2
  - {id: "3", type: end, lane: a, name: 步骤3}
  - {id: "4", type: end, lane: a, name: 步骤4}
""",
    "S017-decision-whose-exits-all-lead-to-the-same-step": HEAD + """\
  - {id: "1", type: start, lane: a, next: "2", name: 步骤1}
  - {id: "2", type: decision, lane: a, branches: [{next: "3", when: 是}, {next: "3", when: 否}], name: 步骤2}
#                   ^ S017 all its 2 exits lead to step 3
  - {id: "3", type: end, lane: a, name: 步骤3}
""",
    "S002-valid-alternative-starts-each-with-its-trigger": HEAD + """\
  - {id: "1a", type: start, lane: a, next: "2", trigger: 客户来电预约, name: 步骤1a}
  - {id: "1b", type: start, lane: a, next: "2", trigger: 客户直接到店, name: 步骤1b}
""" + STARTS_LEAD_TO,
    "S002-an-unexplained-second-start-is-still-reported": HEAD + """\
  - {id: "1a", type: start, lane: a, next: "2", trigger: 客户来电预约, name: 步骤1a}
  - {id: "1b", type: start, lane: a, next: "2", name: 步骤1b}
#                    ^ S002 is one of several start steps (also 1a) but has no `trigger:`
""" + STARTS_LEAD_TO,
    "S002-with-no-trigger-anywhere-the-first-start-is-the-real-one": HEAD + """\
  - {id: "1a", type: start, lane: a, next: "2", name: 步骤1a}
  - {id: "1b", type: start, lane: a, next: "2", name: 步骤1b}
#                    ^ S002
""" + STARTS_LEAD_TO,
    "S002-the-first-start-needs-a-trigger-when-another-has-one": HEAD + """\
  - {id: "1a", type: start, lane: a, next: "2", name: 步骤1a}
#                    ^ S002
  - {id: "1b", type: start, lane: a, next: "2", trigger: 客户直接到店, name: 步骤1b}
""" + STARTS_LEAD_TO,
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], RULES)


def test_parallel_paths_meeting_at_a_plain_step_message() -> None:
    [finding] = lint(split(CASES["S018-parallel-paths-meeting-at-a-plain-step"])[0], ["S018"])
    assert finding.message == (
        "the parallel paths from step 6 '步骤6' (to 7, 8) meet again at step 9 '步骤9', which is not a join: "
        "step 9 would run once for each path"
    )


def test_a_join_fed_by_exclusive_decision_exits_message_names_a_run() -> None:
    [finding] = lint(split(CASES["S019-a-join-fed-by-exclusive-decision-exits-waits-forever"])[0], ["S019"])
    assert finding.message in {
        f"step 6 '步骤6' can wait forever: it waits for every path from steps 4, 5, but the run {run} brings only "
        "some of them"
        for run in ("1 → 3 (是) → 4", "1 → 3 (否) → 5")
    }


def test_a_path_that_can_reach_a_join_twice_message_names_the_run() -> None:
    [finding] = lint(split(CASES["S020-a-path-that-can-reach-a-join-twice"])[0], ["S020"])
    assert finding.message == (
        "step 8a '步骤8a' is reached twice from step 7 before it fires, in the run 1 → 6 → 7 → 8 (重排) → 6 → 7"
    )


def test_duplicate_target_message() -> None:
    [finding] = lint(split(CASES["S016-duplicate-target"])[0], ["S016"])
    assert finding.message == "step 1 '步骤1' lists step 3 twice in one `next`"


def test_decision_same_target_message() -> None:
    [finding] = lint(split(CASES["S017-decision-whose-exits-all-lead-to-the-same-step"])[0], ["S017"])
    assert finding.message == "step 2 '步骤2' is a decision, but all its 2 exits lead to step 3"


def test_second_start_message() -> None:
    [finding] = lint(split(CASES["S002-an-unexplained-second-start-is-still-reported"])[0], ["S002"])
    assert finding.message == "step 1b '步骤1b' is one of several start steps (also 1a) but has no `trigger:`"
