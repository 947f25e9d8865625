"""Rule tests: tables of named valid and invalid cases, most of them small edits of BASE."""

from __future__ import annotations

from tests.base_process import BASE


def edited(old: str, new: str, text: str = BASE, count: int = 1) -> str:
    """`text` with `old` replaced by `new`.

    Fails when `old` does not occur exactly `count` times, so that a case whose
    snippet drifted away from BASE cannot silently test BASE itself.
    """
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times, expected {count}"
    return text.replace(old, new)
