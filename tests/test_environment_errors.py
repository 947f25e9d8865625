"""The machine's own failures — a full disk, a read-only folder, an output path that is a folder or a
mount point, a closed standard output — end in one line and exit 2, never a traceback.

Full and read-only file systems are small tmpfs mounts made by the test (root only: skipped
elsewhere, with the reason).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def procdoc(*args: str, cwd: Path, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "procdoc", *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=120, check=False)


def assert_one_line_error(run: subprocess.CompletedProcess[str], words: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    first, *rest = run.stderr.splitlines()
    assert first.startswith("error: ") and words in first.lower(), run.stderr
    assert all(line.startswith("  help: ") for line in rest), run.stderr


def mount_tmpfs(target: Path, options: str) -> None:
    target.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a test file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 KiB file system, filled up."""
    disk = tmp_path / "full"
    mount_tmpfs(disk, "size=16k")
    try:
        handle = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(handle, b"x" * 4096):
                pass
        except OSError:
            pass  # full
        finally:
            os.close(handle)
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "ro"
    mount_tmpfs(disk, "size=64k,ro")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.mark.parametrize("command", [
    ("check", str(SAMPLES), "--format", "json", "-o", "{disk}/report.json"),
    ("render", str(SAMPLES / "qa-01.yaml"), "-o", "{disk}/site", "--format", "md"),
    ("schema", "-o", "{disk}/schema.json"),
    ("new", "客户投诉处理流程", "--id", "CS-09", "-o", "{disk}/cs-09.yaml"),
], ids=["check", "render", "schema", "new"])
def test_a_full_disk_is_one_line(full_disk: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    run = procdoc(*(part.format(disk=full_disk) for part in command), cwd=tmp_path)
    assert_one_line_error(run, "no space left on device")


@pytest.mark.parametrize("command", [
    ("check", str(SAMPLES), "--format", "json", "-o", "{disk}/report.json"),
    ("render", str(SAMPLES / "qa-01.yaml"), "-o", "{disk}/site", "--format", "md"),
    ("export", "bpmn", str(SAMPLES / "qa-01.yaml"), "-o", "{disk}/qa-01.bpmn"),
], ids=["check", "render", "export"])
def test_a_read_only_folder_is_one_line(read_only: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    run = procdoc(*(part.format(disk=read_only) for part in command), cwd=tmp_path)
    assert_one_line_error(run, "read-only file system")


@pytest.mark.parametrize("command", [
    ("check", str(SAMPLES), "--format", "json", "-o", "{folder}"),
    ("export", "mermaid", str(SAMPLES / "qa-01.yaml"), "-o", "{folder}"),
    ("schema", "-o", "{folder}"),
], ids=["check", "export", "schema"])
def test_output_onto_a_folder_is_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    run = procdoc(*(part.format(folder=folder) for part in command), cwd=tmp_path)
    assert_one_line_error(run, "is a directory")
    assert list(folder.iterdir()) == []


def test_output_onto_a_mount_point_is_one_line(tmp_path: Path) -> None:
    mount = tmp_path / "mnt"
    mount_tmpfs(mount, "size=64k")
    try:
        run = procdoc("check", str(SAMPLES), "--format", "json", "-o", str(mount), cwd=tmp_path)
        assert_one_line_error(run, str(mount))
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_closed_standard_output_is_one_line(tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # nobody will ever read what procdoc prints
    try:
        run = procdoc("check", str(SAMPLES), "--format", "json", cwd=tmp_path, stdout=write)
    finally:
        os.close(write)
    assert_one_line_error(run, "broken pipe")
