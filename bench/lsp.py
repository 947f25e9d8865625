"""The language server's row: diagnostics after an edit, as an editor sees them.

`procdoc lsp` runs as a subprocess in a copy of the sample repository and
is driven over stdio (the tests' JSON-RPC client: this process never
imports procdoc). Each edit appends a comment line to qm-07, so the server
must lint the buffer again; the time is from sending `didChange` to
receiving its `publishDiagnostics`, the debounce pause included.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from tests.lsp.client import ROOT, LspClient

SAMPLE = "qm-07.yaml"


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (Linux), in MB; 0 where /proc does not say."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")), 0.0)


def edit_latencies(workdir: Path, edits: int) -> tuple[list[float], float]:
    """Seconds from each edit to its diagnostics, and the server's peak RSS in MB."""
    repo = workdir / "lsp-samples"
    shutil.copytree(ROOT / "samples", repo)
    path = repo / SAMPLE
    text = path.read_text(encoding="utf-8")
    with LspClient(repo) as client:
        client.initialize(repo)
        uri = client.open(path)
        client.diagnostics(uri, timeout=120)
        seconds = []
        for version in range(2, edits + 2):
            change = {"textDocument": {"uri": uri, "version": version},
                      "contentChanges": [{"text": f"{text}# edit {version}\n"}]}
            start = time.perf_counter()
            client.notify("textDocument/didChange", change)
            client.diagnostics(uri, timeout=120)
            seconds.append(time.perf_counter() - start)
        rss = peak_rss_mb(client.process.pid)
        if client.shutdown() != 0:
            raise SystemExit(f"procdoc lsp did not exit cleanly:\n{client.stderr()}")
    return seconds, rss


def median_latency(workdir: Path, edits: int) -> tuple[float, float]:
    seconds, rss = edit_latencies(workdir, edits)
    return statistics.median(seconds), rss
