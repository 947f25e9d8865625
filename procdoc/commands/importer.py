"""`procdoc import bpmn`: BPMN files in, one process file per process out, nothing overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from procdoc import yamlsource
from procdoc.diagnostics import Diagnostic
from procdoc.errors import UserError
from procdoc.importer import Converted, convert_bpmn
from procdoc.loader import read_file
from procdoc.writer import write_text_atomic

FORMATS = ("bpmn",)


@dataclass
class ImportResult:
    written: list[Path]
    findings: list[Diagnostic]


def earlier_step_ids(path: Path) -> dict[str, str]:
    """{BPMN id: step id} of a file an earlier import wrote, so a new import numbers the same steps alike."""
    if not path.is_file():
        return {}
    text, problem = read_file(str(path))
    try:
        data, _ = yamlsource.load(text or "") if problem is None else (None, None)
    except yamlsource.SourceError:
        return {}
    steps = data.get("steps") if isinstance(data, dict) else None
    return {str(s["x-bpmn-id"]): str(s["id"]) for s in steps or []
            if isinstance(s, dict) and "x-bpmn-id" in s and "id" in s}


def import_files(kind: str, paths: list[str], out: Path, force: bool = False) -> ImportResult:
    """Convert every file, then write the processes, once none of them would replace a file unasked."""
    if kind not in FORMATS:
        raise UserError(f"unknown import format {kind!r}", f"use one of: {', '.join(FORMATS)}")
    if not paths:
        raise UserError("no file to import", "give one or more BPMN files: procdoc import bpmn model.bpmn")
    taken: set[str] = set()
    made: list[Converted] = []
    findings: list[Diagnostic] = []
    for path in paths:
        conversion = convert_bpmn(path, Path(path).read_bytes(), taken,
                                  previous=lambda pid: earlier_step_ids(out / f"{pid.lower()}.yaml"))
        made += conversion.files
        findings += conversion.findings
    targets = [out / item.file_name for item in made]
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise UserError(f"{existing[0]} already exists" + (f" (and {len(existing) - 1} more)" if existing[1:] else ""),
                        "choose another folder with -o, or --force to replace them")
    for target, item in zip(targets, made, strict=True):
        write_text_atomic(target, item.text)
    return ImportResult(targets, findings)
