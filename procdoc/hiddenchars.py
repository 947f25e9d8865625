"""Characters that make text show other than it reads ("Trojan Source", CVE-2021-42574).

Bidirectional controls reorder what a reader sees (`up to ‮0001$‬` shows as
`up to $1000`); invisible characters make two different ids or names look
the same. The security rules report them; the reports that land in other
tools' logs (GitHub annotations) show them as escapes.
"""

from __future__ import annotations

import re
import unicodedata

#: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E, U+200F, U+061C)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: zero-width space, non-joiner and joiner, word joiner, soft hyphen, BOM (zero-width no-break space)
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u00ad\ufeff")

#: both, as the inside of a regular expression's character class
HIDDEN_CLASS = "".join(sorted(BIDI_CONTROLS | INVISIBLE))
_HIDDEN = re.compile(f"[{HIDDEN_CLASS}]")


def describe(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"


def comparable(text: str) -> str:
    """`text` as a reader sees it: NFKC-normalised, without bidi controls and invisible characters.

    Two ids or names equal in this form look the same but are not.
    """
    return _HIDDEN.sub("", unicodedata.normalize("NFKC", text))


def may_hide(text: str) -> bool:
    """Whether `text` holds a bidi control or an invisible character anywhere."""
    return _HIDDEN.search(text) is not None


def hidden_in(text: str) -> list[tuple[int, str]]:
    """(index, character) of every bidi control and invisible character in `text`."""
    return [(match.start(), match.group()) for match in _HIDDEN.finditer(text)]


def as_escape(match: re.Match[str]) -> str:
    """A matched character written as Python writes it in a string: `\\x1b`, `\\u202e`."""
    return match.group().encode("unicode_escape").decode("ascii")
