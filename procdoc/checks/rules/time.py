"""Time: key steps have a time limit, limits can be read, and they fit the cycle-time standard.

The operating standard of a process states a time limit per step and a total
cycle time (时间标准). Limits are read by `procdoc.timeparse`,
which counts a day and a working day both as 24 hours so that step limits
written in hours and an `sla` written in working days can be compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, rule
from procdoc.diagnostics import Severity
from procdoc.model import Process, Step
from procdoc.timeparse import ACCEPTED_FORMS, format_hours, parse_duration


def _limit_hours(step: Step) -> float:
    """The step's time limit in hours; no limit, or one that cannot be read, adds nothing."""
    duration = parse_duration(step.time_limit) if step.time_limit else None
    return duration.hours if duration else 0.0


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
    summary="A step's time limit cannot be read as a duration.",
    why="""
A limit such as 尽快 (as soon as possible), 及时 or 7×24 sets no measurable
deadline: nobody can tell whether it was met, and it cannot count towards the
cycle time.
""",
    example="""
# Wrong
time_limit: 尽快
# Right
time_limit: 2小时内
""",
    severity=Severity.WARNING,
)
def unreadable_time_limit(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.time_limit is not None and parse_duration(step.time_limit) is None:
            yield Finding(
                step.where("time_limit"),
                f"the time limit '{step.time_limit}' of step {step.id} is not a duration procdoc can read",
                f"write an amount and a unit, e.g. {ACCEPTED_FORMS}", step.pos,
            )


@rule(
    "T003", "unreadable-sla", family="time",
    summary="The process's `sla` (total cycle-time standard) cannot be read as a duration.",
    why="""
The SLA is the promise for the whole process; if it cannot be read it cannot
be compared with the steps' limits or with measured cycle times.
""",
    example="""
# Wrong
sla: 越快越好
# Right
sla: 5个工作日
""",
    severity=Severity.WARNING,
)
def unreadable_sla(process: Process, ctx: Context) -> Iterator[Finding]:
    if process.sla is not None and parse_duration(process.sla) is None:
        yield Finding(
            process.where("sla"), f"the SLA '{process.sla}' is not a duration procdoc can read",
            "write the total cycle time as an amount and a unit, e.g. 5个工作日, 5 working days, 48 h",
        )


@rule(
    "T004", "sla-exceeded", family="time",
    summary="The steps' time limits along the longest path add up to more than the `sla`.",
    why="""
If the slowest way through the process, with every step taking its full time
limit, is longer than the cycle-time standard, the standard cannot be kept
even when everyone meets their own limit. Loops are counted once. A day and a
working day both count as 24 hours.
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
    sla = parse_duration(process.sla) if process.sla else None
    if sla is None:
        return
    total, path = graph.longest_path(process, _limit_hours)
    if total > sla.hours + 1e-9:
        yield Finding(
            process.where("sla"),
            f"the longest path through the process ({' → '.join(path)}) takes up to {format_hours(total)}, "
            f"more than the SLA of {sla.text} ({format_hours(sla.hours)})",
            "shorten the time limits of the steps on this path, or state the real cycle time in `sla`",
        )
