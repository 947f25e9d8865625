"""One run's view of a repository: settings, the files found, their models.

`check` and `render` both start here, so both see the same files, the same
settings and the same load errors.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from procdoc import loader
from procdoc.config import Settings, load_settings
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.loader import Loaded
from procdoc.model import Process


@dataclass
class Workspace:
    settings: Settings
    loaded: list[Loaded] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def processes(self) -> list[Process]:
        return [item.process for item in self.loaded if item.process is not None]

    @property
    def load_diagnostics(self) -> list[Diagnostic]:
        return [d for item in self.loaded for d in item.diagnostics]

    @property
    def load_errors(self) -> list[Diagnostic]:
        return [d for d in self.load_diagnostics if d.severity is Severity.ERROR]


def open_workspace(
    paths: Sequence[str], config: str | None = None, on_loaded: Callable[[Loaded], None] | None = None
) -> Workspace:
    """Settings from `config` (or found above the first path), then every process file.

    `on_loaded` sees each process file as soon as it is loaded (not the files
    skipped or unreadable), so that a caller can start on it while the rest load. The garbage collector is paused
    while loading: the models live until the command ends, and collecting
    them over and over cost a third of the time.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _open(paths, config, on_loaded or _ignore)
    finally:
        if paused:
            gc.enable()


def _ignore(_: Loaded) -> None:
    pass


def _open(paths: Sequence[str], config: str | None, on_loaded: Callable[[Loaded], None]) -> Workspace:
    settings = load_settings(config, paths[0] if paths else ".")
    roots = list(paths) or [loader.display_path(p) for p in settings.paths]
    found = loader.discover(roots, settings.exclude)
    workspace = Workspace(settings, skipped=found.skipped, missing=found.missing)
    named = {loader.display_path(p) for p in roots if os.path.isfile(p)}
    for path in found.files:
        text, problem = loader.read_file(path)
        if problem is not None:
            workspace.loaded.append(Loaded(path, None, [problem]))
        elif text is not None and path not in named and not loader.is_process_text(text):
            workspace.skipped.append((path, "no top-level `procdoc:` key"))
        elif text is not None:
            workspace.loaded.append(loader.load_text(text, path))
            on_loaded(workspace.loaded[-1])
    return workspace
