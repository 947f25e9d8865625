"""`procdoc fmt`: rewrite process files in the canonical layout, or say which would change.

A file that is not YAML is reported (file:line:col) and left as it is; the
others are still formatted. Files without a top-level `procdoc:` key are not
process files and are left alone.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from procdoc import loader
from procdoc.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError
from procdoc.format.formatter import format_text
from procdoc.format.layout import Layout
from procdoc.workspace import find
from procdoc.writer import write_text_atomic
from procdoc.yamlsource import SourceError


@dataclass
class FmtRequest:
    paths: list[str] = field(default_factory=list)
    config: str | None = None
    check: bool = False
    diff: bool = False

    @property
    def writes(self) -> bool:
        return not (self.check or self.diff)


@dataclass
class FmtResult:
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    writes: bool = True

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_USAGE
        return EXIT_FINDINGS if self.changed and not self.writes else EXIT_OK

    def summary(self) -> str:
        verb = "reformatted" if self.writes else "would be reformatted"
        parts = [f"{_files(len(self.changed))} {verb}", f"{_files(len(self.unchanged))} already formatted"]
        if self.errors:
            parts.append(f"{_files(len(self.errors))} could not be read")
        return ", ".join(parts)


def _files(count: int) -> str:
    return f"{count} file" + ("" if count == 1 else "s")


def run_fmt(request: FmtRequest) -> FmtResult:
    found = find(request.paths, request.config)
    if found.missing:
        raise UserError(f"no such file or folder: {', '.join(found.missing)}", "check the path")
    layout = Layout(line_length=found.settings.fmt.line_length)
    result = FmtResult(writes=request.writes)
    result.errors += [f"{d.location()}: {d.code} {d.message}" for d in found.unreadable]
    for path in found.files:
        text, problem = loader.read_file(path)
        if problem is not None or text is None:
            result.errors.append(f"{problem.location()}: {problem.code} {problem.message}" if problem else path)
            continue
        if not loader.is_process_text(text):
            continue
        try:
            formatted = format_text(text, path, layout)
        except SourceError as err:
            result.errors.append(f"{path}:{err.pos.line}:{err.pos.column}: {err.code} {err.message}")
            continue
        except UserError as err:
            result.errors.append(err.message)
            continue
        _record(result, request, path, text, formatted)
    return result


def _record(result: FmtResult, request: FmtRequest, path: str, text: str, formatted: str) -> None:
    if formatted == text:
        result.unchanged.append(path)
        return
    result.changed.append(path)
    if request.diff:
        result.diffs.append(unified_diff(path, text, formatted))
    if request.writes:
        write_text_atomic(path, formatted)


def unified_diff(path: str, before: str, after: str) -> str:
    """A `diff -u` of one file's old and new text, the way git and ruff show it."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), path, path
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
