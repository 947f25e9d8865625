"""Start and purpose: why the process exists, where it applies, what starts it, what it delivers.

Self-inspection questions 1 and 4 (目的、范围, 启动点): the purpose and scope are
clear, the output is the deliverable, the input is the real trigger, and an
active start (we start it, nothing arrives) is backed by a warning or a
routine check that makes it start on time. Text that is still a placeholder
(TODO 说明流程目的, TBD, 待定) counts as missing: `procdoc new` writes such
placeholders for the author to replace.
"""

from __future__ import annotations

from collections.abc import Iterator

from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, rule
from procdoc.checks.wording import fold, is_placeholder
from procdoc.diagnostics import Severity
from procdoc.model import Process


def _missing(text: str | None) -> bool:
    """No text, blank text, or a placeholder the author has not replaced yet."""
    return text is None or not text.strip() or is_placeholder(text)


def _absent(process: Process, what: str, key: str, text: str | None) -> str:
    """'has no purpose' or 'purpose is still a placeholder', naming the process."""
    if text is None or not text.strip():
        return f"process {process.id} '{process.name}' states no {what} (`{key}:`)"
    return f"the {what} of process {process.id} is still a placeholder: '{text.strip()}'"


@rule(
    "O001", "no-purpose", family="purpose",
    summary="The process does not say why it exists (目的).",
    why="""
The purpose is the first question of the self-inspection: a process whose goal
is not written down cannot be judged, improved or retired, and readers of the
procedure manual do not learn what it is for.
""",
    example="""
# Wrong: no purpose, or a placeholder
purpose: TODO
# Right
purpose: 规范客户质量投诉的处理，确保投诉在规定时限内闭环
""",
    severity=Severity.WARNING,
)
def no_purpose(process: Process, ctx: Context) -> Iterator[Finding]:
    if _missing(process.purpose):
        yield Finding(
            process.where("purpose") if process.purpose else process.where("id"),
            _absent(process, "purpose", "purpose", process.purpose),
            "add `purpose:` saying in one sentence what the process achieves and for whom",
        )


@rule(
    "O002", "no-scope", family="purpose",
    summary="The process does not say where it applies (范围).",
    why="""
Without a scope, neighbouring processes overlap or leave gaps (the process
architecture should be mutually exclusive, collectively exhaustive), and
nobody can tell whether a case belongs to this process.
""",
    example="""
# Wrong: no scope, or a placeholder
scope: TODO
# Right: what is in, and what is out
scope: 适用于已交付产品的全部客户质量投诉；价格、交期类投诉按 CS-02 执行
""",
    severity=Severity.WARNING,
)
def no_scope(process: Process, ctx: Context) -> Iterator[Finding]:
    if _missing(process.scope):
        yield Finding(
            process.where("scope") if process.scope else process.where("id"),
            _absent(process, "scope", "scope", process.scope),
            "add `scope:` naming the cases the process covers, and those it does not",
        )


@rule(
    "O003", "no-trigger", family="purpose",
    summary="The process does not say what starts it (启动点).",
    why="""
The trigger is the real input that sets the process going. Without it nobody
knows when the process must run, and its start cannot be checked or measured.
""",
    example="""
# Wrong: no `trigger:`, or a placeholder
trigger:
  description: TODO
# Right
trigger:
  description: 客户通过电话、邮件或业务员反馈产品质量问题
  mode: passive
""",
    severity=Severity.WARNING,
)
def no_trigger(process: Process, ctx: Context) -> Iterator[Finding]:
    trigger = process.trigger
    if trigger is None:
        yield Finding(
            process.where("id"), f"process {process.id} '{process.name}' states no trigger (`trigger:`)",
            "add `trigger:` with a `description:` of the event that starts the process",
        )
    elif _missing(trigger.description):
        yield Finding(
            trigger.where("description"), _absent(process, "trigger", "trigger.description", trigger.description),
            "describe the event that starts the process",
        )


@rule(
    "O004", "no-output", family="purpose",
    summary="The process lists no output (输出): nothing it delivers.",
    why="""
A process turns an input into an output; its output is its deliverable or end
point. A process without a stated output cannot show that it reached its goal,
and downstream processes cannot connect to it.
""",
    example="""
# Wrong
outputs: []
# Right
outputs:
  - name: 投诉处理报告
    to_process: QA-01
""",
    severity=Severity.WARNING,
)
def no_output(process: Process, ctx: Context) -> Iterator[Finding]:
    if not process.outputs:
        yield Finding(
            process.where("outputs") if "outputs" in process.at else process.where("id"),
            f"process {process.id} '{process.name}' lists no output (`outputs:`)",
            "add `outputs:` with the deliverable the process produces (a product, result, document or record)",
        )


@rule(
    "O005", "active-trigger-unassured", family="purpose",
    summary="An active start (mode: active) says nothing about what makes it start on time.",
    why="""
A passive process starts when something arrives. An active one starts because
someone decides to start it, and is forgotten unless an automatic warning or a
routine check (自动预警/例行检查) starts it on time.
""",
    example="""
# Wrong: who remembers to start it?
trigger:
  description: 每月初开展供应商绩效评价
  mode: active
# Right
trigger:
  description: 每月初开展供应商绩效评价
  mode: active
  assured_by: OA 每月1日自动发起待办，采购经理周例会检查
""",
    severity=Severity.WARNING,
)
def active_trigger_unassured(process: Process, ctx: Context) -> Iterator[Finding]:
    trigger = process.trigger
    if trigger is not None and trigger.mode == "active" and _missing(trigger.assured_by):
        yield Finding(
            trigger.where("assured_by") if trigger.assured_by else trigger.where("mode"),
            "the process is started actively, but nothing is named that makes it start on time",
            "add `assured_by:` with the automatic warning or routine check that starts it (自动预警/例行检查)",
        )


@rule(
    "O006", "output-not-produced", family="purpose",
    summary="A declared process output is not the output of any step.",
    why="""
The process's outputs are its deliverables; each is made somewhere in the
flow. An output no step lists in its `outputs` has no step that produces it:
either the producing step does not say so, or the process promises something
it never delivers. Names are compared ignoring case, width and spacing.
""",
    example="""
outputs:
  - name: 投诉处理报告
# Wrong: no step has 投诉处理报告 in its outputs
- id: "4.1"
  name: 汇总投诉信息
# Right: the step that writes it says so
- id: "4.1"
  name: 汇总投诉信息
  outputs: [投诉处理报告]
""",
    severity=Severity.WARNING,
)
def output_not_produced(process: Process, ctx: Context) -> Iterator[Finding]:
    produced = {fold(item) for step in process.steps for item in step.outputs}
    for output in process.outputs:
        if fold(output.name) not in produced:
            yield Finding(
                output.where("name"), f"the process output '{output.name}' is not the output of any step",
                f"add '{output.name}' to the `outputs` of the step that produces it, or remove it from `outputs`",
                output.pos,
            )
