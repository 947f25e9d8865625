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
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procdoc.chart.graphviz import environment
from procdoc.fingerprint import code_fingerprint
from procdoc.render.diagram import FONT
from procdoc.render.output import MANIFEST

_FORMAT = 1


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


def read_manifest(site: Path) -> dict[str, Entry]:
    """The previous site's entries by page stem; nothing when absent or unreadable (then all is re-rendered)."""
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT:
            return {}
        return {stem: Entry(e["key"], dict(e["files"]), _text(e.get("source"))) for stem, e in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


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
    """Link (or copy) an entry's files from the previous site into the new one, if all are intact."""
    if not all(_intact(previous / name, sha) for name, sha in entry.files.items()):
        return False
    for name in entry.files:
        _link_or_copy(previous / name, staged / name)
    return True


def _intact(path: Path, sha: str) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and digest(path.read_bytes()) == sha
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link costs nothing and keeps the file's identity; copy across filesystems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
