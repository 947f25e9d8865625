"""Time rules (T…): time limits and SLAs that can be read and kept.

Each case is a small process (`process()`: a start, step 2, a decision and
two ends) with its expected findings marked under the lines they are about
(tests/markers.py). A case writes out the lines it is about: step 2's keys,
the decision's, the SLA.
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1.1
id: T-01
name: 投诉受理
lanes:
  - {id: customer, name: 客户, kind: external}
  - {id: service, name: 客服部}
steps:
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""
KEY_STEP = "    key: true\n    time_limit: 即时\n"
SLA = "sla: 2 working days\n"


def process(step_2: str = KEY_STEP, *, decision: str = "", otherwise: str = "5", sla: str = SLA) -> str:
    """HEAD with `step_2`'s lines, the decision step 3 with `decision`'s, its exit 否 to `otherwise`, then `sla`."""
    return HEAD + step_2 + f"""\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
{decision}    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "{otherwise}"
  - {{id: "4", name: 处理完毕, type: end, lane: service}}
  - {{id: "5", name: 转交上级, type: end, lane: service}}
""" + sla


def limit(text: str) -> str:
    """Step 2's lines: a key step whose time limit is `text`."""
    return f"    key: true\n    time_limit: {text}\n"


def segment(start: str, end: str, limit_text: str) -> str:
    """An SLA of one segment, from step `start` to step `end`."""
    return f'sla:\n  - name: 处理时间\n    from: "{start}"\n    to: "{end}"\n    limit: {limit_text}\n'


READABLE_LIMITS = (
    "2个工作日", "按委托书工时", "预计交车时间前", "交车前", "预约前1天", "before delivery", "每日", "每月25日前",
    "每月28日—30日", "by the 5th of each month",
)

CASES = {
    "T001-valid": process(),
    "T001-key-step-without-limit": process("""\
    key: true
#        ^ T001
"""),
    "T001-valid-not-key": process(""),
    "T001-valid-unreadable-left-to-T002": process(limit("尽快")),
    "T002-valid": process(),
    "T002-valid-anchored": process(limit("结案后1个工作日内")),
    "T002-valid-english": process(limit("within 3 working days after confirmation")),
    "T002-asap": process("""\
    key: true
    time_limit: 尽快
#               ^ T002 the time limit '尽快' of step 2 is not a time limit procdoc can read
"""),
    "T002-around-the-clock": process("""\
    key: true
    time_limit: 7×24
#               ^ T002
"""),
    "T002-not-only-key-steps": process(decision="""\
    time_limit: TBD
#               ^ T002 the time limit 'TBD' of step 3
"""),
    **{f"T002-valid-{text}": process(limit(text)) for text in READABLE_LIMITS},
    "T002-deadline-without-a-length": process("""\
    key: true
    time_limit: 交车前尽快
#               ^ T002
"""),
    "T003-valid": process(),
    "T003-valid-chinese": process(sla="sla: 5个工作日\n"),
    "T003-unreadable": process(sla="""\
sla: 越快越好
#    ^ T003
"""),
    "T004-valid": process(),
    "T004-valid-equal": process(limit("2个工作日")),
    "T004-over-by-an-hour": process(limit("49 h"), sla="""\
sla: 2 working days
#    ^ T004 takes up to 2.04 days
"""),
    "T004-working-days": process(limit("3 working days"), sla="""\
sla: 2 working days
#    ^ T004 takes up to 3 days
"""),
    "T004-valid-hours-against-days": process(limit("24小时内"), sla="sla: 2天\n"),
    "T004-valid-loop-counted-once": process(limit("2个工作日"), otherwise="2"),
    "T004-path-sums-steps": process(limit("1.5 days"), decision="    time_limit: 1 day\n", sla="""\
sla: 2 working days
#    ^ T004 (1 → 2 → 3 → 4) takes up to 2.5 days
"""),
    "T004-valid-unreadable-sla": process(limit("3 working days"), sla="sla: 越快越好\n"),
    "T004-valid-calendar-is-not-25-days": process(limit("每月25日前"), sla="sla: 1天\n"),
    "T004-valid-deadline-is-not-1-day": process(limit("预约前1天"), sla="sla: 12小时\n"),
    "T004-valid-standard-has-no-length": process(limit("按委托书工时"), sla="sla: 1小时\n"),
    "T004-segment-exceeded": process(limit("2天"), sla="""\
sla:
  - name: 处理时间
    from: "2"
    to: "2"
    limit: 1天
#          ^ T004 the segment '处理时间' (2) takes up to 2 days
"""),
    "T004-valid-segment": process(limit("2天"), sla=segment("2", "2", "2天")),
    "T004-valid-segment-leaves-out-step-2": process(limit("2天"), sla=segment("3", "4", "1小时")),
    "T003-valid-segment": process(sla=segment("2", "4", "半天")),
    "T003-segment-unreadable": process(sla="""\
sla:
  - name: 处理时间
    from: "2"
    to: "4"
    limit: 尽快
#          ^ T003
"""),
    "T003-segment-backwards": process(sla="""\
sla:
  - name: 处理时间
    from: "4"
    to: "2"
#       ^ T003
    limit: 1天
"""),
    "T004-valid-no-sla": process(limit("3 working days"), sla=""),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_base_is_clean() -> None:
    assert lint(BASE, ["time"]) == []


def test_process_is_clean() -> None:
    assert lint(process(), ["time"]) == []


def test_sla_message_names_the_path_and_the_total() -> None:
    [finding] = lint(split(CASES["T004-path-sums-steps"])[0], ["T004"])
    assert finding.message == (
        "the longest path through the process (1 → 2 → 3 → 4) takes up to 2.5 days, "
        "more than the SLA of 2 working days (2 days)"
    )


def test_unreadable_limit_hint_shows_accepted_forms() -> None:
    [finding] = lint(split(CASES["T002-asap"])[0], ["T002"])
    assert finding.message == "the time limit '尽快' of step 2 is not a time limit procdoc can read"
    assert finding.hint == (
        "write a duration (2个工作日内, 3 working days), a deadline (交车前, 预约前1天, before delivery), "
        "a calendar rule (每日, 每月25日前, by the 5th of each month) or a standard (按委托书工时)"
    )


def test_segment_sla_message_names_the_segment() -> None:
    text = process(limit("2天"), sla="""\
sla:
  - name: 处理时间
    from: "2"
    to: "4"
    limit: 1天
#          ^ T004 the longest path of the segment '处理时间' (2 → 3 → 4) takes up to 2 days
""")
    assert_marked(text, ["T004"])
    [finding] = lint(split(text)[0], ["T004"])
    assert finding.message == (
        "the longest path of the segment '处理时间' (2 → 3 → 4) takes up to 2 days, more than the SLA of 1天 (1 day)"
    )


def test_segment_without_ends_runs_from_start_to_end() -> None:
    text = process(limit("2天"), sla="""\
sla:
  - name: 全程
    limit: 1天
#          ^ T004 (1 → 2 → 3 → 4)
""")
    assert_marked(text, ["T004"])
