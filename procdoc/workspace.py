"""One run's view of a repository: its settings and its process files.

Every command starts here, and nothing else walks folders or reads the
settings: `find` gives the settings and the files the command was pointed
at, `repository_files` the files of the whole configured repository (the
processes a named file may refer to), `open_workspace` loads them. A folder
that cannot be read is a diagnostic, never a silent gap.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from procdoc import loader
from procdoc.config import Settings, load_settings
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.loader import Loaded
from procdoc.model import Process

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Found:
    """The settings, the files under the given paths, and why others were left out."""

    settings: Settings
    roots: list[str]
    files: list[str] = field(default_factory=list)
    named: set[str] = field(default_factory=set)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unreadable: list[Diagnostic] = field(default_factory=list)


def find(paths: Sequence[str], config: str | None = None) -> Found:
    """Settings from `config` (or found above the first path), then the YAML files under `paths`.

    Without paths, the settings' `paths` are searched. Folders are walked in
    sorted order; dot-folders and the settings' `exclude` are left out.
    """
    settings = load_settings(config, paths[0] if paths else ".")
    roots = list(paths) or [loader.display_path(p) for p in settings.paths]
    found = Found(settings, roots)
    _discover(roots, settings.exclude, found)
    found.named = {loader.display_path(p) for p in roots if os.path.isfile(p)}
    return found


def repository_files(settings: Settings) -> list[str]:
    """Every YAML file of the repository the settings describe (none without a settings file)."""
    if settings.source is None:
        return []
    found = Found(settings, [])
    _discover([loader.display_path(p) for p in settings.paths], settings.exclude, found)
    return found.files


def _discover(paths: Iterable[str], exclude: Iterable[str], found: Found) -> None:
    excluded = tuple(exclude)
    files: list[str] = []
    for given in paths:
        if not os.path.lexists(given):
            found.missing.append(given)
        elif os.path.isdir(given):
            files.extend(_walk(given, excluded, found))
        else:
            files.append(loader.display_path(given))
    found.files = sorted(dict.fromkeys(files))


def _walk(root: str, excluded: tuple[str, ...], found: Found) -> Iterator[str]:
    def unreadable(err: OSError) -> None:
        where = loader.display_path(err.filename or root)
        message = f"cannot read the folder: {err.strerror}; the process files in it were not checked"
        found.unreadable.append(Diagnostic(where, 0, 0, "F002", Severity.ERROR, message, "check its permissions"))

    for directory, subdirs, names in os.walk(root, onerror=unreadable):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d not in excluded)
        shown = loader.display_path(directory)  # once per folder: relpath is slow, and a folder holds thousands
        for name in sorted(names):
            if not name.endswith(YAML_SUFFIXES):
                continue
            path = name if shown == "." else os.path.join(shown, name)
            if any(Path(path).match(pattern) for pattern in excluded):
                found.skipped.append((path, "excluded"))
                continue
            yield path


@dataclass
class Workspace:
    settings: Settings
    loaded: list[Loaded] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unreadable: list[Diagnostic] = field(default_factory=list)

    @property
    def processes(self) -> list[Process]:
        return [item.process for item in self.loaded if item.process is not None]

    @property
    def load_diagnostics(self) -> list[Diagnostic]:
        return [*self.unreadable, *(d for item in self.loaded for d in item.diagnostics)]

    @property
    def load_errors(self) -> list[Diagnostic]:
        return [d for d in self.load_diagnostics if d.severity is Severity.ERROR]


def open_workspace(
    paths: Sequence[str], config: str | None = None, on_loaded: Callable[[Loaded], None] | None = None
) -> Workspace:
    """Settings from `config` (or found above the first path), then every process file, loaded.

    `on_loaded` sees each process file as soon as it is loaded (not the files
    skipped or unreadable), so that a caller can start on it while the rest load. The garbage collector is paused
    while loading: the models live until the command ends, and collecting
    them over and over cost a third of the time.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _open(find(paths, config), on_loaded or _ignore)
    finally:
        if paused:
            gc.enable()


def _ignore(_: Loaded) -> None:
    pass


def _open(found: Found, on_loaded: Callable[[Loaded], None]) -> Workspace:
    workspace = Workspace(found.settings, skipped=found.skipped, missing=found.missing, unreadable=found.unreadable)
    for path in found.files:
        text, problem = loader.read_file(path)
        if problem is not None:
            workspace.loaded.append(Loaded(path, None, [problem]))
        elif text is not None and path not in found.named and not loader.is_process_text(text):
            near_miss = loader.missing_marker(path, text)
            if near_miss is not None:
                workspace.loaded.append(Loaded(path, None, [near_miss], text))
            else:
                workspace.skipped.append((path, "no top-level `procdoc:` key"))
        elif text is not None:
            workspace.loaded.append(loader.load_text(text, path))
            on_loaded(workspace.loaded[-1])
    return workspace
