"""Names inside a site folder, and reading the previous site without following its symlinks.

Every name procdoc writes or takes from an old site passes `safe_name`,
whether it came from a process id or from a manifest someone may have
edited. Files of the old site are opened one path component at a time with
O_NOFOLLOW, so a symlink planted in the old site (`site/d -> /etc`) is never
followed, wherever in the path it sits.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def safe_name(name: str) -> bool:
    """A relative path that stays inside the site: no absolute path, no `..`, `.` or empty part, no NUL."""
    parts = name.split("/")
    return bool(name) and "\0" not in name and "\\" not in name and all(p not in ("", ".", "..") for p in parts)


def open_inside(root: Path, name: str) -> int:
    """A read-only descriptor of the regular file `root/name`; OSError when any part is a symlink or not a file."""
    if not safe_name(name):
        raise OSError(f"not a name inside the site: {name!r}")
    *folders, leaf = name.split("/")
    parent = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for folder in folders:
            inner = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=parent)
            os.close(parent)
            parent = inner
        handle = os.open(leaf, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=parent)
    finally:
        os.close(parent)
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise OSError(f"not a regular file: {name!r}")
    return handle


def read_inside(root: Path, name: str) -> bytes | None:
    """The bytes of `root/name` if it is a regular file reached without a symlink; else None."""
    try:
        handle = open_inside(root, name)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        return stream.read()


def ensure_folders(root: Path, name: str) -> Path:
    """`root/name`, with the folders between created; never `root` itself (gone means the run was stopped)."""
    path = root / name
    folder = root
    for part in name.split("/")[:-1]:
        folder = folder / part
        folder.mkdir(exist_ok=True)
    return path
