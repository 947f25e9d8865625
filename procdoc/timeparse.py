"""Read the time limits, durations and review cycles people write, in Chinese and English.

A time limit is read as one of four kinds (`parse_limit`): a duration
(2个工作日内, 3 working days), a deadline relative to an event (交车前,
预约前1天, before delivery), a calendar rule (每日, 每月25日前, 每月28日—30日,
by the 5th of each month) or a reference to a standard (按委托书工时, as per
the labour-time standard). Only a duration has a length that adds up into a
cycle time; the others are kept as written. The kinds are tried in that
order of specificity, calendar rule first, so that 每月25日前 is never read
as 25 days and 预约前1天 never as a one-day duration.

Users write limits as they speak: 即时, 30分钟内, 2h, 0.5 天内, 半个工作日,
1 个工作日内, "within 3 working days after confirmation", 结案后1个工作日内,
1-2天, "普通24小时内，紧急2小时内". `parse_duration` turns such text into a
`Duration`; `parse_period` turns a review cycle (12个月, quarterly, 每季度)
into calendar months and days.

One convention makes limits comparable: every duration is elapsed hours,
and a day and a working day both count as 24 hours. "1个工作日内" and
"24小时内" mean the same in practice ("by this time on the next working
day"), and a step's limits can be summed and compared with an `sla` such as
"5个工作日" without a calendar: weekends and holidays are ignored on both
sides. A working hour counts as one hour, a week as 7 days, a month as 30
days, a quarter as 90 days and a year as 365 days. `Duration.working` only
remembers whether the text counted working time, for messages.

Readings, in order:
- a relative anchor before (结案后, 自收到之日起) or after (after closing, of
  receipt) the amount is kept as `anchor`; the duration is the amount;
- a range (1-2天, 1 to 2 days) counts as its upper bound;
- several limits separated by commas, semicolons or slashes (one per case,
  e.g. urgent / normal) count as the longest, the worst case for the SLA;
- text with a number that is not part of an amount ("7×24", "24/7") and
  text without any amount (尽快, ASAP, TBD) cannot be read: `None`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

#: examples for hints, in the words users write
ACCEPTED_FORMS = "即时, 30分钟, 2小时内, 0.5天内, 半天, 1个工作日内, 3 working days, 24 h, 结案后1个工作日内"
LIMIT_FORMS = (
    "a duration (2个工作日内, 3 working days), a deadline (交车前, 预约前1天, before delivery), "
    "a calendar rule (每日, 每月25日前, by the 5th of each month) or a standard (按委托书工时)"
)
PERIOD_FORMS = "12个月, 1年, 每季度, quarterly, 6 months, every 2 years"

HOUR = 1.0
DAY = 24 * HOUR

#: unit key → (hours per unit, counted in working time)
_UNITS: dict[str, tuple[float, bool]] = {
    "minute": (HOUR / 60, False),
    "hour": (HOUR, False),
    "working_hour": (HOUR, True),
    "day": (DAY, False),
    "working_day": (DAY, True),
    "week": (7 * DAY, False),
    "month": (30 * DAY, False),
    "quarter": (90 * DAY, False),
    "year": (365 * DAY, False),
}

#: unit key → (calendar months, days) of one unit, for review cycles
_PERIOD_UNITS: dict[str, tuple[int, int]] = {
    "day": (0, 1), "working_day": (0, 1), "week": (0, 7), "month": (1, 0), "quarter": (3, 0), "year": (12, 0),
}

_SPELLINGS: dict[str, tuple[str, ...]] = {
    "minute": ("分钟", "分", "minutes", "minute", "mins", "min", "m"),
    "hour": ("个小时", "小时", "钟头", "hours", "hour", "hrs", "hr", "h"),
    "working_hour": ("工作小时", "working hours", "working hour", "business hours", "business hour", "work hours"),
    "day": ("自然日", "天", "日", "calendar days", "calendar day", "days", "day", "d"),
    "working_day": (
        "工作日", "工作天", "working days", "working day", "business days", "business day", "work days", "work day",
        "workdays", "workday",
    ),
    "week": ("星期", "礼拜", "周", "weeks", "week", "wks", "wk", "w"),
    "month": ("月", "months", "month", "mos", "mo"),
    "quarter": ("季度", "季", "quarters", "quarter"),
    "year": ("年度", "年", "years", "year", "yrs", "yr", "y"),
}
_UNIT_OF = {spelling: unit for unit, spellings in _SPELLINGS.items() for spelling in spellings}

_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half a": 0.5, "half an": 0.5, "half": 0.5,
}
_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternative of `words`, longest first so that 工作日 wins over 日."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = rf"(?:\d+(?:\.\d+)?|半|[零〇一二两三四五六七八九十百]+|(?<![a-z])(?:{_alternation(_EN_NUMBERS)})(?=\s))"
_QUANTITY = re.compile(
    rf"(?<![a-z\d.])(?P<low>{_NUMBER})(?:\s*(?:-|~|–|—|至|到|\bto\b)\s*(?P<high>{_NUMBER}))?"
    rf"\s*(?P<half>个半|and a half)?\s*个?\s*(?P<unit>{_alternation(_UNIT_OF)})(?![a-z])"
)
_SEPARATORS = re.compile(r"[,;/|()\[\]]|、|或|\bor\b")
_DIGIT = re.compile(r"\d")
_LIMITER = re.compile(
    r"(?:within|in|under|at most|up to|no more than|no later than|not more than|less than|max(?:imum)?\.?|"
    r"≤|<=|<|不超过|不多于|最多|最长|最迟|限|在|于)\s*$"
)
_ANCHOR_BEFORE = re.compile(r"(?:后|之后|以后|起|开始)$")
_ANCHOR_AFTER = re.compile(r"^(?:after|of|from|following|upon|since)\b")
_GAP = re.compile(r"^\s*(?:and|零|又)?\s*$")
_WORD_DURATIONS = {
    "即时": 0.0, "立即": 0.0, "立刻": 0.0, "马上": 0.0, "实时": 0.0, "当场": 0.0, "immediately": 0.0,
    "at once": 0.0, "instantly": 0.0, "right away": 0.0, "当天": DAY, "当日": DAY, "同日": DAY, "same day": DAY,
}
_WORD = re.compile(_alternation(_WORD_DURATIONS))
_EVERY = re.compile(r"^(?:每个?|按|every|each|once (?:every|a|per))\s*")
_ONCE = re.compile(r"\s*(?:一次|once)$")
_CADENCE_WORDS = {
    "daily": (0, 1), "weekly": (0, 7), "monthly": (1, 0), "quarterly": (3, 0), "semiannually": (6, 0),
    "semi annually": (6, 0), "half yearly": (6, 0), "biannually": (6, 0), "annually": (12, 0), "annual": (12, 0),
    "yearly": (12, 0), "biennially": (24, 0), "年度": (12, 0), "半年度": (6, 0),
}


@dataclass(frozen=True, slots=True)
class Duration:
    """A time limit as elapsed hours (see the module docstring for the convention).

    `text` is what the user wrote; `anchor` the relative phrase it counts from
    (结案后, after closing), as normalised for reading (lower case, half-width).
    """

    hours: float
    working: bool
    text: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A review cycle in calendar months plus days."""

    months: int
    days: int
    text: str

    def after(self, start: date) -> date:
        """The day one period after `start` (31 Jan + 1 month → 28/29 Feb)."""
        year, month = divmod(start.month - 1 + self.months, 12)
        year += start.year
        day = min(start.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day) + timedelta(days=self.days)


