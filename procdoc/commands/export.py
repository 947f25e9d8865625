"""`procdoc export`: one process in another tool's format."""

from __future__ import annotations

from procdoc.diagnostics import Diagnostic
from procdoc.errors import UserError
from procdoc.loader import display_path
from procdoc.workspace import Workspace, open_workspace

KINDS = ("bpmn", "mermaid")


def export_process(kind: str, path: str, config: str | None = None) -> str:
    """The text of `path`'s process in format `kind`; a UserError when that cannot be."""
    if kind not in KINDS:
        raise UserError(f"unknown export format {kind!r}", f"use one of: {', '.join(KINDS)}")
    workspace = open_workspace([path], config)
    loaded = workspace.loaded[0] if workspace.loaded else None
    if workspace.missing or loaded is None:
        raise UserError(f"no process file at {path}", "give the path of a process YAML file")
    if loaded.process is None:
        raise UserError(_first_problem(loaded.diagnostics), "fix the file first: `procdoc check` shows every problem")
    if kind == "bpmn":
        from procdoc.export import bpmn

        return bpmn.export(loaded.process, _repository_ids(workspace, config))
    from procdoc.export import mermaid

    return mermaid.export(loaded.process)


def _repository_ids(workspace: Workspace, config: str | None) -> set[str]:
    """Ids of every process of the repository the file belongs to, for sub-process links."""
    ids = {p.id for p in workspace.processes}
    settings = workspace.settings
    if settings.source is not None:
        repository = open_workspace([display_path(p) for p in settings.paths], config or settings.source)
        ids |= {p.id for p in repository.processes}
    return ids


def _first_problem(diagnostics: list[Diagnostic]) -> str:
    first = diagnostics[0] if diagnostics else None
    return f"{first.location()}: {first.message}" if first else "the file is not a process"
