"""Emergencies: exceptions are planned for, and their handling finishes.

Self-inspection question 8 (紧急情况): can an emergency occur, and is its
handling (应急措施) in the chart? An emergency's `handler` is the step where
its handling starts; from there the flow must reach an end like any other run.
A handler naming no step is reported once, by S004 (undefined-step).
"""

from __future__ import annotations

from collections.abc import Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, Fix, rule
from procdoc.diagnostics import Severity
from procdoc.fix.site import Site, put
from procdoc.model import Process


def _state_no_emergencies(site: Site) -> bool:
    """Write `emergencies: []`: a statement that there are none, which only the author can make."""
    if "emergencies" in site.document:
        return False
    put(site.document, "emergencies", [])
    return True


@rule(
    "E001", "no-emergencies-section", family="emergencies",
    summary="The process does not say whether emergencies can occur.",
    why="""
Every process must answer "can an emergency occur here, and how is it
handled?". Leaving the section out does not say whether the question was
considered; `emergencies: []` states that there are none.
""",
    example="""
# Wrong: no `emergencies:`
# Right: list them
emergencies:
  - id: E1
    when: 批量质量事故或安全隐患
    handler: "9.1"
# Right: or state there are none
emergencies: []
""",
    severity=Severity.WARNING,
    fix=Fix(_state_no_emergencies, safe=False),
)
def no_emergencies_section(process: Process, ctx: Context) -> Iterator[Finding]:
    if process.emergencies is None:
        yield Finding(
            process.where("id"), f"process {process.id} '{process.name}' does not say whether emergencies can occur",
            "list the emergencies and their handling steps, or write `emergencies: []` to state there are none",
        )


@rule(
    "E002", "emergency-without-handler", family="emergencies",
    summary="An emergency names no step where its handling starts.",
    why="""
An emergency listed without its handling (应急措施) is a known risk with no
plan: the chart must show what is done when it happens.
""",
    example="""
# Wrong: and what is done when it happens?
emergencies:
  - id: E1
    when: 批量质量事故或安全隐患
# Right
emergencies:
  - id: E1
    when: 批量质量事故或安全隐患
    handler: "9.1"     # the first step of the handling
""",
    severity=Severity.WARNING,
)
def emergency_without_handler(process: Process, ctx: Context) -> Iterator[Finding]:
    for emergency in process.emergencies or []:
        if emergency.handler is None:
            yield Finding(
                emergency.where("id"), f"emergency {emergency.id} '{emergency.when}' has no handling step",
                "add `handler:` with the id of the step where its handling starts", emergency.pos,
            )


@rule(
    "E003", "handler-cannot-finish", family="emergencies",
    summary="The handling of an emergency can never reach an end step.",
    why="""
Emergency handling that cannot finish leaves the emergency open for ever: the
handling steps must lead on, like the normal flow, to an end.
""",
    example="""
# Wrong: E1.2 is a dead end
- id: "E1.2"
  name: 隔离产品并追溯批次
# Right
- id: "E1.2"
  name: 隔离产品并追溯批次
  next: "E1.3"
- id: "E1.3"
  name: 应急处置完成
  type: end
""",
)
def handler_cannot_finish(process: Process, ctx: Context) -> Iterator[Finding]:
    if not process.emergencies or not graph.ends(process):
        return  # nothing to handle, or S003 already says no run can finish
    finishing = graph.reaching_an_end(process)
    for emergency in process.emergencies:
        handler = emergency.handler
        if handler in process.step_by_id and handler not in finishing:
            yield Finding(
                emergency.where("handler"),
                f"the handling of emergency {emergency.id} '{emergency.when}' starts at step {handler} "
                "but can never reach an end step",
                "lead the handling steps on to an end step", emergency.pos,
            )