@dataclass(frozen=True, slots=True)
class _Amount:
    value: float
    unit: str
    anchor: str | None


def _normal(text: str) -> str:
    """Full-width digits and punctuation to ASCII, lower case, one space, `working-day` → `working day`."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _number(text: str) -> float:
    """An Arabic, English or Chinese numeral (1.5, two, 十二, 两, 半) as a number."""
    if text[0].isdigit():
        return float(text)
    if text in _EN_NUMBERS:
        return float(_EN_NUMBERS[text])
    if text == "半":
        return 0.5
    total, digit = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:  # 十 or 百
            total += (digit or 1) * (10 if char == "十" else 100)
            digit = 0
    return float(total + digit)


def _context(before: str, after: str) -> tuple[bool, str | None]:
    """Whether the words around an amount are harmless, and the anchor they name."""
    if _DIGIT.search(before) or _DIGIT.search(after):
        return False, None
    before = _LIMITER.sub("", before).strip(" :")
    if _ANCHOR_BEFORE.search(before):
        return True, before
    after = after.strip()
    return True, after if _ANCHOR_AFTER.match(after) else None


def _amounts(segment: str) -> list[_Amount] | None:
    """The amounts of one segment (adjacent ones like 1小时30分钟 are kept together), or None."""
    found = list(_QUANTITY.finditer(segment))
    if not found:
        return None
    if any(not _GAP.match(segment[a.end() : b.start()]) for a, b in pairwise(found)):
        return None
    readable, anchor = _context(segment[: found[0].start()], segment[found[-1].end() :])
    if not readable:
        return None
    return [_amount(match, anchor) for match in found]


def _amount(match: re.Match[str], anchor: str | None) -> _Amount:
    value = _number(match["high"] or match["low"])
    if match["half"]:
        value += 0.5
    return _Amount(value, _UNIT_OF[match["unit"]], anchor)


def _segment_duration(segment: str, text: str) -> Duration | None:
    amounts = _amounts(segment)
    if amounts is not None:
        hours = sum(a.value * _UNITS[a.unit][0] for a in amounts)
        return Duration(hours, any(_UNITS[a.unit][1] for a in amounts), text, amounts[0].anchor)
    word = _WORD.search(segment)
    if word is None or _DIGIT.search(segment):
        return None
    before = segment[: word.start()].strip()
    return Duration(_WORD_DURATIONS[word.group()], False, text, before if _ANCHOR_BEFORE.search(before) else None)


class LimitKind(StrEnum):
    """What a time limit says: how long, before what, when in the calendar, or by which standard."""

    DURATION = "duration"
    DEADLINE = "deadline"
    CALENDAR = "calendar"
    STANDARD = "standard"


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A time limit read as one kind; `text` is what the user wrote.

    `duration` is the length of a duration, or how long before the event a
    deadline falls (预约前1天: one day); `event` is what a deadline is before
    (预约, delivery) or the standard a reference names (委托书工时).
    """

    kind: LimitKind
    text: str
    duration: Duration | None = None
    event: str | None = None


