"""Parallel work: paths that split meet again at a join, and every join can fire.

A step whose `next` lists several steps (or a decision exit that does)
starts parallel paths; a `type: join` step waits for all of its incoming
paths. Like workflow-net soundness, the flow is sound when the parallel paths
of a split meet only at a join (or each ends on its own), and each join gets
exactly one arrival from every incoming path: never none (it would wait
forever), never two (the step after it would run twice).

The join rules play the token game: a run is a set of tokens, one per active
path; a decision sends its token down one exit, a split one down each path,
a join fires when a token waits on every incoming line. Every reachable set
is visited (up to `_MAX_STATES`, far beyond a chart people can read).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from procdoc import graph
from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, rule
from procdoc.diagnostics import Pos
from procdoc.model import Process, Step

_MAX_STATES = 20_000

#: a token: ("step", step id) ready to run a step, or ("join", join id, the step it came from)
Place = tuple[str, ...]
State = frozenset[Place]


def alternatives(step: Step) -> list[tuple[str | None, list[str], Pos]]:
    """The ways a step may go on, each (label, targets taken together, where written).

    A decision takes one of its exits; any other step takes its `next` (all
    of it: several targets are parallel paths) or one of its labelled branches.
    """
    plain = step.where("next")
    if step.type == "decision":
        return [(b.when, b.next, b.where("next")) for b in step.branches] + [(None, [t], plain) for t in step.next]
    together = [(None, step.next, plain)] if step.next else []
    return together + [(b.when, b.next, b.where("next")) for b in step.branches]


def _splits(process: Process) -> Iterator[tuple[Step, list[str], Pos]]:
    """Every step exit that starts parallel paths, with its distinct defined targets."""
    for step in process.steps:
        for _, targets, pos in alternatives(step):
            paths = [t for t in dict.fromkeys(targets) if t in process.step_by_id]
            if len(paths) > 1:
                yield step, paths, pos


def _is_join(process: Process, step_id: str) -> bool:
    return process.step_by_id[step_id].type == "join"


def _path_reach(process: Process, first: str, split: str) -> set[str]:
    """Steps one parallel path runs through until it reaches a join (which it includes) or ends."""
    edges = graph.successors(process)
    seen: set[str] = set()
    stack = [first]
    while stack:
        node = stack.pop()
        if node in seen or node == split:
            continue
        seen.add(node)
        if not _is_join(process, node):
            stack.extend(edges[node])
    return seen


@rule(
    "S018", "unjoined-parallel-paths", family="structure",
    summary="Parallel paths meet again at a step that is not a join.",
    why="""
`next: ["7", "8"]` starts two paths that run at the same time. Where they
meet again the chart must say that the work waits for both (a `type: join`
step); a plain step reached by both runs once for each path, and everything
after it runs twice. Paths that each end on their own (at an end step, even a
shared one) need no join.
""",
    example="""
- id: "6"
  name: 下达生产计划
  next: ["7", "8"]
# Wrong: 9 is reached from both parallel paths and runs twice
- id: "7"
  name: 备料与发料
  next: "9"
- id: "8"
  name: 生产准备
  next: "9"
# Right: wait for both, then go on
- id: "7"
  name: 备料与发料
  next: "8a"
- id: "8"
  name: 生产准备
  next: "8a"
- id: "8a"
  name: 物料与生产准备齐套
  type: join
  next: "9"
