"""The check cache never gives a wrong answer: every input it depends on invalidates it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procdoc import fingerprint
from procdoc.checks import lint
from procdoc.commands.check import CheckRequest, run_check
from tests.base_process import BASE

CALLER = BASE.replace(
    """  - id: "5"
    name: 转交上级
    type: end
    lane: service
""",
    """  - id: "5"
    name: 转交质量部
    type: subprocess
    process: T-02
    lane: service
    next: "6"
  - id: "6"
    name: 转交完成
    type: end
    lane: service
""",
)
CALLEE = BASE.replace("id: T-01", "id: T-02").replace("name: 投诉受理", "name: 质量处理")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "procdoc.toml").write_text('[check]\ntoday = "2026-11-25"\n', encoding="utf-8")
    (tmp_path / "t-01.yaml").write_text(CALLER, encoding="utf-8")
    (tmp_path / "t-02.yaml").write_text(CALLEE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths the pipeline really analysed (a spy: the real analysis still runs)."""
    seen: list[str] = []
    real = lint.analyse

    def spy(source: lint.Source, job: lint.Job) -> lint.FileReport:
        seen.append(source.path)
        return real(source, job)

    monkeypatch.setattr(lint, "analyse", spy)
    return seen


def findings(use_cache: bool = True) -> list[tuple[str, str, int]]:
    result = run_check(CheckRequest(paths=["."], format="concise", use_cache=use_cache, jobs=1))
    return [(d.path, d.code, d.line) for d in result.diagnostics]


def test_second_run_is_served_from_the_cache(repo: Path, analysed: list[str]) -> None:
    assert findings() == []
    assert sorted(analysed) == ["t-01.yaml", "t-02.yaml"]
    analysed.clear()
    assert findings() == []
    assert analysed == []
    assert (repo / ".procdoc_cache" / ".gitignore").exists()


def test_editing_a_file_reanalyses_that_file_only(repo: Path, analysed: list[str]) -> None:
    findings()
    analysed.clear()
    (repo / "t-01.yaml").write_text(CALLER.replace("    lane: service\n    key: true", "    key: true"), "utf-8")
    assert ("t-01.yaml", "P002", 38) in findings()
    assert analysed == ["t-01.yaml"]


def test_editing_a_referenced_process_changes_the_callers_findings(repo: Path, analysed: list[str]) -> None:
    findings()
    analysed.clear()
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    assert ("t-01.yaml", "I002", 68) in findings()
    assert analysed == ["t-02.yaml"]
    (repo / "t-02.yaml").write_text(CALLEE, encoding="utf-8")
    assert findings() == []


def test_an_edit_that_keeps_every_skeleton_reuses_cross_file_findings(repo: Path) -> None:
    findings()
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    broken = findings()
    (repo / "t-01.yaml").write_text(
        CALLER.replace("purpose: 及时受理客户投诉", "purpose: 及时受理并处理客户投诉"), "utf-8"
    )
    assert findings() == broken == findings(use_cache=False)


def test_changing_the_settings_invalidates(repo: Path, analysed: list[str]) -> None:
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    assert [code for _, code, _ in findings()] == ["I002"]
    analysed.clear()
    (repo / "procdoc.toml").write_text('[check]\ntoday = "2026-11-25"\nignore = ["I002"]\n', encoding="utf-8")
    assert findings() == []
    assert sorted(analysed) == ["t-01.yaml", "t-02.yaml"]


def test_changing_the_command_line_selection_invalidates(repo: Path) -> None:
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    assert findings() != []
    result = run_check(CheckRequest(paths=["."], format="concise", ignore=["I"], jobs=1))
    assert result.diagnostics == []


def test_a_new_procdoc_version_invalidates(repo: Path, analysed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    findings()
    analysed.clear()
    monkeypatch.setattr(fingerprint, "__version__", "999.0")
    fingerprint.code_fingerprint.cache_clear()
    findings()
    fingerprint.code_fingerprint.cache_clear()
    assert sorted(analysed) == ["t-01.yaml", "t-02.yaml"]


def test_no_cache_neither_reads_nor_writes(repo: Path, analysed: list[str]) -> None:
    findings(use_cache=False)
    findings(use_cache=False)
    assert len(analysed) == 4
    assert not (repo / ".procdoc_cache").exists()


def test_a_damaged_cache_is_ignored(repo: Path) -> None:
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    expected = findings()
    for name in ("outcome.json", "reports.jsonl"):
        (repo / ".procdoc_cache" / "check" / name).write_text("{not json\n\tbroken\n", encoding="utf-8")
    assert findings() == expected


def test_a_sequence_of_edits_always_matches_an_uncached_run(repo: Path) -> None:
    edits = [
        ("t-01.yaml", CALLER.replace('next: "3"', 'next: "9"')),
        ("t-02.yaml", CALLEE.replace("name: 客服部", "name: 相关部门")),
        ("t-01.yaml", CALLER),
        ("t-02.yaml", CALLEE.replace("status: approved", "status: retired")),
        ("t-02.yaml", "procdoc: 1\nid: [broken\n"),
        ("t-02.yaml", CALLEE),
    ]
    for name, text in edits:
        (repo / name).write_text(text, encoding="utf-8")
        assert findings() == findings(use_cache=False), name


def report(fmt: str, use_cache: bool = True, statistics: bool = False) -> str:
    return run_check(CheckRequest(paths=["."], format=fmt, use_cache=use_cache, statistics=statistics, jobs=1)).report


@pytest.fixture
def formatted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Formats really rendered (a spy: the real reporter still runs)."""
    from procdoc.report import formats

    seen: list[str] = []
    real = formats._Report.render

    def spy(self: formats._Report, *args: object) -> str:
        seen.append(self.name)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(formats._Report, "render", spy)
    return seen


def test_an_unchanged_repository_is_answered_with_the_kept_report(repo: Path, formatted: list[str]) -> None:
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    first = {fmt: report(fmt) for fmt in ("text", "json", "sarif")}
    assert formatted == ["text", "json", "sarif"]
    formatted.clear()
    assert {fmt: report(fmt) for fmt in ("text", "json", "sarif")} == first
    assert formatted == []
    assert report("text", statistics=True) != first["text"]
    assert formatted == ["text"]


def test_a_kept_report_is_never_shown_for_another_outcome_or_folder(repo: Path, formatted: list[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    report("sarif")
    (repo / "t-02.yaml").write_text(CALLEE.replace("id: T-02", "id: T-03"), encoding="utf-8")
    assert report("sarif") == report("sarif", use_cache=False)
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    assert run_check(CheckRequest(paths=[".."], format="sarif", jobs=1)).report == \
        run_check(CheckRequest(paths=[".."], format="sarif", use_cache=False, jobs=1)).report


def test_a_damaged_kept_report_is_rendered_again(repo: Path) -> None:
    expected = report("concise")
    outcome = repo / ".procdoc_cache" / "check" / "outcome.json"
    data = json.loads(outcome.read_text(encoding="utf-8"))
    for damage in ([1, 2], {"x": 1}, None):
        data["reports"] = {key: damage for key in data["reports"]} if damage is not None else []
        outcome.write_text(json.dumps(data), encoding="utf-8")
        assert report("concise") == expected
