"""Quick fixes: a finding whose rule has a fix is offered as a code action, and applying it clears the finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.lsp.client import LspClient
from tests.lsp.samples import BROKEN_LANE, sample

BY_NAME = (BROKEN_LANE[0], BROKEN_LANE[0].replace("lane: quality_section", "lane: 技质科"))


def actions(client: LspClient, uri: str, line: int) -> Any:
    return client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
        "context": {"diagnostics": []},
    })


def apply(text: str, edit: dict[str, Any]) -> str:
    lines = text.splitlines(keepends=True)
    start, end = edit["range"]["start"], edit["range"]["end"]
    assert start["character"] == end["character"] == 0  # whole lines
    return "".join([*lines[: start["line"]], edit["newText"], *lines[end["line"]:]])


def test_a_lane_written_by_its_name_is_fixed_to_its_id(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo, *BY_NAME)
    uri = client.open(path, text)
    [found] = client.diagnostics(uri)
    line = found["range"]["start"]["line"]
    assert (found["code"], lines[line].strip()) == ("S005", "lane: 技质科")
    [action] = actions(client, uri, line)
    assert action["kind"] == "quickfix" and action["isPreferred"] is True
    assert action["title"].startswith("Fix S005: ")
    assert action["diagnostics"][0]["code"] == "S005"
    [edit] = action["edit"]["changes"][uri]
    assert edit == {"range": {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}},
                    "newText": "    lane: quality_section\n"}
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": apply(text, edit)}]})
    assert client.diagnostics(uri) == []


def test_a_finding_without_a_fix_offers_none(client: LspClient, repo: Path) -> None:
    path, text, _ = sample(repo, *BROKEN_LANE)
    uri = client.open(path, text)
    [found] = client.diagnostics(uri)
    assert actions(client, uri, found["range"]["start"]["line"]) == []


def test_an_unsafe_fix_is_offered_but_not_preferred(client: LspClient, repo: Path) -> None:
    """Removing a document nobody uses changes what the process says: offered, never the default."""
    path, text, lines = sample(repo, "    documents: [return_rule]\n", "")
    uri = client.open(path, text)
    [found] = client.diagnostics(uri)
    line = found["range"]["start"]["line"]
    assert lines[line].strip() == "- id: return_rule"
    [action] = actions(client, uri, line)
    assert action["isPreferred"] is False and action["title"].endswith("(changes what the process says)")
    [edit] = action["edit"]["changes"][uri]
    assert edit["newText"] == "" and [lines[n].strip() for n in range(line, edit["range"]["end"]["line"])] == [
        "- id: return_rule", "name: 退换货管理规定", "kind: rule", "ref: HX-GL-031"]
