"""Security: the text says what it shows ("Trojan Source").

A process file is approved by people who read it, in an editor, in a pull
request, on the published page. Bidirectional controls reorder what they
see (`up to ‮0001$‬` shows as `up to $1000`); invisible characters and
Unicode normalisation make two different ids or names look the same, so a
reference goes somewhere else than the reader thinks. These rules read the
file's own text, so every id, text, key and comment is covered, and point
at the character itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from procdoc.checks.context import Context
from procdoc.checks.registry import Finding, rule
from procdoc.diagnostics import Pos, Severity
from procdoc.hiddenchars import BIDI_CONTROLS, INVISIBLE, comparable, describe, hidden_in, may_hide
from procdoc.model import Process

_FILE_BOM = "\ufeff"
#: a YAML double-quoted escape (`\u202e`, `\x85`, `\U0000200b`), preceded by an even number of backslashes
_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")


def _hidden_characters(process: Process, kinds: frozenset[str]) -> Iterator[tuple[Pos, str]]:
    """(position, character) of each character of `kinds` in the file, written as it is or as an escape.

    An escape counts when the loaded process holds the character it stands
    for (`"\u202e"` in double quotes, not the same six letters in plain text
    only). A BOM opening the file is fine.
    """
    text = "\n".join(process.source_lines)
    if "\\" not in text and not may_hide(text):
        return  # the common case, found by one scan in C instead of one per line
    escaped: list[tuple[Pos, str]] = []
    for number, line in enumerate(process.source_lines, 1):
        for index, char in hidden_in(line):
            if char in kinds and not (number == 1 and index == 0 and char == _FILE_BOM):
                yield Pos(number, index + 1), char
        escaped += [(Pos(number, m.start(1)), chr(int(m.group(1)[1:], 16))) for m in _ESCAPE.finditer(line)]
    escaped = [(pos, char) for pos, char in escaped if char in kinds]
    if escaped:
        loaded = set().union(*map(set, _texts(process)))
        yield from ((pos, char) for pos, char in escaped if char in loaded)


def _texts(value: object) -> Iterator[str]:
    """Every string in the loaded process: ids, names, texts, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name not in ("at", "pos", "source_lines"):
                yield from _texts(getattr(value, field.name))


@rule(
    "U001", "bidi-control", family="security", severity=Severity.WARNING,
    summary="A bidirectional control character (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) is in the file.",
    why="""
These invisible characters change the order in which text is displayed:
`Approve payments up to ‮0001$‬ without review` is shown as "up to $1000"
while it says 0001$. Reviewers approve what they see, in the editor, the pull
request and the published manual alike. Arabic and Hebrew text displays
correctly without them.
""",
    example="""
# Wrong: U+202E (RIGHT-TO-LEFT OVERRIDE) reverses what follows on screen
name: "Approve payments up to \\u202e0001$\\u202c without review"
# Right
name: Approve payments up to $1000 without review
""",
)
def bidi_control(process: Process, ctx: Context) -> Iterable[Finding]:
    for pos, char in _hidden_characters(process, BIDI_CONTROLS):
        yield Finding(
            pos,
            f"bidirectional control character {describe(char)} at {pos.line}:{pos.column}: "
            "the text is shown in another order than it is written",
            "delete it; right-to-left text displays correctly without it",
        )


@rule(
    "U002", "invisible-character", family="security", severity=Severity.WARNING,
    summary="An invisible character (zero-width space, joiner or non-joiner, word joiner, soft hyphen, BOM) "
            "is in the file.",
    why="""
An invisible character makes two texts that look the same different: a lane
`fin` and a lane `fin` followed by a zero-width space are two lanes, and a
reference to one goes to the other. They usually arrive by copying text from
web pages and chat messages.
""",
    example="""
# Wrong: a zero-width space after "fin"
  - id: "fin\\u200b"
# Right
  - id: fin
""",
)
def invisible_character(process: Process, ctx: Context) -> Iterable[Finding]:
    for pos, char in _hidden_characters(process, INVISIBLE):
        yield Finding(
            pos,
            f"invisible character {describe(char)} at {pos.line}:{pos.column}",
            "delete it (retype the text around it if your editor does not show it)",
        )


