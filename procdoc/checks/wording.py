"""Phrasing shared by the rules, so every message names things the same way."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Collection


def fold(name: str) -> str:
    """Case, width and spacing folded, so 'Service desk' and 'Service  Desk' compare equal."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def suggest(wanted: str, known: Collection[str], noun: str) -> str:
    """A hint naming the closest declared id, or the declared ids themselves."""
    close = difflib.get_close_matches(wanted, list(known), n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    if not known:
        return f"no {noun} is declared: declare it, or remove the reference"
    shown = ", ".join(list(known)[:8]) + (", …" if len(known) > 8 else "")
    return f"use the id of a declared {noun}: {shown}"
