"""Colours for text reports on a terminal, by pattern, so reporters stay plain.

The patterns follow the lines `procdoc.report.formats` writes (text and
concise); rich applies them to the whole report at once, hence `(?m)` for
per-line anchors. tests/test_report.py keeps the two in step.
"""

from __future__ import annotations

from rich.highlighter import RegexHighlighter
from rich.theme import Theme

_CODE = r"[A-Z]\d{3}"


class DiagnosticHighlighter(RegexHighlighter):
    base_style = "diag."
    highlights = (
        rf"(?m)^(?P<location>[^\s|][^\n|]*?): (?P<code>{_CODE}) ",
        r"(?m)^[^\s|][^\n|]*? \[(?:(?P<error>error)|(?P<warning>warning)|(?P<info>info))\] ",
        rf"(?m)^(?P<code>{_CODE})  \S+ +\d+$",
        r"(?m)^(?P<gutter> *\d* \|)",
        r"(?m)^ +\| +(?P<caret>\^+)$",
        r"(?m)^(?P<hint> += help: .*)$",
        r"(?m)^(?P<failed>Found \d+ .*)$",
        r"(?m)^(?P<passed>All checks passed .*)$",
    )


THEME = Theme(
    {
        "diag.location": "bold",
        "diag.code": "bold magenta",
        "diag.error": "bold red",
        "diag.warning": "bold yellow",
        "diag.info": "bold blue",
        "diag.gutter": "blue",
        "diag.caret": "bold red",
        "diag.hint": "cyan",
        "diag.failed": "bold",
        "diag.passed": "bold green",
    }
)
