"""The `procdoc-check` pre-commit hook, run as pre-commit runs it.

pre-commit splits `entry` like a shell, appends the hook's `args` (none
here) and, with `pass_filenames: false`, no file names, and runs that in
the repository's root with the hook's environment first on PATH: for
`language: python` a virtualenv where procdoc is installed, as it is in
the one running these tests.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.base_process import BASE

HOOKS = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
NO_LANE = BASE.replace("    type: start\n    lane: customer\n", "    type: start\n")


def hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["procdoc-check"]
    return dict(hooks[0])


def run_hook(repo: Path) -> subprocess.CompletedProcess[str]:
    definition = hook()
    args = definition.get("args", [])
    assert isinstance(args, list)
    command = shlex.split(str(definition["entry"])) + [str(a) for a in args]
    executable = shutil.which(command[0], path=str(Path(sys.executable).parent))
    assert executable is not None, f"{command[0]} is not installed next to {sys.executable}"
    return subprocess.run([executable, *command[1:]], cwd=repo, capture_output=True, text=True, timeout=120,
                          env={"PATH": str(Path(sys.executable).parent), "NO_COLOR": "1"})


def test_hook_definition() -> None:
    definition = hook()
    assert {k: definition[k] for k in ("entry", "language", "pass_filenames")} == {
        "entry": "procdoc check", "language": "python", "pass_filenames": False}
    files = re.compile(str(definition["files"]))
    paths = ("qm-07.yaml", "sub/it-03.yml", "procdoc.toml", "sub/pyproject.toml", "notes.yaml.bak", "myprocdoc.toml",
             "README.md")
    assert [bool(files.search(p)) for p in paths] == [True, True, True, True, False, False, False]


@pytest.mark.parametrize(
    ("files", "code", "output"),
    [
        ({"p.yaml": BASE}, 0, "All checks passed (1 file checked).\n"),
        ({"p.yaml": NO_LANE}, 1, "p.yaml:33:9: P002 [error] step 1 '客户投诉' has no lane"),
        ({"p.yaml": BASE, "q.yaml": "procdoc: 1\nid: [x\n"}, 2, "q.yaml:3:1: F001 [error] YAML syntax error"),
    ],
    ids=["clean", "finding", "broken-file"],
)
def test_hook_runs_on_a_repository(files: dict[str, str], code: int, output: str, tmp_path: Path) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_hook(tmp_path)
    assert result.returncode == code, result.stdout + result.stderr
    assert output in result.stdout
