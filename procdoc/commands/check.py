"""`procdoc check`: find the files, lint them with the repository around them, report.

The checking itself is `procdoc.checks.lint.lint`; this module decides what
to check (paths, standard input, the settings' `paths`), which other files
cross-file rules need, whether the last run's outcome can be reused, and
how to report.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from procdoc import __version__, loader
from procdoc.checks.cache import CheckCache, cache_folder, run_key
from procdoc.checks.context import Run
from procdoc.checks.lint import Job, Source, digest, lint, worker_count
from procdoc.checks.registry import all_rules
from procdoc.checks.selection import resolve
from procdoc.config import Settings
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError
from procdoc.report import RunInfo, reporters
from procdoc.workspace import Found, find, repository_files

STDIN = "-"


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
    stdin_filename: str | None = None


@dataclass
class CheckResult:
    report: str = ""
    exit_code: int = EXIT_OK
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what -v shows besides skipped files


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
        raise UserError(f"unknown format {request.format!r}", f"use one of: {', '.join(available)}")
    stdin = request.paths == [STDIN]
    found = _found(request, stdin)
    rules = all_rules()
    settings = found.settings
    job = make_job(settings, request.select, request.ignore, request.extend_select)
    sources = _sources(request, found, stdin, read=request.use_cache and not stdin)
    requested = {s.path for s in sources if s.path in found.named or s.path in found.files}
    cache = None if stdin or not request.use_cache else _open_cache(settings.root, settings.raw_text, job)
    state = _state(sources, requested, found.named)
    remembered = cache.last_outcome(state) if cache is not None else None
    if remembered is not None:
        checked, diagnostics = remembered
    else:
        if cache is not None:
            cache.load_reports()
        result = lint(sources, job, report_on=requested, cache=cache, jobs=worker_count(request.jobs))
        checked, diagnostics = result.checked, result.diagnostics
        kept = {r.path for r in result.reports}
        found.skipped += [(s.path, "no top-level `procdoc:` key") for s in sources
                          if s.path in requested and s.path not in kept]
        if cache is not None:
            cache.remember(state, checked, diagnostics)
    diagnostics = sorted([*found.unreadable, *diagnostics], key=lambda d: d.sort_key)
    if not checked and not diagnostics:
        raise UserError(f"no process files found in {', '.join(found.roots) or '.'}", _nothing_hint(found))
    run = RunInfo(files=checked, rules=rules, sources=_Excerpts(diagnostics, sources), root=".",
                  version=__version__, statistics=request.statistics, quiet=request.quiet)
    report = _report(request, run, diagnostics, cache if not found.unreadable else None)
    if cache is not None:
        cache.save({s.path for s in sources})
    notes = [f"cache: {defect} (ignored and rebuilt)" for defect in (cache.defects if cache else [])]
    return CheckResult(report, exit_code(diagnostics, request.strict or settings.check.strict), diagnostics,
                       found.skipped, notes)


def _report(request: CheckRequest, run: RunInfo, diagnostics: list[Diagnostic], cache: CheckCache | None) -> str:
    """The report in the requested format; an unchanged repository's is kept in the cache with its outcome.

    Formatting a few thousand findings cost more than answering from the
    cache. The key holds what a report depends on besides the outcome: the
    format, the options and the working directory (SARIF's root, the paths).
    """
    key = json.dumps([request.format, request.statistics, request.quiet, os.getcwd()])
    kept = cache.report(key) if cache is not None else None
    if kept is not None:
        return kept
    report = reporters()[request.format]().render(diagnostics, run)
    if cache is not None:
        cache.remember_report(key, report)
    return report


def make_job(settings: Settings, select: Iterable[str] = (), ignore: Iterable[str] = (),
             extend_select: Iterable[str] = ()) -> Job:
    """The rules a run uses, with their severities and options, and what they know of the organisation."""
    selection = resolve(settings.check, all_rules(), select, ignore, extend_select)
    today = date.fromisoformat(settings.check.today) if settings.check.today else date.today()
    return Job(selection, Run(settings.org, today, settings.planned))


def _found(request: CheckRequest, stdin: bool) -> Found:
    """What to check; for standard input, the settings of the place `--stdin-filename` names."""
    if not stdin:
        found = find(request.paths, request.config)
        if found.missing:
            raise UserError(f"no such file or folder: {', '.join(found.missing)}", "check the path")
        return found
    name = request.stdin_filename or "<stdin>"
    found = find([], request.config) if request.config else find([os.path.dirname(name) or "."], None)
    found.roots, found.files, found.named = [name], [], {name}
    return found


def _sources(request: CheckRequest, found: Found, stdin: bool, read: bool) -> list[Source]:
    """The files to check and the repository's other files (cross-file rules need them).

    With `read`, their bytes are read here, as the cache needs them to know
    what changed; without, the workers read them, in parallel.
    """
    if stdin:
        name = request.stdin_filename or "<stdin>"
        others = [path for path in repository_files(found.settings) if path != loader.display_path(name)]
        return [Source(name, sys.stdin.buffer.read(), named=True), *_read(others, found.named, read)]
    context = set(repository_files(found.settings)) - set(found.files) if request.paths else set()
    return _read(sorted(set(found.files) | context), found.named, read)


def _read(paths: list[str], named: set[str], read: bool) -> list[Source]:
    return [Source(path, loader.read_bytes(path)[0] if read else None, path in named) for path in paths]


def _open_cache(root: str, settings_text: str, job: Job) -> CheckCache:
    cache = CheckCache(cache_folder(root), run_key(settings_text, _selection_key(job)))
    cache.load_outcome()
    return cache


def _state(sources: list[Source], requested: set[str], named: set[str]) -> str:
    """Everything a run's outcome depends on besides the run key; '' when a file is unreadable."""
    if any(source.data is None for source in sources):
        return ""
    parts = [f"{s.path}\0{digest(s.data)}\0{s.path in requested}\0{s.path in named}" for s in sources if s.data]
    return digest("\n".join(parts).encode("utf-8"))


def _selection_key(job: Job) -> str:
    selection = job.selection
    return json.dumps(
        {
            "enabled": sorted(selection.enabled),
            "severity": sorted((k, int(v)) for k, v in selection.severity.items()),
            "per_file": sorted((k, sorted(v)) for k, v in selection.per_file_ignores.items()),
            "options": {k: selection.options[k] for k in sorted(selection.options)},
            "org": sorted(job.run.org),
            "today": job.run.today.isoformat(),
        },
        sort_keys=True, ensure_ascii=False, default=str,
    )


class _Excerpts(Mapping[str, list[str]]):
    """Source lines of the files that have something to show (for carets), from the bytes already read.

    Decoded on first use: only the text and JUnit reports show source lines,
    and splitting a thousand files cost a warm run a third of its time.
    """

    def __init__(self, diagnostics: list[Diagnostic], sources: list[Source]) -> None:
        self.data = {source.path: source.data for source in sources}
        self.paths = {d.path for d in diagnostics}
        self.lines: dict[str, list[str]] = {}

    def __getitem__(self, path: str) -> list[str]:
        if path not in self.paths:
            raise KeyError(path)
        if path not in self.lines:
            raw = self.data.get(path)
            text = loader.decode_bytes(path, raw)[0] if raw is not None else loader.read_file(path)[0]
            self.lines[path] = text.splitlines() if text is not None else []
        return self.lines[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def _nothing_hint(found: Found) -> str:
    """What was searched, so that an empty answer says where to look instead."""
    skipped = f"; {len(found.skipped)} YAML file(s) were skipped (-v lists them)" if found.skipped else ""
    return f"process files are YAML files with `procdoc: 1` at the top{skipped}"
