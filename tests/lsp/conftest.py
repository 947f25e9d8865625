"""A copy of the sample repository, and a language server started in it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lsp.client import ROOT, LspClient


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "samples", tmp_path / "repo")
    return tmp_path / "repo"


@pytest.fixture
def client(repo: Path) -> Iterator[LspClient]:
    with LspClient(repo) as client:
        client.initialize(repo)
        yield client
