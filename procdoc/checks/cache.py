"""The check cache, in `.procdoc_cache/check/`: what the last runs found, by content hash.

Everything is reused only under the same run key (procdoc's code on the
check path, the settings, the command-line selection and the date). Three
levels:

- `outcome.json`: the last run's state (every file and its digest), its
  diagnostics and the reports rendered from them (by format and options);
  an unchanged repository is answered from it alone.
- the same file keeps the cross-file findings with the fingerprint of all
  summaries they were computed from: an edit that leaves every summary as
  it was (a description, a time limit) reuses them.
- `reports.jsonl`: one line per file (digest, path, JSON report); lines are
  parsed only when needed and unchanged lines are written back as they were.

JSON, not pickle: a cache folder committed to a repository by someone else
must not be able to run code on the next `procdoc check`. Any defect in any
cache file — truncated, edited, of another version — is a cache miss: the
part is computed again and rewritten, never a crash (`-v` says so).
"""

from __future__ import annotations

import hashlib
import json
import os
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from procdoc.checks import suppress
from procdoc.checks.engine import Raw
from procdoc.checks.lint import FileReport
from procdoc.checks.summary import checked_pos, checked_text
from procdoc.checks.summary import from_json as summary_from_json
from procdoc.checks.summary import to_json as summary_to_json
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.fingerprint import code_fingerprint
from procdoc.writer import write_text_atomic

CACHE_DIR = ".procdoc_cache"
FORMAT = 3
T = TypeVar("T")


def check_code() -> str:
    """procdoc's code on the check path: the command, the lint engine and every rule module."""
    from procdoc.checks import rules

    modules = [f"procdoc.checks.rules.{m.name}" for m in pkgutil.iter_modules(rules.__path__)]
    return code_fingerprint("procdoc.commands.check", *modules)


def run_key(*parts: str) -> str:
    return hashlib.blake2b("\0".join((check_code(), *parts)).encode(), digest_size=16).hexdigest()