def _elements_with_ids(process: Process) -> Iterator[tuple[str, Sequence[Any]]]:
    yield "lane", process.lanes
    yield "phase", process.phases
    yield "document", process.documents
    yield "record", process.records
    yield "step", process.steps
    yield "emergency", process.emergencies or []


def _lookalikes(elements: Sequence[Any], field: str) -> Iterator[tuple[Any, Any]]:
    """(element, earlier element) whose `field` differs but reads the same (NFKC, hidden characters removed)."""
    first: dict[str, Any] = {}
    for element in elements:
        value = getattr(element, field)
        earlier = first.setdefault(comparable(value), element)
        if earlier is not element and getattr(earlier, field) != value:
            yield element, earlier


def _difference(one: str, other: str) -> str:
    """What tells two lookalike texts apart, by code point: `they differ in U+200B ZERO WIDTH SPACE`."""
    return "they differ in " + ", ".join(describe(char) for char in sorted(set(one) ^ set(other)))


@rule(
    "U003", "lookalike-id", family="security",
    summary="Two ids of one kind differ only in invisible characters or Unicode normalisation (NFC/NFD, NFKC).",
    why="""
`fin` and `fin` with a zero-width space, or `é` written as one character
(NFC) and as `e` plus an accent (NFD), look identical and are different
ids: two steps or lanes that every reader takes for one, and references
that silently go to the other.
""",
    example="""
# Wrong: the second id ends in U+200B ZERO WIDTH SPACE
lanes:
  - id: fin
    name: Finance
  - id: "fin\\u200b"
    name: Accounts
# Right: ids that differ where a reader sees it
lanes:
  - id: fin
    name: Finance
  - id: acc
    name: Accounts
""",
)
def lookalike_id(process: Process, ctx: Context) -> Iterable[Finding]:
    for noun, elements in _elements_with_ids(process):
        for element, earlier in _lookalikes(elements, "id"):
            yield Finding(
                element.where("id"),
                f"{noun} id {element.id!r} looks the same as {noun} id {earlier.id!r} (line {earlier.pos.line}) "
                f"but is a different id: {_difference(element.id, earlier.id)}",
                f"give each {noun} a visibly different id, typed the same way in every reference",
                element.pos,
            )


def _named_elements(process: Process) -> Iterator[tuple[str, Sequence[Any]]]:
    yield "lane", process.lanes
    yield "phase", process.phases
    yield "document", process.documents
    yield "record", process.records
    yield "step", process.steps
    yield "KPI", process.kpis


@rule(
    "U004", "lookalike-name", family="security", severity=Severity.WARNING,
    summary="Two names of one kind differ only in invisible characters or Unicode normalisation.",
    why="""
Two lanes named `Finance` and `Finance` with a zero-width space show as one
department twice; the RACI matrix, the chart and the catalogue check treat
them as two.
""",
    example="""
# Wrong: the second name ends in U+200B ZERO WIDTH SPACE
  - id: fin
    name: Finance
  - id: acc
    name: "Finance\\u200b"
# Right
  - id: fin
    name: Finance
  - id: acc
    name: Accounts
""",
)
def lookalike_name(process: Process, ctx: Context) -> Iterable[Finding]:
    for noun, elements in _named_elements(process):
        for element, earlier in _lookalikes(elements, "name"):
            yield Finding(
                element.where("name"),
                f"{noun} name {element.name!r} looks the same as {noun} name {earlier.name!r} (line "
                f"{earlier.where('name').line}) but is a different text: {_difference(element.name, earlier.name)}",
                "use one spelling, or names that differ visibly",
                element.pos,
            )
