"""Linting open buffers with the repository around them, fast enough to run as you type.

A `Project` is one settings file's repository. It keeps every file's report
(by content digest) and the last cross-file findings in memory, so after
an edit `lint` analyses only the changed buffer: the other files' reports
come from the store, and their bytes are re-read only when their size or
modification time changed. An open buffer replaces its file's bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from procdoc import loader
from procdoc.checks.engine import Raw
from procdoc.checks.lint import FileReport, Job, Source, lint
from procdoc.checks.summary import ProcessSummary
from procdoc.commands.check import make_job
from procdoc.config import Settings, load_settings
from procdoc.diagnostics import Diagnostic
from procdoc.workspace import repository_files


@dataclass
class MemoryStore:
    """The reports and cross-file findings of the last runs, kept between edits (a `ReportStore`)."""

    reports: dict[str, FileReport] = field(default_factory=dict)
    cross: tuple[str, dict[str, list[Raw]]] | None = None

    def get(self, path: str, digest: str) -> FileReport | None:
        report = self.reports.get(path)
        return report if report is not None and report.digest == digest else None

    def put(self, report: FileReport) -> None:
        self.reports[report.path] = report

    def cross_findings(self, fingerprint: str) -> dict[str, list[Raw]] | None:
        return self.cross[1] if self.cross is not None and self.cross[0] == fingerprint else None

    def remember_cross(self, fingerprint: str, cross: dict[str, list[Raw]]) -> None:
        self.cross = (fingerprint, cross)


@dataclass
class DiskFile:
    stamp: tuple[int, int]  # modification time and size when `data` was read
    data: bytes | None


@dataclass
class Project:
    """One repository: its settings, the run's rules, its files and what was found in them."""

    settings: Settings
    job: Job
    files: list[str] = field(default_factory=list)
    disk: dict[str, DiskFile] = field(default_factory=dict)
    store: MemoryStore = field(default_factory=MemoryStore)

    @classmethod
    def open(cls, settings: Settings) -> Project:
        project = cls(settings, make_job(settings))
        project.rescan()
        return project

    def rescan(self) -> None:
        """Find the repository's files again (after a save: a file may have been added or removed)."""
        self.files = repository_files(self.settings)

    def lint(self, path: str, text: str, buffers: Mapping[str, str]) -> list[Diagnostic]:
        """The findings of `check` for the buffer `text` of `path`; other open `buffers` replace their files."""
        own = Source(path, text.encode("utf-8"), named=False)
        others = [Source(p, self._bytes(p, buffers)) for p in self.files if p != path]
        return lint([own, *others], self.job, report_on={path}, cache=self.store).diagnostics

    def _bytes(self, path: str, buffers: Mapping[str, str]) -> bytes | None:
        if path in buffers:
            return buffers[path].encode("utf-8")
        try:
            info = os.stat(path)
        except OSError:
            return None  # gone or unreadable: `lint` reads it and says so
        stamp = (info.st_mtime_ns, info.st_size)
        known = self.disk.get(path)
        if known is None or known.stamp != stamp:
            known = self.disk[path] = DiskFile(stamp, loader.read_bytes(path)[0])
        return known.data

    def summaries(self) -> dict[str, ProcessSummary]:
        """Every process of the repository by id, as the last lint saw them."""
        return {r.summary.id: r.summary for r in self.store.reports.values() if r.summary is not None}


class Projects:
    """The project of each settings file, opened on first use."""

    def __init__(self) -> None:
        self.by_settings: dict[str | None, Project] = {}

    def of(self, path: str) -> Project:
        settings = load_settings(None, path)
        key = os.path.abspath(settings.source) if settings.source else None
        known = self.by_settings.get(key)
        if known is None or known.settings.raw_text != settings.raw_text:
            known = self.by_settings[key] = Project.open(settings)
        return known
