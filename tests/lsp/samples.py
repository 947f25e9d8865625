"""qm-07 with one thing changed, and positions in it as the protocol counts them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.lsp.client import LspClient

#: step 1.3 of qm-07, in a lane that does not exist
BROKEN_LANE = ("lane: quality_section\n    phase: collect\n    description: 技质科审核",
               "lane: nosuchlane\n    phase: collect\n    description: 技质科审核")


def sample(repo: Path, *replace: str) -> tuple[Path, str, list[str]]:
    """qm-07's path, its text with `replace[0]` replaced by `replace[1]` (once), and that text's lines."""
    path = repo / "qm-07.yaml"
    text = path.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    return path, text, text.splitlines()


def position(lines: list[str], line_text: str, word: str, offset: int = 1) -> dict[str, int]:
    """The protocol's position `offset` characters into `word` on the first line that is `line_text`.

    Only for lines whose text before `word` lies in the BMP, where characters and UTF-16 units agree.
    """
    line = next(i for i, text in enumerate(lines) if text.strip() == line_text)
    return {"line": line, "character": lines[line].index(word) + offset}


def ask(client: LspClient, method: str, uri: str, where: dict[str, int]) -> Any:
    return client.request(method, {"textDocument": {"uri": uri}, "position": where})
