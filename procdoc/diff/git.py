"""Files as they were at a git revision, read with git itself (`git show REV:path`)."""

from __future__ import annotations

import os
import shutil
import subprocess

from procdoc.errors import UserError


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        raise UserError("git is not installed", "install git, or compare two files: procdoc diff OLD NEW")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


def check_revision(rev: str, cwd: str) -> None:
    """UserError unless `rev` names a commit of the repository `cwd` is in."""
    if rev.startswith("-"):
        raise UserError(f"invalid revision {rev!r}", "give a branch, tag or commit, e.g. --rev main")
    probe = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd)
    if probe.returncode != 0:
        inside = _git(["rev-parse", "--is-inside-work-tree"], cwd).returncode == 0
        if not inside:
            raise UserError(f"{os.path.abspath(cwd)} is not in a git repository", "run procdoc diff --rev inside one")
        raise UserError(f"unknown revision {rev!r}", "give a branch, tag or commit that exists, e.g. --rev HEAD~1")


def show(rev: str, path: str) -> str | None:
    """The text of `path` at `rev`, or None when the file did not exist there.

    `./` makes git read the path from the folder it runs in, not from the repository's top.
    """
    folder, name = os.path.split(path) if os.path.isabs(path) else (".", path)
    result = _git(["show", f"{rev}:./{name}"], folder)
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace")


def deleted_since(rev: str, paths: list[str]) -> list[str]:
    """Files under `paths` that existed at `rev` and are gone from the working tree (relative to here)."""
    result = _git(["diff", "--name-only", "--relative", "--diff-filter=D", rev, "--", *paths], ".")
    return [line for line in result.stdout.decode("utf-8", errors="replace").splitlines() if line]