_CALENDAR = re.compile(
    r"^(?:每|逐)|^(?:本|当|次|下)?(?:月|季度?|年)(?:初|底|末)|^按(?:日|天|周|月|季度?|年|班)$"
    r"|\b(?:daily|weekly|monthly|quarterly|yearly|annually|nightly)\b"
    r"|\b(?:every|each)\s+(?:\d|other\b|day|week|month|quarter|year|working day|business day|morning|evening|shift"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\bof (?:each|every|the) (?:month|week|quarter|year)\b"
)
_STANDARD = re.compile(r"^(?:按照|按|依据|根据|参照|遵照|(?:as )?per|according to|in line with)\s*(?P<ref>\D.*)$")
_LEAD = re.compile(r"^(?:在|于|最迟|最晚|不晚于|须在|应在|必须在|at the latest|at least|no later than|latest)\s*")
_ZH_BEFORE = re.compile(r"^(?P<head>.*?)(?:之前|以前|前)(?P<tail>[^前]*)$")
_EN_BEFORE = re.compile(r"^(?:(?P<offset>.+?)\s+)?(?:before|prior to|ahead of|by the time of)\s+(?P<event>.+)$")
_EN_BY = re.compile(r"^(?:by|until|till)\s+(?P<event>\D+)$")
_AMOUNT_AT_END = re.compile(rf"(?P<amount>{_NUMBER}\s*个?\s*(?:{_alternation(_UNIT_OF)}))$")
_DONE = re.compile(r"^(?:完成|办结|提交|送达|到位|确认|通知|处理|内|以内)?$")


