"""Time limits as users write them (docs/format.md), Chinese and English, read to elapsed hours."""

from __future__ import annotations

from datetime import date

import pytest

from procdoc.timeparse import (
    Duration,
    LimitKind,
    Period,
    TimeLimit,
    format_hours,
    parse_duration,
    parse_limit,
    parse_period,
)

DAY = 24.0

READABLE = [
    # immediately
    ("即时", 0.0), ("立即", 0.0), ("立刻", 0.0), ("马上", 0.0), ("immediately", 0.0), ("at once", 0.0),
    ("Immediately", 0.0), ("当天", DAY), ("same day", DAY),
    # minutes
    ("30min", 0.5), ("30 min", 0.5), ("30 minutes", 0.5), ("30分钟", 0.5), ("30分钟内", 0.5), ("90 分钟以内", 1.5),
    ("half an hour", 0.5), ("半小时", 0.5),
    # hours
    ("2h", 2.0), ("2 hours", 2.0), ("2小时", 2.0), ("2小时内", 2.0), ("24小时内", 24.0), ("24 h", 24.0),
    ("24 小时内", 24.0), ("1.5h", 1.5), ("an hour", 1.0), ("一个半小时", 1.5), ("两小时", 2.0), ("二十四小时", 24.0),
    ("48个小时", 48.0), ("１２小时内", 12.0), ("1小时30分钟", 1.5), ("1 hour 30 minutes", 1.5),
    # days
    ("0.5d", 12.0), ("0.5 day", 12.0), ("0.5 days", 12.0), ("0.5天", 12.0), ("0.5天内", 12.0), ("0.5 天内", 12.0),
    ("半天", 12.0), ("半天内", 12.0), ("a day", DAY), ("7 days", 7 * DAY), ("3日内", 3 * DAY), ("7个自然日", 7 * DAY),
    # working days
    ("半个工作日", 12.0), ("1 working day", DAY), ("within 1 working day", DAY), ("1个工作日内", DAY),
    ("1 个工作日内", DAY), ("3 working days", 3 * DAY), ("3 business days", 3 * DAY), ("3个工作日", 3 * DAY),
    ("三个工作日", 3 * DAY), ("5 working-days", 5 * DAY), ("4 working hours", 4.0),
    # weeks, months, years (retention and review cycles)
    ("1周", 7 * DAY), ("1 week", 7 * DAY), ("2 weeks", 14 * DAY), ("两周内", 14 * DAY), ("1个月", 30 * DAY),
    ("12个月", 360 * DAY), ("12 months", 360 * DAY), ("十二个月", 360 * DAY), ("3年", 3 * 365 * DAY),
    ("3 years", 3 * 365 * DAY), ("1个季度", 90 * DAY),
    # ranges count as their upper bound
    ("1-2天", 2 * DAY), ("1~2天", 2 * DAY), ("1至2个工作日", 2 * DAY), ("1 to 2 days", 2 * DAY), ("一至两天", 2 * DAY),
    # limiters and trailing verbs
    ("≤ 5 working days", 5 * DAY), ("不超过2小时", 2.0), ("最迟3天", 3 * DAY), ("24小时内完成", 24.0),
    ("5 working days or less", 5 * DAY), ("within two days", 2 * DAY),
    # one limit per case: the longest counts
    ("普通24小时内，紧急2小时内", 24.0), ("urgent: 1 h; normal: 24 h", 24.0), ("紧急2小时/一般1个工作日", DAY),
    ("尽快，最迟2天", 2 * DAY),
]


@pytest.mark.parametrize(("text", "hours"), READABLE, ids=[t for t, _ in READABLE])
def test_reads_the_hours(text: str, hours: float) -> None:
    duration = parse_duration(text)
    assert duration is not None
    assert duration.hours == pytest.approx(hours)


