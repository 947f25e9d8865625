"""The one way procdoc checks processes: `lint(sources, job)`.

`procdoc check`, the rule tester, the benchmark, the pre-commit hook and the
editor integrations all come here, so a rule behaves the same for its tests
as for its users. Two passes:

1. each file on its own (`analyse`, in worker processes when there are
   many): read, load, run the file-local rules, summarise. What survives is
   a `FileReport` — diagnostics before suppression, suppression comments and
   the process's `ProcessSummary` — which the check cache can keep by
   content hash;
2. the cross-file rules on the summaries of every file (`cross_file`), then
   suppressions for each file (`finish`).
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from procdoc import loader, schema
from procdoc.checks import suppress
from procdoc.checks.context import Repository, Run
from procdoc.checks.engine import Raw, apply_suppressions, enabled_rules, run_cross, run_local
from procdoc.checks.selection import Selection
from procdoc.checks.summary import ProcessSummary, summarise, to_json
from procdoc.diagnostics import Diagnostic

#: below this many files to analyse, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 64


@dataclass(frozen=True)
class Source:
    """A file to check: its path, its bytes (None: read it from disk) and whether it was named.

    A file named on the command line is checked even without the `procdoc:`
    marker (it gets an F003 saying so); a file found in a folder without it
    is not a process file and is skipped.
    """

    path: str
    data: bytes | None = None
    named: bool = False


@dataclass(frozen=True)
class Job:
    """The settings every worker needs, sent once per worker."""

    selection: Selection
    run: Run


@dataclass
class FileReport:
    """What checking one file on its own produced."""

    path: str
    digest: str
    load: list[Diagnostic] = field(default_factory=list)
    raw: list[Raw] = field(default_factory=list)
    comments: list[suppress.Suppression] = field(default_factory=list)
    summary: ProcessSummary | None = None
    is_process: bool = True


class ReportStore(Protocol):
    """Where `lint` finds and keeps reports by content: the check cache on disk, the language server's memory."""

    def get(self, path: str, digest: str) -> FileReport | None: ...

    def put(self, report: FileReport) -> None: ...

    def cross_findings(self, fingerprint: str) -> dict[str, list[Raw]] | None: ...

    def remember_cross(self, fingerprint: str, cross: dict[str, list[Raw]]) -> None: ...


@dataclass
class LintResult:
    """The reportable diagnostics (sorted), the files checked as processes, and every file's report."""

    diagnostics: list[Diagnostic]
    checked: list[str]
    reports: list[FileReport]


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def lint(sources: Sequence[Source], job: Job, *, report_on: set[str] | None = None,
         cache: ReportStore | None = None, jobs: int = 1) -> LintResult:
    """Check `sources` together; diagnostics only for the paths in `report_on` (all, when None).

    The sources not reported on are the rest of the repository: cross-file
    rules need them. With a `cache`, unchanged files and unchanged summaries
    are answered from it, and what was computed is put back.
    """
    reports = [r for r in _reports(sources, job, cache, jobs) if r.is_process or r.load]
    if cache is None:
        cross = cross_file(reports, job)
    else:
        fingerprint = summaries_fingerprint(reports)
        kept = cache.cross_findings(fingerprint)
        cross = kept if kept is not None else cross_file(reports, job)
        if kept is None:
            cache.remember_cross(fingerprint, cross)
    wanted = report_on if report_on is not None else {source.path for source in sources}
    checked = [r.path for r in reports if r.is_process and r.path in wanted]
    return LintResult(finish(reports, cross, job, wanted), checked, reports)


def _reports(sources: Sequence[Source], job: Job, cache: ReportStore | None, jobs: int) -> list[FileReport]:
    """A report per source: from the cache when its bytes are unchanged, else analysed."""
    reports: list[FileReport] = []
    todo: list[Source] = []
    for source in sources:
        cached = cache.get(source.path, digest(source.data)) if cache is not None and source.data is not None else None
        if cached is not None:
            reports.append(cached)
        else:
            todo.append(source)
    fresh = analyse_all(todo, job, jobs)
    if cache is not None:
        for report in fresh:
            cache.put(report)
    return sorted(reports + fresh, key=lambda r: r.path)


def analyse(source: Source, job: Job) -> FileReport:
    """Load one file and run the file-local rules on it."""
    path, raw_bytes = source.path, source.data
    if raw_bytes is None:
        text, problem = loader.read_file(path)
        raw_bytes = b"" if text is None else text.encode("utf-8")
    else:
        text, problem = loader.decode_bytes(path, raw_bytes)
    report = FileReport(path, digest(raw_bytes))
    if problem is not None or text is None:
        report.load = [problem] if problem else []
        return report
    if not source.named and not loader.is_process_text(text):
        report.is_process = False
        report.load = [problem] if (problem := loader.missing_marker(path, text)) else []
        return report
    loaded = loader.load_text(text, path)
    report.load = loaded.diagnostics
    if loaded.process is None:
        return report
    process = loaded.process
    rules = enabled_rules(job.selection, path, cross_file=False)
    report.raw = run_local(process, rules, job.run, job.selection)
    report.comments = suppress.parse(process.source_lines)
    report.summary = summarise(process)
    return report


_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    global _JOB
    _JOB = job
    gc.disable()


def _analyse_in_worker(sources: list[Source]) -> list[FileReport]:
    assert _JOB is not None
    return [analyse(source, _JOB) for source in sources]


def analyse_all(sources: Sequence[Source], job: Job, jobs: int) -> list[FileReport]:
    """Analyse every source, in parallel worker processes when it pays."""
    if jobs <= 1 or len(sources) < PARALLEL_THRESHOLD:
        return [analyse(source, job) for source in sources]
    chunks = list(_chunks(sources, jobs * 4))
    schema.prepare()  # import the validator once, before the workers fork
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(job,)) as pool:
        return [report for chunk in pool.map(_analyse_in_worker, chunks) for report in chunk]


def _chunks(sources: Sequence[Source], count: int) -> Iterator[list[Source]]:
    size = max(1, -(-len(sources) // count))
    for start in range(0, len(sources), size):
        yield list(sources[start : start + size])


def summaries_fingerprint(reports: Sequence[FileReport]) -> str:
    """One hash of every summary: cross-file findings depend on nothing else."""
    parts = [f"{r.path}\0{to_json(r.summary)!r}" for r in reports if r.summary is not None]
    return digest("\n".join(parts).encode("utf-8"))


def cross_file(reports: Sequence[FileReport], job: Job) -> dict[str, list[Raw]]:
    """Cross-file findings of every process, from the summaries of all of them."""
    summaries = [r.summary for r in reports if r.summary is not None]
    repo = Repository(summaries)
    return {
        summary.path: run_cross(summary, enabled_rules(job.selection, summary.path, cross_file=True), repo,
                                job.run, job.selection)
        for summary in summaries
    }


def finish(
    reports: Sequence[FileReport], cross: dict[str, list[Raw]], job: Job, report_on: set[str]
) -> list[Diagnostic]:
    """Local and cross-file findings of the files in `report_on`, suppressions applied; sorted."""
    diagnostics: list[Diagnostic] = []
    for report in reports:
        if report.path not in report_on:
            continue
        diagnostics.extend(report.load)
        if report.summary is not None:
            raw = report.raw + cross.get(report.path, [])
            diagnostics.extend(apply_suppressions(report.path, raw, report.comments, job.selection))
    return sorted(diagnostics, key=lambda d: d.sort_key)


def worker_count(requested: int | None) -> int:
    return requested or min(os.cpu_count() or 1, 8)
