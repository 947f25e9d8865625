"""`procdoc diff`: a semantic diff of processes, as text, JSON, Markdown and a coloured chart."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from procdoc.cli import app

QM07 = Path(__file__).parents[2] / "samples" / "qm-07.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def edited(text: str) -> str:
    """QM-07 with 3.1 renamed, 3.12a added, 3.9 removed, 3.5 moved to 技质科 and exit 否 of 3.3 redirected."""
    def replace(old: str, new: str) -> None:
        nonlocal text
        assert text.count(old) == 1, old
        text = text.replace(old, new)

    replace("name: 沟通确认质量问题", "name: 沟通并确认质量问题")
    replace('name: 提出处理方案\n    lane: tech_center', 'name: 提出处理方案\n    lane: quality_section')
    replace('      - when: 否\n        next: "3.4"', '      - when: 否\n        next: "3.6"')
    start, end = text.index('  - id: "3.9"\n'), text.index('  - id: "3.10"\n')
    text = text[:start] + text[end:]
    replace('    system: ERP\n    next: "3.9"', '    system: ERP\n    next: "3.10"')
    replace('    system: OA\n    next: "3.13"', '    system: OA\n    next: "3.12a"\n  - id: "3.12a"\n'
            '    name: 预审让步申请\n    lane: quality_section\n    phase: handle\n    next: "3.13"')
    return text


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    path = tmp_path / "qm-07.yaml"
    path.write_text(edited(QM07.read_text(encoding="utf-8")), encoding="utf-8")
    return path


FIVE = [
    "~ step 3.1 renamed from '沟通确认质量问题' to '沟通并确认质量问题'",
    "~ exit '否' of 3.3 now leads to 3.6 instead of 3.4",
    "~ 3.5 moved from 技术中心 to 技质科",
    "+ step 3.12a '预审让步申请' added in 技质科 after 3.12",
    "- step 3.9 '查询库存' removed",
]


def test_text_lists_exactly_the_five_changes(changed: Path) -> None:
    code, stdout, _ = run("diff", str(QM07), str(changed))
    assert code == 0
    assert stdout.splitlines()[0] == f" {changed} | 5 changes (1 added, 1 removed, 3 changed)"
    details = [line.strip() for line in stdout.splitlines() if line.startswith("  ")]
    assert details == FIVE


def test_json_lists_exactly_the_five_changes(changed: Path) -> None:
    code, stdout, _ = run("diff", str(QM07), str(changed), "--format", "json")
    assert code == 0
    report = json.loads(stdout)
    changes = report["processes"][0]["changes"]
    assert [(c["kind"], c["step"]) for c in changes] == [
        ("renamed", "3.1"), ("flow", "3.3"), ("lane", "3.5"), ("added", "3.12a"), ("removed", "3.9")]
    lane = changes[2]
    assert (lane["old"], lane["new"]) == ("技术中心", "技质科")
    assert (changes[1]["old"], changes[1]["new"]) == (["3.4"], ["3.6"])


def test_markdown_is_a_table_then_the_changes(changed: Path) -> None:
    code, stdout, _ = run("diff", str(QM07), str(changed), "--format", "md")
    assert code == 0
    assert "| File | Process | Changes |" in stdout
    assert "- **+** step 3.12a '预审让步申请' added in 技质科 after 3.12" in stdout


def test_the_html_chart_colours_the_changes(changed: Path, tmp_path: Path) -> None:
    out = tmp_path / "diff.html"
    assert run("diff", str(QM07), str(changed), "--html", str(out))[0] == 0
    page = etree.fromstring(out.read_bytes(), etree.HTMLParser())
    svg = etree.fromstring(out.read_text(encoding="utf-8").split('<div class="chart">')[1].split("</div>")[0])
    assert svg.tag == f"{SVG}svg"
    states: dict[str, str] = {}
    for group in svg.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("data-diff") and title is not None:
            states[group.get("id", "")] = group.get("data-diff", "")
            assert f"diff-{group.get('data-diff')}" in group.get("class", "").split()
    nodes = {key: value for key, value in states.items() if key.startswith("step-")}
    assert nodes == {"step-3-12a": "added", "step-3-1": "changed", "step-3-3": "changed", "step-3-5": "changed"}
    style = svg.find(f"{SVG}style")
    assert style is not None and "#2e7d32" in (style.text or "") and "#f9a825" in (style.text or "")
    ghosts = [g for g in svg.iter(f"{SVG}g") if "ghost-step" in g.get("class", "")]
    assert [g.get("data-step") for g in ghosts] == ["3.9"]
    lines = [g for g in svg.iter(f"{SVG}g") if "flow" in g.get("class", "").split() and g.get("data-diff")]
    titles = {(g.find(f"{SVG}title").text, g.get("data-diff")) for g in lines}  # type: ignore[union-attr]
    index = {step: f"s{i}" for i, step in enumerate(
        line.split('"')[1] for line in changed.read_text(encoding="utf-8").splitlines() if line.startswith("  - id: \"")
    )}
    assert {t for t, state in titles if state == "changed"} == {f"{index['3.3']}->{index['3.6']}"}
    added = {t for t, state in titles if state == "added"}
    assert {f"{index['3.12']}->{index['3.12a']}", f"{index['3.12a']}->{index['3.13']}"} <= added
    sections = page.xpath("//table[@class='sides']//tr[@data-section]")
    assert sections, "the manuals' changed sections are shown side by side"


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_check_fails_without_a_version_bump_and_passes_after_it(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "qm-07.yaml").write_text(QM07.read_text(encoding="utf-8"), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "v1.2")
    (repo / "qm-07.yaml").write_text(edited(QM07.read_text(encoding="utf-8")), encoding="utf-8")
    _git(repo, "commit", "-qam", "content changed")
    monkeypatch.chdir(repo)
    code, stdout, stderr = run("diff", "--rev", "HEAD~1", "--check")
    assert code == 1
    assert "qm-07.yaml: QM-07 changed but its version and revisions were not updated" in stderr
    assert '- version: "1.3"' in stderr
    assert "changes: step 3.1 renamed from '沟通确认质量问题' to '沟通并确认质量问题'; " in stderr
    assert "3.5 moved from 技术中心 to 技质科; step 3.12a '预审让步申请' added" in stderr
    text = (repo / "qm-07.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "1.2"', 'version: "1.3"', 1).replace("\nglossary:", (
        '  - version: "1.3"\n    date: 2026-11-20\n    author: 李明\n    changes: 3.5 moved to 技质科\n\nglossary:'))
    (repo / "qm-07.yaml").write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "--amend", "-am", "content changed, version 1.3")
    code, stdout, stderr = run("diff", "--rev", "HEAD~1", "--check")
    assert code == 0, stderr
    assert "~ version changed from 1.2 to 1.3" in stdout


def test_a_renumbered_step_is_one_change(tmp_path: Path) -> None:
    text = QM07.read_text(encoding="utf-8").replace('id: "2.3"', 'id: "2.3b"').replace('next: "2.3"', 'next: "2.3b"')
    new = tmp_path / "qm-07.yaml"
    new.write_text(text, encoding="utf-8")
    _, stdout, _ = run("diff", str(QM07), str(new))
    assert [line.strip() for line in stdout.splitlines() if line.startswith("  ")] == ["~ step 2.3 renumbered 2.3b"]


def test_no_change_says_so(tmp_path: Path) -> None:
    assert run("diff", str(QM07), str(QM07))[1].startswith(f" {QM07} | 0 changes")


@pytest.mark.parametrize(("args", "message"), [
    (["diff", str(QM07)], "procdoc diff compares two files"),
    (["diff", str(QM07), str(QM07), "--format", "xml"], "unknown format 'xml'"),
    (["diff", str(QM07), "absent.yaml"], "no process file at absent.yaml"),
    (["diff", "--rev", "--oops"], "invalid revision"),
])
def test_bad_requests_are_exit_2(args: list[str], message: str) -> None:
    code, _, stderr = run(*args)
    assert code == 2 and message in stderr


def test_rev_outside_a_repository_or_unknown_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "qm-07.yaml").write_text(QM07.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, stderr = run("diff", "--rev", "HEAD")
    assert code == 2 and "is not in a git repository" in stderr
    _git(tmp_path, "init", "-q")
    code, _, stderr = run("diff", "--rev", "nosuchbranch")
    assert code == 2 and "unknown revision 'nosuchbranch'" in stderr


def test_a_file_that_does_not_load_is_exit_2_with_where(tmp_path: Path) -> None:
    broken = tmp_path / "qm-07.yaml"
    broken.write_text("procdoc: 1\nid: [unclosed\n", encoding="utf-8")
    code, _, stderr = run("diff", str(QM07), str(broken))
    assert code == 2 and f"cannot compare {broken}: {broken}:" in stderr and "procdoc check" in stderr
