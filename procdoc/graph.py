"""Walks over a process's flow, shared by rules and renderers.

The flow is the directed graph of steps and their exits (`next` and
`branches`). Targets that name no step are left out here; reporting them is
a rule's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from procdoc.model import Process, Step

Edges = dict[str, list[str]]


def successors(process: Process) -> Edges:
    """Step id → ids of the defined steps it leads to, in written order."""
    known = process.step_by_id
    return {step.id: [t for _, t, _ in step.exits() if t in known] for step in process.steps}


def predecessors(process: Process) -> Edges:
    result: Edges = {step.id: [] for step in process.steps}
    for source, targets in successors(process).items():
        for target in targets:
            result[target].append(source)
    return result


def reachable(edges: Edges, starts: Iterable[str]) -> set[str]:
    """Every node reachable from `starts` (including them), iteratively."""
    seen: set[str] = set()
    stack = [s for s in starts if s in edges]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(t for t in edges[node] if t not in seen)
    return seen


def starts(process: Process) -> list[Step]:
    return [step for step in process.steps if step.type == "start"]


def ends(process: Process) -> list[Step]:
    return [step for step in process.steps if step.type == "end"]


def entry_points(process: Process) -> list[str]:
    """Start steps and emergency handlers: where a run of the flow may begin."""
    handlers = [e.handler for e in process.emergencies or [] if e.handler in process.step_by_id]
    return [s.id for s in starts(process)] + [h for h in handlers if h is not None]


def reaching_an_end(process: Process) -> set[str]:
    """Steps from which some end step can be reached (option to complete)."""
    return reachable(predecessors(process), [s.id for s in ends(process)])


def strongly_connected(edges: Edges) -> list[list[str]]:
    """Tarjan's components, iterative so 20,000 steps do not hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def cyclic_components(edges: Edges) -> list[list[str]]:
    """Components that contain a loop (more than one step, or a self-loop)."""
    return [c for c in strongly_connected(edges) if len(c) > 1 or c[0] in edges[c[0]]]


def longest_path(process: Process, weight: Callable[[Step], float]) -> tuple[float, list[str]]:
    """Heaviest path from the start steps, each loop's steps counted once.

    Loops are collapsed to one node weighing the sum of their steps, which
    turns the flow into a DAG; then a longest-path pass in topological order.
    """
    edges = successors(process)
    components = strongly_connected(edges)  # reverse topological order
    owner = {node: i for i, component in enumerate(components) for node in component}
    steps = process.step_by_id
    best: dict[int, tuple[float, list[str]]] = {}
    for i, component in enumerate(components):
        own = sum(weight(steps[n]) for n in component)
        tails = {owner[t] for n in component for t in edges[n]} - {i}
        tail = max((best[t] for t in tails), key=lambda item: item[0], default=(0.0, []))
        best[i] = (own + tail[0], sorted(component) + tail[1])
    entries = [owner[s.id] for s in starts(process) if s.id in owner]
    return max((best[e] for e in entries), key=lambda item: item[0], default=(0.0, []))