UNREADABLE = [
    "", "   ", "尽快", "及时", "ASAP", "TBD", "待定", "视情况而定", "7×24", "7x24", "7*24小时", "24/7", "T+1",
    "一般", "2", "about some days", "12 hours 7", "3次",
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_is_none(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("结案后1个工作日内", Duration(DAY, True, "结案后1个工作日内", "结案后")),
        ("确认后3个工作日内", Duration(3 * DAY, True, "确认后3个工作日内", "确认后")),
        ("自收到之日起2天", Duration(2 * DAY, False, "自收到之日起2天", "自收到之日起")),
        ("within 1 day after closing", Duration(DAY, False, "within 1 day after closing", "after closing")),
        (
            "within 3 working days after confirmation",
            Duration(3 * DAY, True, "within 3 working days after confirmation", "after confirmation"),
        ),
        ("收到后立即", Duration(0.0, False, "收到后立即", "收到后")),
        ("  24小时内 ", Duration(DAY, False, "24小时内", None)),
    ],
)
def test_keeps_the_anchor_and_the_text(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


def test_working_time_is_flagged_but_counts_like_calendar_time() -> None:
    working, elapsed = parse_duration("1个工作日内"), parse_duration("24小时内")
    assert working is not None and elapsed is not None
    assert (working.working, elapsed.working) == (True, False)
    assert working.hours == elapsed.hours


PERIODS = [
    ("12 months", 12, 0), ("12个月", 12, 0), ("1年", 12, 0), ("1 year", 12, 0), ("every 2 years", 24, 0),
    ("quarterly", 3, 0), ("每季度", 3, 0), ("每个季度", 3, 0), ("每年", 12, 0), ("每年一次", 12, 0),
    ("annually", 12, 0), ("yearly", 12, 0), ("once a year", 12, 0), ("每月", 1, 0), ("monthly", 1, 0),
    ("每半年", 6, 0), ("semi-annually", 6, 0), ("6 months", 6, 0), ("每周", 0, 7), ("2 weeks", 0, 14),
    ("90天", 0, 90), ("1.5 months", 0, 45),
]


@pytest.mark.parametrize(("text", "months", "days"), PERIODS, ids=[p[0] for p in PERIODS])
def test_reads_review_periods(text: str, months: int, days: int) -> None:
    assert parse_period(text) == Period(months, days, text)


@pytest.mark.parametrize("text", ["定期", "as needed", "2 hours", "12m", "结案后12个月", "0 months", ""])
def test_unreadable_period_is_none(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("start", "period", "due"),
    [
        (date(2025, 9, 15), Period(12, 0, "12个月"), date(2026, 9, 15)),
        (date(2026, 1, 31), Period(1, 0, "每月"), date(2026, 2, 28)),
        (date(2023, 11, 30), Period(3, 0, "quarterly"), date(2024, 2, 29)),
        (date(2026, 12, 20), Period(0, 14, "2 weeks"), date(2027, 1, 3)),
    ],
)
def test_period_after_uses_the_calendar(start: date, period: Period, due: date) -> None:
    assert period.after(start) == due


@pytest.mark.parametrize(("hours", "text"), [(0.5, "30 min"), (13.5, "13.5 h"), (24.0, "1 day"), (288.0, "12 days")])
def test_format_hours(hours: float, text: str) -> None:
    assert format_hours(hours) == text


# --- kinds of time limit (issue 14: each phrase read as one kind) -------------------------------------------------

KINDS = [
    ("2个工作日", LimitKind.DURATION, None),
    ("交车前", LimitKind.DEADLINE, "交车"),
    ("预计交车时间前", LimitKind.DEADLINE, "预计交车时间"),
    ("预约前1天", LimitKind.DEADLINE, "预约"),
    ("before delivery", LimitKind.DEADLINE, "delivery"),
    ("2 hours before delivery", LimitKind.DEADLINE, "delivery"),
    ("交车2小时前", LimitKind.DEADLINE, "交车"),
    ("不晚于交车前", LimitKind.DEADLINE, "交车"),
    ("每日", LimitKind.CALENDAR, None),
    ("每月25日前", LimitKind.CALENDAR, None),
    ("每月28日—30日", LimitKind.CALENDAR, None),
    ("by the 5th of each month", LimitKind.CALENDAR, None),
    ("monthly", LimitKind.CALENDAR, None),
    ("按月", LimitKind.CALENDAR, None),
    ("按委托书工时", LimitKind.STANDARD, "委托书工时"),
    ("as per the labour-time standard", LimitKind.STANDARD, "the labour time standard"),
]


@pytest.mark.parametrize(("text", "kind", "event"), KINDS, ids=[t for t, _, _ in KINDS])
def test_each_phrase_is_read_as_one_kind(text: str, kind: LimitKind, event: str | None) -> None:
    limit = parse_limit(text)
    assert limit is not None
    assert (limit.kind, limit.text, limit.event) == (kind, text, event)


@pytest.mark.parametrize("text", [t for t, kind, _ in KINDS if kind is not LimitKind.DURATION])
def test_only_a_duration_has_a_length_that_counts(text: str) -> None:
    assert parse_duration(text) is None


def test_the_25th_of_each_month_is_never_25_days() -> None:
    assert parse_limit("每月25日前") == TimeLimit(LimitKind.CALENDAR, "每月25日前")
    assert parse_duration("每月25日前") is None


def test_one_day_before_the_appointment_is_a_deadline_not_a_one_day_duration() -> None:
    limit = parse_limit("预约前1天")
    assert limit == TimeLimit(LimitKind.DEADLINE, "预约前1天", Duration(DAY, False, "预约前1天"), "预约")
    assert parse_duration("预约前1天") is None


@pytest.mark.parametrize("text", ["交车前尽快", "before 3", "尽快", "7×24", ""])
def test_a_phrase_of_no_kind_is_unreadable(text: str) -> None:
    assert parse_limit(text) is None


@pytest.mark.parametrize("text", [t for t, _ in READABLE])
def test_every_duration_is_still_a_duration(text: str) -> None:
    limit = parse_limit(text)
    assert limit is not None and limit.kind is LimitKind.DURATION
