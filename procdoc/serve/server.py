"""The preview's HTTP server: the rendered site, decorated pages, and the reload events.

A plain threading HTTP server from the standard library: one thread per
connection, so an open event stream never blocks the pages.
"""

from __future__ import annotations

import errno
import mimetypes
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from procdoc.errors import UserError
from procdoc.serve.pages import EVENTS_PATH, LIVE_SCRIPT, SCRIPT_PATH, decorate, error_page
from procdoc.serve.snapshot import Snapshot

#: how often an idle event stream is kept alive (and notices that the server stops)
KEEP_ALIVE_SECONDS = 10.0


class Preview:
    """The snapshot being served, and a way to wait for the next one."""

    def __init__(self, site: Path, snapshot: Snapshot) -> None:
        self.site = site
        self._snapshot = snapshot
        self._changed = threading.Condition()
        self.closed = False

    @property
    def snapshot(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def publish(self, snapshot: Snapshot) -> None:
        with self._changed:
            self._snapshot = snapshot
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def next_version(self, seen: int | None, timeout: float) -> int | None:
        """The current version once it differs from `seen`; None after `timeout` or when closing."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._snapshot.version != seen, timeout)
            return None if self.closed or self._snapshot.version == seen else self._snapshot.version


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, preview: Preview) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.preview = preview
        super().__init__((host, port), _Handler)


def listen(host: str, port: int, preview: Preview) -> PreviewServer:
    """The server bound to `host`:`port`, or a UserError saying why it cannot be."""
    try:
        return PreviewServer(host, port, preview)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise UserError(
                f"port {port} on {host} is already in use",
                "stop what uses it, or choose another port with --port (--port 0 picks a free one)",
            ) from None
        raise UserError(f"cannot listen on {host}:{port}: {err.strerror or err}", "check --host and --port") from None
    except (socket.gaierror, UnicodeError) as err:
        raise UserError(f"cannot listen on {host}:{port}: {err}", "check --host") from None


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows builds, not requests."""

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == EVENTS_PATH:
            self._events()
        elif path == SCRIPT_PATH:
            self._send(HTTPStatus.OK, LIVE_SCRIPT.encode(), "text/javascript; charset=utf-8")
        else:
            self._file(path)

    def _file(self, path: str) -> None:
        preview = self.server.preview
        name = path.lstrip("/") or "index.html"
        if name.endswith("/"):
            name += "index.html"
        target = (preview.site / name).resolve()
        inside = target.is_relative_to(preview.site.resolve())
        snapshot = preview.snapshot
        if inside and target.is_file():
            data = target.read_bytes()
            if target.suffix == ".html":
                data = decorate(data.decode("utf-8"), target.stem, snapshot).encode("utf-8")
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self._send(HTTPStatus.OK, data, kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        elif inside and (name.endswith(".html") or "." not in Path(name).name):
            stem = Path(name).stem
            status = HTTPStatus.OK if snapshot.errors.get(snapshot.pages.get(stem, "")) else HTTPStatus.NOT_FOUND
            self._send(status, error_page(stem, snapshot).encode("utf-8"), "text/html; charset=utf-8")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        """Server-sent events: the current version at once, then each new one."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        preview, seen = self.server.preview, None
        try:
            while not preview.closed:
                version = preview.next_version(seen, KEEP_ALIVE_SECONDS)
                message = f"data: {version}\n\n" if version is not None else ": keep-alive\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = version if version is not None else seen
        except (BrokenPipeError, ConnectionResetError):
            return
