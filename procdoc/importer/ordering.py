"""Step ids for imported steps: BPMN's own ids when they read like step numbers, else numbers.

Steps are written in reading order: phase by phase, and within a phase each
step after the steps that lead to it (a depth-first walk from the starts, in
reverse post-order), so the file reads like the process runs. They are then
numbered `1`, `2` … or, with phases, `1.1`, `1.2`, `2.1` …, as procedure
manuals number them.
"""

from __future__ import annotations

import re

from procdoc.importer.bpmn import Scope
from procdoc.importer.flows import Graph

SHORT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,7}")
"""An id short enough to be kept as the step's number (Modellers' generated ids are longer)."""


def number_steps(scope: Scope, graph: Graph, keep: dict[str, str] | None = None) -> dict[str, str]:
    """BPMN id → step id, in the order the steps are written.

    `keep` maps BPMN ids to the step ids an earlier import gave them: those
    steps keep their numbers, so the two imports can be compared step by step;
    a new step gets its number, with a letter when another step holds it.
    """
    order = _reading_order(scope, graph)
    unphased = len(scope.phases)
    order.sort(key=lambda node: scope.phase_of.get(node, unphased))  # stable: reading order within a phase
    numbers = _numbers(scope, order)
    kept = {node: (keep or {})[node] for node in order if node in (keep or {})}
    used = set(kept.values())
    for node in order:
        if node not in kept:
            candidate, suffix = numbers[node], iter("abcdefghijklmnopqrstuvwxyz")
            while candidate in used:
                candidate = f"{numbers[node]}{next(suffix, '_')}"
            kept[node] = candidate
            used.add(candidate)
    return {node: kept[node] for node in order}


def _numbers(scope: Scope, order: list[str]) -> dict[str, str]:
    unphased = len(scope.phases)
    if all(SHORT.fullmatch(node) for node in order):
        return {node: node for node in order}
    if not scope.phases:
        return {node: str(index) for index, node in enumerate(order, start=1)}
    numbers: dict[str, str] = {}
    counts: dict[int, int] = {}
    for node in order:
        phase = scope.phase_of.get(node, unphased)
        counts[phase] = counts.get(phase, 0) + 1
        numbers[node] = f"{phase + 1}.{counts[phase]}"
    return numbers


def _reading_order(scope: Scope, graph: Graph) -> list[str]:
    """Reverse post-order of a depth-first walk from the starts, then from handlers, then from the rest."""
    successors = {node: [t for e in graph.exits.get(node, []) for t in e.targets] for node in graph.steps}
    starts = [n for n in graph.steps if scope.nodes[n].tag == "startEvent"]
    handlers = [f.target for f in scope.flows if scope.nodes.get(f.source) is not None
                and scope.nodes[f.source].tag == "boundaryEvent"]
    seen: set[str] = set()
    order: list[str] = []
    for root in [*starts, *handlers, *graph.steps]:
        if root in successors and root not in seen:
            finished: list[str] = []
            _walk(root, successors, seen, finished)
            order += finished[::-1]
    return order


def _walk(root: str, successors: dict[str, list[str]], seen: set[str], finished: list[str]) -> None:
    """Iterative depth-first walk (models can be deep); appends each node when all after it are done."""
    seen.add(root)
    stack = [(root, iter(successors[root]))]
    while stack:
        node, pending = stack[-1]
        nxt = next((t for t in pending if t in successors and t not in seen), None)
        if nxt is None:
            finished.append(node)
            stack.pop()
        else:
            seen.add(nxt)
            stack.append((nxt, iter(successors[nxt])))
