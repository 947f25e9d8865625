"""`procdoc check` as a function: paths and options in, report and exit code out."""

from __future__ import annotations

import gc
import json
import os
from dataclasses import dataclass, field
from datetime import date

from procdoc import __version__, loader
from procdoc.checks.cache import CheckCache, cache_folder, run_key
from procdoc.checks.pipeline import (
    FileReport,
    Job,
    analyse_all,
    cross_file,
    digest,
    finish,
    interfaces_fingerprint,
    read_all,
    worker_count,
)
from procdoc.checks.registry import all_rules
from procdoc.checks.selection import resolve
from procdoc.config import Settings, load_settings
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError
from procdoc.report import RunInfo, reporters


@dataclass
class CheckRequest:
    paths: list[str] = field(default_factory=list)
    config: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    format: str = "text"
    statistics: bool = False
    quiet: bool = False
    strict: bool = False
    use_cache: bool = True
    jobs: int = 0


@dataclass
class CheckResult:
    report: str = ""
    exit_code: int = EXIT_OK
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    """2 when a file could not be read as a process, 1 for findings, else 0."""
    if any(d.code.startswith("F") for d in diagnostics):
        return EXIT_USAGE
    worst = max((d.severity for d in diagnostics), default=None)
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return EXIT_FINDINGS
    return EXIT_OK


def run_check(request: CheckRequest) -> CheckResult:
    """Check what `request` names; the garbage collector is paused meanwhile.

    A run allocates many small objects that live until it ends; collecting
    them repeatedly cost about a third of the loading time.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _run_check(request)
    finally:
        if paused:
            gc.enable()


def _run_check(request: CheckRequest) -> CheckResult:
    available = reporters()
    if request.format not in available:
        hint = f"use one of: {', '.join(available)}"
        raise UserError(f"unknown format {request.format!r}", hint)
    settings = load_settings(request.config, request.paths[0] if request.paths else ".")
    roots = request.paths or [loader.display_path(p) for p in settings.paths]
    found = loader.discover(roots, settings.exclude)
    if found.missing:
        missing = ", ".join(found.missing)
        raise UserError(f"no such file or folder: {missing}", "check the path")
    rules = all_rules()
    selection = resolve(settings.check, rules, request.select, request.ignore, request.extend_select)
    today = date.fromisoformat(settings.check.today) if settings.check.today else date.today()
    job = Job(selection, settings.org, today)
    named = {loader.display_path(p) for p in roots if os.path.isfile(p)}
    requested = set(found.files)
    context = _context_files(request, settings, requested)
    contents = read_all(sorted(requested | context))
    cache = _open_cache(request, settings, job)
    state = _state(contents, requested, named)
    remembered = cache.last_outcome(state) if cache is not None else None
    if remembered is not None:
        checked, diagnostics = remembered
    else:
        if cache is not None:
            cache.load_reports()
        reports = [r for r in _reports(contents, named, job, request, cache) if r.is_process or r.load]
        fingerprint = interfaces_fingerprint(reports)
        cross = cache.cross_findings(fingerprint) if cache is not None else None
        if cross is None:
            cross = cross_file(reports, job)
        diagnostics = finish(reports, cross, job, requested)
        checked = [r.path for r in reports if r.is_process and r.path in requested]
        kept = {r.path for r in reports}
        found.skipped += [(path, "no top-level `procdoc:` key") for path, _ in contents
                          if path in requested and path not in kept]
        if cache is not None:
            cache.remember(state, checked, diagnostics, fingerprint, cross)
            cache.save({path for path, _ in contents})
    run = RunInfo(
        files=checked,
        rules=rules,
        sources=_sources(diagnostics),
        root=".",
        version=__version__,
        statistics=request.statistics,
        quiet=request.quiet,
    )
    report = available[request.format]().render(diagnostics, run)
    code = exit_code(diagnostics, request.strict or settings.check.strict)
    return CheckResult(report, code, diagnostics, found.skipped)


def _context_files(request: CheckRequest, settings: Settings, requested: set[str]) -> set[str]:
    """The repository's other process files, when only some were named.

    Cross-file rules need the processes a checked file refers to: checking
    one file of a configured repository still sees the rest of it (cached).
    """
    if not request.paths or settings.source is None:
        return set()
    everything = loader.discover([loader.display_path(p) for p in settings.paths], settings.exclude)
    return set(everything.files) - requested


def _open_cache(request: CheckRequest, settings: Settings, job: Job) -> CheckCache | None:
    if not request.use_cache:
        return None
    cache = CheckCache(cache_folder(settings.root), run_key(settings.raw_text, _selection_key(job)))
    cache.load_outcome()
    return cache


def _state(contents: list[tuple[str, bytes | None]], requested: set[str], named: set[str]) -> str:
    """Everything a run's outcome depends on besides the run key; '' when a file is unreadable."""
    if any(data is None for _, data in contents):
        return ""
    parts = [f"{path}\0{digest(data)}\0{path in requested}\0{path in named}" for path, data in contents if data]
    return digest("\n".join(parts).encode("utf-8"))


def _reports(
    contents: list[tuple[str, bytes | None]], named: set[str], job: Job, request: CheckRequest, cache: CheckCache | None
) -> list[FileReport]:
    """A report per file: from the cache when nothing it depends on changed, else analysed."""
    reports: list[FileReport] = []
    todo: list[tuple[str, bytes | None, bool]] = []
    for path, data in contents:
        cached = cache.get(path, digest(data)) if cache is not None and data is not None else None
        if cached is not None:
            reports.append(cached)
        else:
            todo.append((path, data, path in named))
    fresh = analyse_all(todo, job, worker_count(request.jobs))
    if cache is not None:
        for report in fresh:
            cache.put(report)
    return sorted(reports + fresh, key=lambda r: r.path)


def _selection_key(job: Job) -> str:
    selection = job.selection
    return json.dumps(
        {
            "enabled": sorted(selection.enabled),
            "severity": sorted((k, int(v)) for k, v in selection.severity.items()),
            "per_file": sorted((k, sorted(v)) for k, v in selection.per_file_ignores.items()),
            "options": {k: selection.options[k] for k in sorted(selection.options)},
            "org": sorted(job.org),
            "today": job.today.isoformat(),
        },
        sort_keys=True, ensure_ascii=False, default=str,
    )


def _sources(diagnostics: list[Diagnostic]) -> dict[str, list[str]]:
    """Source lines of the files that have something to show (for carets)."""
    sources = {}
    for path in {d.path for d in diagnostics}:
        text, _ = loader.read_file(path)
        sources[path] = text.splitlines() if text is not None else []
    return sources
