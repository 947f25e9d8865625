"""`procdoc render` end to end: the samples site, determinism, incremental runs, and OUT's safety.

Everything runs real Graphviz; the spies (counting `diagram.draw` and
`diagram.sketch` calls) wrap the real functions, so every counted drawing is also really drawn.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.model import Lane, Process, Step
from procdoc.render import diagram
from procdoc.render.cache import digest, read_manifest
from procdoc.render.names import step_anchor
from procdoc.render.output import MANIFEST
from procdoc.render.site import RESERVED_STEMS, RenderRequest, RenderSummary, UserError, assign_pages, render_site
from tests.base_process import BASE
from tests.render.conftest import SAMPLES
from tests.render.pages import broken_html_links, broken_markdown_links, parse_html
from tests.render.test_html import HEADINGS

SUBPROCESS_END = '  - id: "5"\n    name: 转交上级\n    type: end\n    lane: service\n'


def variant(pid: str, name: str = "投诉受理", *, runs: str | None = None, after: str | None = None) -> str:
    """BASE as process `pid`: step 5 running process `runs`, started by the output of `after`."""
    text = BASE.replace("id: T-01", f"id: {pid}").replace("name: 投诉受理", f"name: {name}")
    if runs:
        runner = SUBPROCESS_END.replace("type: end", "type: subprocess") + f"    process: {runs}\n"
        text = text.replace(SUBPROCESS_END, runner)
    if after:
        text = text.replace("  mode: passive\n", f"  mode: passive\n  from_process: {after}\n")
    return text


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def render(inputs: Path | list[Path], out: Path, **options: object) -> RenderSummary:
    paths = [str(p) for p in (inputs if isinstance(inputs, list) else [inputs])]
    settings = {"formats": "html,md,svg", "jobs": 2, **options}
    return render_site(RenderRequest.build(paths=paths, out=out, **settings))  # type: ignore[arg-type]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def site_pages(root: Path) -> dict[str, bytes]:
    """The tree, the manifest's hashes left out: they include the renderer's code, which may be edited meanwhile."""
    return {name: b"" if name == MANIFEST else data for name, data in tree(root).items()}


def inodes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*") if p.is_file()}


def spy_on(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Ids of the processes passed to the real `diagram.<name>` during the test."""
    seen: list[str] = []
    real: Callable[..., object] = getattr(diagram, name)

    def counting(process: Process, **options: object) -> object:
        seen.append(process.id)
        return real(process, **options)

    monkeypatch.setattr(diagram, name, counting)
    return seen


@pytest.fixture
def drawings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Processes drawn (`diagram.draw`)."""
    return spy_on(monkeypatch, "draw")


@pytest.fixture
def sketches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Processes laid out (`diagram.sketch`), early or when drawn."""
    return spy_on(monkeypatch, "sketch")


# ── the samples ─────────────────────────────────────────────────────────────


def test_samples_render_every_page(samples_site: tuple[Path, RenderSummary]) -> None:
    site, summary = samples_site
    stems = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
    assert not summary.failed and summary.processes == len(stems) == summary.rendered
    expected = {"index.html", "assets/procdoc.css", "assets/procdoc.js", "assets/search-index.js", "md/index.md",
                MANIFEST}
    for stem in stems:
        expected |= {f"{stem}.html", f"{stem}.svg", f"{stem}.png", f"md/{stem}.md", f"md/{stem}.svg"}
    assert set(tree(site)) == expected
    assert summary.graphviz_seconds > 0


def test_samples_have_no_broken_links(samples_site: tuple[Path, RenderSummary]) -> None:
    site, _ = samples_site
    assert broken_html_links(site) == []
    assert broken_markdown_links(site / "md") == []


def test_index_links_every_process(samples_site: tuple[Path, RenderSummary]) -> None:
    site, _ = samples_site
    index = parse_html((site / "index.html").read_text(encoding="utf-8"))
    linked = sorted(a.attrs["href"] for row in index.find_all("tr") for a in row.find_all("a"))
    assert linked == sorted(f"{p.stem}.html" for p in SAMPLES.glob("*.yaml"))


