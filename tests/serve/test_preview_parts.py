"""The parts of `procdoc serve` that need no server: page decoration, the watch filter, loopback, versions."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from procdoc.commands.serve import is_loopback
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.serve.pages import decorate, error_page
from procdoc.serve.server import Preview
from procdoc.serve.snapshot import Snapshot
from procdoc.serve.watch import relevant, watched_folders

FINDING = Diagnostic("p/qm-07.yaml", 157, 11, "S005", Severity.ERROR, "lane '<b>营销部</b>' is not declared")
BROKEN = Diagnostic("p/qc-02.yaml", 3, 1, "F001", Severity.ERROR, "YAML syntax error: did not find expected node")
SNAPSHOT = Snapshot(
    7, {"qm-07": "p/qm-07.yaml", "qc-02": "p/qc-02.yaml"}, {"p/qm-07.yaml": [FINDING]}, {"p/qc-02.yaml": [BROKEN]}
)


def test_decorate_adds_the_panel_and_the_script_before_the_end_of_the_body() -> None:
    page = decorate("<html><body><h1>QM-07</h1></body></html>", "qm-07", SNAPSHOT)
    body = page[page.index("<body>"):page.index("</body>")]
    assert 'data-version="7"' in body and 'src="/__procdoc/live.js"' in body
    assert "p/qm-07.yaml:157:11: S005 error: lane &#x27;&lt;b&gt;营销部&lt;/b&gt;&#x27; is not declared" in body
    assert "p/qc-02.yaml:3:1: F001 error: YAML syntax error" in body, "every page shows the files that do not load"
    assert "<details id=\"procdoc-serve-panel\" open" in body


def test_a_page_without_findings_says_so_and_stays_folded() -> None:
    quiet = Snapshot(2, {"qm-07": "p/qm-07.yaml"})
    page = decorate("<body></body>", "qm-07", quiet)
    assert "procdoc check: 0 findings in p/qm-07.yaml" in page
    assert "<details id=\"procdoc-serve-panel\" style" in page


def test_the_page_of_a_file_that_does_not_load_shows_its_error() -> None:
    page = error_page("qc-02", SNAPSHOT)
    assert "<h1>p/qc-02.yaml does not load</h1>" in page
    assert "p/qc-02.yaml:3:1: F001 YAML syntax error: did not find expected node" in page
    assert 'data-version="7"' in page


@pytest.mark.parametrize(
    ("path", "wanted"),
    [("p/qm-07.yaml", True), ("p/a.yml", True), ("p/procdoc.toml", True), ("p/pyproject.toml", True),
     ("p/.procdoc_cache/x.yaml", False), ("p/.git/x.yaml", False), ("p/site/index.html", False), ("p/notes.md", False)],
)
def test_only_process_and_settings_files_trigger_a_rebuild(path: str, wanted: bool) -> None:
    assert relevant(path) is wanted


def test_watched_folders_are_the_folders_of_the_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("procdoc: 1\n", encoding="utf-8")
    assert watched_folders([str(tmp_path / "a.yaml"), str(tmp_path)], str(tmp_path / "procdoc.toml")) == [
        str(tmp_path)
    ]


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                                ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.10", False),
                                                ("example.com", False)])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_waiting_page_hears_of_the_next_version(tmp_path: Path) -> None:
    preview = Preview(tmp_path, Snapshot(1))
    assert preview.next_version(None, 0.01) == 1
    assert preview.next_version(1, 0.01) is None
    later = threading.Timer(0.05, preview.publish, args=(Snapshot(2),))
    later.start()
    assert preview.next_version(1, 30) == 2
    preview.close()
    assert preview.next_version(2, 30) is None
