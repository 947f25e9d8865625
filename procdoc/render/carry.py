"""The user's own files in a site folder, carried into the new site before it replaces the old one.

People publish into folders that hold other things: a gh-pages worktree's
`.git`, a `CNAME`, a `.nojekyll`, notes. Whatever the old site holds that
procdoc did not write (the names its manifest lists, and its index, assets
and manifest) is hard-linked into the staging folder, so the exchange that
publishes the new site keeps them; the old site's copy of each stays until
then, so a run killed at any moment loses nothing. Symlinks are carried as
symlinks, never followed. With `clean`, they are left behind instead, and
named.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from procdoc.errors import UserError


@dataclass
class _Walk:
    """One carry-over: the old site (`source`), the new one (`staged`), what procdoc owns there."""

    source: Path
    staged: Path
    owned: frozenset[str]
    clean: bool
    folders: frozenset[str] = frozenset()
    left: list[str] = field(default_factory=list)


def carry_over(source: Path, staged: Path, owned: frozenset[str], *, clean: bool) -> list[str]:
    """Link the user's entries of `source` into `staged`; with `clean`, return them instead (not linked).

    A user's entry where the new site has a file of its own is refused
    (UserError) without `clean`: nothing the user wrote is overwritten.
    """
    folders = frozenset(name.rsplit("/", 1)[0] for name in owned if "/" in name)
    walk = _Walk(source, staged, owned, clean, folders)
    _visit(walk, "")
    return walk.left


def _visit(walk: _Walk, folder: str) -> None:
    """The entries of one folder of the old site, `folder` being its path relative to the site ('' for the top)."""
    with os.scandir(walk.source / folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        name = f"{folder}{entry.name}"
        if name in walk.owned:
            continue
        new = walk.staged / name
        if entry.is_dir(follow_symlinks=False) and (name in walk.folders or _is_real_folder(new)):
            _visit(walk, name + "/")
        elif walk.clean:
            walk.left.append(name + "/" if entry.is_dir(follow_symlinks=False) else name)
        elif os.path.lexists(new):
            raise UserError(f"{walk.source / name} is not a file procdoc rendered, and this run writes one there",
                            "move it away, or run with --clean to replace it (--clean removes every file "
                            "procdoc did not write)")
        else:
            _link_tree(Path(entry.path), new)


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def _link_tree(source: Path, target: Path) -> None:
    """`source` (a file, symlink, or folder and all it holds) linked at `target`, never following a symlink."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not stat.S_ISDIR(os.lstat(source).st_mode):
        _link(source, target)
        return
    target.mkdir()
    with os.scandir(source) as entries:
        for entry in entries:
            _link_tree(Path(entry.path), target / entry.name)
    shutil.copystat(source, target, follow_symlinks=False)


def _link(source: Path, target: Path) -> None:
    """A hard link (the same file, not a copy); a copy where the file system cannot link."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target, follow_symlinks=False)