def test_complaint_page_shows_the_practitioners_chart(samples_site: tuple[Path, RenderSummary]) -> None:
    site, _ = samples_site
    page = parse_html((site / "qm-07.html").read_text(encoding="utf-8"))
    svg = page.find("section", id="diagram").find("svg")
    lanes = [g.attrs["id"] for g in svg.find_all("g", class_="lane")]
    assert lanes == [f"fig-lane-{lane}" for lane in
                     ("customer", "marketing", "quality_section", "tech_center", "vp_tech", "vp_marketing")]
    assert len(svg.find_all("g", class_="phase")) == 4
    decision = page.find("tr", id=step_anchor("3.7"))
    exits = [" ".join(e.text().split()) for e in decision.find_all("span", class_="exit")]
    assert exits == ["让步 → 3.11", "返工 → 3.7a", "退货 → 3.8"]
    runs = {row.attrs["id"]: row.find("div", class_="runs").find("a").attrs["href"]
            for row in page.find_all("tr", class_="kind-subprocess")}
    assert runs == {"step-3-7a": "pp-01.html", "step-3-10a": "sd-05.html", "step-3-10b": "pp-01.html",
                    "step-4-2": "qa-01.html"}
    assert all((site / target).is_file() for target in runs.values())
    boxes = {a.attrs.get("xlink:href") for a in svg.find_all("a")}
    assert {"pp-01.html", "sd-05.html", "qa-01.html", "#step-3-7"} <= boxes


def test_languages_follow_each_process(samples_site: tuple[Path, RenderSummary]) -> None:
    site, _ = samples_site
    english = parse_html((site / "cs-01.html").read_text(encoding="utf-8"))
    chinese = parse_html((site / "qm-07.html").read_text(encoding="utf-8"))
    assert english.find("html").attrs["lang"] == "en" and chinese.find("html").attrs["lang"] == "zh-CN"
    assert " ".join(english.find("section", id="purpose").find("h2").text().split()) == "1 Purpose"
    assert " ".join(chinese.find("section", id="purpose").find("h2").text().split()) == "1 目的"


def test_lang_en_gives_a_chinese_process_english_headings(tmp_path: Path) -> None:
    render(SAMPLES / "qm-07.yaml", tmp_path / "site", lang="en", formats="html,md")
    page = parse_html((tmp_path / "site" / "qm-07.html").read_text(encoding="utf-8"))
    assert page.find("html").attrs["lang"] == "en"
    assert [" ".join(s.find("h2").text().split()) for s in page.find_all("section")] == [
        f"{n} {title}" for n, title in enumerate(HEADINGS["en"], 1)
    ]
    assert "## 6 Procedure steps" in (tmp_path / "site" / "md" / "qm-07.md").read_text(encoding="utf-8")


# ── determinism and incremental runs ──────────────────────────────────────


def test_output_is_byte_identical_across_runs_and_job_counts(tmp_path: Path) -> None:
    render(SAMPLES, tmp_path / "one", jobs=1, use_cache=False, formats="html,md,svg,png")
    render(SAMPLES, tmp_path / "four", jobs=4, use_cache=False, formats="html,md,svg,png")
    assert tree(tmp_path / "one") == tree(tmp_path / "four")


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """A runs B as a sub-process, D starts after B, C stands alone."""
    return write(tmp_path / "procs", {
        "a.yaml": variant("A-01", "甲流程", runs="B-01"), "b.yaml": variant("B-01", "乙流程"),
        "c.yaml": variant("C-01", "丙流程"), "d.yaml": variant("D-01", "丁流程", after="B-01"),
    })


