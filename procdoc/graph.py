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
    return process.successors


def predecessors(process: Process) -> Edges:
    """Step id → ids of the steps that lead to it (shared: read it, do not change it)."""
    return process.predecessors


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


def back_edges(edges: Edges, roots: Iterable[str]) -> set[tuple[str, str]]:
    """Edges that close a loop: to a step still on the depth-first path from `roots`."""
    found: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for root in roots:
        if root in state or root not in edges:
            continue
        state[root] = 1
        work = [(root, iter(edges[root]))]
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is None:
                state[node] = 2
                work.pop()
            elif state.get(target) == 1:
                found.add((node, target))
            elif target not in state:
                state[target] = 1
                work.append((target, iter(edges[target])))
    return found


def loop_backs(process: Process) -> set[tuple[str, str]]:
    """The exits a reader sees as going back: depth-first back edges from the starts,
    then the emergency handlers, then any step not yet reached, exits in written order.

    Rooting the walk where a run of the flow begins makes the first pass
    through a loop forward and only its return backward; the fixed order
    gives the same answer every run.
    """
    return back_edges(successors(process), [*entry_points(process), *process.step_by_id])


def emergency_only(process: Process) -> set[str]:
    """Steps reached from an emergency handler but never from a start: the emergency path."""
    edges = successors(process)
    normal = reachable(edges, [s.id for s in starts(process)])
    return reachable(edges, [e.handler for e in process.emergencies or [] if e.handler]) - normal


def longest_path(
    process: Process, weight: Callable[[Step], float], source: str | None = None, target: str | None = None
) -> tuple[float, list[str]]:
    """Heaviest path from `source` (default: the start steps) to `target` (default:
    wherever the path ends), each loop taken at most once; (0, []) when there is none.

    Loop-back edges (found by a depth-first walk from the starts) are dropped,
    which leaves a DAG; the heaviest path through it is listed in flow order.
    A path to `target` stops there.
    """
    edges = successors(process)
    starts_ = [s.id for s in starts(process)]
    loops = back_edges(edges, [*starts_, *edges])
    forward = {node: [t for t in targets if (node, t) not in loops] for node, targets in edges.items()}
    if target is not None:
        forward[target] = []
    roots = [source] if source is not None else starts_
    steps = process.step_by_id
    best: dict[str, tuple[float, list[str]]] = {}
    for node in _post_order(forward, roots):
        tails = [best[t] for t in forward[node] if t in best]
        if node != target and target is not None and not tails:
            continue  # no way from here to the target
        tail = max(tails, key=lambda item: item[0], default=(0.0, []))
        best[node] = (weight(steps[node]) + tail[0], [node, *tail[1]])
    return max((best[r] for r in roots if r in best), key=lambda item: item[0], default=(0.0, []))


def _post_order(edges: Edges, roots: Iterable[str]) -> list[str]:
    """Nodes reachable from `roots`, each after all of its successors (edges form a DAG)."""
    order: list[str] = []
    seen: set[str] = set()
    for root in roots:
        if root in seen or root not in edges:
            continue
        seen.add(root)
        work = [(root, iter(edges[root]))]
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is None:
                order.append(node)
                work.pop()
            elif target not in seen:
                seen.add(target)
                work.append((target, iter(edges[target])))
    return order
