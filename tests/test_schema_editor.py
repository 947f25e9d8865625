"""yaml-language-server, driven over LSP (JSON-RPC on stdio) as an editor drives it, with procdoc's schema.

The server is the npm package in tests/export/js; the schema is the file
`procdoc schema` prints, mapped to the document by the modeline `procdoc new`
writes. Hovering `lane:` of a step must show the schema's description.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from procdoc.schema import schema, schema_text
from tests.base_process import BASE

SERVER = Path(__file__).resolve().parent / "export" / "js" / "node_modules" / "yaml-language-server" / "bin"


class LanguageServer:
    """A minimal LSP client: requests with ids, answers to the server's own requests, notifications kept."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.notifications: list[dict[str, Any]] = []

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (line := self.process.stdout.readline().strip()):
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        assert length, "the server closed the connection"
        return dict(json.loads(self.process.stdout.read(length)))

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            if "id" in message and "method" in message:  # workspace/configuration, client/registerCapability …
                self.send({"id": message["id"], "result": self.answer(message)})
            else:
                self.notifications.append(message)

    @staticmethod
    def answer(message: dict[str, Any]) -> Any:
        if message["method"] == "workspace/configuration":
            return [{"hover": True, "completion": True, "validate": True} for _ in message["params"]["items"]]
        return None

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=30)
        finally:
            self.process.kill()
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
            self.process.wait(timeout=30)


@pytest.fixture
def server(tmp_path: Path) -> Any:
    if shutil.which("node") is None or not SERVER.is_dir():
        pytest.fail("Node.js and tests/export/js/node_modules are needed: run `make setup`")
    client = LanguageServer(["node", str(SERVER / "yaml-language-server"), "--stdio"])
    client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}}})
    client.notify("initialized", {})
    yield client
    client.close()


def hover(server: LanguageServer, folder: Path, text: str, line: int, character: int) -> str:
    (folder / "procdoc.schema.json").write_text(schema_text(), encoding="utf-8")
    document = folder / "p.yaml"
    text = "# yaml-language-server: $schema=procdoc.schema.json\n" + text
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": document.as_uri(), "languageId": "yaml", "version": 1, "text": text}})
    result = server.request("textDocument/hover", {
        "textDocument": {"uri": document.as_uri()}, "position": {"line": line + 1, "character": character}})
    assert result is not None, "no hover"
    contents = result["contents"]
    return str(contents["value"] if isinstance(contents, dict) else contents)


def test_hover_on_a_steps_lane_shows_its_description(server: LanguageServer, tmp_path: Path) -> None:
    lines = BASE.splitlines()
    row = next(i for i, line in enumerate(lines) if line.strip().startswith("lane:") and lines[i - 2].strip()
               .startswith("- id:"))
    shown = hover(server, tmp_path, BASE, row, lines[row].index("lane") + 1)
    assert schema()["$defs"]["step"]["properties"]["lane"]["description"] in shown
    assert "```yaml\nlane: marketing\n```" in shown


def test_hover_on_a_step_type_lists_the_values(server: LanguageServer, tmp_path: Path) -> None:
    lines = BASE.splitlines()
    row = next(i for i, line in enumerate(lines) if line.strip() == "type: start")
    shown = hover(server, tmp_path, BASE, row, lines[row].index("type") + 1)
    assert "One of: `start`, `task`, `decision`, `subprocess`, `join`, `end`." in shown
