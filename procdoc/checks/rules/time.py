"""Time: key steps have a time limit, limits can be read, and they fit the cycle-time standard.

The operating standard of a process states a time limit per step and a total
cycle time (时间标准), or service levels for segments of it. Limits are
read by `procdoc.timeparse` as a duration, a deadline, a calendar rule or a
standard; only durations add up into a cycle time. A day and a working day
both count as 24 hours, so that step limits written in hours and an `sla`
written in working days can be compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, rule
from procdoc.diagnostics import Severity
from procdoc.model import Process, Sla, Step
from procdoc.timeparse import ACCEPTED_FORMS, LIMIT_FORMS, format_hours, parse_duration, parse_limit


def _limit_hours(step: Step) -> float:
    """The step's time limit in hours; no limit, one that is no duration, or one that cannot be read adds nothing."""
    duration = parse_duration(step.time_limit) if step.time_limit else None
    return duration.hours if duration else 0.0


def _segment(process: Process, sla: Sla) -> tuple[float, list[str]]:
    """The longest path over the SLA's segment and the hours its steps' limits add up to."""
    return graph.longest_path(process, _limit_hours, sla.start, sla.end)


@rule(
    "T001", "key-step-without-time-limit", family="time",
    summary="A key step (key: true) has no time limit.",
    why="""
Key steps are the ones that decide quality and speed; the operating standard
gives each a time limit (时限) so that delays are noticed and the total cycle
time can be planned and checked.
""",
    example="""
# Wrong
- id: "1.3"
  name: 登记客户质量反馈记录
  key: true
# Right
- id: "1.3"
  name: 登记客户质量反馈记录
  key: true
  time_limit: 24小时内
""",
    severity=Severity.WARNING,
)
def key_step_without_time_limit(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.key and step.time_limit is None:
            yield Finding(
                step.where("key"), f"key step {step.id} '{step.name}' has no time limit",
                f"add `time_limit:`, e.g. {ACCEPTED_FORMS}", step.pos,
            )


@rule(
    "T002", "unreadable-time-limit", family="time",
    summary="A step's time limit cannot be read as a duration, a deadline, a calendar rule or a standard.",
    why="""
A limit such as 尽快 (as soon as possible), 及时 or 7×24 sets no measurable
deadline: nobody can tell whether it was met. procdoc reads four kinds of
limit: a duration (2个工作日内, 3 working days), a deadline before an event
(交车前, 预约前1天, before delivery), a calendar rule (每日, 每月25日前,
每月28日—30日, by the 5th of each month) and a reference to a standard
(按委托书工时). A phrase that fits none of them is reported rather than
guessed: 每月25日前 is never read as 25 days.
""",
    example="""
# Wrong
time_limit: 尽快
# Right: a duration
time_limit: 2小时内
# Right: a deadline
time_limit: 交车前
# Right: a calendar rule
time_limit: 每月25日前
# Right: a standard
time_limit: 按委托书工时
""",
    severity=Severity.WARNING,
)
def unreadable_time_limit(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.time_limit is not None and parse_limit(step.time_limit) is None:
            yield Finding(
                step.where("time_limit"),
                f"the time limit '{step.time_limit}' of step {step.id} is not a time limit procdoc can read",
                f"write {LIMIT_FORMS}", step.pos,
            )


@rule(
    "T003", "unreadable-sla", family="time",
    summary="An `sla` (cycle-time standard) cannot be read as a duration, or its segment leads nowhere.",
    why="""
The SLA is the promise for the whole process, or for a segment of it (from
one step to another); if it cannot be read it cannot be compared with the
steps' limits or with measured cycle times. A segment's last step must be
reachable from its first, or the segment measures nothing.
""",
    example="""
# Wrong
sla: 越快越好
# Right
sla: 5个工作日
# Right: a service level per segment
sla:
  - name: 在店时间
    from: "3"
    to: "9"
    limit: 4小时内
""",
    severity=Severity.WARNING,
)
def unreadable_sla(process: Process, ctx: Context) -> Iterator[Finding]:
    known = process.step_by_id
    for sla in process.sla:
        if parse_duration(sla.limit) is None:
            yield Finding(
                sla.where("limit"), f"{sla.label} '{sla.limit}' is not a duration procdoc can read",
                "write the cycle time as an amount and a unit, e.g. 5个工作日, 5 working days, 48 h",
            )
        elif sla.start in known and sla.end in known and not _segment(process, sla)[1]:
            yield Finding(
                sla.where("to"),
                f"{sla.label} measures nothing: step {sla.end} cannot be reached from step {sla.start}",
                "swap `from` and `to`, or name steps on one path", sla.pos,
            )


@rule(
    "T004", "sla-exceeded", family="time",
    summary="The steps' time limits along the longest path add up to more than the `sla`.",
    why="""
If the slowest way through the process (or through the segment an SLA is
for), with every step taking its full time limit, is longer than the
cycle-time standard, the standard cannot be kept even when everyone meets
their own limit. Loops are counted once. A day and a working day both count
as 24 hours. Only durations add up: a deadline (交车前), a calendar rule
(每月25日前) or a standard (按委托书工时) has no length of its own.
""",
    example="""
# Wrong: 24小时内 + 3个工作日内 + 3个工作日内 = 7 days
sla: 5个工作日
# Right: shorten the step limits, or state the real cycle time
sla: 7个工作日
""",
    severity=Severity.WARNING,
)
def sla_exceeded(process: Process, ctx: Context) -> Iterator[Finding]:
    for sla in process.sla:
        limit = parse_duration(sla.limit)
        if limit is None:
            continue
        total, path = _segment(process, sla)
        if total > limit.hours + 1e-9:
            where = "through the process" if sla.name is None else f"of the segment '{sla.name}'"
            yield Finding(
                sla.where("limit"),
                f"the longest path {where} ({' → '.join(path)}) takes up to {format_hours(total)}, "
                f"more than the SLA of {limit.text} ({format_hours(limit.hours)})",
                "shorten the time limits of the steps on this path, or state the real cycle time in `sla`",
                sla.pos,
            )
