"""The output folder, replaced as a whole: never half a site, never outside it.

A run builds the new site in a private folder beside OUT and exchanges the
two at the end, so a failed or killed run leaves the previous site as it
was. Before anything is written, OUT is checked: it must not be a file, the
filesystem root, a folder holding the inputs, or a folder of someone
else's files that replacing would destroy.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path

from procdoc.errors import UserError
from procdoc.paths import resolved

#: written into every site; its presence says "procdoc made this folder, it may be replaced"
MANIFEST = ".procdoc-render-cache.json"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def checked_out(out: Path, inputs: Iterable[str]) -> Path:
    """OUT resolved (through symlinks), or a UserError saying why it may not be replaced."""
    target = resolved(out.expanduser())
    hint = "choose a new or empty folder for the site, e.g. `-o site`"
    if target.exists() and not target.is_dir():
        raise UserError(f"{out} is a file, not a folder", hint)
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise UserError(f"refusing to replace {target}: the site folder is replaced as a whole", hint)
    for source in inputs:
        path = resolved(source)
        if path == target or target in path.parents:
            raise UserError(f"refusing to replace {out}: it contains the input {source}", hint)
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise UserError(f"refusing to replace {out}: it is not empty and was not made by procdoc render", hint)
    return target


def staging_folder(target: Path) -> Path:
    """A new empty folder beside `target`, named so that later runs can tell when it is stale."""
    _remove_stale(target)
    folder = target.parent / f".{target.name}.procdoc-{os.getpid()}-{secrets.token_hex(4)}"
    target.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir()
    return folder


def publish(staged: Path, target: Path) -> None:
    """Put `staged` where `target` is, in one step where the system allows; drop the old site."""
    if not target.exists():
        os.rename(staged, target)
        return
    if not _exchange(staged, target):
        retired = staged.with_name(staged.name + "-old")
        os.rename(target, retired)
        os.rename(staged, target)
        staged = retired
    shutil.rmtree(staged, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    rename = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if rename is None:
        return False
    if rename(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove_stale(target: Path) -> None:
    """Staging folders left by runs that were killed (their process is gone)."""
    if not target.parent.is_dir():
        return
    for folder in target.parent.glob(f".{target.name}.procdoc-*"):
        pid = folder.name.removeprefix(f".{target.name}.procdoc-").split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    with contextlib.suppress(PermissionError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
    return True
