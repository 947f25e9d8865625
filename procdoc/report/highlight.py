"""Colours for text reports on a terminal, by pattern, so reporters stay plain."""

from __future__ import annotations

from rich.highlighter import RegexHighlighter
from rich.theme import Theme


class DiagnosticHighlighter(RegexHighlighter):
    base_style = "diag."
    highlights = [
        r"^(?P<location>[^\s:][^:\n]*:\d+:\d+):",
        r"(?P<error>\berror\b)",
        r"(?P<warning>\bwarning\b)",
        r"(?P<code>\b[FSPCDEOITGXM]\d{3}\b)",
        r"^(?P<hint>\s+= help: .*)$",
        r"(?P<caret>\^+)",
    ]


THEME = Theme(
    {
        "diag.location": "bold",
        "diag.error": "bold red",
        "diag.warning": "bold yellow",
        "diag.code": "bold magenta",
        "diag.hint": "cyan",
        "diag.caret": "bold red",
    }
)
