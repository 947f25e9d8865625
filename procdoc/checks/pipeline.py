"""`procdoc check` over a repository: per-file work in parallel, then cross-file rules.

Each file is read, hashed, loaded and checked by the file-local rules on its
own (in worker processes when there are many). What survives of it is a
`FileReport`: its diagnostics before suppression, its suppression comments,
and a *skeleton* — the few parts of the process other files' rules look at
(id, status, trigger, outputs, lanes, sub-process steps). Cross-file rules
then run on the skeletons of the whole repository. Reports are cacheable by
content hash; skeletons are small, so memory stays flat as repositories grow.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from procdoc import loader, schema
from procdoc.checks import serial, suppress
from procdoc.checks.context import Repository
from procdoc.checks.engine import Raw, apply_suppressions, enabled_rules, run_rules
from procdoc.checks.selection import Selection
from procdoc.config import CatalogueEntry, OrgUnit
from procdoc.diagnostics import Diagnostic, Pos
from procdoc.model import Element, Process

T = TypeVar("T", bound=Element)

#: below this many files to analyse, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 64


@dataclass
class FileReport:
    """What checking one file on its own produced."""

    path: str
    digest: str
    load: list[Diagnostic] = field(default_factory=list)
    raw: list[Raw] = field(default_factory=list)
    comments: list[suppress.Suppression] = field(default_factory=list)
    skeleton_text: str = ""
    is_process: bool = True

    def skeleton(self) -> Process | None:
        """The process skeleton, decoded on demand (most runs never need it)."""
        return serial.skeleton_from_text(self.skeleton_text, self.path)


@dataclass(frozen=True)
class Job:
    """The settings every worker needs, sent once per worker."""

    selection: Selection
    org: dict[str, OrgUnit]
    today: date
    planned: dict[str, CatalogueEntry] = field(default_factory=dict)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


#: what cross-file rules may read of a process: its identity, hand-overs, lanes and sub-process calls
SKELETON_POSITIONS = ("id", "name", "status", "owner", "trigger", "outputs", "lanes", "process", "to_process",
                      "from_process", "type")


def skeleton(process: Process) -> Process:
    """The parts of a process that rules about *other* processes may read."""
    calls = [_lean(step) for step in process.steps if step.type == "subprocess"]
    return replace(
        process, steps=calls, documents=[], records=[], phases=[], kpis=[], glossary=[], references=[],
        revisions=[], emergencies=None if process.emergencies is None else [], purpose=None, scope=None, sla=[],
        source_lines=(), at=_positions(process.at),
        trigger=_lean(process.trigger) if process.trigger else None,
        outputs=[_lean(output) for output in process.outputs],
        lanes=[_lean(lane, duties=None) for lane in process.lanes],
    )


def _lean(element: T, **cleared: Any) -> T:
    return replace(element, at=_positions(element.at), **cleared)


def _positions(at: dict[str, Pos]) -> dict[str, Pos]:
    return {key: pos for key, pos in at.items() if key in SKELETON_POSITIONS}


def analyse(path: str, raw_bytes: bytes | None, job: Job, named: bool = False) -> FileReport:
    """Load one file and run the file-local rules on it."""
    if raw_bytes is None:
        text, problem = loader.read_file(path)
        raw_bytes = b"" if text is None else text.encode("utf-8")
    else:
        text, problem = loader.decode_bytes(path, raw_bytes)
    report = FileReport(path, digest(raw_bytes))
    if problem is not None or text is None:
        report.load = [problem] if problem else []
        return report
    if not named and not loader.is_process_text(text):
        report.is_process = False
        return report
    loaded = loader.load_text(text, path)
    report.load = loaded.diagnostics
    if loaded.process is None:
        return report
    process = loaded.process
    rules = enabled_rules(job.selection, path, cross_file=False)
    report.raw = run_rules(process, rules, Repository([], job.org), job.selection, job.today)
    report.comments = suppress.parse(process.source_lines)
    report.skeleton_text = serial.skeleton_to_text(skeleton(process))
    return report


_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    global _JOB
    _JOB = job
    gc.disable()


def _analyse_in_worker(items: list[tuple[str, bytes | None, bool]]) -> list[FileReport]:
    assert _JOB is not None
    return [analyse(path, data, _JOB, named) for path, data, named in items]


def analyse_all(items: Sequence[tuple[str, bytes | None, bool]], job: Job, jobs: int) -> list[FileReport]:
    """Analyse (path, bytes, explicitly named) items, in parallel when it pays."""
    if jobs <= 1 or len(items) < PARALLEL_THRESHOLD:
        return [analyse(path, data, job, named) for path, data, named in items]
    chunks = list(_chunks(items, jobs * 4))
    schema.prepare()  # import the validator once, before the workers fork
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(job,)) as pool:
        return [report for chunk in pool.map(_analyse_in_worker, chunks) for report in chunk]


def _chunks(
    items: Sequence[tuple[str, bytes | None, bool]], count: int
) -> Iterator[list[tuple[str, bytes | None, bool]]]:
    size = max(1, -(-len(items) // count))
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def interfaces_fingerprint(reports: Sequence[FileReport]) -> str:
    """One hash of every skeleton: cross-file findings depend on nothing else."""
    parts = [f"{r.path}\0{r.skeleton_text}" for r in reports if r.skeleton_text]
    return digest("\n".join(parts).encode("utf-8"))


def cross_file(reports: Sequence[FileReport], job: Job) -> dict[str, list[Raw]]:
    """Cross-file findings of every process, from the skeletons of all of them."""
    skeletons = [(r.path, r.skeleton()) for r in reports if r.skeleton_text]
    repo = Repository([s for _, s in skeletons if s is not None], job.org, job.planned)
    return {
        path: run_rules(process, enabled_rules(job.selection, path, cross_file=True), repo, job.selection, job.today)
        for path, process in skeletons
        if process is not None
    }


def finish(
    reports: Sequence[FileReport], cross: dict[str, list[Raw]], job: Job, report_on: set[str] | None = None
) -> list[Diagnostic]:
    """Local and cross-file findings with suppressions applied; sorted diagnostics.

    Only the files in `report_on` (all, when None) get diagnostics.
    """
    diagnostics: list[Diagnostic] = []
    for report in reports:
        if report_on is not None and report.path not in report_on:
            continue
        diagnostics.extend(report.load)
        if report.skeleton_text:
            raw = report.raw + cross.get(report.path, [])
            diagnostics.extend(apply_suppressions(report.path, raw, report.comments, job.selection))
    return sorted(diagnostics, key=lambda d: d.sort_key)


def read_all(paths: Sequence[str]) -> list[tuple[str, bytes | None]]:
    """Each file's bytes (None when it cannot be read: `analyse` explains why)."""
    return [(path, loader.read_bytes(path)[0]) for path in paths]


def worker_count(requested: int | None) -> int:
    return requested or min(os.cpu_count() or 1, 8)
