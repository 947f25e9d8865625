"""The edits rules' fixes are made of: small, and each one refusing when it is not sure.

They work on the round-trip document through the plain mapping and list
interface, so rule modules can declare fixes without importing ruamel.yaml.
An edit returns False, changing nothing, when the finding does not have the
one shape the edit can repair; the finding then stays among those reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from procdoc.fix.site import Site

Edit = Callable[[Site], bool]


def reference_by_name(list_key: str) -> Edit:
    """A reference written as an element's name → that element's id.

    Only when exactly one element of `list_key` carries the name: 营销部 for a
    lane whose id is marketing. A typo is not guessed at.
    """

    def edit(site: Site) -> bool:
        written = site.value()
        if not isinstance(written, str):
            return False
        items = site.document.get(list_key) or []
        ids = [item.get("id") for item in items if isinstance(item, dict) and item.get("name") == written]
        if len(ids) != 1 or not isinstance(ids[0], str):
            return False
        site.set(ids[0])
        return True

    return edit


def remove_element(list_key: str) -> Edit:
    """Remove the top-level `list_key` element the finding is about (an unused document, record, lane)."""

    def edit(site: Site) -> bool:
        if len(site.path) < 2 or site.path[0] != list_key or not isinstance(site.path[1], int):
            return False
        del site.document[list_key][site.path[1]]
        return True

    return edit


def remove_key(*keys: str) -> Edit:
    """Remove the key the finding points at, when it is one of `keys` (an end step's `next`)."""

    def edit(site: Site) -> bool:
        for at in range(len(site.path) - 1, -1, -1):
            part = site.path[at]
            if isinstance(part, str):
                mapping = site.node(site.path[:at])
                if part not in keys or not _hand_on_comments(mapping, part):
                    return False
                del mapping[part]
                return True
        return False

    return edit


def _hand_on_comments(mapping: Any, key: str) -> bool:
    """Give the blank lines and comment lines that follow `key` to the key before it; False if none can take them.

    ruamel.yaml keeps what follows a key's line with that key, so removing
    the key would remove the next section's heading comment with it. The
    key's own end-of-line comment goes with its line.
    """
    comments = getattr(getattr(mapping, "ca", None), "items", {})
    token = comments.get(key, [None] * 4)[2]
    following = token.value.partition("\n")[2] if token is not None else ""
    if not following:
        return True
    keys = list(mapping)
    before = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    if before is None or isinstance(mapping[before], (dict, list)):
        return False  # its comments would land inside or above a nested block
    slot = comments.setdefault(before, [None, None, None, None])
    if slot[2] is None:
        token.value = "\n" + following
        slot[2] = token
    else:
        slot[2].value += following
    return True


def latest_revision(document: Any) -> dict[str, Any] | None:
    """The last entry of `revisions` (the format keeps them oldest first), if it is a mapping."""
    revisions = document.get("revisions")
    if isinstance(revisions, list) and revisions and isinstance(revisions[-1], dict):
        return revisions[-1]
    return None


def sort_list(items: list[Any], key: Callable[[Any], Any]) -> bool:
    """Sort `items` in place (stably), each item keeping the comments that belong to it."""
    order = sorted(range(len(items)), key=lambda index: key(items[index]))
    if order == list(range(len(items))):
        return False
    comments = getattr(getattr(items, "ca", None), "items", None)
    moved = {new: comments[old] for new, old in enumerate(order) if comments and old in comments}
    items[:] = [items[old] for old in order]
    if comments is not None:
        comments.clear()
        comments.update(moved)
    return True
