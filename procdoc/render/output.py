"""The output folder: published in one step, never half a site, never outside it, the user's files kept.

A run builds the new site in a private staging folder beside OUT and
exchanges the two at the end, so a failed or killed run leaves the previous
site as it was. What procdoc did not write (a `.git`, a `CNAME`, notes) is
hard-linked from the old site into the staging folder before the exchange
(`procdoc.render.carry`), so it is in OUT before and after, whenever the
run stops. Before anything is written, OUT is checked: it must not be a
file, the filesystem root or the home folder, a folder holding the inputs,
or a folder of someone else's files.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from procdoc.errors import UserError
from procdoc.paths import resolved
from procdoc.render.carry import carry_over
from procdoc.render.lock import LOCK_SUFFIX

#: written into every site; its presence says "procdoc made this folder, it may be replaced"
MANIFEST = ".procdoc-render-cache.json"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_HINT = "choose a new or empty folder for the site, e.g. `-o site`"


def site_target(out: Path) -> Path:
    """OUT resolved (through symlinks), or a UserError when it is a file, the root or the home folder."""
    target = resolved(out.expanduser())
    if target.exists() and not target.is_dir():
        raise UserError(f"{out} is a file, not a folder", _HINT)
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise UserError(f"refusing to write the site into {target}: it is replaced as a whole", _HINT)
    return target


def refuse_to_replace(out: Path, target: Path, inputs: Iterable[str]) -> None:
    """A UserError when OUT holds the inputs, or holds visible files but no site made by procdoc.

    Hidden entries (`.git`, `.nojekyll`) do not count: a site folder is often a git worktree.
    """
    for source in inputs:
        path = resolved(source)
        if path == target or target in path.parents:
            raise UserError(f"refusing to replace {out}: it contains the input {source}", _HINT)
    if not target.is_dir() or (target / MANIFEST).is_file():
        return
    with os.scandir(target) as entries:
        visible = [entry.name for entry in entries if not entry.name.startswith(".")]
    if visible:
        raise UserError(f"refusing to write into {out}: it holds {visible[0]!r} and was not made by procdoc render "
                        "(a new site's folder may hold hidden entries only, such as .git)", _HINT)


@contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """A new empty folder beside `target`, removed again unless it was published.

    Call it holding `target`'s lock: any other staging folder is then a
    killed run's, and is removed first.
    """
    prefix = f".{target.name}.procdoc-"
    for folder in target.parent.iterdir():
        if folder.name.startswith(prefix) and not folder.name.endswith(LOCK_SUFFIX):
            shutil.rmtree(folder, ignore_errors=True)
    folder = target.parent / f"{prefix}{secrets.token_hex(6)}"
    folder.mkdir()
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def publish(staged: Path, target: Path, owned: frozenset[str], *, clean: bool = False) -> list[str]:
    """Put `staged` where `target` is, in one step where the system allows; drop the old site.

    The old site's files that are not in `owned` come along (or, with
    `clean`, are left behind): returns those left behind.
    """
    if not target.exists():
        os.rename(staged, target)
        return []
    removed = carry_over(target, staged, owned, clean=clean)
    shutil.copymode(target, staged)
    if not _exchange(staged, target):
        retired = staged.with_name(staged.name + "-old")
        os.rename(target, retired)
        os.rename(staged, target)
        staged = retired
    shutil.rmtree(staged, ignore_errors=True)
    return removed


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
