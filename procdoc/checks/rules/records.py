"""Documents and records: what guides each step and what proves it ran.

Self-inspection question 6 (文件、记录): documents (procedures, standards,
forms …) guide the steps; records are the evidence they leave, kept for later
traceability, ideally in a system. References are by id, so a typo or a
deleted entry breaks the chart's links.
"""

from __future__ import annotations

from collections.abc import Iterator

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, Fix, rule
from procdoc.checks.wording import suggest
from procdoc.diagnostics import Pos, Severity
from procdoc.fix.edits import reference_by_name, remove_element
from procdoc.model import Process, Step


def _listed(step: Step, field: str) -> Iterator[tuple[str, Pos]]:
    """The ids of a step's `documents` or `records`, each with where it is written."""
    for i, item in enumerate(getattr(step, field)):
        yield item, step.at.get(f"{field}.{i}", step.where(field))


@rule(
    "D001", "undefined-document", family="records",
    summary="A step or a record's `form` names a document that is not declared.",
    why="""
A step's guidance is linked by document id; an undeclared id cannot be shown
in the chart or the manual, and is usually a typo or a removed document.
""",
    example="""
documents:
  - id: fb_form
    name: 客户质量反馈记录表
# Wrong
documents: [feedback_form]
# Wrong (fixable): the document's name, not its id
documents: [客户质量反馈记录表]
# Right
documents: [fb_form]
""",
    fix=Fix(reference_by_name("documents")),
)
def undefined_document(process: Process, ctx: Context) -> Iterator[Finding]:
    known = process.document_by_id
    for step in process.steps:
        for doc, pos in _listed(step, "documents"):
            if doc not in known:
                message = f"{step.label} uses document '{doc}', which is not declared under `documents`"
                yield Finding(pos, message, suggest(doc, known, "document"), step.pos)
    for record in process.records:
        if record.form is not None and record.form not in known:
            message = f"record {record.id} '{record.name}' is written on form '{record.form}', which is not declared"
            yield Finding(record.where("form"), message, suggest(record.form, known, "document"), record.pos)


@rule(
    "D002", "undefined-record", family="records",
    summary="A step or a control point names a record that is not declared.",
    why="""
Records are the evidence the process leaves; an undeclared record id has no
name, retention or storage, so nobody knows what to keep or where.
""",
    example="""
records:
  - id: confirm_record
    name: 现场确认记录
# Wrong
records: [confirmation]
# Wrong (fixable): the record's name, not its id
records: [现场确认记录]
# Right
records: [confirm_record]
""",
    fix=Fix(reference_by_name("records")),
)
def undefined_record(process: Process, ctx: Context) -> Iterator[Finding]:
    known = process.record_by_id
    for step in process.steps:
        for rec, pos in _listed(step, "records"):
            if rec not in known:
                message = f"{step.label} produces record '{rec}', which is not declared under `records`"
                yield Finding(pos, message, suggest(rec, known, "record"), step.pos)
        held = step.control.record if step.control else None
        if step.control and held is not None and held not in known:
            message = f"the control point of {step.label} records into '{held}', which is not declared"
            yield Finding(step.control.where("record"), message, suggest(held, known, "record"), step.pos)


@rule(
    "D003", "unused-document", family="records",
    summary="A document is declared but no step uses it and no record is written on it.",
    why="""
A document listed but used nowhere is either left over or its step forgot to
name it; either way the chart does not show where it applies.
""",
    example="""
documents:
  - id: return_rule
    name: 退换货管理规定
# Wrong: no step lists return_rule
- id: "3.8"
  name: 办理退货
# Right: the step it guides names it
- id: "3.8"
  name: 办理退货
  documents: [return_rule]
""",
    severity=Severity.WARNING,
    fix=Fix(remove_element("documents"), safe=False),
)
def unused_document(process: Process, ctx: Context) -> Iterator[Finding]:
    used = {doc for step in process.steps for doc in step.documents}
    used |= {record.form for record in process.records if record.form}
    for document in process.documents:
        if document.id not in used:
            yield Finding(
                document.where("id"), f"document {document.id} '{document.name}' is declared but no step uses it",
                "list it under the `documents` of the step it guides, or remove it",
            )


@rule(
    "D004", "unused-record", family="records",
    summary="A record is declared but no step produces it and no control point records into it.",
    why="""
A record nobody produces proves nothing: either the step that writes it does
not say so, or the record is no longer kept.
""",
    example="""
records:
  - id: return_record
    name: 退货记录
# Wrong: no step lists return_record
- id: "3.8"
  name: 办理退货
# Right
- id: "3.8"
  name: 办理退货
  records: [return_record]
""",
    severity=Severity.WARNING,
    fix=Fix(remove_element("records"), safe=False),
)
def unused_record(process: Process, ctx: Context) -> Iterator[Finding]:
    used = {rec for step in process.steps for rec in step.records}
    used |= {step.control.record for step in process.steps if step.control and step.control.record}
    for record in process.records:
        if record.id not in used:
            yield Finding(
                record.where("id"), f"record {record.id} '{record.name}' is declared but no step produces it",
                "list it under the `records` of the step that writes it, or remove it",
            )


