"""Watching the process files: a rebuild after each burst of changes.

Folders are watched rather than files: editors save by writing a new file
and renaming it over the old one, which a watch on the old file misses.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from procdoc.workspace import YAML_SUFFIXES

SETTINGS_NAMES = ("procdoc.toml", "pyproject.toml")
#: quiet time (ms) after a change before rebuilding: an editor's save is several writes
STEP_MS = 20


def watched_folders(paths: Iterable[str], config: str | None) -> list[str]:
    """The folders to watch: each folder given, the folder of each file given, and the settings' folder."""
    folders = {os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths}
    if config:
        folders.add(os.path.abspath(os.path.dirname(config) or "."))
    return sorted(folders)


def relevant(path: str) -> bool:
    """A process file or a settings file, outside hidden folders (the check cache, .git)."""
    parts = Path(path).parts
    if any(part.startswith(".") for part in parts[:-1] if part not in (".", "..")):
        return False
    return path.endswith(YAML_SUFFIXES) or parts[-1] in SETTINGS_NAMES


def watch(folders: list[str], stop: threading.Event, changed: Callable[[], None]) -> None:
    """Call `changed` after each burst of relevant changes, until `stop` is set."""
    from watchfiles import watch as watch_files

    for _ in watch_files(
        *folders, stop_event=stop, step=STEP_MS, watch_filter=lambda _, path: relevant(path),
        raise_interrupt=False, yield_on_timeout=False,
    ):
        changed()
