"""Round trips: procdoc → BPMN → procdoc keeps the process; → BPMN again keeps the BPMN."""

from __future__ import annotations

from pathlib import Path

import pytest

from procdoc.commands.export import export_process
from procdoc.importer import convert_bpmn
from procdoc.loader import load_file, load_text
from procdoc.model import Process
from tests.importer.normal import normal_form

SAMPLES = sorted((Path(__file__).parents[2] / "samples").glob("*.yaml"))


def _import(bpmn: str, folder: Path) -> Process:
    """The one process of `bpmn`, imported, loaded and written into `folder`."""
    conversion = convert_bpmn("sample.bpmn", bpmn.encode())
    assert len(conversion.files) == 1
    made = conversion.files[0]
    loaded = load_text(made.text, made.file_name)
    assert loaded.process is not None, [d.message for d in loaded.diagnostics]
    folder.mkdir(exist_ok=True)
    (folder / made.file_name).write_text(made.text, encoding="utf-8")
    return loaded.process


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_export_then_import_gives_back_the_process(sample: Path, tmp_path: Path) -> None:
    original = load_file(str(sample)).process
    assert original is not None
    imported = _import(export_process("bpmn", str(sample)), tmp_path)
    assert normal_form(imported) == normal_form(original)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_export_import_export_gives_the_same_bpmn_semantics(sample: Path, tmp_path: Path) -> None:
    imported = _import(export_process("bpmn", str(sample)), tmp_path / "first")
    second = export_process("bpmn", str(tmp_path / "first" / f"{imported.id.lower()}.yaml"))
    again = _import(second, tmp_path / "second")
    assert normal_form(again) == normal_form(imported)
