"""The Wrong and Right forms of a rule's documented example, read from its `example` text.

A rule's example (docs/rules.md) is YAML fragments under comment headers
written at the start of a line: `# Wrong: why`, `# Wrong (fixable): why`,
`# Right: why`. Any other header (`# procdoc.toml`, `# other.yaml`) and the
text before the first header are context for the reader. A header may go on
over several comment lines; a block with no lines is an absence (`# Wrong: no
revisions:`). One parser for every test that runs the documented examples,
so they all read the documentation the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["wrong", "right", "note"]


@dataclass(frozen=True)
class Block:
    """One header of an example and the fragment under it."""

    kind: Kind
    header: str
    text: str

    @property
    def fixable(self) -> bool:
        return self.header.startswith("# Wrong (fixable)")


def _kind(header: str) -> Kind:
    if header.startswith("# Wrong"):
        return "wrong"
    return "right" if header.startswith("# Right") else "note"


def blocks(example: str) -> list[Block]:
    """The example's blocks in order; a prose example is one note."""
    found: list[Block] = []
    header, lines = "", list[str]()
    for line in example.splitlines():
        starts_form = _kind(line) != "note"
        continues_header = line.startswith("#") and bool(header) and not lines and not starts_form
        if continues_header:
            header += "\n" + line
            continue
        if line.startswith("#"):
            if header or lines:
                found.append(Block(_kind(header), header, "\n".join(lines).rstrip()))
            header, lines = line, []
            continue
        lines.append(line)
    if header or lines:
        found.append(Block(_kind(header), header, "\n".join(lines).rstrip()))
    return found


def forms(example: str, kind: Kind) -> list[Block]:
    """The example's Wrong (or Right) blocks."""
    return [block for block in blocks(example) if block.kind == kind]
