"""`-o` and every file procdoc writes: regular files replaced atomically, anything else written through.

The device node and the symlink to standard output are the test's own, in
its temporary folder; the real /dev is never touched.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from procdoc.writer import write_text_atomic
from tests.render.conftest import SAMPLES

PROCDOC = [sys.executable, "-m", "procdoc"]
SAMPLE = str(SAMPLES / "cs-01.yaml")


def procdoc(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line, under umask 022 (what most systems give users)."""
    return subprocess.run([*PROCDOC, *args], capture_output=True, text=True, timeout=120, cwd=cwd,
                          preexec_fn=lambda: os.umask(0o022))


def null_device(folder: Path) -> Path | None:
    """A character device with /dev/null's numbers (1, 3) in `folder`, or None where mknod is not allowed."""
    node = folder / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        return None
    return node


def test_a_symlink_to_standard_output_prints(tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = procdoc("check", SAMPLE, "--format", "json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_a_device_node_is_written_through_not_replaced(tmp_path: Path) -> None:
    node = null_device(tmp_path)
    if node is None:
        pytest.skip("mknod needs CAP_MKNOD")
    for args in (["check", SAMPLE, "--format", "json"], ["schema"], ["export", "bpmn", SAMPLE]):
        result = procdoc(*args, "-o", str(node))
        assert result.returncode == 0, result.stderr
        assert stat.S_ISCHR(os.lstat(node).st_mode) and os.lstat(node).st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = procdoc("schema", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and b'"$schema"' in received[0]


def test_a_symlink_to_a_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "check.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_regular_file_is_replaced_atomically_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    before = target.stat().st_ino
    write_text_atomic(target, "new")
    assert target.read_text() == "new" and target.stat().st_ino != before
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_procdoc_creates_get_the_usual_mode(tmp_path: Path) -> None:
    """0666 minus the umask (022): 0644, not mkstemp's 0600."""
    runs = [
        ["check", SAMPLE, "--format", "json", "-o", "report.json"],
        ["schema", "-o", "schema.json"],
        ["export", "bpmn", SAMPLE, "-o", "cs-01.bpmn"],
        ["new", "投诉受理", "--id", "T-01", "-o", "t-01.yaml"],
        ["render", SAMPLE, "-o", "site", "--stats", "stats.json"],
    ]
    for args in runs:
        result = procdoc(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    created = ["report.json", "schema.json", "cs-01.bpmn", "t-01.yaml", "stats.json", "site/index.html",
               "site/cs-01.html", "site/md/cs-01.md", "site/.procdoc-render-cache.json"]
    assert {name: oct(mode(tmp_path / name)) for name in created} == {name: "0o644" for name in created}
    assert oct(mode(tmp_path / "site")) == "0o755"
