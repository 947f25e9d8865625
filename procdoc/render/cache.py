"""Which pages can be taken from the previous site instead of drawn again.

A process's outputs depend on its own file, the options of the run, the
code that renders them, and the names of the processes its page links to.
All of that goes into one content hash per process; the previous site's
manifest remembers each hash and the files it produced (with their own
hashes, so a file edited or lost since is never reused).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procdoc.chart.graphviz import environment
from procdoc.fingerprint import code_fingerprint
from procdoc.render.diagram import FONT
from procdoc.render.output import MANIFEST
from procdoc.render.sitepaths import ensure_folders, open_inside, safe_name

_FORMAT = 1
_PAGE_FILE = re.compile(r"(?:md/)?[\w-]+\.(?:html|svg|png|md)")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Entry:
    """One process's outputs in a site: its hash, its files (path relative to OUT → sha256),
    and the hash of the file it was made from (a hint of what the next run will reuse)."""

    key: str
    files: Mapping[str, str]
    source: str = ""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_key(**inputs: Any) -> str:
    """The content hash of everything a process's outputs are made from (JSON-able values), besides
    procdoc's code on the render path, Graphviz's version and the fonts it uses, which every key includes."""
    tools = {"code": code_fingerprint("procdoc.render.site"), "graphviz": environment(FONT)}
    payload = json.dumps({**tools, **inputs}, sort_keys=True, ensure_ascii=False)
    return digest(payload.encode("utf-8"))


@dataclass(frozen=True)
class Manifest:
    """What the previous site says about itself: entries to reuse (none when any is suspect) and the
    files procdoc wrote there (which the next run may replace; anything else in OUT is the user's)."""

    entries: Mapping[str, Entry]
    owned: frozenset[str]
    #: read whole and every entry well-formed; when not, the new run's files replace any old file of their name
    trusted: bool = False


def read_manifest(site: Path) -> Manifest:
    """The previous site's manifest; empty when absent or unreadable, no reuse when any entry is suspect.

    A name that is not one procdoc writes (`a/../../x`, `/etc/x`, `.git/config`) or a hash
    that is not one means the file was edited by hand or by an attacker: then everything
    is drawn again, and only its well-formed names count as procdoc's.
    """
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT:
            return Manifest({}, frozenset())
        entries = {stem: Entry(e["key"], dict(e["files"]), _text(e.get("source"))) for stem, e in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest({}, frozenset())
    owned = frozenset(name for e in entries.values() for name in e.files if _page_file(name))
    intact = all(isinstance(e.key, str) and all(_page_file(n) and _sha(h) for n, h in e.files.items())
                 for e in entries.values())
    return Manifest(entries if intact else {}, owned, intact)


def _page_file(name: object) -> bool:
    """A name of the kind procdoc writes for a page (`qm-07.html`, `md/qm-07.svg`), inside the site."""
    return isinstance(name, str) and safe_name(name) and _PAGE_FILE.fullmatch(name) is not None


def _sha(value: object) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def _text(value: Any) -> str:
    """A manifest's optional string, or "" when it is missing or not a string (a damaged file)."""
    return value if isinstance(value, str) else ""


def manifest_text(entries: Mapping[str, Entry]) -> str:
    pages = {
        stem: {"key": e.key, "files": dict(sorted(e.files.items())), "source": e.source}
        for stem, e in sorted(entries.items())
    }
    return json.dumps({"format": _FORMAT, "pages": pages}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def reuse(entry: Entry, previous: Path, staged: Path) -> bool:
    """Take an entry's files from the previous site into the new one, if all are intact.

    Each file is opened without following a symlink and checked against its
    hash; what goes into the new site is the very file that was checked.
    """
    checked: dict[str, tuple[int, bytes]] = {}
    try:
        for name, sha in entry.files.items():
            found = _checked(previous, name, sha)
            if found is None:
                return False
            checked[name] = found
        for name, (handle, data) in checked.items():
            _place(handle, data, previous / name, ensure_folders(staged, name))
        return True
    finally:
        for handle, _ in checked.values():
            os.close(handle)


def _checked(site: Path, name: str, sha: str) -> tuple[int, bytes] | None:
    """An open descriptor of `site/name` and its bytes, if it is a regular file with the hash `sha`."""
    try:
        handle = open_inside(site, name)
    except OSError:
        return None
    try:
        data = _read_all(handle)
    except OSError:
        data = b""
    if digest(data) == sha:
        return handle, data
    os.close(handle)
    return None


def _read_all(handle: int) -> bytes:
    chunks = []
    while chunk := os.read(handle, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _place(handle: int, data: bytes, source: Path, target: Path) -> None:
    """A hard link to the checked file costs nothing; kept only if it is that very file, else a copy."""
    try:
        os.link(source, target, follow_symlinks=False)
        if os.path.samestat(os.fstat(handle), os.lstat(target)):
            return
        target.unlink()  # the old site changed since it was checked: publish what was checked
    except OSError:
        pass
    target.write_bytes(data)
