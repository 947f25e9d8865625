"""`procdoc check` as a function: paths and options in, report and exit code out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from procdoc import __version__
from procdoc.checks.context import Repository
from procdoc.checks.engine import check_loaded
from procdoc.checks.registry import all_rules
from procdoc.checks.selection import resolve
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.report import RunInfo, reporters
from procdoc.workspace import open_workspace

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@dataclass
class CheckRequest:
    paths: list[str] = field(default_factory=list)
    config: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    format: str = "text"
    statistics: bool = False
    strict: bool = False
    use_cache: bool = True


@dataclass
class CheckResult:
    report: str = ""
    exit_code: int = EXIT_OK
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    usage_error: str = ""
    usage_hint: str = ""


def exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    """2 when a file could not be read as a process, 1 for findings, else 0."""
    if any(d.code.startswith("F") for d in diagnostics):
        return EXIT_USAGE
    worst = max((d.severity for d in diagnostics), default=None)
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return EXIT_FINDINGS
    return EXIT_OK


def run_check(request: CheckRequest) -> CheckResult:
    available = reporters()
    if request.format not in available:
        return CheckResult(usage_error=f"unknown format {request.format!r}", usage_hint=f"use one of: {', '.join(available)}")
    workspace = open_workspace(request.paths, request.config)
    if workspace.missing:
        return CheckResult(usage_error=f"no such file or folder: {', '.join(workspace.missing)}", usage_hint="check the path")
    settings = workspace.settings
    rules = all_rules()
    selection = resolve(settings.check, rules, request.select, request.ignore, request.extend_select)
    today = date.fromisoformat(settings.check.today) if settings.check.today else date.today()
    repo = Repository(workspace.processes, settings.org)
    diagnostics = check_loaded(workspace.loaded, repo, selection, today)
    run = RunInfo(
        files=[item.path for item in workspace.loaded],
        rules=rules,
        sources={item.path: item.text.splitlines() for item in workspace.loaded},
        root=".",
        version=__version__,
        statistics=request.statistics,
    )
    report = available[request.format]().render(diagnostics, run)
    return CheckResult(report, exit_code(diagnostics, request.strict or settings.check.strict), diagnostics, workspace.skipped)
