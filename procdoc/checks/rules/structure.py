"""Structure: the flow is sound.

A process chart is a promise that every run starts at its trigger, can always
finish at an end, and never meets a step nobody defined. These rules check
that promise (the "option to complete" of workflow-net soundness) and that
every decision says which way to go.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, Fix, rule
from procdoc.checks.wording import suggest
from procdoc.diagnostics import Severity
from procdoc.fix.edits import reference_by_name, remove_key
from procdoc.fix.site import Site
from procdoc.model import Process

_DIGITS, _LETTERS = re.compile(r"\d+"), re.compile(r"[A-Za-z]+")
#: a short code such as 2, 3.10, S-01, A2.1b: text of this form in `on_fail` means a step
_ID_LIKE = re.compile(r"[A-Za-z]{0,4}[-_.]?\d+(?:[-_.]\d+)*[A-Za-z]?")


@rule(
    "S001", "no-start", family="structure",
    summary="The process has no start step.",
    why="""
The start step is the real trigger of the process (启动点). Without it nobody
can tell what sets the process going, and no step can be shown to be reachable.
""",
    example="""
# Wrong: the first step is an ordinary task
- id: "1.1"
  name: 客户提出质量投诉
# Right
- id: "1.1"
  name: 客户提出质量投诉
  type: start
""",
)
def no_start(process: Process, ctx: Context) -> Iterator[Finding]:
    if not graph.starts(process):
        yield Finding(
            process.where("steps"), "the process has no start step, so it is not clear what triggers it",
            "mark the step that triggers the process with `type: start`",
        )


@rule(
    "S002", "multiple-starts", family="structure",
    summary="The process has more than one start step, and not each says what starts it this way.",
    why="""
A second start step is usually two processes drawn in one chart, or an
intermediate step wrongly marked as a start. Some processes really start in
several ways (a customer books by phone, or walks in): then each start step
says what starts the process its way with its own `trigger:` (format 1.1),
and they are alternatives, not parallel paths.
""",
    example="""
# Wrong: 2.1 is reached from 1.4, it is not a trigger
- id: "2.1"
  name: 组织现场确认
  type: start
# Right
- id: "2.1"
  name: 组织现场确认
# Right: two real ways in, each with its trigger
- id: "1a"
  name: 客户电话预约
  type: start
  trigger: 客户来电预约保养或维修
- id: "1b"
  name: 客户直接到店
  type: start
  trigger: 客户未预约直接到店
""",
)
def multiple_starts(process: Process, ctx: Context) -> Iterator[Finding]:
    starts = graph.starts(process)
    if len(starts) < 2:
        return
    explained = [step for step in starts if step.trigger]
    for step in starts:
        if step.trigger or (step is starts[0] and not explained):
            continue  # with no trigger anywhere, the first start is the real one
        others = ", ".join(s.id for s in starts if s is not step)
        yield Finding(
            step.where("type"), f"{step.label} is one of several start steps (also {others}) but has no `trigger:`",
            "if the process really starts in several ways, give each start step a `trigger:` saying what starts "
            "it this way; otherwise keep one start step and make the others tasks", step.pos,
        )


@rule(
    "S003", "no-end", family="structure",
    summary="The process has no end step.",
    why="""
The end step is the deliverable or end point of the process. Without one the
process never closes the loop (未形成闭环) and its output is undefined.
""",
    example="""
# Wrong: the last step just stops
- id: "4.2"
  name: 转质量保证流程
# Right
- id: "4.2"
  name: 转质量保证流程
  type: end
""",
)
def no_end(process: Process, ctx: Context) -> Iterator[Finding]:
    if not graph.ends(process):
        yield Finding(
            process.where("steps"), "the process has no end step, so it never closes",
            "mark the step that delivers the result with `type: end`",
        )


@rule(
    "S004", "undefined-step", family="structure",
    summary="A `next`, branch, emergency handler, `on_fail` or SLA segment names a step that does not exist.",
    why="""
A reference to a missing step is a broken line in the chart: the flow leads
nowhere. It is usually a typo in a step number or a step deleted without
updating the steps that led to it. `on_fail` counts when it looks like a step
number; a sentence such as 退回重新记录 is a corrective action, not a reference.
"Did you mean" proposes only steps a line may lead to, never the start step.
""",
    example="""