""",
)
def unjoined_parallel_paths(process: Process, ctx: Context) -> Iterator[Finding]:
    order = {step.id: i for i, step in enumerate(process.steps)}
    for step, paths, pos in _splits(process):
        reaches = [_path_reach(process, first, step.id) for first in paths]
        met = {
            node for i, reach in enumerate(reaches) for other in reaches[i + 1:] for node in reach & other
            if process.step_by_id[node].type not in ("join", "end")
        }
        if met:
            meeting = process.step_by_id[min(met, key=order.__getitem__)]
            yield Finding(
                pos,
                f"the parallel paths from {step.label} (to {', '.join(paths)}) meet again at {meeting.label}, "
                f"which is not a join: step {meeting.id} would run once for each path",
                "add a `type: join` step where the paths meet and lead them into it, or let each path end on its own",
                step.pos,
            )


@dataclass(frozen=True)
class _Stuck:
    """A join that waits forever (`trace` is how the run got there), or is reached twice (`twice_from`)."""

    join: str
    trace: tuple[str, ...]
    twice_from: str | None = None


class _TokenGame:
    """Every run of the flow from each entry point, to find the joins that never fire or fire wrongly."""

    def __init__(self, process: Process) -> None:
        self.process = process
        self.inputs = {j: sorted(set(p)) for j, p in graph.predecessors(process).items() if _is_join(process, j)}
        self.found: dict[str, _Stuck] = {}

    def play(self) -> dict[str, _Stuck]:
        for entry in graph.entry_points(self.process):
            self._explore(frozenset({("step", entry)}))
        return self.found

    def _explore(self, first: State) -> None:
        came: dict[State, tuple[State | None, str]] = {first: (None, "")}
        queue = deque([first])
        while queue and len(came) < _MAX_STATES:
            state = queue.popleft()
            moves = list(self._moves(state, came))
            if not moves:
                for place in sorted(state):
                    if place[0] == "join":
                        self.found.setdefault(place[1], _Stuck(place[1], self._trace(state, came)))
            for fired, successor in moves:
                if successor not in came:
                    came[successor] = (state, fired)
                    queue.append(successor)

    def _moves(self, state: State, came: dict[State, tuple[State | None, str]]) -> Iterator[tuple[str, State]]:
        """Every move from `state`, in a fixed order: a set's own order changes with each run's hash seed,
        and the run a finding shows must not."""
        for place in sorted(state):
            if place[0] == "step":
                step = self.process.step_by_id[place[1]]
                for label, targets, _ in alternatives(step) or [(None, [], step.pos)]:
                    moved = self._send(state - {place}, step.id, targets, state, came)
                    if moved is not None:
                        yield (f"{step.id} ({label})" if label else step.id), moved
        for join, inputs in self.inputs.items():
            waiting = {("join", join, source) for source in inputs}
            if waiting <= state:
                moved = self._send(state - waiting, join, self.process.successors[join], state, came)
                if moved is not None:
                    yield join, moved

    def _send(
        self, rest: State, source: str, targets: list[str], state: State, came: dict[State, tuple[State | None, str]]
    ) -> State | None:
        """`rest` plus a token for each target; None when a token would land where one already waits."""
        tokens = set(rest)
        for target in targets:
            if target not in self.process.step_by_id:
                continue
            place: Place = ("join", target, source) if _is_join(self.process, target) else ("step", target)
            if place in tokens:
                if place[0] == "join":
                    self.found.setdefault(target, _Stuck(target, (*self._trace(state, came), source), source))
                return None
            tokens.add(place)
        return frozenset(tokens)

    @staticmethod
    def _trace(state: State, came: dict[State, tuple[State | None, str]]) -> tuple[str, ...]:
        fired: list[str] = []
        at: State | None = state
        while at is not None:
            at, step = came[at]
            if step:
                fired.append(step)
        return tuple(reversed(fired))


def _game(process: Process) -> dict[str, _Stuck]:
    """The joins the token game found wanting; nothing to play without a join."""
    if not any(step.type == "join" for step in process.steps):
        return {}
    return _TokenGame(process).play()


def _run(trace: tuple[str, ...]) -> str:
    shown = trace if len(trace) <= 12 else ("…", *trace[-11:])
    return " → ".join(shown)


@rule(
    "S019", "join-waits-forever", family="structure",
    summary="A join can wait forever: in some run, not every incoming path arrives.",
    why="""
A join waits for every line that leads into it. When those lines come from
the exits of a decision, only one of them is ever taken, and the join waits
forever (the process hangs). The same happens when one of the parallel paths
ends elsewhere or goes round a loop that leads into the join. Lead exclusive
exits into a plain step instead; a join is only for paths that run in parallel.
""",
    example="""
- id: "3"
  name: 产能物料是否满足？
  type: decision
  branches:
    - when: 是
      next: "5"
    - when: 否
      next: "4"
# Wrong: 3 takes one exit, so the join 5 waits for ever for the other path
- id: "5"
  name: 审批生产计划
  type: join
# Right: an ordinary step, reached by either path
- id: "5"
  name: 审批生产计划
""",
)
def join_waits_forever(process: Process, ctx: Context) -> Iterator[Finding]:
    inputs = graph.predecessors(process)
    for stuck in _game(process).values():
        if stuck.twice_from is not None:
            continue
        join = process.step_by_id[stuck.join]
        sources = ", ".join(sorted(set(inputs[join.id])))
        yield Finding(
            join.where("type"),
            f"{join.label} can wait forever: it waits for every path from steps {sources}, "
            f"but the run {_run(stuck.trace)} brings only some of them",
            "a join is only for paths that run in parallel; lead the exits of a decision into an ordinary step",
            join.pos,
        )


@rule(
    "S020", "join-reached-twice", family="structure",
    summary="A path can reach a join a second time before the join fires.",
    why="""
A join fires once when one token has arrived on each incoming line. A loop
from inside one parallel path back to the split (or a second split) sends
another token down a path that already waits at the join: the join fires a
second time later, and the work after it runs twice.
""",
    example="""
# Wrong: 6 splits into 7 and 8; while 7 already waits at the join 8a,
# 8 goes back to the split, and 7 reaches the join a second time
- id: "8"
  name: 生产准备就绪？
  type: decision
  branches:
    - when: 就绪
      next: "8a"
    - when: 重排
      next: "6"
- id: "8a"
  name: 物料与生产准备齐套
  type: join
  next: "9"
# Right: decide after the join, so that both paths start again together
- id: "8"
  name: 生产准备
  next: "8a"
- id: "8a"
  name: 物料与生产准备齐套
  type: join
  next: "8b"
- id: "8b"
  name: 计划可行？
  type: decision
  branches:
    - when: 是
      next: "9"
    - when: 否
      next: "6"
""",
)
def join_reached_twice(process: Process, ctx: Context) -> Iterator[Finding]:
    for stuck in _game(process).values():
        if stuck.twice_from is None:
            continue
        join = process.step_by_id[stuck.join]
        yield Finding(
            join.where("type"),
            f"{join.label} is reached twice from step {stuck.twice_from} before it fires, "
            f"in the run {_run(stuck.trace)}",
            "make each incoming path reach the join once: loop back to the split only after the join",
            join.pos,
        )
