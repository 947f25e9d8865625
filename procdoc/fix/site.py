"""Where a finding is in a round-trip document, and what a fix may look up.

Diagnostics carry the line and column where procdoc's reader found the
element; ruamel.yaml's round-trip document records the same positions
(`.lc`), so a fix edits exactly the value the finding is about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from procdoc.config import OrgUnit
from procdoc.diagnostics import Diagnostic

Path = tuple[str | int, ...]


@dataclass
class Site:
    """The finding's place in `document` (`path` from the root) and the repository around it."""

    document: Any
    path: Path
    finding: Diagnostic
    org: Mapping[str, OrgUnit] = field(default_factory=dict)

    def node(self, path: Path | None = None) -> Any:
        node = self.document
        for part in self.path if path is None else path:
            node = node[part]
        return node

    def value(self) -> Any:
        return self.node()

    def set(self, value: Any) -> None:
        """Replace the value at the finding (text quoted when it must be, as `fmt` would write it)."""
        self.node(self.path[:-1])[self.path[-1]] = _written(value)

    def element(self, list_key: str) -> Any:
        """The item of the top-level list `list_key` (a lane, a step …) the finding is in, or None."""
        if len(self.path) < 2 or self.path[0] != list_key or not isinstance(self.path[1], int):
            return None
        item = self.document[list_key][self.path[1]]
        return item if isinstance(item, dict) else None


def put(mapping: Any, key: str, value: Any, kind: str | None = None) -> None:
    """Set `key`; a new key goes where docs/format.md puts it among the keys already there.

    `kind` names the mapping's definition in the format (step, lane …); None is the process itself.
    """
    from procdoc.format import keyorder

    if key in mapping:
        mapping[key] = _written(value)
        return
    order = keyorder.order(keyorder.definition(kind) if kind else keyorder.root())
    earlier = set(order[: order.index(key)]) if key in order else set(order)
    position = max((index + 1 for index, existing in enumerate(mapping) if existing in earlier), default=0)
    mapping.insert(position, key, _written(value))


def _written(value: Any) -> Any:
    from procdoc.format.layout import quoted  # ruamel.yaml: only when something is fixed

    return quoted(value) if isinstance(value, str) else value


def locate(document: Any, line: int, column: int) -> Path | None:
    """The path of the key or value that starts at `line`:`column` (1-based), deepest first."""
    target = (line - 1, column - 1)
    found: Path | None = None
    for path, starts in _positions(document, ()):
        if target in starts and (found is None or len(path) >= len(found)):
            found = path
    return found


def _positions(node: Any, path: Path) -> Iterator[tuple[Path, tuple[tuple[int, int], ...]]]:
    """Each child's path with the positions it starts at (its key's and its value's)."""
    data = getattr(getattr(node, "lc", None), "data", None) or {}
    if isinstance(node, dict):
        for key, value in node.items():
            where = data.get(key)
            if where is not None:
                yield (*path, key), ((where[0], where[1]), (where[2], where[3]))
            yield from _positions(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            where = data.get(index)
            if where is not None:
                yield (*path, index), ((where[0], where[1]),)
            yield from _positions(value, (*path, index))