# Wrong: there is no step 3.01
next: "3.01"
# Wrong (fixable): the step's name, not its id
next: 记录投诉信息
# Right
next: "3.1"
""",
    fix=Fix(reference_by_name("steps")),
)
def undefined_step(process: Process, ctx: Context) -> Iterator[Finding]:
    known = process.step_by_id
    shapes = set(_shape("\n".join(known)).split("\n"))  # one pass over all ids, not one per id
    led_to = [step.id for step in process.steps if step.type != "start"]  # what "did you mean" may propose
    for step in process.steps:
        for _, target, pos in step.exits():
            if target not in known:
                message = f"{step.label} leads to step '{target}', which does not exist"
                yield Finding(pos, message, suggest(target, led_to, "step"), step.pos)
        on_fail = step.control.on_fail if step.control else None
        if step.control and on_fail and _names_missing_step(on_fail.strip(), known, shapes):
            message = f"the corrective action of {step.label} goes to step '{on_fail}', which does not exist"
            yield Finding(step.control.where("on_fail"), message, suggest(on_fail, led_to, "step"), step.pos)
    for emergency in process.emergencies or []:
        handler = emergency.handler
        if handler is not None and handler not in known:
            emergency_label = f"emergency {emergency.id} '{emergency.when}'"
            message = f"{emergency_label} is handled from step '{handler}', which does not exist"
            yield Finding(emergency.where("handler"), message, suggest(handler, led_to, "step"), emergency.pos)
    for sla in process.sla:
        for key, ref in (("from", sla.start), ("to", sla.end)):
            if ref is not None and ref not in known:
                message = f"{sla.label} is measured {key} step '{ref}', which does not exist"
                yield Finding(sla.where(key), message, suggest(ref, known, "step"), sla.pos)


def _names_missing_step(text: str, known: Collection[str], shapes: set[str]) -> bool:
    """True when `on_fail` is written like a step number (not a sentence) and no step has it.

    Step-number-like means a short code (2.9, R2, S-01) or the same form as
    this process's own ids (`shapes`).
    """
    if not text or text in known:
        return False
    return _ID_LIKE.fullmatch(text) is not None or _shape(text) in shapes


def _shape(text: str) -> str:
    """The form of an id, '3.10' → '9.9', 'S-01' → 'a-9', to recognise this process's numbering."""
    return _LETTERS.sub("a", _DIGITS.sub("9", text))


@rule(
    "S005", "undefined-lane", family="structure",
    summary="A step's lane, the process or a KPI owner, or a RACI party is not a declared lane.",
    why="""
Lanes are the departments and roles of the chart. A step in an undeclared lane
cannot be drawn, and an owner (of the process or of a KPI) or a RACI party
that is not a lane names nobody the process knows.
""",
    example="""
lanes:
  - id: marketing
    name: 营销部
# Wrong
lane: sales
# Wrong (fixable): the lane's name, not its id
lane: 营销部
# Right
lane: marketing
""",
    fix=Fix(reference_by_name("lanes")),
)
def undefined_lane(process: Process, ctx: Context) -> Iterator[Finding]:
    lanes = process.lane_by_id
    if process.owner is not None and process.owner not in lanes:
        message = f"the process owner '{process.owner}' is not a lane of this process"
        yield Finding(process.where("owner"), message, suggest(process.owner, lanes, "lane"))
    for kpi in process.kpis:
        if kpi.owner is not None and kpi.owner not in lanes:
            message = f"the owner '{kpi.owner}' of KPI '{kpi.name}' is not a lane of this process"
            yield Finding(kpi.where("owner"), message, suggest(kpi.owner, lanes, "lane"), kpi.pos)
    for step in process.steps:
        if step.lane is not None and step.lane not in lanes:
            message = f"{step.label} is in lane '{step.lane}', which is not declared under `lanes`"
            yield Finding(step.where("lane"), message, suggest(step.lane, lanes, "lane"), step.pos)
        for role, party, pos in step.raci.parties() if step.raci else ():
            if party not in lanes:
                message = f"the RACI of {step.label} names '{party}' as {role}, but it is not a lane"
                yield Finding(pos, message, suggest(party, lanes, "lane"), step.pos)


@rule(
    "S006", "undefined-phase", family="structure",
    summary="A step names a phase that is not declared under `phases`.",
    why="""
Phases (阶段) are the bands across the chart. A step in an undeclared phase
cannot be placed, and is usually a typo.
""",
    example="""
phases:
  - id: handle
    name: 投诉处理
# Wrong
phase: handling
# Wrong (fixable): the phase's name, not its id
phase: 投诉处理
# Right
phase: handle
""",
    fix=Fix(reference_by_name("phases")),
)
def undefined_phase(process: Process, ctx: Context) -> Iterator[Finding]:
    phases = process.phase_by_id
    for step in process.steps:
        if step.phase is not None and step.phase not in phases:
            message = f"{step.label} is in phase '{step.phase}', which is not declared under `phases`"
            yield Finding(step.where("phase"), message, suggest(step.phase, phases, "phase"), step.pos)


