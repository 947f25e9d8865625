"""One render at a time per output folder: an advisory lock file beside OUT, held for the whole run.

Two renders of one folder (two terminals, two CI jobs, two containers on a
shared volume) would otherwise publish into each other's staging folder.
`flock` works across processes and PID namespaces on one kernel, and the
kernel drops the lock when its holder dies, so a killed run never blocks
the next. The second render does not wait: it exits saying who holds the
lock. The lock file is removed by its holder on the way out; a run that
opened the file just before that notices (the path no longer names the file
it locked) and tries again on a new one.
"""

from __future__ import annotations

import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from procdoc.errors import UserError

LOCK_SUFFIX = ".procdoc-lock"


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}{LOCK_SUFFIX}"


@contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the lock of `target` (creating its parent folder), or a UserError naming the holder."""
    path = lock_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = _acquire(path, target)
    try:
        os.write(handle, f"{os.getpid()} {socket.gethostname()}\n".encode())
        yield
    finally:
        path.unlink(missing_ok=True)  # while still held, so that nobody holds a lock on a removed file
        os.close(handle)


def _acquire(path: Path, target: Path) -> int:
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(handle, 200).decode("utf-8", "replace").split()
            os.close(handle)
            raise UserError(f"another procdoc render is writing {target}{_described(holder)}",
                            f"wait for it to finish, then run again (its lock is {path})") from None
        if _still_named(handle, path):
            os.ftruncate(handle, 0)
            return handle
        os.close(handle)  # the previous holder removed the file after we opened it


def _still_named(handle: int, path: Path) -> bool:
    """Whether `path` still names the file we locked."""
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except FileNotFoundError:
        return False


def _described(holder: list[str]) -> str:
    """` (process 1234 on host ci-7)` from what the holder wrote into the lock file, if anything yet."""
    if len(holder) == 2 and holder[0].isdigit():
        return f" (process {holder[0]} on host {holder[1]})"
    return ""