def test_unchanged_processes_are_reused_not_redrawn(linked: Path, tmp_path: Path, drawings: list[str]) -> None:
    out = tmp_path / "site"
    first = render(linked, out)
    assert (first.rendered, first.reused, sorted(drawings)) == (4, 0, ["A-01", "B-01", "C-01", "D-01"])
    before, content = inodes(out), tree(out)
    second = render(linked, out)
    assert (second.rendered, second.reused, len(drawings)) == (0, 4, 4)
    assert tree(out) == content
    pages = {name for name in before if Path(name).stem != "index" and not name.startswith(("assets", "."))}
    assert len(pages) == 4 * 4 and {n: inodes(out)[n] for n in pages} == {n: before[n] for n in pages}


def test_an_edit_re_renders_the_process_and_those_that_name_it(linked: Path, tmp_path: Path,
                                                               drawings: list[str]) -> None:
    out = tmp_path / "site"
    render(linked, out)
    before = inodes(out)
    (linked / "b.yaml").write_text(variant("B-01", "乙流程（新）"), encoding="utf-8")
    drawings.clear()
    summary = render(linked, out)
    assert (summary.rendered, summary.reused, sorted(drawings)) == (3, 1, ["A-01", "B-01", "D-01"])
    after = inodes(out)
    assert after["c-01.html"] == before["c-01.html"] and after["a-01.html"] != before["a-01.html"]
    assert "B-01 乙流程（新）" in (out / "a-01.html").read_text(encoding="utf-8")
    (linked / "c.yaml").write_text(variant("C-01", "丙流程") + "# a comment changes the text\n", encoding="utf-8")
    drawings.clear()
    assert render(linked, out).rendered == 1 and drawings == ["C-01"]


