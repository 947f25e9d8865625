"""The cache keys' module finder: every import Python would follow, read without parsing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from procdoc.fingerprint import ROOT, imported


def imports_by_ast(path: Path) -> set[str]:
    """What the finder must see, read the slow and sure way."""
    package = ".".join(path.relative_to(ROOT.parent).parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            base = ".".join([*parts, *([node.module] if node.module else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_import_of_every_module_is_found(path: Path) -> None:
    assert imports_by_ast(path) <= set(imported(path))


def test_the_forms_an_import_takes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "procdoc" / "pkg"
    package.mkdir(parents=True)
    module = package / "mod.py"
    module.write_text(
        "import os.path as p, json\n"
        "from . import sibling  # a comment, b\n"
        "from ..model import (\n    Step,  # steps\n    Lane as L,\n)\n"
        "def late():\n    from procdoc.graph import \\\n        walk\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("procdoc.fingerprint.ROOT", tmp_path / "procdoc")
    assert set(imported(module)) == {
        "os.path", "json", "procdoc.pkg", "procdoc.pkg.sibling", "procdoc.model", "procdoc.model.Step",
        "procdoc.model.Lane", "procdoc.graph", "procdoc.graph.walk",
    }
