"""Names derived from user text: anchors, file names. Safe and unique.

Process ids and step ids come from YAML written by many hands; whatever they
contain (`../`, `/`, reserved device names, spaces), what we derive from
them stays inside the output folder and is a valid HTML id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slug(text: str) -> str:
    """Lower-case word characters, digits, '.', '-' only; never empty."""
    cleaned = _UNSAFE.sub("-", unicodedata.normalize("NFKC", text)).strip("-.").lower()
    cleaned = cleaned.replace(".", "-")
    if not cleaned or cleaned in _RESERVED:
        cleaned = "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return cleaned[:80]


_PLAIN_STEP_ID = re.compile(r"^[0-9a-z]+(?:\.[0-9a-z]+)*$")


@lru_cache(maxsize=4096)
def step_anchor(step_id: str) -> str:
    """HTML id of a step's row in the manual and its node in the SVG: `step-3-7`.

    Plain numbers ("3.7", "e1.2") read as they are; any other id gets a short
    hash, so ids that slug alike ("a/b", "a-b", "A-B") never share an anchor.
    Cached: a page and its chart ask for each step's anchor several times.
    """
    anchor = f"step-{slug(step_id)}"
    if _PLAIN_STEP_ID.match(step_id):
        return anchor
    return f"{anchor}-{hashlib.sha1(step_id.encode('utf-8')).hexdigest()[:6]}"


def page_stem(process_id: str) -> str:
    """File name stem for a process page: its id, made safe (`QM-07` → `qm-07`)."""
    safe = slug(process_id)
    if safe != process_id.lower():
        safe = f"{safe}-{hashlib.sha1(process_id.encode('utf-8')).hexdigest()[:6]}"
    return safe
