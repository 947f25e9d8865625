"""The order of keys in each kind of mapping, read from the format's JSON Schema.

The schema lists properties in the order docs/format.md documents them, so
the one source of the format also decides the layout `procdoc fmt` writes.
"""

from __future__ import annotations

from functools import cache
from typing import Any

Node = dict[str, Any]


@cache
def _schema() -> Node:
    from procdoc.schema import schema

    return schema()


def _resolve(node: Node) -> Node:
    """`node` with `$ref`s followed and the first alternative of a oneOf/anyOf taken that has children."""
    while True:
        if "$ref" in node:
            node = _schema()["$defs"][node["$ref"].rsplit("/", 1)[-1]]
            continue
        for alternatives in ("oneOf", "anyOf"):
            options = [_resolve(option) for option in node.get(alternatives, [])]
            structured = [o for o in options if "properties" in o or "items" in o]
            if structured:
                return structured[-1] if len(structured) > 1 and "properties" in structured[-1] else structured[0]
        return node


def root() -> Node:
    return _resolve(_schema())


def child(node: Node | None, key: str | int) -> Node | None:
    """The schema of `key` (a mapping key, or a list index) inside `node`, when the format defines it."""
    if node is None:
        return None
    if isinstance(key, int):
        items = node.get("items")
        return _resolve(items) if isinstance(items, dict) else None
    properties = node.get("properties", {})
    return _resolve(properties[key]) if key in properties else None


def definition(name: str) -> Node:
    """The format's definition called `name` (step, lane …)."""
    return _schema()["$defs"][name]  # type: ignore[no-any-return]


def kind(node: Node | None) -> str | None:
    """The name of the format's definition `node` is (step, branch, ids …), if it is one."""
    if node is None:
        return None
    return next((name for name, definition in _schema()["$defs"].items() if definition is node), None)


def order(node: Node | None) -> tuple[str, ...]:
    """The documented order of the keys of a mapping of this kind."""
    return tuple(node.get("properties", {})) if node else ()
