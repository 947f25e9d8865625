"""The token game: a BPMN export run in SpiffWorkflow, every decision exit taken at least once.

procdoc's conditions are the author's words, not expressions, so the test
decides each gateway itself: a script engine whose `evaluate` answers "is
this the exit (or the start) chosen here?". Passes are repeated until
every exclusive gateway's every exit and every start has been taken. The
first pass from each start takes no exit that loops back, later ones take
each looping exit at most once per gateway, so a step that runs twice in a
pass without a loop taken is a token the model duplicated (an implicit
merge after parallel paths) — exactly what a join exists to prevent.

Call activities get a stub process (start → end): the called process is
exported and played on its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
NS = {"bpmn": BPMN}
MAX_ROUNDS = 500  # engine rounds in one pass: far more than any sample needs, so a livelock fails


@dataclass(frozen=True)
class Exit:
    flow: str
    condition: str
    target: str
    loops: bool  # from the target, no end is reached without passing the gateway again
    ahead: frozenset[str]  # every flow node reachable from the target


@dataclass(frozen=True)
class Model:
    """What the game needs to know of the exported process."""

    xml: str  # executable, with a stub for every called process
    process: str
    starts: dict[str, str | None]  # start event id → its condition (None: a blank start)
    exits: dict[str, list[Exit]]  # exclusive gateway id → its exits
    data: dict[str, str]  # data object id → its name: what a step writes into its records


def model_of(text: str) -> Model:
    root = ET.fromstring(text.encode("utf-8"))
    process = root.find("bpmn:process", NS)
    assert process is not None
    process.set("isExecutable", "true")
    known = {p.get("id") for p in root.iterfind("bpmn:process", NS)}
    for called in sorted({c.get("calledElement", "") for c in process.iterfind("bpmn:callActivity", NS)} - known):
        root.insert(len(root) - 1, _stub(called))
    starts = {e.get("id", ""): e.findtext("bpmn:conditionalEventDefinition/bpmn:condition", None, NS)
              for e in process.iterfind("bpmn:startEvent", NS)}
    data = {d.get("id", ""): d.get("name", "") for d in process.iterfind("bpmn:dataObject", NS)}
    return Model(ET.tostring(root, encoding="unicode"), process.get("id", ""), starts, _exits(process), data)


def _stub(process_id: str) -> ET.Element:
    stub = ET.Element(f"{{{BPMN}}}process", {"id": process_id, "isExecutable": "true"})
    ET.SubElement(stub, f"{{{BPMN}}}startEvent", {"id": f"{process_id}_start"})
    ET.SubElement(stub, f"{{{BPMN}}}sequenceFlow", {"id": f"{process_id}_flow", "sourceRef": f"{process_id}_start",
                                                     "targetRef": f"{process_id}_end"})
    ET.SubElement(stub, f"{{{BPMN}}}endEvent", {"id": f"{process_id}_end"})
    return stub


def _exits(process: ET.Element) -> dict[str, list[Exit]]:
    flows = [(f.get("id", ""), f.get("sourceRef", ""), f.get("targetRef", ""),
              f.findtext("bpmn:conditionExpression", "", NS)) for f in process.iterfind("bpmn:sequenceFlow", NS)]
    after: dict[str, list[str]] = {}
    for _, source, target, _ in flows:
        after.setdefault(source, []).append(target)
    ends = {e.get("id") for e in process.iterfind("bpmn:endEvent", NS)}
    gateways = sorted(g.get("id", "") for g in process.iterfind("bpmn:exclusiveGateway", NS))
    return {gateway: [Exit(flow, condition, target, not ends & _reachable(after, target, avoiding=gateway),
                           frozenset(_reachable(after, target)))
                      for flow, source, target, condition in flows if source == gateway]
            for gateway in gateways}


def _reachable(edges: dict[str, list[str]], start: str, avoiding: str = "") -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node not in seen and node != avoiding:
            seen.add(node)
            stack += edges.get(node, [])
    return seen


@dataclass
class Game:
    """Passes over one model; what each pass ran and which exits are still to take."""

    model: Model
    untaken: set[tuple[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        self.untaken = {(g, e.flow) for g, exits in self.model.exits.items() for e in exits}

    def play(self) -> list[Pass]:
        """Every start once without loops, then passes until every exit is taken (or nothing new is)."""
        passes = [self._pass(start, first=True) for start in self.model.starts]
        while self.untaken:
            before = set(self.untaken)
            passes += [self._pass(start, first=False) for start in self.model.starts]
            if self.untaken == before:
                break
        return passes

    def _pass(self, start: str, *, first: bool) -> Pass:
        run = Pass(start, first)
        parser = BpmnParser()
        parser.add_bpmn_str(self.model.xml.encode("utf-8"))
        spec = parser.get_spec(self.model.process)
        workflow = BpmnWorkflow(spec, parser.get_subprocess_specs(self.model.process),
                                script_engine=_Chooser(self, run))
        workflow.do_engine_steps(will_complete_task=self._write, did_complete_task=run.record)
        for _ in range(MAX_ROUNDS):
            if workflow.is_completed():
                run.completed = True
                break
            ready = workflow.get_tasks(state=TaskState.READY)
            if not ready:
                break  # waiting for ever: a join that a path never reaches
            for task in ready:
                self._write(task)
                task.run()
                run.record(task)
            workflow.do_engine_steps(will_complete_task=self._write, did_complete_task=run.record)
        return run

    def _write(self, task: Any) -> None:
        """The step fills in its records: Spiff copies a data output from the task's data."""
        task.data.update(self.model.data)

    def choose(self, run: Pass, gateway: str) -> Exit:
        """An exit not taken yet, else one towards a gateway with such exits, else the first forward one;
        a looping exit only after a first pass, once per gateway and pass."""
        exits = self.model.exits[gateway]
        looped = gateway in run.looped
        allowed = [e for e in exits if not e.loops or (not run.first and not looped)] or exits
        fresh = [e for e in allowed if (gateway, e.flow) in self.untaken]
        toward = [e for e in allowed if any(g in e.ahead for g, _ in self.untaken)]
        forward = [e for e in allowed if not e.loops]
        chosen = (fresh or [e for e in toward if not e.loops] or toward or forward or allowed)[0]
        self.untaken.discard((gateway, chosen.flow))
        if chosen.loops:
            run.looped.add(gateway)
        return chosen


@dataclass
class Pass:
    start: str
    first: bool
    runs: Counter[str] = field(default_factory=Counter)  # flow node id → times completed
    looped: set[str] = field(default_factory=set)  # gateways that took a looping exit
    completed: bool = False

    def record(self, task: Any) -> None:
        bpmn_id = getattr(task.task_spec, "bpmn_id", None)
        if bpmn_id and task.workflow is task.workflow.top_workflow:
            self.runs[bpmn_id] += 1


class _Chooser(PythonScriptEngine):  # type: ignore[misc]
    """Answers each condition by the game's choice: one per gateway visit, the pass's own start."""

    def __init__(self, game: Game, run: Pass) -> None:
        super().__init__()
        self.game, self.run = game, run
        self.decided: dict[Any, Exit] = {}

    def evaluate(self, task: Any, expression: str, external_context: Any = None) -> bool:
        node = task.task_spec.bpmn_id
        if node in self.game.model.starts:
            return bool(node == self.run.start)
        if task.id not in self.decided:
            self.decided[task.id] = self.game.choose(self.run, node)
        return bool(self.decided[task.id].condition == expression)
