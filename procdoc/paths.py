"""Path helpers that survive what users' folders contain (symlink loops, dangling links)."""

from __future__ import annotations

import os
from pathlib import Path


def resolved(path: Path | str) -> Path:
    """`path` made absolute through symlinks; a symlink loop resolves as far as it can."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(os.path.abspath(path))