@lru_cache(maxsize=4096)
def parse_limit(text: str) -> TimeLimit | None:
    """`text` read as one kind of time limit, or None when it cannot be read."""
    normal = _LEAD.sub("", _normal(text))
    written = text.strip()
    if not normal:
        return None
    if _CALENDAR.search(normal):
        return TimeLimit(LimitKind.CALENDAR, written)
    standard = _STANDARD.match(normal)
    if standard and _read_duration(standard["ref"], written) is None:
        return TimeLimit(LimitKind.STANDARD, written, event=standard["ref"].strip())
    shaped, deadline = _deadline(normal, written)
    if shaped:
        return deadline
    duration = _read_duration(normal, written)
    return TimeLimit(LimitKind.DURATION, written, duration) if duration else None


def _deadline(normal: str, written: str) -> tuple[bool, TimeLimit | None]:
    """Whether the text is shaped like a deadline before an event (交车前, 预约前1天,
    交车2小时前, before delivery), and the deadline if it can be read.

    A text of that shape that cannot be read (交车前尽快) is unreadable: its
    number is never taken for a duration.
    """
    zh = _ZH_BEFORE.match(normal)
    if zh is not None and zh["head"].strip() != "提":
        head, tail = zh["head"].strip(), zh["tail"].strip()
        amount = _AMOUNT_AT_END.search(head) if _DIGIT.search(head) or not _DONE.match(tail) else None
        if amount is not None and not tail:
            head, tail = head[: amount.start()].strip(), amount["amount"]
        return True, _before(head, tail, written)
    if normal.startswith("提前"):
        return True, _before("", normal[2:], written)
    en = _EN_BEFORE.match(normal) or _EN_BY.match(normal)
    if en is not None:
        offset = en.groupdict().get("offset") or ""
        return True, _before(en["event"].strip(), offset.strip(), written)
    return False, None


def _before(event: str, offset: str, written: str) -> TimeLimit | None:
    """A deadline `offset` before `event`; None when either part cannot be read."""
    if _DIGIT.search(event) or (not event and not offset):
        return None
    if _DONE.match(offset):
        return TimeLimit(LimitKind.DEADLINE, written, event=event or None)
    lead = _read_duration(offset, written)
    if lead is None:
        return None
    return TimeLimit(LimitKind.DEADLINE, written, lead, event or None)


@lru_cache(maxsize=4096)
def parse_duration(text: str) -> Duration | None:
    """The duration `text` states, or None when it is no duration (or cannot be read).

    A deadline, calendar rule or standard is not a duration: 每月25日前 is
    never 25 days.
    """
    limit = parse_limit(text)
    return limit.duration if limit is not None and limit.kind is LimitKind.DURATION else None


def _read_duration(normal: str, text: str) -> Duration | None:
    """The amounts of `normal` (already normalised) as one duration, keeping `text` as written."""
    durations = []
    for segment in filter(None, (s.strip() for s in _SEPARATORS.split(normal))):
        duration = _segment_duration(segment, text)
        if duration is None and _DIGIT.search(segment):
            return None  # a number that is no amount: 7×24, 24/7
        if duration is not None:
            durations.append(duration)
    return max(durations, key=lambda d: d.hours, default=None)


@lru_cache(maxsize=1024)
def parse_period(text: str) -> Period | None:
    """A review cycle (12 months, 1年, quarterly, 每季度, every 2 years), or None."""
    normal = _ONCE.sub("", _EVERY.sub("", _normal(text)))
    if normal in _CADENCE_WORDS:
        return Period(*_CADENCE_WORDS[normal], text.strip())
    if normal in _UNIT_OF:
        normal = f"1 {normal}"
    amounts = _amounts(normal)
    if amounts is None or len(amounts) != 1 or amounts[0].unit not in _PERIOD_UNITS or amounts[0].anchor:
        return None
    months, days = (amounts[0].value * n for n in _PERIOD_UNITS[amounts[0].unit])
    if months != int(months):
        months, days = 0, days + round(months * 30)
    return Period(int(months), round(days), text.strip()) if months or days else None


def format_hours(hours: float) -> str:
    """`hours` for a message: "30 min", "2.5 h", "12 days" (a day being 24 h, as everywhere here)."""
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < DAY:
        return f"{round(hours, 1):g} h"
    days = round(hours / DAY, 2)
    return f"{days:g} day{'s' * (days != 1)}"

