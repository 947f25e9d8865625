"""Models from other tools brought in as procdoc process files (BPMN 2.0 today)."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass

from procdoc.diagnostics import Diagnostic
from procdoc.errors import UserError
from procdoc.importer import bpmn
from procdoc.importer.build import Context, build
from procdoc.importer.findings import Findings
from procdoc.scaffold import dump, load_template


@dataclass(frozen=True)
class Converted:
    """One process file made from a BPMN file: its process id, file name and text."""

    process_id: str
    file_name: str
    text: str


@dataclass
class Conversion:
    files: list[Converted]
    findings: list[Diagnostic]


def convert_bpmn(path: str, data: bytes, taken: set[str] | None = None, today: datetime.date | None = None,
                 previous: Callable[[str], dict[str, str]] | None = None) -> Conversion:
    """Every process of one BPMN file (pools and embedded sub-processes) as YAML text.

    `taken` holds the process ids already used by this import run, so that
    two files of one run never make two processes with one id; `previous`
    gives, for a process id, the step ids an earlier import gave each BPMN id.
    """
    scopes = bpmn.read(path, data)
    if not scopes:
        raise UserError(f"{path}: the BPMN file holds no process", "export the model with its process (pool)")
    ctx = Context(os.path.basename(path), Findings(path), lambda lang: load_template("basic", lang, today),
                  taken if taken is not None else set())
    if previous is not None:
        ctx.previous = previous
    for scope in scopes:
        build(scope, ctx)
    files = [Converted(item.process_id, f"{item.process_id.lower()}.yaml", dump(item.document)) for item in ctx.made]
    return Conversion(files, ctx.findings.found)
