"""Parallel work and the other flow rules of format 1.1 (S002, S016-S020), on small flows written out in full.

Each flow is the step list of a process with one lane; positions are found
by the exact text they point at, so a case reads like the chart it tests.
"""

from __future__ import annotations

from tests.ruletester import lint

HEAD = """\
procdoc: 1.1
id: P-01
name: 并行测试
lanes:
  - id: a
    name: 客服部
steps:
"""


def step(step_id: str, kind: str = "task", **keys: str) -> str:
    """One step: `next` and the like are written as given (a quoted id, a list, or branch lines)."""
    lines = [f'  - id: "{step_id}"', f"    name: 步骤{step_id}", f"    type: {kind}", "    lane: a"]
    lines += [f"    {key}: {value}" for key, value in keys.items()]
    return "\n".join(lines) + "\n"


def branches(*exits: tuple[str, str]) -> str:
    return "".join(f"\n      - when: {when}\n        next: {target}" for when, target in exits)


def flow(*steps: str) -> str:
    return HEAD + "".join(steps)


def at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """(line, column) of the `occurrence`-th `needle` in `text`, 1-based."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def found(text: str, code: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint(text, [code]) if d.code == code]


SPLIT = step("6", next='["7", "8"]')
JOINED = flow(
    step("1", "start", next='"6"'), SPLIT, step("7", next='"8a"'), step("8", next='"8a"'),
    step("8a", "join", next='"9"'), step("9", next='"10"'), step("10", "end"),
)
UNJOINED = flow(  # pp-01 as it was: 9 is reached from both parallel paths
    step("1", "start", next='"6"'), SPLIT, step("7", next='"9"'), step("8", next='"9"'),
    step("9", next='"10"'), step("10", "end"),
)
EACH_ENDS = flow(step("1", "start", next='"6"'), SPLIT, step("7", next='"9"'), step("8", next='"9"'), step("9", "end"))
EXCLUSIVE_INTO_JOIN = flow(
    step("1", "start", next='"3"'),
    step("3", "decision", branches=branches(("是", '"4"'), ("否", '"5"'))),
    step("4", next='"6"'), step("5", next='"6"'), step("6", "join", next='"7"'), step("7", "end"),
)
ONE_PATH_MAY_END_ELSEWHERE = flow(
    step("1", "start", next='"6"'), SPLIT, step("7", next='"8a"'),
    step("8", "decision", branches=branches(("齐套", '"8a"'), ("取消", '"8e"'))), step("8e", "end"),
    step("8a", "join", next='"9"'), step("9", "end"),
)
LOOP_BACK_TO_THE_SPLIT = flow(  # path 8 goes back to the split while path 7 already waits at the join
    step("1", "start", next='"6"'), SPLIT,
    step("7", next='"8a"'),
    step("8", "decision", branches=branches(("完成", '"8a"'), ("重排", '"6"'))),
    step("8a", "join", next='"9"'), step("9", "end"),
)
DECISION_SPLITS = flow(
    step("1", "start", next='"3"'),
    step("3", "decision", branches=branches(("维修", '["4", "5"]'), ("不修", '"7"'))),
    step("4", next='"6"'), step("5", next='"6"'), step("6", "join", next='"7"'), step("7", "end"),
)


def test_a_split_joined_again_is_sound() -> None:
    assert [d.code for d in lint(JOINED, ["S016", "S017", "S018", "S019", "S020"])] == []


def test_parallel_paths_may_each_end_on_their_own() -> None:
    assert found(EACH_ENDS, "S018") == []


def test_a_decision_exit_may_start_parallel_paths_that_join() -> None:
    assert [d.code for d in lint(DECISION_SPLITS, ["S018", "S019", "S020"])] == []


def test_parallel_paths_meeting_at_a_plain_step() -> None:
    assert found(UNJOINED, "S018") == [at(UNJOINED, '["7", "8"]')]
    [finding] = lint(UNJOINED, ["S018"])
    assert finding.message == (
        "the parallel paths from step 6 '步骤6' (to 7, 8) meet again at step 9 '步骤9', which is not a join: "
        "step 9 would run once for each path"
    )


def test_a_join_fed_by_exclusive_decision_exits_waits_forever() -> None:
    assert found(EXCLUSIVE_INTO_JOIN, "S019") == [at(EXCLUSIVE_INTO_JOIN, "join")]
    [finding] = lint(EXCLUSIVE_INTO_JOIN, ["S019"])
    assert finding.message in {
        f"step 6 '步骤6' can wait forever: it waits for every path from steps 4, 5, but the run {run} brings only "
        "some of them"
        for run in ("1 → 3 (是) → 4", "1 → 3 (否) → 5")
    }


def test_a_join_waits_forever_when_a_parallel_path_may_end_elsewhere() -> None:
    assert found(ONE_PATH_MAY_END_ELSEWHERE, "S019") == [at(ONE_PATH_MAY_END_ELSEWHERE, "join")]
    assert found(ONE_PATH_MAY_END_ELSEWHERE, "S020") == []


def test_a_path_that_can_reach_a_join_twice() -> None:
    assert found(LOOP_BACK_TO_THE_SPLIT, "S020") == [at(LOOP_BACK_TO_THE_SPLIT, "join")]
    [finding] = lint(LOOP_BACK_TO_THE_SPLIT, ["S020"])
    assert finding.message == (
        "step 8a '步骤8a' is reached twice from step 7 before it fires, in the run 1 → 6 → 7 → 8 (重排) → 6 → 7"
    )


def test_loops_before_the_split_are_sound() -> None:
    text = JOINED.replace('step("9")', "").replace(
        '  - id: "9"\n    name: 步骤9\n    type: task\n    lane: a\n    next: "10"\n',
        '  - id: "9"\n    name: 步骤9\n    type: decision\n    lane: a\n    branches:'
        '\n      - when: 合格\n        next: "10"\n      - when: 返工\n        next: "6"\n',
    )
    assert "返工" in text
    assert [d.code for d in lint(text, ["S018", "S019", "S020"])] == []


# --- S016, S017 -------------------------------------------------------------------------------------------------------

DUPLICATE = flow(step("1", "start", next='["3", "3"]'), step("3", "end"))


def test_duplicate_target() -> None:
    assert found(DUPLICATE, "S016") == [at(DUPLICATE, '"3"]')]
    [finding] = lint(DUPLICATE, ["S016"])
    assert finding.message == "step 1 '步骤1' lists step 3 twice in one `next`"


def test_duplicate_target_in_an_exit() -> None:
    text = flow(
        step("1", "start", next='"2"'),
        step("2", "decision", branches=branches(("是", '["3", "3"]'), ("否", '"3"'))),
        step("3", "end"),
    )
    assert found(text, "S016") == [at(text, '"3"]')]


def test_the_same_step_on_two_exits_is_no_duplicate() -> None:
    text = flow(
        step("1", "start", next='"2"'),
        step("2", "decision", branches=branches(("是", '"3"'), ("否", '"4"'), ("不确定", '"3"'))),
        step("3", "end"), step("4", "end"),
    )
    assert found(text, "S016") == [] and found(text, "S017") == []


def test_decision_whose_exits_all_lead_to_the_same_step() -> None:
    text = flow(
        step("1", "start", next='"2"'),
        step("2", "decision", branches=branches(("是", '"3"'), ("否", '"3"'))),
        step("3", "end"),
    )
    assert found(text, "S017") == [at(text, "decision")]
    [finding] = lint(text, ["S017"])
    assert finding.message == "step 2 '步骤2' is a decision, but all its 2 exits lead to step 3"


# --- S002: alternative starts -----------------------------------------------------------------------------------------

def starts(first_trigger: str, second_trigger: str) -> str:
    first = {"trigger": first_trigger} if first_trigger else {}
    second = {"trigger": second_trigger} if second_trigger else {}
    return flow(step("1a", "start", next='"2"', **first), step("1b", "start", next='"2"', **second),
                step("2", next='"3"'), step("3", "end"))


def test_alternative_starts_each_with_its_trigger() -> None:
    assert found(starts("客户来电预约", "客户直接到店"), "S002") == []


def test_an_unexplained_second_start_is_still_reported() -> None:
    text = starts("客户来电预约", "")
    assert found(text, "S002") == [at(text, "start", 2)]
    [finding] = lint(text, ["S002"])
    assert finding.message == "step 1b '步骤1b' is one of several start steps (also 1a) but has no `trigger:`"


def test_with_no_trigger_anywhere_the_first_start_is_the_real_one() -> None:
    text = starts("", "")
    assert found(text, "S002") == [at(text, "start", 2)]


def test_the_first_start_needs_a_trigger_when_another_has_one() -> None:
    text = starts("", "客户直接到店")
    assert found(text, "S002") == [at(text, "start", 1)]