@rule(
    "S007", "unreachable-step", family="structure",
    summary="A step cannot be reached from the start step (or an emergency handler).",
    why="""
A step no line leads to never happens: it is either left over from an earlier
version or a line to it is missing. Emergency handlers count as entry points.
The finding is reported once, at the step where the missing line should
arrive; the steps after it are named in the message.
""",
    example="""
# Wrong: nothing leads to 3.9
- id: "3.8"
  name: 办理退货
  next: "3.10"
# Right
- id: "3.8"
  name: 办理退货
  next: "3.9"
""",
)
def unreachable_step(process: Process, ctx: Context) -> Iterator[Finding]:
    if not graph.starts(process):
        return  # S001 says what is wrong; every step would be unreachable
    edges = graph.successors(process)
    reached = graph.reachable(edges, graph.entry_points(process))
    lost = {node: [t for t in targets if t not in reached] for node, targets in edges.items() if node not in reached}
    order = {step.id: i for i, step in enumerate(process.steps)}
    for component in _entered_nowhere(lost):
        first = process.step_by_id[min(component, key=order.__getitem__)]
        after = sorted(graph.reachable(lost, component) - {first.id}, key=order.__getitem__)
        shown = ", ".join(after[:8]) + (", …" if len(after) > 8 else "")
        also = f" (nor can the {len(after)} steps after it: {shown})" if after else ""
        yield Finding(
            first.where("id"), f"{first.label} cannot be reached from the start: no path leads to it{also}",
            "lead to it from an earlier step (`next` or a branch), make it an emergency handler, or remove it",
            first.pos,
        )


def _entered_nowhere(edges: graph.Edges) -> Iterator[list[str]]:
    """The groups of steps (a step, or a loop) that no other step of `edges` leads into.

    One finding per group says where a missing line should go; the steps
    after it are unreachable only because of it.
    """
    components = graph.strongly_connected(edges)
    owner = {node: i for i, component in enumerate(components) for node in component}
    entered = {owner[t] for node, targets in edges.items() for t in targets if owner[t] != owner[node]}
    return (component for i, component in enumerate(components) if i not in entered)


