"""What the preview adds to the pages it serves: the findings panel and the reload script.

Only served HTML pages get them; the site `render` publishes stays as it is.
A page carries the version of the build it shows; the script reloads it as
soon as the server announces another one (server-sent events).
"""

from __future__ import annotations

from html import escape

from procdoc.diagnostics import Diagnostic
from procdoc.serve.snapshot import Snapshot

EVENTS_PATH = "/__procdoc/events"
SCRIPT_PATH = "/__procdoc/live.js"

LIVE_SCRIPT = """\
(() => {
  const shown = document.currentScript.dataset.version;
  const events = new EventSource("EVENTS");
  events.onmessage = (event) => {
    if (event.data !== shown) {
      events.close();
      location.reload();
    }
  };
})();
""".replace("EVENTS", EVENTS_PATH)

_PANEL_STYLE = (
    "position:fixed;right:1rem;bottom:1rem;max-width:42rem;max-height:40vh;overflow:auto;z-index:1000;"
    "background:#fff;border:1px solid #999;border-radius:6px;padding:.5rem .75rem;font:13px/1.4 monospace;"
    "box-shadow:0 2px 8px rgba(0,0,0,.2)"
)


def decorate(page: str, stem: str | None, snapshot: Snapshot) -> str:
    """`page` with the panel and the reload script added just before `</body>`."""
    addition = panel(stem, snapshot) + script_tag(snapshot.version)
    at = page.rfind("</body>")
    return page + addition if at < 0 else page[:at] + addition + page[at:]


def script_tag(version: int) -> str:
    return f'<script src="{SCRIPT_PATH}" data-version="{version}"></script>\n'


def panel(stem: str | None, snapshot: Snapshot) -> str:
    """Errors of files that do not load (every page shows them), then this page's check findings."""
    path = snapshot.pages.get(stem or "")
    errors = [d for diagnostics in snapshot.errors.values() for d in diagnostics]
    findings = snapshot.findings.get(path, []) if path else []
    lines = [f'<p class="procdoc-problem"><strong>{escape(snapshot.problem)}</strong></p>'] if snapshot.problem else []
    if errors:
        lines.append("<p><strong>files that do not load:</strong></p>" + _list(errors, "procdoc-errors"))
    if path:
        title = f"procdoc check: {len(findings)} finding{'s' if len(findings) != 1 else ''} in {escape(path)}"
        lines.append(f"<p>{title}</p>" + (_list(findings, "procdoc-findings") if findings else ""))
    opened = " open" if errors or snapshot.problem else ""
    summary = "procdoc serve" + (" — errors" if errors or snapshot.problem else "")
    return (
        f'<details id="procdoc-serve-panel"{opened} style="{_PANEL_STYLE}"><summary>{summary}</summary>'
        + "".join(lines) + "</details>\n"
    )


def _list(diagnostics: list[Diagnostic], css: str) -> str:
    items = "".join(
        f"<li>{escape(d.location())}: {escape(d.code)} {escape(d.severity.label)}: {escape(d.message)}</li>"
        for d in diagnostics
    )
    return f'<ul class="{css}">{items}</ul>'


def error_page(stem: str, snapshot: Snapshot) -> str:
    """The page of a file that does not load: its errors, until it loads again."""
    path = snapshot.pages.get(stem, stem)
    errors = snapshot.errors.get(path, [])
    items = "".join(f"<li>{escape(d.location())}: {escape(d.code)} {escape(d.message)}</li>" for d in errors)
    body = (
        f"<h1>{escape(path)} does not load</h1><ul class=\"procdoc-errors\">{items}</ul>"
        if errors else f"<h1>No page {escape(stem)}</h1><p>No process has this page (yet).</p>"
    )
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(path)}</title></head>'
        f"<body>{body}\n{panel(stem, snapshot)}{script_tag(snapshot.version)}</body></html>\n"
    )