@rule(
    "D005", "record-without-retention", family="records",
    summary="A record does not say how long it is kept.",
    why="""
Records are kept for traceability (可追溯) and audits (ISO 9001 7.5.3 asks
for retention to be defined). Without a retention period records are either
thrown away too early or never.
""",
    example="""
# Wrong: kept for how long?
records:
  - id: fb_record
    name: 客户质量反馈记录
# Right
records:
  - id: fb_record
    name: 客户质量反馈记录
    keep: 3年
""",
    severity=Severity.WARNING,
)
def record_without_retention(process: Process, ctx: Context) -> Iterator[Finding]:
    for record in process.records:
        if not (record.keep or "").strip():
            yield Finding(
                record.where("id"), f"record {record.id} '{record.name}' does not say how long it is kept",
                "add `keep:` with the retention period, e.g. `keep: 3年` or `keep: 5 years`",
            )


@rule(
    "D006", "record-not-stored", family="records",
    summary="A record does not say where it is kept.",
    why="""
A record nobody can find is as good as none. Say where it lives: a system
(OA, ERP), a shared drive or the archive room (档案室).
""",
    example="""
# Wrong: kept where?
records:
  - id: fb_record
    name: 客户质量反馈记录
# Right
records:
  - id: fb_record
    name: 客户质量反馈记录
    stored_in: OA
""",
    severity=Severity.INFO,
)
def record_not_stored(process: Process, ctx: Context) -> Iterator[Finding]:
    for record in process.records:
        if not (record.stored_in or "").strip():
            yield Finding(
                record.where("id"), f"record {record.id} '{record.name}' does not say where it is kept",
                "add `stored_in:` (OA, ERP, archive …)",
            )


@rule(
    "D007", "key-step-without-record", family="records",
    summary="A key step produces no record.",
    why="""
The results of key steps are recorded (self-inspection question 3): the record is the
evidence that the step ran and what it found, for later traceability. The
record may be listed under the step's `records` or under its control point.
""",
    example="""
# Wrong: what proves the confirmation was made?
- id: "2.1"
  name: 组织现场确认
  key: true
# Right
- id: "2.1"
  name: 组织现场确认
  key: true
  records: [confirm_record]
""",
    severity=Severity.WARNING,
)
def key_step_without_record(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.key and not step.records and not (step.control and step.control.record):
            yield Finding(
                step.where("key"), f"{step.label} is a key step but produces no record",
                "add `records:` with the record that proves the step ran", step.pos,
            )


@rule(
    "D008", "control-record-produced-later", family="records",
    summary="A control point records its result into a record that a later step first produces.",
    why="""
A control point's result is kept in a record (`control.record`). If that
record is first produced by a step further down the flow, the result has
nowhere to go when the check is made: the evidence of the check is written
later, from memory, or not at all. Loops are followed forward only: a record
made on the first pass does not count as made before it.
""",
    example="""
# Wrong: 3.4 checks into plan_record, but plan_record is first made at 3.5
- id: "3.4"
  name: 组织技术现场确认
  records: [confirm_record]
  control:
    record: plan_record
# Right: the checking step makes the record it writes into
- id: "3.4"
  name: 组织技术现场确认
  records: [confirm_record, plan_record]
  control:
    record: plan_record
""",
    severity=Severity.WARNING,
)
def control_record_produced_later(process: Process, ctx: Context) -> Iterator[Finding]:
    loops = graph.loop_backs(process)
    edges = graph.successors(process)
    forward = {node: [t for t in targets if (node, t) not in loops] for node, targets in edges.items()}
    for step in process.steps:
        record = step.control.record if step.control else None
        if step.control is None or record is None or record in step.records:
            continue
        producers = [s.id for s in process.steps if record in s.records]
        if not producers or any(step.id in graph.reachable(forward, [p]) for p in producers):
            continue
        later = [p for p in producers if p in graph.reachable(forward, [step.id])]
        if later:
            name = process.record_by_id[record].name if record in process.record_by_id else record
            yield Finding(
                step.control.where("record"),
                f"the control point of {step.label} records into '{name}' ({record}), "
                f"which is first produced later, by step {later[0]}",
                f"add {record} to the `records` of step {step.id}, or record the result where it exists by then",
                step.pos,
            )
