"""Interfaces between processes: sub-process calls and hand-overs match on both sides.

Self-inspection question 7 (衔接, docs/rules.md): a process's inputs and outputs
agree with the outputs and inputs of its upstream and downstream processes.
A hand-over is written on both sides: the upstream lists an output with
`to_process: <downstream id>`, the downstream names it in
`trigger.from_process`. Running the other process as a sub-process is a
hand-over too, so a `type: subprocess` step calling it satisfies either side.

These rules look across files: they see every process of the run.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from procdoc import graph
from procdoc.checks.context import RepoContext, Repository
from procdoc.checks.registry import Finding, repo_rule
from procdoc.checks.summary import CallSummary, ProcessSummary
from procdoc.diagnostics import Pos, Severity


@dataclass(frozen=True)
class _Index:
    """Repository-wide facts, built once per run: who calls whom, which ids repeat."""

    calls: dict[str, list[str]]
    cyclic: dict[str, frozenset[str]]
    paths: dict[str, list[str]]

    @classmethod
    def build(cls, repo: Repository) -> _Index:
        calls: dict[str, list[str]] = {}
        paths: dict[str, list[str]] = {}
        for process in repo.processes:
            paths.setdefault(process.id, []).append(process.path)
            targets = calls.setdefault(process.id, [])
            targets += [call.process for call in _subprocess_calls(process) if call.process in repo.by_id]
        cyclic = {member: frozenset(c) for c in graph.cyclic_components(calls) for member in c}
        return cls(calls, cyclic, paths)

    def cycle(self, caller: str, callee: str) -> list[str]:
        """The shortest call chain callee → … → caller, within their loop (BFS)."""
        members = self.cyclic[caller]
        came_from: dict[str, str | None] = {callee: None}
        queue = deque([callee])
        while queue and caller not in came_from:
            node = queue.popleft()
            for target in self.calls[node]:
                if target in members and target not in came_from:
                    came_from[target] = node
                    queue.append(target)
        chain: list[str] = []
        link: str | None = caller
        while link is not None:
            chain.append(link)
            link = came_from[link]
        return chain[::-1]


def _index(repo: Repository) -> _Index:
    """The call graph and id index of `repo`, built once per run."""
    return repo.derived(_Index.build)


def _subprocess_calls(process: ProcessSummary) -> Iterator[CallSummary]:
    return (call for call in process.calls if call.type == "subprocess")


def _subprocess_steps(process: ProcessSummary) -> Iterator[tuple[CallSummary, str]]:
    for call in _subprocess_calls(process):
        if call.process is not None:
            yield call, call.process


def _unknown(ref: str, repo: Repository) -> str:
    count = len(repo.processes)
    return f"'{ref}', which is not the id of any process checked in this run ({count} process{'es' * (count != 1)})"


def _missing(ref: str, ctx: RepoContext) -> bool:
    """Neither written (checked in this run) nor planned in the settings' catalogue."""
    return ref not in ctx.repo.by_id and ref not in ctx.run.planned


