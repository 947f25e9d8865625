"""A Mermaid flowchart of one process, for pasting into GitHub issues, wikis and Markdown.

One `subgraph` per lane in declared order, each step a node of its
symbol's shape, each exit an edge with its label. Parallel work shows as
the chart shows it: a hexagon marked `+` right after a step whose exit
starts parallel paths, and a join as a hexagon marked `+` above its name;
a start step shows its trigger under its name. Every user string is
quoted and every character Mermaid or HTML could read as syntax becomes a
Mermaid entity code (`#34;`), so no name can close its node, open a new
statement, carry markup or a `%%{init}%%` directive: the reader sees the
text exactly as the author wrote it.
"""

from __future__ import annotations

from procdoc.chart.layout import exit_groups, splits
from procdoc.i18n import LABELS, detect_lang
from procdoc.model import Process, Step

SHAPES = {"start": ('(["', '"])'), "end": ('(["', '"])'), "decision": ('{"', '"}'), "subprocess": ('[["', '"]]'),
          "join": ('{{"', '"}}')}
"""Opening and closing of each step type's node; any other type is a plain box."""

TASK = ('["', '"]')
PARALLEL = "+"  # the parallel gateway's mark, in a split's hexagon and above a join's name
INDENT = "    "

_ENTITIES = {ch: f"#{ord(ch)};" for ch in '"#&<>|[]{}`'}
"""Mermaid turns `#34;` into the HTML entity `&#34;` after parsing, so the reader sees `"`."""


def export(process: Process) -> str:
    """The process as a `flowchart TD`, lanes as subgraphs, ready for a ```mermaid block."""
    ids = _node_ids(process)
    trigger = LABELS[detect_lang(process)]["legend.trigger"]
    lines = ["flowchart TD"]
    lanes = {lane.id for lane in process.lanes}
    for index, lane in enumerate(process.lanes):
        members = [step for step in process.steps if step.lane == lane.id]
        lines.append(f'{INDENT}subgraph lane_{index}["{escape(lane.name)}"]')
        lines += [f"{INDENT * 2}{node}" for step in members for node in _nodes(process, ids, step, trigger)]
        lines.append(f"{INDENT}end")
    outside = [s for s in process.steps if s.lane not in lanes]
    lines += [f"{INDENT}{node}" for step in outside for node in _nodes(process, ids, step, trigger)]
    lines += [f"{INDENT}{edge}" for edge in _edges(process, ids)]
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """`text` for inside a quoted Mermaid label: entity codes for syntax, `<br>` for line breaks."""
    encoded = "".join(_ENTITIES.get(ch, ch) for ch in text)
    return "<br>".join(encoded.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _node_ids(process: Process) -> dict[str, str]:
    """Step id → a node id of letters, digits and `_` (`3.7` → `s_3_7`), unique in the chart."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for step in process.steps:
        base = "s_" + "".join(ch if ch.isascii() and ch.isalnum() else "_" if ch.isascii() else f"u{ord(ch):X}"
                              for ch in step.id)
        candidate, count = base, 1
        while candidate in used:
            count += 1
            candidate = f"{base}_{count}"
        used.add(candidate)
        ids.setdefault(step.id, candidate)
    return ids


def _nodes(process: Process, ids: dict[str, str], step: Step, trigger: str) -> list[str]:
    """The step's node, then a hexagon for each of its exits that starts parallel paths."""
    opening, closing = SHAPES.get(step.type, TASK)
    lines = [f"{step.id} {step.name}"]
    if step.type == "join":
        lines.insert(0, PARALLEL)
    if step.type == "start" and step.trigger:
        lines.append(trigger + step.trigger)
    label = "<br>".join(escape(line) for line in lines)
    forks = [f'{_split(ids, step, g)}{{{{"{PARALLEL}"}}}}' for g in splits(step, process.step_by_id)]
    return [f"{ids[step.id]}{opening}{label}{closing}", *forks]


def _split(ids: dict[str, str], step: Step, group: int) -> str:
    """The node id of the parallel split after a step's exit group: `p_` where the step's has `s_`."""
    return f"p_{ids[step.id][2:]}_{group}"


def _edges(process: Process, ids: dict[str, str]) -> list[str]:
    """Every exit to a defined step, labelled where the author labelled it; through the
    parallel split where the exit starts parallel paths."""
    edges = []
    for step in process.steps:
        splitting = splits(step, process.step_by_id)
        for group, (label, targets) in enumerate(exit_groups(step)):
            arrow = f'-->|"{escape(label)}"|' if label else "-->"
            known = [ids[t] for t in targets if t in ids]
            if group in splitting:
                edges.append(f"{ids[step.id]} {arrow} {_split(ids, step, group)}")
                edges += [f"{_split(ids, step, group)} --> {target}" for target in known]
            else:
                edges += [f"{ids[step.id]} {arrow} {target}" for target in known]
    return edges
