"""`procdoc check --fix`, `--unsafe-fixes` and `--diff` through the command line, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from procdoc.cli import app
from tests.base_process import BASE

BY_NAME = BASE.replace("    lane: service\n    key: true", "    lane: 客服部   # written by name\n    key: true")
UNUSED_DOCUMENT = BASE.replace("records:\n", "  - id: F-02\n    name: 退换货管理规定\nrecords:\n", 1)


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, ["check", "--no-cache", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_fix_repairs_reports_and_keeps_comments() -> None:
    Path("t-01.yaml").write_text(BY_NAME, encoding="utf-8")
    result = invoke("--fix", "t-01.yaml")
    assert result.exit_code == 0, result.output
    assert "fixed t-01.yaml:40:11: S005 step 2 '登记投诉' is in lane '客服部'" in result.stderr
    assert "1 findings fixed, 0 remaining" in result.stderr
    assert "All checks passed" in result.stdout
    fixed = Path("t-01.yaml").read_text(encoding="utf-8")
    assert "    lane: service # written by name\n" in fixed
    assert invoke("t-01.yaml").exit_code == 0


def test_diff_shows_the_fix_and_writes_nothing() -> None:
    Path("t-01.yaml").write_text(BY_NAME, encoding="utf-8")
    result = invoke("--diff", "t-01.yaml")
    assert result.exit_code == 1
    assert "-    lane: 客服部   # written by name\n+    lane: service # written by name\n" in result.stdout
    assert "would fix t-01.yaml:40:11: S005" in result.stderr
    assert Path("t-01.yaml").read_text(encoding="utf-8") == BY_NAME


def test_unsafe_fixes_only_when_asked_for() -> None:
    Path("t-01.yaml").write_text(UNUSED_DOCUMENT, encoding="utf-8")
    kept = invoke("--fix", "t-01.yaml")
    assert kept.exit_code == 0  # D003 is a warning: it remains, and is reported
    assert "D003" in kept.stdout and "0 findings fixed, 1 remaining" in kept.stderr
    assert Path("t-01.yaml").read_text(encoding="utf-8") == UNUSED_DOCUMENT
    removed = invoke("--fix", "--unsafe-fixes", "t-01.yaml")
    assert "fixed t-01.yaml:27:9: D003" in removed.stderr
    assert "F-02" not in Path("t-01.yaml").read_text(encoding="utf-8")


def test_unsafe_fixes_alone_is_a_usage_error() -> None:
    Path("t-01.yaml").write_text(BASE, encoding="utf-8")
    result = invoke("--unsafe-fixes", "t-01.yaml")
    assert result.exit_code == 2
    assert "--unsafe-fixes applies fixes, so it needs --fix or --diff" in result.output


def test_a_file_that_does_not_load_is_reported_and_untouched() -> None:
    Path("t-01.yaml").write_text(BY_NAME, encoding="utf-8")
    Path("broken.yaml").write_text("procdoc: 1\nsteps: [a,\n", encoding="utf-8")
    result = invoke("--fix", ".")
    assert result.exit_code == 2
    assert "broken.yaml:3:1: F001" in result.stdout
    assert Path("broken.yaml").read_text(encoding="utf-8") == "procdoc: 1\nsteps: [a,\n"
    assert "    lane: service" in Path("t-01.yaml").read_text(encoding="utf-8")
