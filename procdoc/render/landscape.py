"""The site's front page: the process map (families → L1 domains → L2 groups → L3
processes → L4 sub-processes) and the process-interface view (who calls or hands
over to whom), drawn by Graphviz.

The architecture comes from each process's `category`, `level` and `parent`
and from the settings' catalogue (`[processes."<ID>"]` with `name`, `en`,
`status`, `category`, `level`, `parent`), which also names the domains and
groups and lists processes not written yet (status `planned`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from procdoc.chart.graphviz import Graphviz
from procdoc.model import Process
from procdoc.render.context import PageRef
from procdoc.render.dotescape import html, quoted

FAMILIES = ("strategic", "business", "support")
FONT = "Noto Sans CJK SC,Noto Sans,sans-serif"


@dataclass(frozen=True)
class Entry:
    """One process of the architecture, written (it has a page) or only catalogued."""

    id: str
    name: str
    category: str | None
    level: str | None
    parent: str | None
    page: str | None  # the page stem; None when the process is not written yet


@dataclass
class Group:
    """An L2 group (or an L1 domain when it holds processes directly): its processes and their sub-processes."""

    id: str
    title: str
    processes: list[Entry] = field(default_factory=list)
    subs: dict[str, list[Entry]] = field(default_factory=dict)


@dataclass
class Domain:
    id: str
    title: str
    groups: list[Group] = field(default_factory=list)


@dataclass
class Family:
    key: str
    domains: list[Domain] = field(default_factory=list)


def catalogue(raw_text: str) -> dict[str, dict[str, Any]]:
    """The settings' `[processes."<ID>"]` tables, read leniently: settings are checked elsewhere."""
    try:
        table = tomllib.loads(raw_text).get("processes", {}) if raw_text else {}
    except tomllib.TOMLDecodeError:
        return {}
    return {str(key): value for key, value in table.items() if isinstance(value, dict)}


def entries(processes: Sequence[Process], pages: Mapping[str, PageRef], listed: Mapping[str, Mapping[str, Any]],
            lang: str) -> dict[str, Entry]:
    """Every process and catalogued item by id; a written process's own fields win."""
    found: dict[str, Entry] = {}
    for item_id, item in sorted(listed.items()):
        name = str(item.get("en") if lang == "en" and item.get("en") else item.get("name", item_id))
        found[item_id] = Entry(item_id, name, _text(item.get("category")), _text(item.get("level")),
                               _text(item.get("parent")), None)
    for process in sorted(processes, key=lambda p: p.id):
        page = pages.get(process.id)
        listed_item = found.get(process.id)
        found[process.id] = Entry(
            process.id, process.name, process.category or (listed_item.category if listed_item else None),
            process.level or (listed_item.level if listed_item else None),
            process.parent or (listed_item.parent if listed_item else None), page.stem if page else None,
        )
    return found


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def families(found: Mapping[str, Entry], other: str) -> list[Family]:
    """The map: each L3/L4 process under its group and domain, in its family; `other` titles the rest."""
    result = {key: Family(key) for key in (*FAMILIES, "none")}
    groups: dict[str, Group] = {}
    domains: dict[tuple[str, str], Domain] = {}
    for entry in sorted(found.values(), key=lambda item: item.id):
        if entry.level in ("L1", "L2"):
            continue
        parent = found.get(entry.parent or "")
        if entry.level == "L4" and parent is not None and parent.level not in ("L1", "L2"):
            continue  # a sub-process sits under its process
        group_id = entry.parent or ""
        group = groups.get(group_id)
        if group is None:
            group = groups[group_id] = Group(group_id, _title(found, group_id, other))
            domain_id = (found[group_id].parent or "") if group_id in found else ""
            family = _family(found, entry, group_id)
            domain = domains.get((family, domain_id))
            if domain is None:
                domain = domains[(family, domain_id)] = Domain(domain_id, _title(found, domain_id, ""))
                result[family].domains.append(domain)
            domain.groups.append(group)
        group.processes.append(entry)
    for entry in sorted(found.values(), key=lambda item: item.id):
        parent = found.get(entry.parent or "")
        if entry.level == "L4" and parent is not None and parent.level not in ("L1", "L2"):
            for group in groups.values():
                if parent in group.processes:
                    group.subs.setdefault(parent.id, []).append(entry)
    return [family for family in result.values() if family.domains]


