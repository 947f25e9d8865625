"""`procdoc diff`: two process files, or the working tree against a git revision."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from procdoc.diff.compare import ProcessDiff, compare
from procdoc.errors import EXIT_FINDINGS, EXIT_OK, UserError
from procdoc.loader import Loaded, is_process_text, load_file, load_text
from procdoc.model import Process
from procdoc.workspace import find

FORMATS = ("text", "json", "md")


@dataclass
class DiffRequest:
    files: list[str]
    rev: str | None = None
    format: str = "text"
    html: Path | None = None
    check: bool = False


@dataclass
class DiffResult:
    diffs: list[ProcessDiff]
    report: str
    exit_code: int = EXIT_OK
    problems: list[str] = field(default_factory=list)


def run_diff(request: DiffRequest) -> DiffResult:
    """Compare, then report in the chosen format; with `check`, exit 1 for a change without a new version."""
    if request.format not in FORMATS:
        raise UserError(f"unknown format {request.format!r}", f"use one of: {', '.join(FORMATS)}")
    diffs = _by_revision(request.rev, request.files) if request.rev else _two_files(request.files)
    from procdoc.diff import report

    result = DiffResult(diffs, report.render(diffs, request.format))
    if request.html is not None:
        from procdoc.diff.html import write_html

        write_html(diffs, request.html)
    if request.check:
        result.problems = report.unversioned(diffs)
        result.exit_code = EXIT_FINDINGS if result.problems else EXIT_OK
    return result


def _process(loaded: Loaded, what: str) -> Process:
    if loaded.process is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        where = f"{first.location()}: {first.message}" if first else f"{loaded.path} is not a process file"
        raise UserError(f"cannot compare {what}: {where}", "fix the file first: `procdoc check` shows every problem")
    return loaded.process


def _two_files(files: list[str]) -> list[ProcessDiff]:
    if len(files) != 2:
        raise UserError("procdoc diff compares two files", "procdoc diff OLD.yaml NEW.yaml, or procdoc diff --rev REV")
    for path in files:
        if not Path(path).is_file():
            raise UserError(f"no process file at {path}", "give the paths of two process files")
    old, new = (_process(load_file(path), path) for path in files)
    return [compare(files[1], old, new)]


def _by_revision(rev: str, paths: list[str]) -> list[ProcessDiff]:
    from procdoc.diff import git

    found = find(paths)  # without paths: the `paths` of procdoc.toml, else the current folder
    if found.missing:
        raise UserError(f"no file or folder at {found.missing[0]}", "check the path")
    git.check_revision(rev, str(Path(found.files[0]).parent) if found.files else ".")
    diffs = []
    for path in found.files:
        now = load_file(path)
        if now.process is None and not is_process_text(now.text):
            continue
        before = git.show(rev, path)
        old = _process(load_text(before, f"{rev}:{path}"), f"{path} at {rev}") if before else None
        diff = compare(path, old, _process(now, path))
        if diff.changes:
            diffs.append(diff)
    for path in git.deleted_since(rev, found.roots):
        before = git.show(rev, path)
        if before and is_process_text(before):
            diffs.append(compare(path, _process(load_text(before, f"{rev}:{path}"), f"{path} at {rev}"), None))
    return diffs
