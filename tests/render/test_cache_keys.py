"""The render cache redraws exactly when the output could change: procdoc's code on the render path,
Graphviz's version, the fonts; and nothing else.

Each test renders two samples into a site, changes one thing, renders again,
and reads how many charts were drawn from the summary line. Code changes
are made in a copy of the package put first on PYTHONPATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from procdoc.fingerprint import ROOT, modules_reached

SAMPLES = ROOT.parent / "samples"


def render(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[int, int]:
    """(drawn, unchanged) of one render of two samples into tmp_path/site."""
    run = subprocess.run(
        [sys.executable, "-m", "procdoc", "render", str(tmp_path / "repo"), "-o", str(tmp_path / "site"),
         "--format", "html,svg"],
        cwd=tmp_path, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    match = re.search(r"(\d+) drawn, (\d+) unchanged", run.stdout)
    assert match, run.stdout
    return int(match[1]), int(match[2])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "repo").mkdir()
    for name in ("qa-01.yaml", "sd-05.yaml"):
        shutil.copy(SAMPLES / name, tmp_path / "repo" / name)
    assert render(tmp_path) == (2, 0)
    assert render(tmp_path) == (0, 2)
    return tmp_path


def test_another_graphviz_version_redraws(repo: Path) -> None:
    """A `dot` on PATH that reports another version (and draws with the real one)."""
    real = shutil.which("dot")
    assert real is not None
    bin_dir = repo / "bin"
    bin_dir.mkdir()
    for engine in ("dot", "neato"):
        wrapper = bin_dir / engine
        wrapper.write_text(
            f'#!/bin/sh\nif [ "$1" = "-V" ]; then echo "{engine} - graphviz version 99.0.0 (0)" >&2; exit 0; fi\n'
            f'exec {shutil.which(engine)} "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
    swapped = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    assert render(repo, swapped) == (2, 0)
    assert render(repo, swapped) == (0, 2)


def _package_copy(tmp_path: Path, module: str) -> dict[str, str]:
    """A copy of procdoc whose `module` (a path under procdoc/) has one more comment line."""
    copy = tmp_path / "code"
    shutil.copytree(ROOT, copy / "procdoc", ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy / "procdoc" / module
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    return {"PYTHONPATH": str(copy)}


@pytest.mark.slow
@pytest.mark.parametrize("module", ["textwidth.py", "chart/routing.py", "render/templates/process.html.j2"])
def test_editing_a_module_on_the_render_path_redraws(repo: Path, module: str) -> None:
    assert render(repo, _package_copy(repo, module)) == (2, 0)


@pytest.mark.slow
@pytest.mark.parametrize("module", ["checks/rules/time.py", "scaffold.py"])
def test_editing_anything_else_redraws_nothing(repo: Path, module: str) -> None:
    assert render(repo, _package_copy(repo, module)) == (0, 2)


def test_the_render_path_is_found_by_following_imports() -> None:
    reached = {path.relative_to(ROOT).as_posix() for path in modules_reached(["procdoc.render.site"])}
    assert {"textwidth.py", "graph.py", "model.py", "chart/layout.py", "chart/graphviz.py",
            "render/static/procdoc.css"} <= reached
    assert not any(path.startswith("checks/") for path in reached)
