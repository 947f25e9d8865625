"""Time rules (T…): each case is an edit of BASE with the exact findings it must give."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

LIMIT = "    time_limit: 即时\n"
SLA = "sla: 2 working days"
LOOP_BACK = ('        next: "5"', '        next: "2"')


def segment(start: str, end: str, limit_text: str, text: str | None = None) -> str:
    """BASE (or `text`) whose `sla` is one segment (line 70); its `to` at 73:9, its `limit` at 74:12."""
    lines = f'sla:\n  - name: 处理时间\n    from: "{start}"\n    to: "{end}"\n    limit: {limit_text}'
    return edited(SLA, lines, text if text is not None else BASE).replace("procdoc: 1\n", "procdoc: 1.1\n", 1)


def limit(text: str) -> str:
    """BASE with step 2's time limit (line 42, column 17) replaced."""
    return edited(LIMIT, f"    time_limit: {text}\n")


CASES = [
    pytest.param("T001", BASE, [], id="T001-valid"),
    pytest.param("T001", edited(LIMIT, ""), [("T001", 41, 10)], id="T001-key-step-without-limit"),
    pytest.param("T001", edited(LIMIT, "").replace("    key: true\n", ""), [], id="T001-valid-not-key"),
    pytest.param("T001", limit("尽快"), [], id="T001-valid-unreadable-left-to-T002"),
    pytest.param("T002", BASE, [], id="T002-valid"),
    pytest.param("T002", limit("结案后1个工作日内"), [], id="T002-valid-anchored"),
    pytest.param("T002", limit("within 3 working days after confirmation"), [], id="T002-valid-english"),
    pytest.param("T002", limit("尽快"), [("T002", 42, 17)], id="T002-asap"),
    pytest.param("T002", limit("7×24"), [("T002", 42, 17)], id="T002-around-the-clock"),
    pytest.param(
        "T002", edited("    name: 可以处理？\n", "    name: 可以处理？\n    time_limit: TBD\n"), [("T002", 54, 17)],
        id="T002-not-only-key-steps",
    ),
    *[
        pytest.param("T002", limit(text), [], id=f"T002-valid-{text}")
        for text in ("2个工作日", "按委托书工时", "预计交车时间前", "交车前", "预约前1天", "before delivery", "每日",
                     "每月25日前", "每月28日—30日", "by the 5th of each month")
    ],
    pytest.param("T002", limit("交车前尽快"), [("T002", 42, 17)], id="T002-deadline-without-a-length"),
    pytest.param("T003", BASE, [], id="T003-valid"),
    pytest.param("T003", edited(SLA, "sla: 5个工作日"), [], id="T003-valid-chinese"),
    pytest.param("T003", edited(SLA, "sla: 越快越好"), [("T003", 70, 6)], id="T003-unreadable"),
    pytest.param("T004", BASE, [], id="T004-valid"),
    pytest.param("T004", limit("2个工作日"), [], id="T004-valid-equal"),
    pytest.param("T004", limit("49 h"), [("T004", 70, 6)], id="T004-over-by-an-hour"),
    pytest.param("T004", limit("3 working days"), [("T004", 70, 6)], id="T004-working-days"),
    pytest.param("T004", edited(SLA, "sla: 2天", limit("24小时内")), [], id="T004-valid-hours-against-days"),
    pytest.param("T004", edited(*LOOP_BACK, limit("2个工作日")), [], id="T004-valid-loop-counted-once"),
    pytest.param(
        "T004", edited("    name: 可以处理？\n", "    name: 可以处理？\n    time_limit: 1 day\n", limit("1.5 days")),
        [("T004", 71, 6)], id="T004-path-sums-steps",
    ),
    pytest.param("T004", edited(SLA, "sla: 越快越好", limit("3 working days")), [], id="T004-valid-unreadable-sla"),
    pytest.param("T004", edited(SLA, "sla: 1天", limit("每月25日前")), [], id="T004-valid-calendar-is-not-25-days"),
    pytest.param("T004", edited(SLA, "sla: 12小时", limit("预约前1天")), [], id="T004-valid-deadline-is-not-1-day"),
    pytest.param("T004", edited(SLA, "sla: 1小时", limit("按委托书工时")), [], id="T004-valid-standard-has-no-length"),
    pytest.param("T004", segment("2", "2", "1天", limit("2天")), [("T004", 74, 12)], id="T004-segment-exceeded"),
    pytest.param("T004", segment("2", "2", "2天", limit("2天")), [], id="T004-valid-segment"),
    pytest.param("T004", segment("3", "4", "1小时", limit("2天")), [], id="T004-valid-segment-leaves-out-step-2"),
    pytest.param("T003", segment("2", "4", "半天"), [], id="T003-valid-segment"),
    pytest.param("T003", segment("2", "4", "尽快"), [("T003", 74, 12)], id="T003-segment-unreadable"),
    pytest.param("T003", segment("4", "2", "1天"), [("T003", 73, 9)], id="T003-segment-backwards"),
    pytest.param("T004", edited(f"{SLA}\n", "", limit("3 working days")), [], id="T004-valid-no-sla"),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["time"]) == []


def test_sla_message_names_the_path_and_the_total() -> None:
    text = edited("    name: 可以处理？\n", "    name: 可以处理？\n    time_limit: 1 day\n", limit("1.5 days"))
    [finding] = lint(text, ["T004"])
    assert finding.message == (
        "the longest path through the process (1 → 2 → 3 → 4) takes up to 2.5 days, "
        "more than the SLA of 2 working days (2 days)"
    )


def test_unreadable_limit_hint_shows_accepted_forms() -> None:
    [finding] = lint(limit("尽快"), ["T002"])
    assert finding.message == "the time limit '尽快' of step 2 is not a time limit procdoc can read"
    assert finding.hint == (
        "write a duration (2个工作日内, 3 working days), a deadline (交车前, 预约前1天, before delivery), "
        "a calendar rule (每日, 每月25日前, by the 5th of each month) or a standard (按委托书工时)"
    )


def test_segment_sla_message_names_the_segment() -> None:
    [finding] = lint(segment("2", "4", "1天", limit("2天")), ["T004"])
    assert finding.message == (
        "the longest path of the segment '处理时间' (2 → 3 → 4) takes up to 2 days, more than the SLA of 1天 (1 day)"
    )


def test_segment_without_ends_runs_from_start_to_end() -> None:
    text = edited(SLA, "sla:\n  - name: 全程\n    limit: 1天", limit("2天")).replace("procdoc: 1\n", "procdoc: 1.1\n")
    [finding] = lint(text, ["T004"])
    assert "(1 → 2 → 3 → 4)" in finding.message
