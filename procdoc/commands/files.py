"""The process files a command works on, named the way `check` and `render` name them."""

from __future__ import annotations

from procdoc import loader
from procdoc.config import Settings, load_settings
from procdoc.errors import UserError


def process_files(paths: list[str], config: str | None) -> tuple[Settings, list[str]]:
    """The settings, and the YAML files under `paths` (default: the settings' `paths`)."""
    settings = load_settings(config, paths[0] if paths else ".")
    roots = paths or [loader.display_path(p) for p in settings.paths]
    found = loader.discover(roots, settings.exclude)
    if found.missing:
        raise UserError(f"no such file or folder: {', '.join(found.missing)}", "check the path")
    return settings, found.files
