"""One build of the preview: the site rendered through `render`'s cache, and what `check` says.

The site is rendered into the server's own folder with the same incremental
cache as `procdoc render`, so an edit redraws only the process that changed.
The check findings are kept per page (the panel shows them), and the errors
of files that do not load are kept apart: their pages show the error.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from procdoc.commands.check import CheckRequest, run_check
from procdoc.diagnostics import Diagnostic
from procdoc.render.site import RenderRequest, assign_pages, render_site
from procdoc.workspace import open_workspace

#: what the preview renders: pages and their charts (no PNG, no Markdown: nobody reads them here)
PREVIEW_FORMATS = "html,svg"


@dataclass(frozen=True)
class Snapshot:
    """The state of the files at one build."""

    version: int
    #: page stem → the path of the file it shows
    pages: dict[str, str] = field(default_factory=dict)
    #: file path → its check findings (for files that load)
    findings: dict[str, list[Diagnostic]] = field(default_factory=dict)
    #: file path → why it does not load
    errors: dict[str, list[Diagnostic]] = field(default_factory=dict)
    #: why the last build failed as a whole (bad settings), shown on every page until it works again
    problem: str = ""


def build(paths: list[str], config: str | None, site: Path, version: int, previous: Snapshot | None) -> Snapshot:
    """Render the site into `site` while checking the files; pages of files that stopped loading are remembered.

    Rendering waits mostly for Graphviz, checking is Python: side by side, a
    rebuild takes about as long as the render alone.
    """
    request = RenderRequest.build(
        paths=paths, out=site, formats=PREVIEW_FORMATS, jobs=(os.cpu_count() or 1) + 1, config=config,
    )
    with ThreadPoolExecutor(max_workers=1) as pool:
        rendering = pool.submit(render_site, request)
        snapshot = _checked(paths, config, version, previous)
        rendering.result()
    return snapshot


def _checked(paths: list[str], config: str | None, version: int, previous: Snapshot | None) -> Snapshot:
    workspace = open_workspace(paths, config)
    processes = [item.usable for item in workspace.loaded if item.usable is not None]
    pages = {ref.stem: path for path, ref in assign_pages(processes).items()}
    if previous is not None:  # a file that no longer loads keeps its page, which shows the error
        pages = {**{stem: path for stem, path in previous.pages.items() if path not in pages.values()}, **pages}
    errors = {item.path: item.errors for item in workspace.loaded if item.errors}
    checked = run_check(CheckRequest(paths=list(paths), config=config, format="concise"))
    findings: dict[str, list[Diagnostic]] = {}
    for diagnostic in checked.diagnostics:
        if diagnostic.path not in errors:
            findings.setdefault(diagnostic.path, []).append(diagnostic)
    return Snapshot(version, pages, findings, errors)
