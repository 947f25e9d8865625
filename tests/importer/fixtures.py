"""bpmnlint's rule fixtures, imported and checked: procdoc's verdict next to bpmnlint's label.

The fixtures are read from ../shared/external/bpmnlint-fixtures (MIT), next
to the repository (a worktree looks beside the folders above it too); tests
skip with the reason when it is not there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from procdoc.checks.context import Run
from procdoc.checks.lint import Job, Source, lint
from procdoc.checks.registry import all_rules
from procdoc.checks.selection import resolve
from procdoc.config import CheckConfig
from procdoc.importer import convert_bpmn
from procdoc.loader import load_text


def _fixtures() -> Path:
    """`../shared/external/bpmnlint-fixtures` beside the repository (or beside a folder above a worktree)."""
    root = Path(__file__).resolve().parents[2]
    for folder in (root, *root.parents):
        candidate = folder.parent / "shared" / "external" / "bpmnlint-fixtures"
        if candidate.is_dir():
            return candidate
    return root.parent / "shared" / "external" / "bpmnlint-fixtures"


FIXTURES = _fixtures()

DISCONNECTED = "S007+S008"
"""A step that no line reaches and that leads nowhere: both rules on one step. Without a start step
S007 does not run (S001 says what is wrong): then a step that no other step leads to counts as unreachable."""

MAPPED = {
    "start-event-required": {"S001", "F006"},
    "end-event-required": {"S003", "F006"},
    "no-disconnected": {DISCONNECTED},
    "no-implicit-start": {"S007"},
    "no-implicit-end": {"S008"},
    "single-blank-start-event": {"S002"},
    "superfluous-gateway": {"B006"},
    "no-duplicate-sequence-flows": {"B009"},
    "fake-join": {"B008"},
    "no-implicit-split": {"B007"},
}
"""bpmnlint rule → the procdoc codes (rules, or import findings) that say the same (docs/import.md)."""


def fixture_files(rule: str) -> list[Path]:
    return sorted((FIXTURES / "test" / "rules" / rule).glob("*.bpmn"))


def codes(path: Path) -> set[str]:
    """Every code procdoc reports for the fixture: import findings, loader errors and check findings,
    and `S007+S008` when one step has both."""
    conversion = convert_bpmn(path.name, path.read_bytes())
    sources = [Source(item.file_name, item.text.encode("utf-8"), named=True) for item in conversion.files]
    selection = resolve(CheckConfig(), all_rules(), cli_select=["ALL"])
    checked = lint(sources, Job(selection, Run({}, date.today()))).diagnostics
    at = {code: {(d.path, d.line) for d in checked if d.code == code} for code in ("S007", "S008")}
    for item in conversion.files:
        process = load_text(item.text, item.file_name).process
        if process is not None and any(d.code == "S001" and d.path == item.file_name for d in checked):
            led_to = {target for step in process.steps for _, target, _ in step.exits()}
            at["S007"] |= {(item.file_name, s.pos.line) for s in process.steps if s.id not in led_to}
    found = {d.code for d in conversion.findings} | {d.code for d in checked}
    return found | ({DISCONNECTED} if at["S007"] & at["S008"] else set())


def verdicts() -> list[tuple[str, str, bool, bool]]:
    """(rule, fixture, bpmnlint says invalid, procdoc reports a mapped code) for every fixture of a mapped rule."""
    rows = []
    for rule, mapped in MAPPED.items():
        for path in fixture_files(rule):
            rows.append((rule, path.name, path.name.startswith("invalid"), bool(codes(path) & mapped)))
    return rows
