"""The house keeps its layers (docs/architecture.md): import-linter checks the contracts in pyproject.toml.

The second test shows the check can fail: in a copy of the package, export
is made to import the site renderer, and the contracts are broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(cwd / "pyproject.toml"), "--no-cache"], cwd=cwd,
                          env=environment, capture_output=True, text=True, timeout=300, check=False)


def test_the_layer_contracts_are_kept() -> None:
    run = lint_imports(ROOT, ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_a_forbidden_import_breaks_them(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "procdoc", tmp_path / "procdoc", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bpmn = tmp_path / "procdoc" / "export" / "bpmn.py"
    forbidden = "\nfrom procdoc.render import diagram  # noqa\n"
    bpmn.write_text(bpmn.read_text(encoding="utf-8") + forbidden, encoding="utf-8")
    run = lint_imports(tmp_path, tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Export draws with the chart engine, never with the site renderer BROKEN" in run.stdout
    assert "procdoc.export.bpmn -> procdoc.render.diagram" in run.stdout