def _unknown_hint(ref: str, repo: Repository, caller: str) -> str:
    """A close id to use instead, never the calling process itself (MM-01 calling MM-02 is no typo of MM-01)."""
    close = difflib.get_close_matches(ref, [known for known in repo.by_id if known != caller], n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return "check the id; if the process exists, include its file in the checked paths"


@repo_rule(
    "I001", "subprocess-without-process", family="interfaces",
    summary="A sub-process step does not say which process it runs (`process:`).",
    why="""
A sub-process box (子流程) stands for another process. Without its id the chart
cannot link to it, readers cannot find it, and the interface cannot be checked.
""",
    example="""
# Wrong
- id: "3.7a"
  name: 安排返工生产
  type: subprocess
# Right
- id: "3.7a"
  name: 安排返工生产
  type: subprocess
  process: PP-01        # the id of the production planning process
""",
)
def subprocess_without_process(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    for call in _subprocess_calls(process):
        if call.process is None:
            yield Finding(
                call.type_at,
                f"step {call.step_id} '{call.step_name}' is a sub-process but does not say which process it runs",
                "add `process:` with the id of the process it runs", call.at,
            )


@repo_rule(
    "I002", "unknown-subprocess", family="interfaces",
    summary="A sub-process step runs a process that does not exist in the repository.",
    why="""
The step promises that another process takes over; if no process has that id
(a typo, a renumbered or deleted process) the promise is empty and the flow
breaks at that point.
""",
    example="""
# Wrong: there is no process PP-1
process: PP-1
# Right
process: PP-01
""",
)
def unknown_subprocess(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    for step, target in _subprocess_steps(process):
        if _missing(target, ctx):
            yield Finding(
                step.process_at, f"step {step.step_id} runs process {_unknown(target, ctx.repo)}",
                _unknown_hint(target, ctx.repo, process.id), step.at,
            )


@repo_rule(
    "I003", "process-call-cycle", family="interfaces",
    summary="Processes call each other in a circle (A runs B, B runs A).",
    why="""
A sub-process call that leads back to the caller never finishes: each process
waits for the other. Usually one side should hand over its output instead of
calling, or the shared part belongs in a third process both call.
""",
    example="""
# Wrong: QM-07 runs PP-01 for the rework, and PP-01 runs QM-07 again
- id: "12a"
  name: 通知投诉返工完成
  type: subprocess
  process: QM-07
# Right: PP-01 hands its result back as an output
outputs:
  - name: 返工完成通知
    to_process: QM-07
""",
)
def process_call_cycle(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    index = _index(ctx.repo)
    if process.id not in index.cyclic:
        return
    for step, target in _subprocess_steps(process):
        if target in index.cyclic[process.id]:
            chain = " → ".join([process.id, *index.cycle(process.id, target)])
            yield Finding(
                step.process_at, f"step {step.step_id} closes a circle of process calls: {chain}",
                "break the circle: let one process hand over an output (`to_process`) instead of running the other",
                step.at,
            )


@repo_rule(
    "I004", "unknown-upstream-process", family="interfaces",
    summary="`trigger.from_process` names a process that does not exist in the repository.",
    why="""
The upstream process is where this process's input comes from. A wrong id
hides where the work really comes from and breaks the link in the published
process map.
""",
    example="""
# Wrong: there is no process SD-5
trigger:
  from_process: SD-5
# Right
trigger:
  from_process: SD-05
""",
)
def unknown_upstream_process(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    upstream = process.from_process
    if upstream is not None and _missing(upstream, ctx):
        yield Finding(
            process.from_process_at, f"the trigger comes from process {_unknown(upstream, ctx.repo)}",
            _unknown_hint(upstream, ctx.repo, process.id),
        )


@repo_rule(
    "I005", "upstream-output-missing", family="interfaces",
    summary="The upstream process named in `trigger.from_process` does not hand anything over to this process.",
    why="""
An interface is written on both sides (上下游衔接): the upstream lists an output
with `to_process` naming this process (or runs it as a sub-process). When only
one side knows about the hand-over, a change on the other side breaks it
unnoticed.
""",
    example="""
# This process, QA-01:
trigger:
  from_process: QM-07
# Wrong: QM-07 hands nothing to QA-01
outputs:
  - name: 投诉处理报告
# Right: in QM-07
outputs:
  - name: 投诉处理报告
    to_process: QA-01
""",
    severity=Severity.WARNING,
)
def upstream_output_missing(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    upstream = ctx.repo.by_id.get(process.from_process or "")
    if upstream is None:
        return
    if any(o.to_process == process.id for o in upstream.outputs) or upstream.runs(process.id):
        return
    yield Finding(
        process.from_process_at,
        f"the upstream process {upstream.id} '{upstream.name}' lists no output handed to {process.id}",
        f"in {upstream.path}, add `to_process: {process.id}` to the output that starts this process",
    )


@repo_rule(
    "I006", "unknown-downstream-process", family="interfaces",
    summary="An output's `to_process` names a process that does not exist in the repository.",
    why="""
The output is handed to a process nobody can find: the deliverable has no
receiver, and the published process map shows a broken link.
""",
    example="""
# Wrong: there is no process QA-1
outputs:
  - name: 投诉处理报告
    to_process: QA-1
# Right
outputs:
  - name: 投诉处理报告
    to_process: QA-01
""",
)
def unknown_downstream_process(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    for output in process.outputs:
        if output.to_process is not None and _missing(output.to_process, ctx):
            yield Finding(
                output.at,
                f"output '{output.name}' goes to process {_unknown(output.to_process, ctx.repo)}",
                _unknown_hint(output.to_process, ctx.repo, process.id),
            )


@repo_rule(
    "I007", "downstream-input-missing", family="interfaces",
    summary="The process an output goes to does not name this process as where its input comes from.",
    why="""
An interface is written on both sides (上下游衔接): the downstream process names
this one in `trigger.from_process`, unless this process runs it as a
sub-process. Otherwise the receiver does not know the hand-over exists.
""",
    example="""
# This process, QM-07:
outputs:
  - name: 投诉处理报告
    to_process: QA-01
# Wrong: QA-01 does not say where its input comes from
trigger:
  description: 收到投诉处理报告
# Right: in QA-01
trigger:
  description: 收到投诉处理报告
  from_process: QM-07
""",
    severity=Severity.WARNING,
)
def downstream_input_missing(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    for output in process.outputs:
        downstream = ctx.repo.by_id.get(output.to_process or "")
        if downstream is None or process.runs(downstream.id):
            continue
        upstream = downstream.from_process
        if upstream != process.id:
            said = f"names {upstream} as its upstream process" if upstream else "names no upstream process"
            yield Finding(
                output.at,
                f"output '{output.name}' goes to {downstream.id} '{downstream.name}', whose trigger {said}",
                f"in {downstream.path}, set `trigger.from_process: {process.id}`, or send the output elsewhere",
            )


@repo_rule(
    "I008", "duplicate-process-id", family="interfaces",
    summary="Two process files use the same process id.",
    why="""
The process id is the key every reference uses: sub-process steps, hand-overs,
the process map. With two processes under one id, references silently go to
one of them.
""",
    example="""
# Wrong: qm-07.yaml and qm-07-new.yaml both say
id: QM-07
# Right: renumber one, or retire and remove the old file
id: QM-08
""",
)
def duplicate_process_id(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    others = [path for path in _index(ctx.repo).paths[process.id] if path != process.path]
    if others:
        yield Finding(
            process.id_at, f"process id {process.id} is also used by {', '.join(others)}",
            "give each process its own id (and update the references to the one you renumber)",
        )


@repo_rule(
    "I009", "planned-process-referenced", family="interfaces",
    summary="A step, trigger or output refers to a process that is planned but not written yet.",
    why="""
Processes are documented one at a time: MM-01 can be published while MM-02,
which it hands over to, is still being written. Listing MM-02 in the
settings' catalogue with `status = "planned"` turns the reference from an
error (I002, I004, I006) into this reminder, so the link is written when the
process is.
""",
    example="""
# procdoc.toml
[processes."MM-02"]
name = "采购入库流程"
status = "planned"
# Wrong: a warning until mm-02.yaml is written
process: MM-02
""",
    severity=Severity.WARNING,
)
def planned_process_referenced(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    references: list[tuple[Pos, str, str | None, Pos | None]] = [
        (call.process_at, f"step {call.step_id} runs", target, call.at) for call, target in _subprocess_steps(process)
    ]
    references.append((process.from_process_at, "the trigger comes from", process.from_process, None))
    references += [(o.at, f"output '{o.name}' goes to", o.to_process, None) for o in process.outputs]
    for pos, what, target, anchor in references:
        entry = ctx.run.planned.get(target or "")
        if entry is not None and target not in ctx.repo.by_id:
            yield Finding(
                pos, f"{what} process {target} '{entry.name}', which is planned but not written yet",
                f"write {target} (and remove `status = \"planned\"` from its catalogue entry), or check the id",
                anchor,
            )