@rule(
    "S008", "dead-end", family="structure",
    summary="A step that is not an end step has no way out.",
    why="""
A step with input but no output (只有输入没有输出) leaves the work stuck: after
it, nobody knows what happens. Either a line is missing or the step is an end.
""",
    example="""
# Wrong: what happens after the opinion?
- id: "3.5"
  name: 提出处理意见
# Right
- id: "3.5"
  name: 提出处理意见
  next: "3.6"
""",
)
def dead_end(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.type != "end" and not step.next and not step.branches:
            yield Finding(
                step.where("id"), f"{step.label} has no way out: it leads to no step and is not an end step",
                "add `next:` with the following step, or make it `type: end`", step.pos,
            )


@rule(
    "S009", "loop-without-exit", family="structure",
    summary="Steps that loop among themselves with no way to reach an end (死循环).",
    why="""
A run that enters such a loop can never finish: the process cannot complete.
Every loop needs a decision with an exit that leads on towards an end. The
finding is reported once per loop, at its first step in the file.
""",
    example="""
# Wrong: 2.2 always goes back to 2.1
- id: "2.2"
  name: 复核
  next: "2.1"
# Right
- id: "2.2"
  name: 复核通过？
  type: decision
  branches:
    - when: 否
      next: "2.1"
    - when: 是
      next: "3.1"
""",
)
def loop_without_exit(process: Process, ctx: Context) -> Iterator[Finding]:
    if not graph.ends(process):
        return  # S003: without an end every step is trapped
    edges = graph.successors(process)
    trapped = set(edges) - graph.reaching_an_end(process)
    order = {step.id: i for i, step in enumerate(process.steps)}
    for component in graph.cyclic_components({node: edges[node] for node in trapped}):
        loop = set(component)
        if any(target not in loop for node in component for target in edges[node]):
            continue  # it leads into another trapped loop, which is the one to fix
        members = sorted(loop, key=order.__getitem__)
        first = process.step_by_id[members[0]]
        shown = ", ".join(members[:8]) + (", …" if len(members) > 8 else "")
        yield Finding(
            first.where("id"), f"{first.label} is caught in a loop that never reaches an end (steps {shown})",
            "give one step of the loop a way out towards an end, e.g. a decision branch", first.pos,
        )


@rule(
    "S010", "decision-one-exit", family="structure",
    summary="A decision has fewer than two exits.",
    why="""
A decision (判断) asks a question; with one exit there is nothing to decide.
Either an exit is missing (the "no" case) or the step is a task.
""",
    example="""
# Wrong
- id: "3.3"
  name: 能否现场解决？
  type: decision
  branches:
    - when: 是
      next: "3.4"
# Right: add the other outcome
  branches:
    - when: 是
      next: "3.4"
    - when: 否
      next: "3.5"
""",
)
def decision_one_exit(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.type == "decision" and len(step.branches) + len(step.next) == 1:
            yield Finding(
                step.where("type"), f"{step.label} is a decision with only one exit",
                "add a branch for each other outcome, or make the step a task", step.pos,
            )


@rule(
    "S011", "unlabelled-decision-exit", family="structure",
    summary="An exit of a decision has no label.",
    why="""
Each line out of a decision says which outcome it stands for (是/否, Y/N or
the outcome). Without a label the reader cannot tell which way to go.
""",
    example="""
# Wrong
- id: "2.2"
  name: 是否我方责任？
  type: decision
  next: ["2.3", "3.1"]
# Right
  branches:
    - when: 否
      next: "2.3"
    - when: 是
      next: "3.1"
""",
)
def unlabelled_decision_exit(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.type != "decision":
            continue
        for label, target, pos in step.exits():
            if not (label or "").strip():
                yield Finding(
                    pos, f"the exit of decision {step.id} '{step.name}' to step {target} has no label",
                    "write each exit as a branch with `when:` naming its outcome (是/否, Y/N, …)", step.pos,
                )


def _exit_label(branch: object) -> str:
    """How S012 compares exit labels: case and surrounding spaces ignored."""
    when = branch.get("when") if isinstance(branch, dict) else None
    return str(when or "").strip().casefold()


def _drop_repeated_exit(site: Site) -> bool:
    """Remove an exit that repeats an earlier one, label and target alike; exits that differ are left."""
    step = site.element("steps")
    if step is None or len(site.path) < 4 or site.path[2] != "branches" or not isinstance(site.path[3], int):
        return False
    branches, index = step["branches"], site.path[3]
    repeated = branches[index]
    if not any(
        _exit_label(earlier) == _exit_label(repeated) and earlier.get("next") == repeated.get("next")
        for earlier in branches[:index] if isinstance(earlier, dict)
    ):
        return False
    del branches[index]
    return True

@rule(
    "S012", "duplicate-exit-label", family="structure",
    summary="Two exits of one step carry the same label.",
    why="""
If two exits of a decision are both labelled 是, the chart does not say which
one the "yes" case takes. Labels are compared ignoring case and spaces.
""",
    example="""
# Wrong
branches:
  - when: 是
    next: "3.4"
  - when: 是
    next: "3.5"
# Wrong (fixable): the same exit written twice
branches:
  - when: 是
    next: "3.7"
  - when: 是
    next: "3.7"
# Right
branches:
  - when: 是
    next: "3.4"
  - when: 否
    next: "3.5"
""",
    fix=Fix(_drop_repeated_exit),
)
def duplicate_exit_label(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        seen: dict[str, str] = {}
        for branch in step.branches:
            label = (branch.when or "").strip().casefold()
            if label and label in seen:
                targets = ", ".join(branch.next)
                message = f"{step.label} has two exits labelled '{branch.when}' ({seen[label]} and {targets})"
                hint = "give each exit its own outcome, or merge the two branches"
                yield Finding(branch.where("when"), message, hint, step.pos)
            seen.setdefault(label, ", ".join(branch.next))


@rule(
    "S013", "end-with-successor", family="structure",
    summary="An end step leads to another step.",
    why="""
An end step is where the process delivers its result and stops. If work goes
on after it, it is not the end; if it does not, the line is a mistake.
""",
    example="""
# Wrong
- id: "4.3"
  name: 投诉结案
  type: end
  next: "4.2"
# Right: an end step is where the flow stops
- id: "4.3"
  name: 投诉结案
  type: end
""",
    fix=Fix(remove_key("next", "branches"), safe=False),
)
def end_with_successor(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.type == "end" and (step.next or step.branches):
            yield Finding(
                step.where("next" if step.next else "branches"), f"{step.label} is an end step but leads on",
                "remove the `next`/`branches` of the end step, or make it a task and end later", step.pos,
            )


@rule(
    "S014", "ambiguous-exits", family="structure",
    summary="A step that is not a decision has branches, not all of them labelled.",
    why="""
A task has two clear ways to go on: `next` with one step, or `next` with a
list of steps that all follow in parallel (并行). Branches belong to choices.
A task with branches of which some are unlabelled, or with branches next to a
plain `next`, does not say whether the work goes down all the lines or down
one of them. Make a choice a decision with labelled exits; list parallel paths
under `next`.
""",
    example="""
# Wrong: both, or one of them?
- id: "3.9"
  name: 查询库存
  next: "3.10"
  branches:
    - next: "3.11"
# Right: a choice
- id: "3.9"
  name: 是否有库存？
  type: decision
  branches:
    - when: 有
      next: "3.10"
    - when: 无
      next: "3.11"
# Right: parallel paths
- id: "6"
  name: 下达生产计划
  next: ["7", "8"]
""",
    severity=Severity.WARNING,
)
def ambiguous_exits(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.type in ("decision", "end") or not step.branches:
            continue
        exits = step.exits()
        unlabelled = [pos for label, _, pos in exits if not (label or "").strip()]
        if len(exits) > 1 and unlabelled:
            yield Finding(
                unlabelled[0],
                f"{step.label} has {len(exits)} exits, not all labelled, but is not a decision: "
                "do all of them happen, or one?",
                "for a choice, make it `type: decision` with a `when:` on each branch; "
                "for parallel paths, list them as `next: [...]`",
                step.pos,
            )


@rule(
    "S015", "start-with-incoming", family="structure",
    summary="A step leads back to the start step.",
    why="""
The start step is the trigger, something that happens once from outside
(客户提出投诉). Leading back to it means "the customer complains again"; a
loop that repeats work should return to the first task after the start.
""",
    example="""
# Wrong
next: "1.1"     # 1.1 is the start: 客户提出投诉
# Right
next: "1.2"     # the first task: 记录投诉信息
""",
    severity=Severity.WARNING,
)
def start_with_incoming(process: Process, ctx: Context) -> Iterator[Finding]:
    starts = {step.id for step in graph.starts(process)}
    for step in process.steps:
        for _, target, pos in step.exits():
            if target in starts:
                yield Finding(
                    pos, f"{step.label} leads back to the start step {target}",
                    "lead to the first task after the start instead", step.pos,
                )


@rule(
    "S016", "duplicate-target", family="structure",
    summary="One `next` (or one exit's `next`) lists the same step twice.",
    why="""
`next: ["3", "3"]` starts two parallel paths into the same step: step 3 would
run twice. It is almost always a typo for another step number.
""",
    example="""
# Wrong
next: ["3", "3"]
# Right
next: ["3", "4"]
""",
)
def duplicate_target(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        lists = [(step.next, step.at, "next")] + [(b.next, b.at, "next") for b in step.branches]
        for targets, at, key in lists:
            seen: set[str] = set()
            for index, target in enumerate(targets):
                if target in seen:
                    yield Finding(
                        at.get(f"{key}.{index}", step.where(key)),
                        f"{step.label} lists step {target} twice in one `next`",
                        "list each step once; if another step was meant, name it", step.pos,
                    )
                seen.add(target)


@rule(
    "S017", "decision-same-target", family="structure",
    summary="Every exit of a decision leads to the same step.",
    why="""
A decision whose outcomes all lead to the same place decides nothing: the
question is asked, but the answer changes nothing. Either one exit points to
the wrong step, or the step is a task.
""",
    example="""
# Wrong: both outcomes go on to 4
branches:
  - when: 是
    next: "4"
  - when: 否
    next: "4"
# Right
branches:
  - when: 是
    next: "4"
  - when: 否
    next: "5"
""",
)
def decision_same_target(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.type != "decision":
            continue
        outcomes = [tuple(sorted(b.next)) for b in step.branches] + [(t,) for t in step.next]
        if len(outcomes) > 1 and len(set(outcomes)) == 1:
            yield Finding(
                step.where("type"),
                f"{step.label} is a decision, but all its {len(outcomes)} exits lead to step {', '.join(outcomes[0])}",
                "point each outcome at the step it leads to, or make the step a task", step.pos,
            )
