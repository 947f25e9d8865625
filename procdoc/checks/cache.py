"""The check cache, in `.procdoc_cache/check/`: what the last runs found, by content hash.

Everything is reused only under the same run key (procdoc's code, the
settings, the command-line selection and the date). Three levels:

- `outcome.json`: the last run's state (every file and its digest) and its
  diagnostics; an unchanged repository is answered from it alone.
- the same file keeps the cross-file findings with the fingerprint of all
  skeletons they were computed from: an edit that leaves every skeleton as
  it was (a description, a time limit) reuses them without decoding any.
- `reports.jsonl`: one line per file (digest, path, JSON report); lines are
  parsed only when needed and unchanged lines are written back as they were.

JSON, not pickle: a cache folder committed to a repository by someone else
must not be able to run code on the next `procdoc check`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from procdoc import __version__
from procdoc.checks import serial
from procdoc.checks.engine import Raw
from procdoc.checks.pipeline import FileReport
from procdoc.diagnostics import Diagnostic
from procdoc.writer import write_text_atomic

CACHE_DIR = ".procdoc_cache"
FORMAT = 2


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
    """What earlier runs with the same key found; written back after the run."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder / CACHE_DIR / "check"
        self.key = key
        self.outcome: dict[str, Any] = {}
        self.lines: dict[str, tuple[str, str]] = {}  # path → (digest, report JSON)
        self.fresh: set[str] = set()
        self.outcome_changed = False

    def _read(self, name: str) -> str:
        try:
            return (self.folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def load_outcome(self) -> None:
        try:
            data = json.loads(self._read("outcome.json") or "{}")
        except ValueError:
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("key") == self.key:
            self.outcome = data

    def last_outcome(self, state: str) -> tuple[list[str], list[Diagnostic]] | None:
        """(files checked, diagnostics) of the last run, if it saw exactly this state."""
        if not state or self.outcome.get("state") != state:
            return None
        return self.outcome["files"], [serial.diagnostic_from_json(d[0], d[1:]) for d in self.outcome["diagnostics"]]

    def cross_findings(self, fingerprint: str) -> dict[str, list[Raw]] | None:
        """Cross-file findings computed from skeletons with this fingerprint, if any."""
        if self.outcome.get("interfaces") != fingerprint:
            return None
        return {path: serial.raw_from_json(path, raw) for path, raw in self.outcome["cross"].items()}

    def remember(
        self, state: str, files: list[str], diagnostics: list[Diagnostic], fingerprint: str, cross: dict[str, list[Raw]]
    ) -> None:
        self.outcome = {
            "format": FORMAT, "key": self.key, "state": state, "files": files,
            "diagnostics": [[d.path, *serial.diagnostic_to_json(d)] for d in diagnostics],
            "interfaces": fingerprint,
            "cross": {path: serial.raw_to_json(raw) for path, raw in cross.items()},
        }
        self.outcome_changed = True

    def load_reports(self) -> None:
        text = self._read("reports.jsonl")
        header, _, body = text.partition("\n")
        if header != json.dumps({"format": FORMAT, "key": self.key}):
            return
        for line in body.splitlines():
            digest, path, report = line.split("\t", 2)
            self.lines[path] = (digest, report)

    def get(self, path: str, digest: str) -> FileReport | None:
        found = self.lines.get(path)
        if found is None or found[0] != digest:
            return None
        try:
            return _report_from_json(path, digest, json.loads(found[1]))
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, report: FileReport) -> None:
        self.lines[report.path] = (report.digest, json.dumps(_report_to_json(report), ensure_ascii=False))
        self.fresh.add(report.path)

    def save(self, keep: set[str]) -> None:
        """Write back what changed, keeping the reports of `keep` (this run's files) only."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by procdoc\n*\n", encoding="utf-8")
            if self.fresh or keep != set(self.lines):
                header = json.dumps({"format": FORMAT, "key": self.key})
                rows = [f"{d}\t{p}\t{r}" for p, (d, r) in sorted(self.lines.items()) if p in keep]
                write_text_atomic(self.folder / "reports.jsonl", "\n".join([header, *rows]) + "\n")
            if self.outcome_changed:
                write_text_atomic(self.folder / "outcome.json", json.dumps(self.outcome, ensure_ascii=False))
        except OSError:
            pass  # a read-only checkout still gets its report; it just is not cached


def _report_to_json(report: FileReport) -> dict[str, Any]:
    return {
        "is_process": report.is_process,
        "load": [serial.diagnostic_to_json(d) for d in report.load],
        "raw": serial.raw_to_json(report.raw),
        "comments": serial.comments_to_json(report.comments),
        "skeleton": report.skeleton_text,
    }


def _report_from_json(path: str, digest: str, entry: dict[str, Any]) -> FileReport:
    return FileReport(
        path=path,
        digest=digest,
        load=[serial.diagnostic_from_json(path, d) for d in entry["load"]],
        raw=serial.raw_from_json(path, entry["raw"]),
        comments=serial.comments_from_json(entry["comments"]),
        skeleton_text=entry["skeleton"],
        is_process=entry["is_process"],
    )


def cache_folder(root: str) -> Path:
    """Where the cache lives: beside procdoc.toml, else the working directory."""
    return Path(root) if os.path.isdir(root) else Path.cwd()
