"""Reporters: the same diagnostics as text, JSON, SARIF, GitHub annotations, JUnit.

Each reporter is a small named class whose `render()` returns the whole
report as a string; writing it and choosing the exit code happen elsewhere.
Reporters never colour: the CLI highlights text output on a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from procdoc.checks.registry import Rule
from procdoc.diagnostics import Diagnostic


@dataclass(frozen=True)
class RunInfo:
    """What a reporter may need besides the diagnostics."""

    files: Sequence[str]
    rules: Mapping[str, Rule]
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)
    root: str = "."
    version: str = ""
    statistics: bool = False
    quiet: bool = False  # line formats print only the findings (no summary line)


class Reporter(Protocol):
    name: ClassVar[str]

    def render(self, diagnostics: Sequence[Diagnostic], run: RunInfo) -> str: ...


def reporters() -> dict[str, type[Reporter]]:
    """Every output format by name (imports the implementations on first use)."""
    from procdoc.report import formats

    return dict(formats.REPORTERS)
