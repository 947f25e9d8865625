"""The reference under the cursor, what it names, and the ids that may be written there.

References are found in the text, not the model: while someone types,
the file is often not a valid process, but the line being typed still
says which key it is a value of. The key decides what kind of object the
value names (a lane, a step, a document, a record, a phase or a process);
the model of the buffer, or of its last version that loaded, says where
that object is declared and what it is called.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from procdoc.checks.summary import ProcessSummary
from procdoc.diagnostics import Pos
from procdoc.model import Process

#: which kind of object the value of a key names
KINDS = {
    "lane": "lane", "owner": "lane", "r": "lane", "a": "lane", "c": "lane", "i": "lane",
    "next": "step", "on_fail": "step", "handler": "step", "from": "step", "to": "step",
    "documents": "document", "form": "document",
    "records": "record", "record": "record",
    "phase": "phase",
    "process": "process", "to_process": "process", "from_process": "process",
}
_KEYED = re.compile(r"^(?P<indent>\s*(?:-\s+)*)(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+|$)(?P<value>.*)$")
_ITEM = re.compile(r"^(?P<indent>\s*)-(?:\s+|$)(?P<value>.*)$")
_TOKEN = re.compile(r"[^\s\[\],'\"#{}]+")


@dataclass(frozen=True)
class Reference:
    """An id written where an object of `kind` is expected; `start`/`end` index the line's characters."""

    kind: str
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Target:
    """What a reference names: where it is declared, and how to describe it."""

    path: str
    pos: Pos
    length: int
    description: str


def reference_at(lines: list[str], line: int, index: int) -> Reference | None:
    """The reference around character `index` of `lines[line]` (0-based), even an empty one being typed."""
    if not 0 <= line < len(lines):
        return None
    found = _value_of(lines, line)
    if found is None:
        return None
    key, value_start = found
    kind = KINDS.get(key)
    text = lines[line]
    if kind is None or index < value_start or "#" in text[value_start:index]:
        return None
    for token in _TOKEN.finditer(text, value_start):
        if token.start() <= index <= token.end():
            return Reference(kind, token.group(), token.start(), token.end())
    return Reference(kind, "", index, index)


def _value_of(lines: list[str], line: int) -> tuple[str, int] | None:
    """The key whose value `lines[line]` holds, and where that value starts."""
    text = lines[line]
    keyed = _KEYED.match(text)
    if keyed is not None:
        return keyed.group("key"), keyed.start("value")
    item = _ITEM.match(text)
    if item is None:
        return None
    parent = _parent_key(lines, line, len(item.group("indent")))
    return (parent, item.start("value")) if parent is not None else None


def _parent_key(lines: list[str], line: int, dash: int) -> str | None:
    """The key a block list item at indentation `dash` belongs to: the first line above that is not a sibling."""
    for above in range(line - 1, -1, -1):
        text = lines[above]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(text.lstrip())
        if indent == dash and stripped.startswith("-"):
            continue
        keyed = _KEYED.match(text)
        bare = keyed is not None and keyed.group("value").split("#")[0].strip() == ""
        return keyed.group("key") if bare and indent <= dash and keyed is not None else None
    return None


def candidates(kind: str, process: Process | None, processes: dict[str, ProcessSummary]) -> Iterator[tuple[str, str]]:
    """(id, name) of every object a reference of `kind` may name."""
    if kind == "process":
        yield from ((pid, summary.name) for pid, summary in sorted(processes.items()))
    elif process is not None:
        for item in _declared(kind, process):
            yield item.id, item.name


def _declared(kind: str, process: Process) -> list[Any]:
    declared: dict[str, list[Any]] = {
        "lane": process.lanes, "step": process.steps, "document": process.documents,
        "record": process.records, "phase": process.phases,
    }
    return declared[kind]


def target(ref: Reference, path: str, process: Process | None,
           processes: dict[str, ProcessSummary]) -> Target | None:
    """Where the object `ref` names is declared, or None when nothing by that id is."""
    if ref.kind == "process":
        summary = processes.get(ref.word)
        if summary is None:
            return None
        return Target(summary.path, summary.id_at, len(summary.id), f"process {summary.id} '{summary.name}'")
    if process is None:
        return None
    for item in _declared(ref.kind, process):
        if item.id == ref.word:
            return Target(path, item.where("id"), len(item.id), _describe(ref.kind, item))
    return None


def _describe(kind: str, item: Any) -> str:
    detail = f" ({item.kind})" if kind == "lane" else ""
    return f"{kind} {item.id} '{item.name}'{detail}"