def _title(found: Mapping[str, Entry], item_id: str, other: str) -> str:
    item = found.get(item_id)
    if item is None:
        return item_id or other
    return f"{item.id} {item.name}" if item.name != item.id else item.id


def _family(found: Mapping[str, Entry], entry: Entry, group_id: str) -> str:
    """The process's own category, else its group's, else its domain's."""
    chain = [entry, found.get(group_id)]
    group = found.get(group_id)
    chain.append(found.get(group.parent or "") if group else None)
    return next((item.category for item in chain if item and item.category in FAMILIES), "none")


# ── Interfaces ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Interface:
    source: str
    target: str
    kind: str  # call | handover


def interfaces(processes: Sequence[Process]) -> list[Interface]:
    """Calls (sub-process steps) and hand-overs (outputs to a process, triggers from one), each pair once."""
    found: set[Interface] = set()
    for process in processes:
        calls = [step.process for step in process.steps if step.type == "subprocess" and step.process]
        found |= {Interface(process.id, callee, "call") for callee in calls}
        found |= {Interface(process.id, o.to_process, "handover") for o in process.outputs if o.to_process}
        if process.trigger and process.trigger.from_process:
            found.add(Interface(process.trigger.from_process, process.id, "handover"))
    return sorted(found, key=lambda i: (i.source, i.target, i.kind))


def interface_svg(found: Mapping[str, Entry], links: Sequence[Interface], labels: Mapping[str, str]) -> str:
    """The interface view drawn by dot: a box per process (a link to its manual), an arrow per interface."""
    ids = sorted({i.source for i in links} | {i.target for i in links})
    lines = ["digraph interfaces {",
             f"graph [rankdir=LR, bgcolor=white, nodesep=0.25, ranksep=0.6, fontname={quoted(FONT)}];",
             f"node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef6ff\", color=\"#5b7083\", "
             f"fontname={quoted(FONT)}, fontsize=11, margin=\"0.12,0.06\"];",
             f"edge [fontname={quoted(FONT)}, fontsize=9, color=\"#37474f\", arrowsize=0.7];"]
    for n, item_id in enumerate(ids):
        entry = found.get(item_id)
        name = entry.name if entry else ""
        label = f"<<B>{html(item_id)}</B>{'<BR/>' + html(name) if name and name != item_id else ''}>"
        attrs = [f"label={label}", f"id={quoted(f'iface-{n}')}", f"tooltip={quoted(f'{item_id} {name}'.strip(), 2)}"]
        if entry and entry.page:
            attrs.append(f"href={quoted(entry.page + '.html')}")
        else:
            attrs.append('style="rounded,dashed", fillcolor="#ffffff"')
        lines.append(f"{quoted(item_id)} [{', '.join(attrs)}];")
    for link in links:
        style = "solid" if link.kind == "call" else "dashed"
        lines.append(f"{quoted(link.source)} -> {quoted(link.target)} [style={style}, "
                     f"label={quoted(labels[link.kind])}, class={quoted(link.kind)}];")
    lines.append("}")
    return Graphviz()("dot", "svg", "\n".join(lines)).decode("utf-8")


@dataclass(frozen=True)
class FrontPage:
    """What the front page shows above the catalogue."""

    families: list[Family]
    interfaces_svg: str


def front_page(processes: Sequence[Process], pages: Mapping[str, PageRef], settings_text: str,
               lang: str, labels: Mapping[str, str]) -> FrontPage:
    found = entries(processes, pages, catalogue(settings_text), lang)
    links = interfaces(processes)
    kinds = {"call": labels["map.call"], "handover": labels["map.handover"]}
    return FrontPage(families(found, labels["map.other"]), interface_svg(found, links, kinds) if links else "")
