"""A Mermaid flowchart of one process, for pasting into GitHub issues, wikis and Markdown.

One `subgraph` per lane in declared order, each step a node of its
symbol's shape, each exit an edge with its label. Every user string is
quoted and every character Mermaid or HTML could read as syntax becomes a
Mermaid entity code (`#34;`), so no name can close its node, open a new
statement, carry markup or a `%%{init}%%` directive: the reader sees the
text exactly as the author wrote it.
"""

from __future__ import annotations

from procdoc.model import Process, Step

SHAPES = {"start": ('(["', '"])'), "end": ('(["', '"])'), "decision": ('{"', '"}'), "subprocess": ('[["', '"]]')}
"""Opening and closing of each step type's node; any other type is a plain box."""

TASK = ('["', '"]')
INDENT = "    "

_ENTITIES = {ch: f"#{ord(ch)};" for ch in '"#&<>|[]{}`'}
"""Mermaid turns `#34;` into the HTML entity `&#34;` after parsing, so the reader sees `"`."""


def export(process: Process) -> str:
    """The process as a `flowchart TD`, lanes as subgraphs, ready for a ```mermaid block."""
    ids = _node_ids(process)
    lines = ["flowchart TD"]
    lanes = {lane.id for lane in process.lanes}
    for index, lane in enumerate(process.lanes):
        members = [step for step in process.steps if step.lane == lane.id]
        lines.append(f'{INDENT}subgraph lane_{index}["{escape(lane.name)}"]')
        lines += [f"{INDENT * 2}{_node(ids[step.id], step)}" for step in members]
        lines.append(f"{INDENT}end")
    lines += [f"{INDENT}{_node(ids[s.id], s)}" for s in process.steps if s.lane not in lanes]
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


def _node(node_id: str, step: Step) -> str:
    opening, closing = SHAPES.get(step.type, TASK)
    return f"{node_id}{opening}{escape(f'{step.id} {step.name}')}{closing}"


def _edges(process: Process, ids: dict[str, str]) -> list[str]:
    """Every exit to a defined step, labelled where the author labelled it."""
    edges = []
    for step in process.steps:
        for label, target, _ in step.exits():
            if target in ids:
                arrow = f'-->|"{escape(label)}"|' if label else "-->"
                edges.append(f"{ids[step.id]} {arrow} {ids[target]}")
    return edges
