"""The check cache: per-file reports keyed by content hash, in `.procdoc_cache/`.

A cached report is reused only when the file's bytes, procdoc's code, the
settings, the command-line selection and the date are all unchanged (the
run key). Cross-file rules are never cached: they run on every check, on
skeletons, so an edit to a referenced process is always seen.

Stored as JSON, not pickle: a cache folder committed to a repository by
someone else must not be able to run code on the next `procdoc check`.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from procdoc import __version__, model
from procdoc.checks import suppress
from procdoc.checks.pipeline import FileReport
from procdoc.diagnostics import Diagnostic, Pos, Severity
from procdoc.writer import write_text_atomic

CACHE_DIR = ".procdoc_cache"
FORMAT = 1
_MODEL_TYPES = {
    cls.__name__: cls
    for cls in (model.Process, model.Step, model.Lane, model.Trigger, model.Output, model.Branch, model.Raci,
                model.Control, model.Revision, model.Emergency)
}


def code_fingerprint() -> str:
    """procdoc's version plus the size and mtime of its modules (catches edits in development)."""
    root = Path(__file__).resolve().parent.parent
    parts = [__version__]
    for module in sorted(m for m in root.rglob("*.py") if "render" not in m.parts):
        stat = module.stat()
        parts.append(f"{module.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def run_key(*parts: str) -> str:
    return hashlib.blake2b("\0".join((code_fingerprint(), *parts)).encode(), digest_size=16).hexdigest()


class CheckCache:
    """Reports of the last run with the same key; written back after the run."""

    def __init__(self, folder: Path, key: str) -> None:
        self.path = folder / CACHE_DIR / "check.json"
        self.key = key
        self.entries: dict[str, dict[str, Any]] = {}
        self.outcome: dict[str, Any] = {}
        self.changed = False

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("key") == self.key:
            self.entries = data.get("files", {})
            self.outcome = data.get("outcome", {})

    def last_outcome(self, state: str) -> tuple[list[str], list[Diagnostic]] | None:
        """(files checked, diagnostics) of the last run, if it saw exactly this state."""
        if self.outcome.get("state") != state:
            return None
        files = self.outcome["files"]
        return files, [_diagnostic_from_json(d[0], d[1:]) for d in self.outcome["diagnostics"]]

    def remember_outcome(self, state: str, files: list[str], diagnostics: list[Diagnostic]) -> None:
        self.outcome = {
            "state": state,
            "files": files,
            "diagnostics": [[d.path, *_diagnostic_to_json(d)] for d in diagnostics],
        }
        self.changed = True

    def get(self, path: str, digest: str) -> FileReport | None:
        entry = self.entries.get(path)
        if entry is None or entry.get("digest") != digest:
            return None
        try:
            return _report_from_json(path, entry)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, report: FileReport) -> None:
        self.entries[report.path] = _report_to_json(report)
        self.changed = True

    def save(self, keep: set[str]) -> None:
        """Write the cache with the entries of `keep` (files of this run) only."""
        if not self.changed and keep == set(self.entries):
            return
        files = {path: entry for path, entry in self.entries.items() if path in keep}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by procdoc\n*\n", encoding="utf-8")
            payload = {"format": FORMAT, "key": self.key, "files": files, "outcome": self.outcome}
            write_text_atomic(self.path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a read-only checkout still gets its report; it just is not cached


def _diagnostic_to_json(d: Diagnostic) -> list[Any]:
    return [d.line, d.column, d.code, int(d.severity), d.message, d.hint]


def _diagnostic_from_json(path: str, data: list[Any]) -> Diagnostic:
    line, column, code, severity, message, hint = data
    return Diagnostic(path, line, column, code, Severity(severity), message, hint)


def _report_to_json(report: FileReport) -> dict[str, Any]:
    return {
        "digest": report.digest,
        "is_process": report.is_process,
        "load": [_diagnostic_to_json(d) for d in report.load],
        "raw": [[_diagnostic_to_json(d), list(anchor) if anchor else None] for d, anchor in report.raw],
        "comments": [[list(c.pos), list(c.codes), c.whole_file] for c in report.comments],
        "skeleton": _encode(report.skeleton),
    }


def _report_from_json(path: str, entry: dict[str, Any]) -> FileReport:
    return FileReport(
        path=path,
        digest=entry["digest"],
        load=[_diagnostic_from_json(path, d) for d in entry["load"]],
        raw=[(_diagnostic_from_json(path, d), Pos(*anchor) if anchor else None) for d, anchor in entry["raw"]],
        comments=[suppress.Suppression(Pos(*pos), tuple(codes), whole) for pos, codes, whole in entry["comments"]],
        skeleton=_decode(entry["skeleton"], path),
        is_process=entry["is_process"],
    )


@functools.cache
def _defaults(cls: type) -> dict[str, Any]:
    """Each field's default, so only what differs from it is stored."""
    found = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            found[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            found[f.name] = f.default_factory()
    return found


def _encode(value: Any) -> Any:
    """Model objects → compact JSON: type tag, non-default fields, positions as pairs."""
    if isinstance(value, tuple):  # Pos
        return list(value)
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    defaults = _defaults(type(value))
    out: dict[str, Any] = {"__t": type(value).__name__}
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if f.name == "source_lines" or (f.name in defaults and item == defaults[f.name]):
            continue
        out[f.name] = {k: list(v) for k, v in item.items()} if f.name == "at" else _encode(item)
    return out


def _decode(value: Any, path: str) -> Any:
    if isinstance(value, list):
        return [_decode(v, path) for v in value]
    if not isinstance(value, dict):
        return value
    cls = _MODEL_TYPES[value["__t"]]
    fields: dict[str, Any] = {}
    for key, item in value.items():
        if key == "pos":
            fields[key] = Pos(*item)
        elif key == "at":
            fields[key] = {k: Pos(*v) for k, v in item.items()}
        elif key != "__t":
            fields[key] = _decode(item, path)
    if cls is model.Process:
        fields["path"] = path
    return cls(**fields)


def cache_folder(root: str) -> Path:
    """Where the cache lives: beside procdoc.toml, else the working directory."""
    return Path(root) if os.path.isdir(root) else Path.cwd()
