"""The site's search index: every manual's ids, names, steps, documents, records and roles,
written as a script the front page loads, so that search works offline, even from files.

Each entry is a process or a step: a title, where it links (a step: its row's
anchor), what it belongs to, and its searchable text in lower case. The
page matches Chinese by substring (two characters at a time) and Latin text
by words, so the index needs no tokenizer of its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from procdoc.model import Process
from procdoc.render.context import PageRef
from procdoc.render.names import step_anchor

FILE = "search-index.js"


def entries(processed: Sequence[tuple[Process, PageRef]]) -> list[dict[str, str]]:
    """One entry per process and one per step, in page then step order."""
    found = []
    for process, page in sorted(processed, key=lambda entry: entry[1].stem):
        lanes = {lane.id: lane.name for lane in process.lanes}
        documents = {d.id: d.name for d in process.documents}
        records = {r.id: r.name for r in process.records}
        whole = [process.id, process.name, *lanes.values(), *documents, *documents.values(), *records,
                 *records.values()]
        found.append(_entry(f"{process.id} {process.name}", f"{page.stem}.html", "", whole))
        for step in process.steps:
            words = [step.id, step.name, step.description or "", lanes.get(step.lane or "", step.lane or ""),
                     *(f"{i} {documents.get(i, '')}" for i in step.documents),
                     *(f"{i} {records.get(i, '')}" for i in step.records)]
            href = f"{page.stem}.html#{step_anchor(step.id)}"
            found.append(_entry(f"{step.id} {step.name}", href, f"{process.id} {process.name}", words))
    return found


def _entry(title: str, href: str, context: str, words: Sequence[str]) -> dict[str, str]:
    return {"title": title, "href": href, "context": context, "text": " ".join(w for w in words if w).lower()}


def script(processed: Sequence[tuple[Process, PageRef]]) -> str:
    """The index as a script: a page opened from a file may run it, where it may not fetch JSON."""
    data = json.dumps({"entries": entries(processed)}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    safe = data.replace("</", "<\\/")  # never ends a script element early
    return f"window.PROCDOC_SEARCH = {safe};\n"
