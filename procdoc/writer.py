"""Writing files so that a reader never sees half of one, and nothing but the file is replaced.

A regular file (or a new one) is written to a temporary file beside it and
renamed over it. Anything else the user names — a symlink, a device such as
/dev/null, a FIFO, /dev/stdout — is opened and written through: renaming
over it would replace the link or the device node with a plain file.
New files get the usual mode (0666 minus the umask), an existing file
keeps its own.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

#: the mode `open()` gives a new file before the umask: what users expect of a report
NEW_FILE_MODE = 0o666


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Replace a regular file atomically; write through anything else (symlink, device, FIFO)."""
    target = Path(path)
    try:
        kind = os.lstat(target).st_mode
    except FileNotFoundError:
        kind = None
    if kind is not None and stat.S_ISDIR(kind):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
    if kind is not None and not stat.S_ISREG(kind):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(target)
    try:
        if kind is not None:
            os.fchmod(handle, stat.S_IMODE(kind))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path | str, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def temporary_beside(target: Path) -> tuple[int, Path]:
    """A new, empty, hidden file in `target`'s folder, open for writing, with the mode a new file gets.

    Unlike `tempfile.mkstemp` (always 0600), the kernel applies the umask,
    so the file that is renamed into place is readable like any other.
    """
    while True:
        temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE), temporary
        except FileExistsError:
            continue
