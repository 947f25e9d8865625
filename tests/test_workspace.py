"""`open_workspace`: which files become processes, and the callback that sees each as it loads."""

from __future__ import annotations

from pathlib import Path

from procdoc.loader import Loaded
from procdoc.workspace import open_workspace
from tests.base_process import BASE


def test_each_loaded_process_file_is_handed_over_once_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(BASE.replace("id: T-01", "id: B-01"), encoding="utf-8")
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(BASE.replace("status: approved", "status: aproved"), encoding="utf-8")
    (tmp_path / "other.yaml").write_text("name: not a process\n", encoding="utf-8")
    (tmp_path / "latin1.yaml").write_bytes("procdoc: 1\nname: caf\xe9\n".encode("latin-1"))
    seen: list[Loaded] = []
    workspace = open_workspace([str(tmp_path)], on_loaded=seen.append)
    assert [Path(item.path).name for item in seen] == ["a.yaml", "b.yaml", "c.yaml"]
    assert [item.usable is not None for item in seen] == [True, True, False]
    assert [item.errors[0].code for item in seen[2:]] == ["F009"]
    unreadable = [item for item in workspace.loaded if Path(item.path).name == "latin1.yaml"]
    assert [(item.process, [d.code for d in item.errors]) for item in unreadable] == [(None, ["F002"])]
    assert seen == [item for item in workspace.loaded if item not in unreadable]
    assert [Path(path).name for path, _ in workspace.skipped] == ["other.yaml"]
