"""Editing comments of a round-trip document: removing a suppression that silences nothing (M001).

ruamel.yaml keeps comments as tokens, each holding the text from one
position to the next piece of YAML: an end-of-line comment and the comment
lines below it are one token. A suppression is found by its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from procdoc.fix.site import Site

_UNUSED = re.compile(r"suppression of (\S+) silences nothing")
_SUPPRESSION = re.compile(r"(?P<lead>\s*)#\s*procdoc:\s*(?P<kind>ignore|file-ignore)\[(?P<codes>[^\]]*)\]")


def remove_unused_suppression(site: Site) -> bool:
    """Take the unused code out of its `# procdoc: ignore[…]`; drop the comment when no code is left."""
    unused = _UNUSED.search(site.finding.message)
    if unused is None:
        return False
    line = site.finding.line - 1
    for token in _tokens(site.document):
        offset = line - token.start_mark.line
        lines = token.value.split("\n")
        if 0 <= offset < len(lines) - 1 and _SUPPRESSION.search(lines[offset]):
            edited = _without(lines[offset], unused.group(1))
            if edited is None:
                return False
            if edited.strip() or offset == 0:
                lines[offset] = edited
            else:
                del lines[offset]
            token.value = "\n".join(lines)
            return True
    return False


def _without(text: str, code: str) -> str | None:
    """`text` with `code` taken out of its suppression, or None when the suppression does not name it."""
    match = _SUPPRESSION.search(text)
    if match is None:
        return None
    codes = [c.strip() for c in match.group("codes").split(",") if c.strip()]
    kept = [c for c in codes if c.upper() != code.upper()]
    if len(kept) == len(codes):
        return None
    replacement = f"{match.group('lead')}# procdoc: {match.group('kind')}[{', '.join(kept)}]" if kept else ""
    edited = text[: match.start()] + replacement + text[match.end():]
    return edited if edited.strip() else edited.strip()


def _tokens(node: Any) -> Iterator[Any]:
    """Every comment token in the document, depth first."""
    comments = getattr(node, "ca", None)
    if comments is not None:
        yield from _flatten(comments.comment)
        for value in comments.items.values():
            yield from _flatten(value)
        yield from _flatten(comments.end)
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _tokens(child)


def _flatten(value: Any) -> Iterator[Any]:
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)
    elif value is not None and hasattr(value, "start_mark"):
        yield value
