"""Complexity: the chart stays readable.

A chart that is too full (内容太多，画的太满) is a defect of the self-inspection
(self-inspection item 10, 内容太多); the cure is to split it into sub-processes. The
thresholds follow the Seven Process Modeling Guidelines (7PMG, Mendling et
al.): guideline 7 decomposes models of more than 50 elements. They are
options, because organisations draw differently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, rule
from procdoc.diagnostics import Severity
from procdoc.model import Process
from procdoc.textwidth import columns


def _handoffs(process: Process) -> Counter[tuple[str, str]]:
    """Flow edges whose two steps sit in different lanes, counted per (from lane, to lane)."""
    steps = process.step_by_id
    pairs: Counter[tuple[str, str]] = Counter()
    for source, targets in graph.successors(process).items():
        lane = steps[source].lane
        for target in targets:
            other = steps[target].lane
            if lane is not None and other is not None and lane != other:
                pairs[(lane, other)] += 1
    return pairs


def _busiest(pairs: Counter[tuple[str, str]]) -> tuple[tuple[str, str], int]:
    """The two lanes that hand work to each other most often, in either direction."""
    both: Counter[tuple[str, str]] = Counter()
    for (one, other), count in pairs.items():
        both[(one, other) if one <= other else (other, one)] += count
    return both.most_common(1)[0]


def _lane_name(process: Process, lane_id: str) -> str:
    lane = process.lane_by_id.get(lane_id)
    return lane.name if lane else lane_id


@rule(
    "X001", "too-many-steps", family="complexity",
    summary="The process has more steps than a reader can follow (default: more than 50).",
    why="""
Large models are hard to understand and contain more errors (7PMG guideline 7:
decompose a model with more than 50 elements). Move self-contained parts into
their own processes and call them as sub-processes.
""",
    example="""
# Wrong: 60 steps, more than half of them the concession approval
# Right: the approval is its own process, called as a sub-process
- id: "3.11"
  name: 让步审批
  type: subprocess
  process: QM-08
""",
    severity=Severity.INFO,
    options={"max-steps": 50},
    option_docs={"max-steps": "the largest number of steps (of every type) a process may have"},
)
def too_many_steps(process: Process, ctx: Context) -> Iterator[Finding]:
    limit = ctx.option("max-steps")
    if len(process.steps) > limit:
        yield Finding(
            process.where("steps"), f"the process has {len(process.steps)} steps, more than {limit}",
            "split self-contained parts into sub-processes (type: subprocess) to keep the chart readable",
        )


@rule(
    "X002", "too-many-lanes", family="complexity",
    summary="The process has more lanes than fit on a page (default: more than 8).",
    why="""
Every lane is a column of the swimlane chart. Beyond about eight the columns
become too narrow to read on a page or screen, and usually the process mixes
the work of several processes.
""",
    example="""
# Wrong: one lane per person (张工, 李工, 王工 …), more than 8 lanes in all
lanes:
  - id: zhang
    name: 张工
  - id: li
    name: 李工
  - id: wang
    name: 王工
# Right: one lane per role
lanes:
  - id: engineer
    name: 维修工程师
    kind: role
""",
    severity=Severity.INFO,
    options={"max-lanes": 8},
    option_docs={"max-lanes": "the largest number of lanes a process may have"},
)
def too_many_lanes(process: Process, ctx: Context) -> Iterator[Finding]:
    limit = ctx.option("max-lanes")
    if len(process.lanes) > limit:
        yield Finding(
            process.where("lanes"), f"the process has {len(process.lanes)} lanes, more than {limit}",
            "merge lanes that stand for the same role, or move a lane's part into a sub-process",
        )


@rule(
    "X003", "too-many-handoffs", family="complexity",
    summary="Work passes between lanes too often (default: more than 30 hand-offs).",
    why="""
Every line from one lane into another is a hand-off: work waits, context is
lost, and on the chart a line crosses other lanes. The default of 30 allows a
50-step process to change lanes at well over half of its steps; beyond that
work ping-pongs between departments and the chart cannot be drawn without
crossing lines. Give a connected piece of work to one lane, or split it out.
""",
    example="""
# Wrong: the work goes 营销部 → 技质科 → 营销部 → 技质科 for one decision
# Right: one lane prepares the decision, then one hand-off to the approver
- id: "3.5"
  name: 准备处理方案
  lane: quality_section
  next: "3.6"
- id: "3.6"
  name: 审批处理方案
  lane: vp_tech
""",
    severity=Severity.INFO,
    options={"max-handoffs": 30},
    option_docs={"max-handoffs": "the largest number of flow lines between steps in different lanes"},
)
def too_many_handoffs(process: Process, ctx: Context) -> Iterator[Finding]:
    limit = ctx.option("max-handoffs")
    pairs = _handoffs(process)
    total = sum(pairs.values())
    if total > limit:
        (one, other), count = _busiest(pairs)
        busiest = f"{_lane_name(process, one)} ⇄ {_lane_name(process, other)}"
        yield Finding(
            process.where("steps"),
            f"work passes between lanes {_times(total)}, more than {limit} (most often {busiest}: {_times(count)})",
            "give connected work to one lane, or split it into a sub-process",
        )


@rule(
    "X004", "label-too-long", family="complexity",
    summary="A step name is too long to draw in its box (default: more than 40 columns).",
    why="""
A step is named verb + object (记录投诉信息, "Record complaint"); the details
belong in `description`. A long name is wrapped into a tall box or cut off,
and the chart stops being readable at a glance. Chinese characters count as
two columns, as they are drawn twice as wide.
""",
    example="""
# Wrong
name: 业务员接到投诉后按客户质量反馈记录表记录客户产品型号批号数量和问题现象
# Right
name: 记录投诉信息
description: 业务员接到投诉后，按客户质量反馈记录表记录客户、产品型号、批号、数量、问题现象。
""",
    severity=Severity.INFO,
    options={"max-label": 40},
    option_docs={"max-label": "the widest step name, in columns (a Chinese character counts as two)"},
)
def label_too_long(process: Process, ctx: Context) -> Iterator[Finding]:
    limit = ctx.option("max-label")
    for step in process.steps:
        width = columns(step.name)
        if width > limit:
            yield Finding(
                step.where("name"), f"the name of step {step.id} is {width} columns wide, more than {limit}",
                "name the step verb + object and move the details to `description:`", step.pos,
            )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
