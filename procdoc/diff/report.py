"""A diff in words: text (a `git diff --stat` summary, then the changes), JSON, or Markdown for a pull request."""

from __future__ import annotations

import datetime
import json
import re

from procdoc.diff.compare import Change, ProcessDiff

MARK = {"added": "+", "removed": "-", "process-added": "+", "process-removed": "-"}


def render(diffs: list[ProcessDiff], output_format: str) -> str:
    return {"text": _text, "json": _json, "md": _markdown}[output_format](diffs)


def _counted(diff: ProcessDiff) -> str:
    counts = diff.counts()
    parts = [f"{counts[k]} {k}" for k in ("added", "removed", "changed") if counts[k]]
    total = len(diff.changes)
    return f"{total} change{'s' if total != 1 else ''}" + (f" ({', '.join(parts)})" if parts else "")


def _title(diff: ProcessDiff) -> str:
    process = diff.new or diff.old
    return f"{diff.path} — {process.id} {process.name}" if process else diff.path


def _text(diffs: list[ProcessDiff]) -> str:
    if not diffs:
        return "no process changed\n"
    width = max(len(d.path) for d in diffs)
    lines = [f" {d.path.ljust(width)} | {_counted(d)}" for d in diffs]
    lines.append(f" {len(diffs)} process{'es' if len(diffs) != 1 else ''} changed")
    for diff in diffs:
        lines += ["", _title(diff)]
        lines += [f"  {MARK.get(c.kind, '~')} {c.message}" for c in diff.changes]
    return "\n".join(lines) + "\n"


def _json(diffs: list[ProcessDiff]) -> str:
    document = {
        "processes": [
            {"path": d.path, "id": d.process_id, "counts": dict(d.counts()),
             "changes": [c.as_dict() for c in d.changes]}
            for d in diffs
        ],
        "changed": len(diffs),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"


def _markdown(diffs: list[ProcessDiff]) -> str:
    if not diffs:
        return "No process changed.\n"
    lines = ["## Process changes", "", "| File | Process | Changes |", "| --- | --- | --- |"]
    lines += [f"| `{d.path}` | {_cell(d.process_id)} | {_counted(d)} |" for d in diffs]
    for diff in diffs:
        lines += ["", f"### {_cell(_title(diff))}", ""]
        lines += [f"- {'**' + MARK[c.kind] + '**' if c.kind in MARK else '~'} {_cell(c.message)}"
                  for c in diff.changes]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """User text made safe inside a Markdown table or list: no pipes, no markup, one line."""
    return re.sub(r"([\\`*_|<>\[\]])", r"\\\1", " ".join(text.split()))


# ── --check: a content change needs a new version and a revision entry ───────


def summary(changes: list[Change]) -> str:
    """The changes as a revision entry would say them: `3.5 moved from 技术中心 to 技质科; step 3.7a added`."""
    return "; ".join(c.message for c in changes if c.content)


def next_version(version: str | None) -> str:
    """`1.2` → `1.3`; `2` → `3`; anything else gets `.1` appended."""
    if version and re.fullmatch(r"\d+(\.\d+)*", version):
        parts = version.split(".")
        return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])
    return f"{version}.1" if version else "0.1"


def unversioned(diffs: list[ProcessDiff], today: datetime.date | None = None) -> list[str]:
    """For each process whose content changed with the same version or revisions: what to add."""
    problems = []
    for diff in diffs:
        if diff.old is None or diff.new is None or not diff.content_changed:
            continue
        same_version = diff.old.version == diff.new.version
        same_history = not any(c.kind == "revisions" for c in diff.changes)
        if not (same_version or same_history):
            continue
        missing = " and ".join(w for w, m in (("version", same_version), ("revisions", same_history)) if m)
        version = next_version(diff.new.version) if same_version else diff.new.version
        lines = [
            f"{diff.path}: {diff.new.id} changed but its {missing} {'were' if ' and ' in missing else 'was'} "
            "not updated",
            "  help: set `version` and add a revision entry such as:",
            f'  - version: "{version}"',
            f"    date: {(today or datetime.date.today()).isoformat()}",
            f"    changes: {summary(diff.changes)}",
        ]
        problems.append("\n".join(lines))
    return problems
