"""Phrasing shared by the rules, so every message names things the same way."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache

#: words that mark text the author has not written yet, as `procdoc new` and people leave them
PLACEHOLDER_WORDS = ("TODO", "TBD", "TBA", "FIXME", "XXX", "待定", "待补充", "待填写", "待完善", "待补")


@lru_cache(maxsize=16384)
def fold(name: str) -> str:
    """Case, width and spacing folded, so 'Service desk' and 'Service  Desk' compare equal.

    Memoised: rules fold the same names and texts again for every step that mentions them.
    """
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


@lru_cache(maxsize=64)
def _placeholder_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Text that starts with one of `words`; a Latin word must end there (TODO, not TODOS)."""
    texts = [str(w) for w in words]
    if not texts:
        return None
    spelled = sorted({fold(w) for w in texts if w.strip()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) + (r"(?![a-z0-9])" if w[-1].isascii() else "") for w in spelled)
    return re.compile(rf"^(?:{alternatives})")


def placeholder_test(words: Iterable[str] = PLACEHOLDER_WORDS) -> Callable[[str], bool]:
    """A test for "`text` is still a placeholder": it starts with one of `words` (TODO 质量标准, 待定).

    Made once per process, then asked of each of its few hundred texts.
    """
    try:
        pattern = _placeholder_pattern(tuple(words))
    except TypeError:  # a word that is not hashable (a list in the settings) is compared as its text
        pattern = _placeholder_pattern(tuple(map(str, words)))
    if pattern is None:
        return lambda text: False
    match = pattern.match
    return lambda text: match(fold(text)) is not None


def is_placeholder(text: str, words: Iterable[str] = PLACEHOLDER_WORDS) -> bool:
    """Whether `text` is still a placeholder: it starts with a placeholder word (TODO 质量标准, 待定)."""
    return placeholder_test(words)(text)
