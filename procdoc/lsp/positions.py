"""procdoc's 1-based line:column (a column per character) ↔ LSP's 0-based line and character offset.

The protocol counts a line's characters in UTF-16 code units unless client
and server agree on UTF-8 or UTF-32. A Chinese character is one column for
procdoc, one UTF-16 unit and three UTF-8 units; a character outside the
Basic Multilingual Plane (an emoji, a rare CJK ideograph) is one column
but two UTF-16 units, so every conversion measures the line's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

UTF16 = "utf-16"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of `encoding` (utf-8, utf-16 or utf-32) `text` takes."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Lines:
    """A document's lines (without line ends) and the protocol's unit for counting characters in them."""

    text: tuple[str, ...]
    encoding: str = UTF16

    @classmethod
    def of(cls, lines: Iterable[str], encoding: str = UTF16) -> Lines:
        return cls(tuple(line.rstrip("\r\n") for line in lines), encoding)

    def line(self, number: int) -> str:
        """The 0-based line `number`, or '' beyond the end."""
        return self.text[number] if 0 <= number < len(self.text) else ""

    def to_lsp(self, line: int, column: int) -> tuple[int, int]:
        """procdoc's (line, column), both 1-based, → the protocol's (line, character); line 0 means the file."""
        if line <= 0:
            return 0, 0
        return line - 1, units(self.line(line - 1)[: max(0, column - 1)], self.encoding)

    def index(self, line: int, character: int) -> int:
        """The 0-based character index in 0-based `line` at the protocol's `character` offset."""
        text = self.line(line)
        counted = 0
        for index, char in enumerate(text):
            if counted >= character:
                return index
            counted += units(char, self.encoding)
        return len(text)

    def from_lsp(self, line: int, character: int) -> tuple[int, int]:
        """The protocol's (line, character) → procdoc's 1-based (line, column)."""
        return line + 1, self.index(line, character) + 1
