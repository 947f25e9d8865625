"""A semantic normal form of a process: what a round trip through BPMN must keep.

Steps are known by their names (ids are renumbered on import), lanes and
documents by their names (an alternative start by its trigger: BPMN names a
conditional start event after its condition); the layout, ids and comments are left out. Only
the documents and records that steps use are compared: BPMN draws a data
object where a step reads or writes it, so one no step uses has no place there.
"""

from __future__ import annotations

from procdoc.model import Process

Normal = dict[str, object]


def normal_form(process: Process) -> Normal:
    several = sum(step.type == "start" for step in process.steps) > 1
    names = {step.id: (step.trigger or step.name) if several and step.type == "start" else step.name
             for step in process.steps}
    lanes = {lane.id: lane.name for lane in process.lanes}
    documents = {d.id: d.name for d in process.documents}
    records = {r.id: r.name for r in process.records}
    return {
        "lanes": [lane.name for lane in process.lanes],
        "steps": sorted(
            (names[step.id], step.type, lanes.get(step.lane or "", ""),
             tuple(sorted(documents.get(d, d) for d in step.documents)),
             tuple(sorted(records.get(r, r) for r in step.records)))
            for step in process.steps
        ),
        "flows": sorted((names[step.id], names.get(target, target), label or "")
                        for step in process.steps for label, target, _ in step.exits()),
        "documents": sorted({documents.get(d, d) for step in process.steps for d in step.documents}),
        "records": sorted({records.get(r, r) for step in process.steps for r in step.records}),
    }
