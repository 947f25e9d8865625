"""What rules about *other* processes may read of a process: its typed summary.

A cross-file rule sees every process of the repository, but only through
`ProcessSummary`: its identity, hand-overs, lanes and the steps that call
other processes. The summary is its own type, so a rule that reads anything
else (a step's time limit, a record) is refused by the type checker instead
of silently seeing nothing. Summaries are small and stored as JSON in the
check cache, so a repository's cross-file rules run without loading every
file again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from procdoc.diagnostics import Pos
from procdoc.model import Process


@dataclass(frozen=True, slots=True)
class LaneSummary:
    id: str
    name: str
    kind: str
    at: Pos  # the lane's `id:`
    name_at: Pos


@dataclass(frozen=True, slots=True)
class CallSummary:
    """A step that names another process (a sub-process step, or any step with `process:`)."""

    step_id: str
    step_name: str
    type: str
    process: str | None
    at: Pos  # the step
    type_at: Pos
    process_at: Pos


@dataclass(frozen=True, slots=True)
class OutputSummary:
    name: str
    to_process: str | None
    at: Pos  # its `to_process:`, else the output


@dataclass(frozen=True, slots=True)
class ProcessSummary:
    path: str
    id: str
    name: str
    status: str
    id_at: Pos
    from_process: str | None
    from_process_at: Pos
    outputs: tuple[OutputSummary, ...]
    lanes: tuple[LaneSummary, ...]
    calls: tuple[CallSummary, ...]

    @property
    def is_live(self) -> bool:
        return self.status != "retired"

    def runs(self, process_id: str) -> bool:
        """Whether a sub-process step of this process runs `process_id`."""
        return any(call.type == "subprocess" and call.process == process_id for call in self.calls)


def summarise(process: Process) -> ProcessSummary:
    trigger = process.trigger
    return ProcessSummary(
        path=process.path,
        id=process.id,
        name=process.name,
        status=process.status,
        id_at=process.where("id"),
        from_process=trigger.from_process if trigger else None,
        from_process_at=trigger.where("from_process") if trigger else process.where("trigger"),
        outputs=tuple(OutputSummary(o.name, o.to_process, o.where("to_process")) for o in process.outputs),
        lanes=tuple(LaneSummary(lane.id, lane.name, lane.kind, lane.where("id"), lane.where("name"))
                    for lane in process.lanes),
        calls=tuple(
            CallSummary(s.id, s.name, s.type, s.process, s.pos, s.where("type"), s.where("process"))
            for s in process.steps
            if s.type == "subprocess" or s.process is not None
        ),
    )


# ── JSON, for the check cache ─────────────────────────────────────────────────


def to_json(summary: ProcessSummary) -> list[Any]:
    """A compact list (field order is the format; the cache key changes with procdoc's code)."""
    return [
        summary.id, summary.name, summary.status, list(summary.id_at), summary.from_process,
        list(summary.from_process_at),
        [[o.name, o.to_process, list(o.at)] for o in summary.outputs],
        [[lane.id, lane.name, lane.kind, list(lane.at), list(lane.name_at)] for lane in summary.lanes],
        [[c.step_id, c.step_name, c.type, c.process, list(c.at), list(c.type_at), list(c.process_at)]
         for c in summary.calls],
    ]


def from_json(path: str, data: list[Any]) -> ProcessSummary:
    """The summary `to_json` wrote; a malformed entry raises (TypeError, ValueError), a cache miss."""
    text, maybe, pos = checked_text, _optional, checked_pos
    pid, name, status, id_at, from_process, from_at, outputs, lanes, calls = data
    return ProcessSummary(
        path, text(pid), text(name), text(status), pos(id_at), maybe(from_process), pos(from_at),
        tuple(OutputSummary(text(n), maybe(t), pos(at)) for n, t, at in outputs),
        tuple(LaneSummary(text(i), text(n), text(k), pos(at), pos(nat)) for i, n, k, at, nat in lanes),
        tuple(
            CallSummary(text(i), text(n), text(t), maybe(p), pos(at), pos(tat), pos(pat))
            for i, n, t, p, at, tat, pat in calls
        ),
    )


def checked_text(value: Any) -> str:
    """A string read from a cache file, checked: a cache may have been edited by anyone."""
    if not isinstance(value, str):
        raise TypeError(f"expected text, not {type(value).__name__}")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else checked_text(value)


def checked_pos(value: Any) -> Pos:
    """A position read from a cache file, checked."""
    line, column = value
    if not (isinstance(line, int) and isinstance(column, int)):
        raise TypeError("a position is two whole numbers")
    return Pos(line, column)