def test_links_follow_a_process_that_disappears(linked: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    render(linked, out)
    (linked / "b.yaml").unlink()
    summary = render(linked, out)
    assert (summary.processes, summary.rendered, summary.reused) == (3, 2, 1)
    assert not (out / "b-01.html").exists() and broken_html_links(out) == []
    assert broken_markdown_links(out / "md") == []


def test_a_damaged_previous_output_is_never_reused(linked: Path, tmp_path: Path, drawings: list[str]) -> None:
    out = tmp_path / "site"
    render(linked, out)
    (out / "c-01.svg").write_text("<svg/>", encoding="utf-8")
    drawings.clear()
    assert render(linked, out).rendered == 1 and drawings == ["C-01"]
    drawings.clear()
    assert render(linked, out, use_cache=False).rendered == 4 and len(drawings) == 4


@pytest.mark.parametrize("jobs", [1, 3])
def test_each_chart_is_laid_out_once_and_only_when_drawn(linked: Path, tmp_path: Path, sketches: list[str],
                                                         jobs: int) -> None:
    out = tmp_path / "site"
    render(linked, out, jobs=jobs)
    assert sorted(sketches) == ["A-01", "B-01", "C-01", "D-01"]
    sketches.clear()
    render(linked, out, jobs=jobs)
    assert sketches == []  # nothing begun early for files the previous site was made from
    (linked / "b.yaml").write_text(variant("B-01", "乙流程（新）"), encoding="utf-8")
    render(linked, out, jobs=jobs)
    assert sorted(sketches) == ["A-01", "B-01", "D-01"]


def test_the_manifest_remembers_each_page_source(linked: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    render(linked, out)
    sources = {entry.source for entry in read_manifest(out).entries.values()}
    assert sources == {digest((linked / name).read_bytes()) for name in ("a.yaml", "b.yaml", "c.yaml", "d.yaml")}


def test_a_damaged_manifest_means_drawing_again(linked: Path, tmp_path: Path, drawings: list[str]) -> None:
    out = tmp_path / "site"
    render(linked, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for page in manifest["pages"].values():
        page["source"] = ["not", "a", "hash"]
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    drawings.clear()
    summary = render(linked, out)
    assert (summary.rendered, summary.reused, len(drawings)) == (0, 4, 0)
    (out / MANIFEST).write_text("{not json", encoding="utf-8")
    assert render(linked, out).rendered == 4 and len(drawings) == 4


def test_stats_give_graphviz_wall_and_cpu_time(linked: Path, tmp_path: Path) -> None:
    stats = tmp_path / "stats.json"
    arguments = ["render", str(linked), "-o", str(tmp_path / "site"), "--format", "svg", "--stats", str(stats)]
    assert CliRunner().invoke(app, arguments).exit_code == 0
    first = json.loads(stats.read_text(encoding="utf-8"))
    assert (first["processes"], first["rendered"], first["reused"], first["failures"]) == (4, 4, 0, 0)
    assert first["graphviz_cpu_seconds"] > 0 and first["graphviz_seconds"] > 0
    assert CliRunner().invoke(app, arguments).exit_code == 0
    second = json.loads(stats.read_text(encoding="utf-8"))
    assert (second["rendered"], second["reused"], second["graphviz_seconds"], second["graphviz_cpu_seconds"]) == (
        0, 4, 0, 0)


def test_timestamp_only_when_asked(linked: Path, tmp_path: Path) -> None:
    render(linked, tmp_path / "plain")
    render(linked, tmp_path / "stamped", timestamp=True)
    assert "生成时间" not in (tmp_path / "plain" / "c-01.html").read_text(encoding="utf-8")
    assert "生成时间" in (tmp_path / "stamped" / "c-01.html").read_text(encoding="utf-8")


def test_progress_counts_every_process(linked: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    render_site(RenderRequest.build(paths=[str(linked)], out=tmp_path / "site", formats="md", jobs=3),
                progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


# ── inputs that cannot be used ─────────────────────────────────────────────


def test_files_that_fail_to_load_are_reported_and_skipped(linked: Path, tmp_path: Path) -> None:
    (linked / "e.yaml").write_text(variant("E-01").replace("status: approved", "status: aproved"), encoding="utf-8")
    out = tmp_path / "site"
    summary = render(linked, out)
    assert summary.failed and summary.failures == 1 and summary.processes == 4
    assert [(d.path.endswith("e.yaml"), d.code) for d in summary.diagnostics] == [(True, "F009")]
    assert "1 file(s) could not be loaded" in summary.describe()
    assert summary.describe().endswith(f"; Graphviz used {summary.graphviz_cpu_seconds:.1f} s of CPU)")
    result = CliRunner().invoke(app, ["render", str(linked), "-o", str(tmp_path / "cli"), "--format", "md"])
    assert result.exit_code == 2 and "F009" in result.output


@pytest.mark.parametrize(("options", "message"), [
    ({"formats": "html,pdf"}, "unknown format 'pdf'"),
    ({"formats": " , "}, "no output format given"),
    ({"lang": "fr"}, "unknown language 'fr'"),
    ({"jobs": 0}, "--jobs must be at least 1, not 0"),
])
def test_bad_options_are_refused_with_a_hint(options: dict[str, object], message: str, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        RenderRequest.build(paths=[], out=tmp_path, **options)  # type: ignore[arg-type]
    assert caught.value.message == message and caught.value.hint


def test_graphviz_missing_fails_clearly_and_keeps_the_site(linked: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    render(linked, out)
    content = tree(out)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = CliRunner().invoke(app, ["render", str(linked), "-o", str(out), "--no-cache"])
    assert result.exit_code == 2 and "apt-get install graphviz" in result.output
    assert tree(out) == content
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


# ── OUT: never outside it, never the wrong folder, never half a site ──────


def test_page_names_stay_inside_and_are_unique() -> None:
    def process(pid: str, path: str) -> Process:
        return Process(path=path, id=pid, name=pid, lanes=[Lane("l", "L")], steps=[Step("1", "s", lane="l")])

    ids = ["../../etc/x", "/abs", "a/b", "CON", "index", "md", "assets", "QM-07", "qm-07", "qm-07", "QM-07 "]
    pages = assign_pages([process(pid, f"p{i}.yaml") for i, pid in enumerate(ids)])
    stems = [page.stem for page in pages.values()]
    assert len(set(stems)) == len(ids)
    assert all(stem.replace("-", "").replace("_", "").isalnum() for stem in stems)
    assert not set(stems) & RESERVED_STEMS and "con" not in stems


def test_hostile_ids_write_only_inside_out(tmp_path: Path) -> None:
    inputs = write(tmp_path / "procs", {
        "con.yaml": variant("CON"), "index.yaml": variant("index"), "upper.yaml": variant("QM-07"),
        "lower.yaml": variant("qm-07"), "md.yaml": variant("md"), "escape.yaml": variant("../../etc/x"),
    })
    out = tmp_path / "deep" / "site"
    summary = render(inputs, out)
    assert summary.processes == 5 and [d.code for d in summary.diagnostics] == ["F009"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "procs"]
    assert [p.name for p in (tmp_path / "deep").iterdir()] == ["site"]
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    assert len(list(out.glob("*.html"))) == 6 and broken_html_links(out) == []


@pytest.mark.parametrize("case", ["file", "root", "input", "parent-of-input", "foreign", "home"])
def test_out_that_must_not_be_replaced_is_refused(case: str, linked: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    out = {"file": tmp_path / "file", "root": Path("/"), "input": linked, "parent-of-input": tmp_path,
           "foreign": tmp_path / "foreign", "home": tmp_path / "home"}[case]
    with pytest.raises(UserError) as caught:
        render(linked, out)
    assert caught.value.hint == "choose a new or empty folder for the site, e.g. `-o site`"
    assert (tmp_path / "foreign" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert len(list(linked.iterdir())) == 4


def test_an_empty_folder_or_a_previous_site_is_replaced(linked: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    render(linked, out, formats="md")
    render(linked, out, formats="html")
    assert (out / "index.html").is_file() and not (out / "md").exists()


@pytest.mark.slow
def test_a_killed_run_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    """SIGKILL `procdoc render` at several moments: OUT is always one complete site, old or new."""
    old = write(tmp_path / "old", {f"p{i:02}.yaml": variant(f"P-{i:02}", f"旧流程{i}") for i in range(16)})
    new = write(tmp_path / "new", {f"p{i:02}.yaml": variant(f"P-{i:02}", f"新流程{i}") for i in range(16)})
    render(old, tmp_path / "expected-old", use_cache=False)
    render(new, tmp_path / "expected-new", use_cache=False)
    expected_old, expected_new = site_pages(tmp_path / "expected-old"), site_pages(tmp_path / "expected-new")
    out, seen = tmp_path / "site", []
    for delay in (0.0, 0.15, 0.4, 0.8, None):
        render(old, out, use_cache=False)
        command = [sys.executable, "-m", "procdoc", "render", str(new), "-o", str(out), "--format", "html,md,svg",
                   "--jobs", "2", "--no-cache"]
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as run:
            if delay is None:
                assert run.wait(timeout=60) == 0
            else:
                _wait_for_staging(tmp_path, run)
                time.sleep(delay)
                os.kill(run.pid, signal.SIGKILL)
                run.wait(timeout=10)
        now = site_pages(out)
        assert now in (expected_old, expected_new), _difference(now, expected_old, expected_new)
        seen.append("new" if now == expected_new else "old")
    assert seen[0] == "old" and seen[-1] == "new"
    render(new, out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def _difference(now: dict[str, bytes], *candidates: dict[str, bytes]) -> list[list[str]]:
    return [sorted(name for name in now.keys() | c.keys() if now.get(name) != c.get(name))[:5] for c in candidates]


def _wait_for_staging(folder: Path, run: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while not any(p.name.startswith(".site.procdoc-") and p.is_dir() for p in folder.iterdir()):
        assert run.poll() is None and time.monotonic() < deadline, "the run ended before it started writing"
        time.sleep(0.005)
