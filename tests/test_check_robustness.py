"""`procdoc check` against what the world does to a repository: damaged caches, markup in user text,
unreadable folders, and nothing to check at all. Each case is an adversarial probe written
exactly as it was first reported; docs/robustness.md lists them with their results.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from procdoc.cli import app
from tests.base_process import BASE

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


# ── 5: any defect in any cache file is a cache miss ───────────────────────────

CACHE = Path("repo/.procdoc_cache/check")  # beside the repository's procdoc.toml


def _truncate_reports() -> None:
    (CACHE / "reports.jsonl").write_bytes((CACHE / "reports.jsonl").read_bytes()[:80])
    (CACHE / "outcome.json").unlink()


def _edit_outcome(change: Callable[[dict[str, object]], None]) -> Callable[[], None]:
    def edit() -> None:
        data = json.loads((CACHE / "outcome.json").read_text(encoding="utf-8"))
        change(data)
        (CACHE / "outcome.json").write_text(json.dumps(data), encoding="utf-8")

    return edit


def _edit_reports(change: Callable[[dict[str, object]], None]) -> Callable[[], None]:
    def edit() -> None:
        (CACHE / "outcome.json").unlink()
        header, *rows = (CACHE / "reports.jsonl").read_text(encoding="utf-8").splitlines()
        edited = []
        for row in rows:
            digest, path, report = row.split("\t", 2)
            entry = json.loads(report)
            change(entry)
            edited.append(f"{digest}\t{path}\t{json.dumps(entry)}")
        (CACHE / "reports.jsonl").write_text("\n".join([header, *edited]) + "\n", encoding="utf-8")

    return edit


def _bad_severity(data: dict[str, object]) -> None:
    diagnostics = data["diagnostics"]
    assert isinstance(diagnostics, list) and diagnostics
    diagnostics[0][4] = 9


DAMAGE = {
    "reports-truncated-to-80-bytes": _truncate_reports,
    "outcome-without-files": _edit_outcome(lambda data: data.pop("files")),
    "outcome-diagnostic-[[1]]": _edit_outcome(lambda data: data.update(diagnostics=[[1]])),
    "outcome-severity-9": _edit_outcome(_bad_severity),
    "stored-summary-{x:1}": _edit_reports(lambda entry: entry.update(summary={"x": 1})),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_cache_is_a_miss(damage: str) -> None:
    shutil.copytree(SAMPLES, "repo")
    Path("repo/qm-07.yaml").write_text(Path("repo/qm-07.yaml").read_text(encoding="utf-8").replace(
        "owner: marketing\n", "", 1), encoding="utf-8")  # one finding, so that the cache holds diagnostics
    expected = invoke("check", "repo", "--format", "json", "--no-cache").stdout
    assert invoke("check", "repo", "--format", "json").stdout == expected  # fills the cache
    DAMAGE[damage]()
    result = invoke("check", "repo", "--format", "json", "-v")
    assert result.stdout == expected
    assert "cache:" in result.stderr and "(ignored and rebuilt)" in result.stderr
    assert invoke("check", "repo", "--format", "json", "-v").stderr.count("cache:") == 0  # rebuilt


# ── 6: user text is never read as markup ──────────────────────────────────────


@pytest.mark.parametrize("args", [
    ("check", "[/x]"),
    ("rules", "[/]"),
    ("new", "x", "--id", "[/x]"),
    ("check", ".", "--format", "[/f]"),
    ("check", ".", "--config", "[/c]"),
], ids=["check-path", "rules-code", "new-id", "format", "config"])
def test_markup_in_arguments_is_shown_as_written(args: tuple[str, ...]) -> None:
    Path("p.yaml").write_text(BASE, encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 2
    assert "[/" in result.stderr, result.stderr


def test_markup_in_a_settings_key_is_shown_as_written() -> None:
    Path("p.yaml").write_text(BASE, encoding="utf-8")
    Path("procdoc.toml").write_text('"[/a]" = 1\n', encoding="utf-8")
    result = invoke("check", "p.yaml")
    assert result.exit_code == 2 and "unknown setting `[/a]`" in result.stderr


def test_a_settings_location_in_brackets_is_kept() -> None:
    Path("p.yaml").write_text(BASE, encoding="utf-8")
    Path("procdoc.toml").write_text("[org.x]\nname = 5\n", encoding="utf-8")
    result = invoke("check", "p.yaml")
    assert result.exit_code == 2 and "[org.x]" in result.stderr


def test_an_output_path_in_brackets_is_printed_as_written() -> None:
    Path("p.yaml").write_text(BASE, encoding="utf-8")
    result = invoke("new", "投诉处理", "--id", "CS-09", "-o", "[red]dir/cs-09.yaml")
    assert result.exit_code == 0 and "created [red]dir/cs-09.yaml" in result.stdout


# ── 8: a folder that cannot be read is a finding, not a gap ───────────────────


def _as_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """procdoc without root's override of file permissions (capsh), or as it is when not root."""
    command = [sys.executable, "-m", "procdoc", *args]
    if os.geteuid() == 0:
        if shutil.which("capsh") is None:
            pytest.skip("capsh (libcap2-bin) is needed to drop root's override of permissions")
        command = ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", " ".join(command)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("target", ["tree", "tree/locked"])
def test_an_unreadable_folder_is_reported(project: Path, target: str) -> None:
    tree = project / "tree"
    (tree / "locked").mkdir(parents=True)
    (tree / "a.yaml").write_text(BASE, encoding="utf-8")
    (tree / "locked" / "b.yaml").write_text(BASE.replace("id: T-01", "id: T-02"), encoding="utf-8")
    (tree / "locked").chmod(0)
    try:
        run = _as_unprivileged(["check", target, "--format", "concise", "--no-cache"], project)
    finally:
        (tree / "locked").chmod(0o755)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert "tree/locked: F002 cannot read the folder: Permission denied" in run.stdout


# ── 9: checking nothing is not a pass ─────────────────────────────────────────


def test_an_empty_folder_is_an_error() -> None:
    Path("empty").mkdir()
    result = invoke("check", "empty")
    assert result.exit_code == 2
    assert "error: no process files found in empty" in result.stderr


def test_a_misspelt_marker_is_a_finding_even_from_the_cache() -> None:
    Path("repo").mkdir()
    Path("repo/p.yaml").write_text(BASE, encoding="utf-8")
    Path("repo/q.yaml").write_text(BASE.replace("procdoc: 1", "procdocs: 1").replace("T-01", "T-02"), encoding="utf-8")
    for _ in range(2):  # cold, then answered from the cache
        result = invoke("check", "repo", "--format", "concise")
        assert result.exit_code == 2
        assert "repo/q.yaml:1:1: F003 `procdocs:` is not the process marker" in result.stdout


def test_a_process_without_its_marker_is_a_finding() -> None:
    Path("repo").mkdir()
    Path("repo/p.yaml").write_text(BASE, encoding="utf-8")
    Path("repo/q.yaml").write_text(BASE.replace("procdoc: 1\n", ""), encoding="utf-8")
    Path("repo/ci.yaml").write_text("jobs:\n  test:\n    steps: []\n", encoding="utf-8")  # not a process: left alone
    result = invoke("check", "repo", "--format", "concise")
    assert result.exit_code == 2
    assert "repo/q.yaml:1:1: F003 this file has the `lanes:` and `steps:` of a process" in result.stdout
    assert "ci.yaml" not in result.stdout