class CheckCache:
    """What earlier runs with the same key found; written back after the run."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder / CACHE_DIR / "check"
        self.key = key
        self.outcome: dict[str, Any] = {}
        self.lines: dict[str, tuple[str, str]] = {}  # path → (digest, report JSON)
        self.fresh: set[str] = set()
        self.outcome_changed = False
        self.reports_read = False
        self.defects: list[str] = []  # what was wrong with the cache files, for -v

    def _read(self, name: str) -> str:
        try:
            return (self.folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def _decoded(self, what: str, decode: Callable[[], T]) -> T | None:
        """`decode()`, or None (and a note for -v) when the cache holds something it cannot read."""
        try:
            return decode()
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
            self.defects.append(f"{what}: {type(err).__name__}: {err}")
            return None

    def load_outcome(self) -> None:
        text = self._read("outcome.json")
        data = self._decoded("outcome.json", lambda: json.loads(text)) if text else None
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("key") == self.key:
            self.outcome = data

    def last_outcome(self, state: str) -> tuple[list[str], list[Diagnostic]] | None:
        """(files checked, diagnostics) of the last run, if it saw exactly this state."""
        if not state or self.outcome.get("state") != state:
            return None
        return self._decoded("outcome.json", lambda: (
            [checked_text(path) for path in self.outcome["files"]],
            [diagnostic_from_json(d[0], d[1:]) for d in self.outcome["diagnostics"]],
        ))

    def cross_findings(self, fingerprint: str) -> dict[str, list[Raw]] | None:
        """Cross-file findings computed from summaries with this fingerprint, if any."""
        if self.outcome.get("interfaces") != fingerprint:
            return None
        return self._decoded("outcome.json", lambda: {
            checked_text(path): raw_from_json(path, raw) for path, raw in self.outcome["cross"].items()
        })

    def remember_cross(self, fingerprint: str, cross: dict[str, list[Raw]]) -> None:
        self.outcome.update(interfaces=fingerprint, cross={path: raw_to_json(raw) for path, raw in cross.items()})
        self.outcome_changed = True

    def remember(self, state: str, files: list[str], diagnostics: list[Diagnostic]) -> None:
        self.outcome.update(
            format=FORMAT, key=self.key, state=state, files=files,
            diagnostics=[[d.path, *diagnostic_to_json(d)] for d in diagnostics], reports={},
        )
        self.outcome_changed = True

    def report(self, key: str) -> str | None:
        """The report text this outcome was rendered as under `key` (format and options), if kept."""
        reports = self.outcome.get("reports")
        text = reports.get(key) if isinstance(reports, dict) else None
        return text if isinstance(text, str) else None

    def remember_report(self, key: str, text: str) -> None:
        """Keep a rendered report with the outcome it shows (a new outcome drops the old reports)."""
        reports = self.outcome.get("reports")
        self.outcome["reports"] = {**(reports if isinstance(reports, dict) else {}), key: text}
        self.outcome_changed = True

    def load_reports(self) -> None:
        self.reports_read = True
        text = self._read("reports.jsonl")
        header, _, body = text.partition("\n")
        if header != json.dumps({"format": FORMAT, "key": self.key}):
            return
        for number, line in enumerate(body.splitlines(), 2):
            fields = line.split("\t", 2)
            if len(fields) == 3:
                digest, path, report = fields
                self.lines[path] = (digest, report)
            else:
                self.defects.append(f"reports.jsonl:{number}: not a cache line")

    def get(self, path: str, digest: str) -> FileReport | None:
        found = self.lines.get(path)
        if found is None or found[0] != digest:
            return None
        return self._decoded(f"reports.jsonl ({path})", lambda: _report_from_json(path, digest, json.loads(found[1])))

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
            if self.reports_read and (self.fresh or keep != set(self.lines)):
                header = json.dumps({"format": FORMAT, "key": self.key})
                rows = [f"{d}\t{p}\t{r}" for p, (d, r) in sorted(self.lines.items()) if p in keep]
                write_text_atomic(self.folder / "reports.jsonl", "\n".join([header, *rows]) + "\n")
            if self.outcome_changed:
                write_text_atomic(self.folder / "outcome.json", json.dumps(self.outcome, ensure_ascii=False))
        except OSError:
            pass  # a read-only checkout still gets its report; it just is not cached


# ── JSON of the parts of a report ─────────────────────────────────────────────


def diagnostic_to_json(d: Diagnostic) -> list[Any]:
    return [d.line, d.column, d.code, int(d.severity), d.message, d.hint]


def diagnostic_from_json(path: str, data: list[Any]) -> Diagnostic:
    line, column, code, severity, message, hint = data
    if not (isinstance(line, int) and isinstance(column, int)):
        raise TypeError("a position is two whole numbers")
    text = checked_text
    return Diagnostic(text(path), line, column, text(code), Severity(severity), text(message), text(hint))


def raw_to_json(raw: list[Raw]) -> list[Any]:
    return [[diagnostic_to_json(d), list(anchor) if anchor else None] for d, anchor in raw]


def raw_from_json(path: str, data: list[Any]) -> list[Raw]:
    return [(diagnostic_from_json(path, d), checked_pos(anchor) if anchor else None) for d, anchor in data]


def _report_to_json(report: FileReport) -> dict[str, Any]:
    return {
        "is_process": report.is_process,
        "load": [diagnostic_to_json(d) for d in report.load],
        "raw": raw_to_json(report.raw),
        "comments": [[list(c.pos), list(c.codes), c.whole_file] for c in report.comments],
        "summary": summary_to_json(report.summary) if report.summary is not None else None,
    }


def _report_from_json(path: str, digest: str, entry: dict[str, Any]) -> FileReport:
    summary = entry["summary"]
    return FileReport(
        path=path,
        digest=digest,
        load=[diagnostic_from_json(path, d) for d in entry["load"]],
        raw=raw_from_json(path, entry["raw"]),
        comments=[suppress.Suppression(checked_pos(pos), tuple(map(checked_text, codes)), bool(whole))
                  for pos, codes, whole in entry["comments"]],
        summary=summary_from_json(path, summary) if summary is not None else None,
        is_process=bool(entry["is_process"]),
    )


def cache_folder(root: str) -> Path:
    """Where the cache lives: beside procdoc.toml, else the working directory."""
    return Path(root) if os.path.isdir(root) else Path.cwd()
