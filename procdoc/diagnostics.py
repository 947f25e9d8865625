"""The one record every problem becomes, whoever finds it.

Loader errors, rule findings and internal errors all travel as `Diagnostic`
so that selection, suppression, sorting and every reporter treat them alike.
Positions are 1-based here and nowhere else converted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that `max()` over a run gives its worst finding."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None


class Pos(NamedTuple):
    """A 1-based line and column in a source file (a tuple: cheap to make by the thousand)."""

    line: int
    column: int


NOWHERE = Pos(0, 0)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """An immutable finding: where, which rule, how bad, what to do."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str = ""
    end_line: int = 0
    end_column: int = 0
    related: tuple[str, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path
