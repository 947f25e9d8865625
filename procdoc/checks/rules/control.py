"""Control: key steps are monitored, and a failed check leads somewhere.

Self-inspection question 3 (监测及控制): important deliverables and key steps
have control points; a control point states its quality standard and
assessment method (质量标准及考核办法), records the result, and says what is
done when the check fails (纠正措施). Each missing part is its own rule so a
team can ignore one part without losing the others.
"""

from __future__ import annotations

from collections.abc import Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Check, Finding, Fix, rule
from procdoc.checks.wording import fold
from procdoc.diagnostics import Severity
from procdoc.fix.site import Site, put
from procdoc.model import Process, Step


@rule(
    "C001", "key-step-without-control", family="control",
    summary="A key step has no control point.",
    why="""
Key steps (关键环节) are where quality is made or lost; marking a step key and
not controlling it leaves the risk unmanaged. A control point says what is
checked, how, where the result is recorded and what happens on failure.
""",
    example="""
# Wrong: a key step that nobody checks
- id: "1.3"
  name: 登记客户质量反馈记录
  key: true
# Right
- id: "1.3"
  name: 登记客户质量反馈记录
  key: true
  control:
    standard: 六项信息齐全
    method: 技质科科长每周抽查
    record: fb_record
    on_fail: "1.2"
""",
    severity=Severity.WARNING,
)
def key_step_without_control(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.key and step.control is None:
            yield Finding(
                step.where("key"), f"{step.label} is a key step but has no control point",
                "add `control:` with standard, method, record and on_fail, or remove `key: true`", step.pos,
            )


def _missing_part(part: str, noun: str, hint: str) -> Check:
    """The check of one required part of a control point."""

    def check(process: Process, ctx: Context) -> Iterator[Finding]:
        for step in process.steps:
            if step.control is not None and not (getattr(step.control, part) or "").strip():
                message = f"the control point of {step.label} has no {noun}"
                yield Finding(step.where("control"), message, hint, step.pos)

    return check


rule(
    "C002", "control-without-standard", family="control",
    summary="A control point does not state its quality standard.",
    why="""
Without a standard (质量标准) there is nothing to check against: the control
point cannot fail, so it controls nothing.
""",
    example="""
# Wrong: checked against what?
control:
  method: 技质科科长每周抽查OA中的记录
# Right
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
  method: 技质科科长每周抽查OA中的记录
""",
    severity=Severity.WARNING,
)(_missing_part("standard", "quality standard (standard)", "add `standard:` saying what must be true to pass"))

rule(
    "C003", "control-without-method", family="control",
    summary="A control point does not state how it is assessed.",
    why="""
The assessment method (考核办法) says who checks, how and how often. Without
it the standard is a wish: nobody knows when or whether it is checked.
""",
    example="""
# Wrong: who checks, and how?
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
# Right
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
  method: 技质科科长每周抽查OA中的记录
""",
    severity=Severity.WARNING,
)(_missing_part("method", "assessment method (method)", "add `method:` saying who checks it, how and how often"))

rule(
    "C004", "control-without-record", family="control",
    summary="A control point does not name the record that holds its result.",
    why="""
The results of assessments are recorded (self-inspection question 3,
监测及控制) so that they can be traced and audited later. A check that leaves
no record cannot be shown to have happened.
""",
    example="""
records:
  - id: confirm_record
    name: 现场确认记录
# Wrong: the result of the check is kept nowhere
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
# Right: in one of the records
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
  record: confirm_record
""",
    severity=Severity.WARNING,
)(_missing_part("record", "record of its result (record)", "add `record:` with the id of the record of the result"))

rule(
    "C005", "control-without-corrective-action", family="control",
    summary="A control point does not say what happens when the check fails.",
    why="""
Failing an assessment triggers corrective action (纠正措施). Without one the
failure is noticed and then nothing happens.
""",
    example="""
# Wrong: and when the check fails?
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
# Right: back to a step
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
  on_fail: "2.1"
# Right: or the action, in words
control:
  standard: 问题现象、批次、数量均已确认并经客户签字
  on_fail: 24小时内重新组织确认
""",
    severity=Severity.WARNING,
)(_missing_part("on_fail", "corrective action (on_fail)", "add `on_fail:` with the step to go back to, or the action"))


@rule(
    "C006", "no-control-point", family="control",
    summary="The process has no control point at all.",
    why="""
A process without a single control point runs unchecked: nobody would notice
it going wrong until the customer does. At least its key steps and its
deliverable need one.
""",
    example="""
# Wrong: key steps, but not one of them has a `control:`
- id: "2.1"
  name: 组织现场确认
  key: true
# Right
- id: "2.1"
  name: 组织现场确认
  key: true
  control:
    standard: 问题现象、批次、数量均已确认
    method: 技质科在OA中审核
    record: confirm_record
    on_fail: "2.1"
""",
    severity=Severity.WARNING,
)
def no_control_point(process: Process, ctx: Context) -> Iterator[Finding]:
    if all(step.control is None for step in process.steps):
        yield Finding(
            process.where("steps"), f"process {process.id} '{process.name}' has no control point at all",
            "mark the key steps `key: true` and give each a `control:`",
        )


def _makers(process: Process) -> Iterator[tuple[str, list[Step]]]:
    """Each process output with the steps that make it, in file order.

    A step makes an output it lists under `outputs`, or a record of the same
    name. An end step listing it stands for the deliverable, made by the work
    steps just before it.
    """
    record_names = {record.id: fold(record.name) for record in process.records}
    made = {step.id: {fold(n) for n in step.outputs} | {record_names[r] for r in step.records if r in record_names}
            for step in process.steps}
    before = graph.predecessors(process) if process.outputs else {}
    for output in process.outputs:
        wanted = fold(output.name)
        steps: list[Step] = []
        for step in process.steps:
            if wanted not in made[step.id]:
                continue
            if step.type != "end":
                steps.append(step)
                continue
            work = (process.step_by_id[source] for source in before[step.id])
            steps.extend(s for s in work if s.type not in ("start", "decision"))
        yield output.name, steps


def _mark_key(site: Site) -> bool:
    """Mark the step `key: true`: it changes which rules apply to it, so the fix is unsafe."""
    step = site.element("steps")
    if step is None or step.get("key") is True:
        return False
    put(step, "key", True, "step")
    return True


@rule(
    "C007", "output-step-not-key", family="control",
    summary="The step that produces a process output is not marked as a key step.",
    why="""
The deliverable is what the process exists for; the step that makes it is
very likely a key step (self-inspection question 2, 关键环节) and should be
controlled. A step makes an output when it lists one of the process `outputs`
under its own `outputs` or produces a record of that name (or is the step
right before an end step that lists it). An output made by several steps is
controlled when one of them is key.
""",
    example="""
outputs:
  - name: 投诉处理报告
# Wrong: 4.1 makes the deliverable, and nothing marks it as a key step
- id: "4.1"
  name: 汇总投诉信息
  outputs: [投诉处理报告]
# Right
- id: "4.1"
  name: 汇总投诉信息
  key: true
  outputs: [投诉处理报告]
""",
    severity=Severity.WARNING,
    fix=Fix(_mark_key, safe=False),
)
def output_step_not_key(process: Process, ctx: Context) -> Iterator[Finding]:
    reported: set[str] = set()
    for output, steps in _makers(process):
        if any(step.key for step in steps):
            continue  # the deliverable is controlled where a key step makes it
        for step in steps:
            if step.id in reported:
                continue
            reported.add(step.id)
            yield Finding(
                step.where("key") if "key" in step.at else step.where("id"),
                f"{step.label} produces the process output '{output}' but is not marked as a key step",
                "add `key: true` and a control point to the step", step.pos,
            )
