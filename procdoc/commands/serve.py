"""`procdoc serve`: render into a temporary folder, serve it, rebuild on every change.

Runs until interrupted; the temporary folder goes with it. Listens on the
loopback address unless told otherwise: a preview shows unpublished work.
"""

from __future__ import annotations

import ipaddress
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from procdoc.errors import UserError
from procdoc.serve.server import Preview, PreviewServer, listen
from procdoc.serve.snapshot import Snapshot, build
from procdoc.serve.watch import watch, watched_folders

Report = Callable[[str], None]


@dataclass
class ServeRequest:
    paths: list[str] = field(default_factory=list)
    config: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(request: ServeRequest, report: Report) -> None:
    """Serve until interrupted (KeyboardInterrupt propagates, after cleaning up)."""
    if not 0 <= request.port <= 65535:
        raise UserError(f"--port {request.port} is not a port number", "use 1–65535, or 0 for any free port")
    if not is_loopback(request.host):
        report(f"warning: listening on {request.host}: anyone who can reach this machine can read the preview")
    folder = Path(tempfile.mkdtemp(prefix="procdoc-serve-"))
    stop = threading.Event()
    server: PreviewServer | None = None
    try:
        preview = Preview(folder / "site", Snapshot(0))
        server = listen(request.host, request.port, preview)  # first: a port in use is said at once
        rebuild = _Rebuilder(request, preview, report)
        folders = watched_folders(request.paths or ["."], request.config)
        threading.Thread(target=watch, args=(folders, stop, rebuild), name="procdoc-watch", daemon=True).start()
        first = rebuild(quiet=True)  # the watch is up meanwhile: no save made after this line is missed
        host, port = server.server_address[:2]
        report(f"serving {len(first.pages)} processes on http://{_url_host(str(host))}:{port}/ (Ctrl-C stops)")
        report(f"rendered into {preview.site} (removed when the server stops)")
        report(_state(first))
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        if server is not None:
            server.preview.close()
            server.server_close()
        shutil.rmtree(folder, ignore_errors=True)


class _Rebuilder:
    """One build at a time into the preview's folder; a build that fails as a whole keeps the last site."""

    def __init__(self, request: ServeRequest, preview: Preview, report: Report) -> None:
        self.request = request
        self.preview = preview
        self.report = report
        self._lock = threading.Lock()

    def __call__(self, quiet: bool = False) -> Snapshot:
        with self._lock:
            previous = self.preview.snapshot
            version = previous.version + 1
            try:
                snapshot = build(self.request.paths, self.request.config, self.preview.site, version, previous)
            except (UserError, OSError) as err:
                if not previous.version:
                    raise
                snapshot = replace(previous, version=version, problem=_problem(err))
            self.preview.publish(snapshot)
        if not quiet:
            self.report(_state(snapshot))
        return snapshot


def _problem(err: UserError | OSError) -> str:
    if isinstance(err, UserError):
        return f"{err.message} ({err.hint})" if err.hint else err.message
    return f"{err.strerror or err}: {err.filename}" if err.filename else str(err.strerror or err)


def _state(snapshot: Snapshot) -> str:
    if snapshot.problem:
        return f"build {snapshot.version}: {snapshot.problem}"
    findings = sum(len(found) for found in snapshot.findings.values())
    broken = "".join(
        f"\n  {d.location()}: {d.code} {d.message}" for errors in snapshot.errors.values() for d in errors
    )
    return f"build {snapshot.version}: {findings} findings" + (f"; files that do not load:{broken}" if broken else "")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
