"""`procdoc lsp` driven over stdio as an editor drives it, on a copy of the sample repository."""

from __future__ import annotations

import time
from pathlib import Path

from tests.lsp.client import LspClient
from tests.lsp.samples import BROKEN_LANE, ask, position, sample


def test_a_broken_lane_is_reported_on_its_line_with_a_link_to_the_rule(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo, *BROKEN_LANE)
    uri = client.open(path, text)
    [found] = client.diagnostics(uri)
    where = position(lines, "lane: nosuchlane", "nosuchlane", 0)
    assert found["range"] == {"start": where, "end": {**where, "character": where["character"] + 10}}
    assert (found["code"], found["severity"], found["source"]) == ("S005", 1, "procdoc")
    assert found["codeDescription"]["href"].endswith("/rules#s005-undefined-lane")
    assert "'nosuchlane'" in found["message"]


def test_the_repository_around_the_buffer_is_checked_with_it(client: LspClient, repo: Path) -> None:
    """qm-07 hands over to QA-01, which exists only in another file: no I006 when the others are read."""
    uri = client.open(repo / "qm-07.yaml")
    assert client.diagnostics(uri) == []
    (repo / "qa-01.yaml").unlink()
    other = client.open(repo / "as-04.yaml")  # a later lint sees the repository as it is now
    client.diagnostics(other)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert sorted(d["code"] for d in client.diagnostics(uri)) == ["I002", "I006"]


def test_findings_after_chinese_and_non_bmp_text_are_placed_in_utf16_units(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo, "documents: [fb_form]\n    records: [fb_record]",
                               "documents: [表单😀, nosuchdoc]\n    records: [fb_record]")
    uri = client.open(path, text)
    found = sorted(client.diagnostics(uri), key=lambda d: d["range"]["start"]["character"])
    line = next(i for i, t in enumerate(lines) if "nosuchdoc" in t)
    assert [(d["code"], d["range"]["start"]) for d in found] == [
        ("D001", {"line": line, "character": lines[line].index("表单")}),
        ("D001", {"line": line, "character": lines[line].index("nosuchdoc") + 1}),  # 😀 is two units
    ]


def test_definition_of_a_next_value_lands_on_that_steps_id_line(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo)
    uri = client.open(path, text)
    [place] = [ask(client, "textDocument/definition", uri, position(lines, 'next: "1.3"', "1.3"))]
    target = next(i for i, t in enumerate(lines) if t.strip() == '- id: "1.3"')
    start = lines[target].index("1.3")  # the id itself, inside its quotes
    assert place == {"uri": uri, "range": {"start": {"line": target, "character": start},
                                           "end": {"line": target, "character": start + 3}}}


#: (file, the line of the reference, the id on it, the line the definition must land on, in which file)
REFERENCES = [
    ("qm-07.yaml", "lane: quality_section", "quality_section", "- id: quality_section", "qm-07.yaml"),
    ("qm-07.yaml", "phase: collect", "collect", "- id: collect", "qm-07.yaml"),
    ("qm-07.yaml", 'on_fail: "1.2"           # corrective action as a step id: back to 1.2', "1.2", '- id: "1.2"',
     "qm-07.yaml"),
    ("qm-07.yaml", "record: fb_record        # record id holding the result", "fb_record", "- id: fb_record",
     "qm-07.yaml"),
    ("qm-07.yaml", "documents: [fb_form]", "fb_form", "- id: fb_form", "qm-07.yaml"),
    ("qm-07.yaml", "form: fb_form              # the document it is written on", "fb_form", "- id: fb_form",
     "qm-07.yaml"),
    ("qm-07.yaml", "owner: quality_section         # process owner (流程责任人): a lane id", "quality_section",
     "- id: quality_section", "qm-07.yaml"),
    ("as-04.yaml", 'handler: "E1.1"', "E1.1", '- id: "E1.1"', "as-04.yaml"),
    ("as-04.yaml", 'from: "3"', "3", '- id: "3"', "as-04.yaml"),
    ("as-04.yaml", "owner: care_center", "care_center", "- id: care_center", "as-04.yaml"),
    ("pp-01.yaml", "process: QC-05", "QC-05", "id: QC-05", "qc-05.yaml"),
    ("qa-01.yaml", "from_process: QM-07", "QM-07", "id: QM-07", "qm-07.yaml"),
    ("qm-07.yaml", "to_process: QA-01          # QA-01's trigger names QM-07 as from_process", "QA-01", "id: QA-01",
     "qa-01.yaml"),
]


def test_definition_of_every_kind_of_reference(client: LspClient, repo: Path) -> None:
    for name, line_text, word, declared, where in REFERENCES:
        lines = (repo / name).read_text(encoding="utf-8").splitlines()
        uri = client.open(repo / name)
        client.diagnostics(uri)  # the first lint reads the repository's processes
        place = ask(client, "textDocument/definition", uri, position(lines, line_text, word))
        assert place is not None, line_text
        assert place["uri"] == (repo / where).resolve().as_uri(), line_text
        target = (repo / where).read_text(encoding="utf-8").splitlines()
        assert target[place["range"]["start"]["line"]].split(" #")[0].strip() == declared, line_text


def test_completion_in_a_lane_value_lists_the_files_lanes(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo, "lane: quality_section\n    phase: collect\n    description: 技质科审核",
                               "lane: \n    phase: collect\n    description: 技质科审核")
    uri = client.open(path, text)
    line = next(i for i, t in enumerate(lines) if t.strip() == "lane:")
    answer = ask(client, "textDocument/completion", uri, {"line": line, "character": len(lines[line]) + 1})
    assert [(i["label"], i["detail"]) for i in answer["items"]] == [
        ("customer", "客户"), ("marketing", "营销部"), ("quality_section", "技质科"), ("tech_center", "技术中心"),
        ("vp_tech", "技术副总"), ("vp_marketing", "营销副总"),
    ]


def test_completion_in_a_next_value_lists_step_ids_quoted(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo)
    uri = client.open(path, text)
    where = position(lines, "next: \"1.3\"", "next: ", 6)
    answer = ask(client, "textDocument/completion", uri, where)
    labels = [i["label"] for i in answer["items"]]
    assert labels[:3] == ["1.1", "1.2", "1.3"] and len(labels) == text.count("  - id: \"")
    assert answer["items"][0]["textEdit"]["newText"] == "1.1"  # the line quotes already


def test_hover_on_a_finding_shows_its_rule_and_on_a_reference_its_name(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo, *BROKEN_LANE)
    uri = client.open(path, text)
    client.diagnostics(uri)
    shown = ask(client, "textDocument/hover", uri, position(lines, "lane: nosuchlane", "nosuchlane"))
    assert shown["contents"]["kind"] == "markdown"
    assert shown["contents"]["value"].startswith("# S005 undefined-lane")
    assert "## Why is this bad?" in shown["contents"]["value"]
    named = ask(client, "textDocument/hover", uri, position(lines, "lane: quality_section", "quality"))
    assert named["contents"]["value"] == "**lane quality_section '技质科' (department)**"


def test_diagnostics_follow_an_edit_quickly(client: LspClient, repo: Path) -> None:
    path, text, _ = sample(repo)
    uri = client.open(path, text)
    assert client.diagnostics(uri) == []
    broken = text.replace(*BROKEN_LANE, 1)
    started = time.monotonic()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": broken}]})
    found = client.diagnostics(uri)
    elapsed = time.monotonic() - started
    assert [d["code"] for d in found] == ["S005"]
    assert elapsed < 0.9, f"{elapsed:.2f} s"  # the target is 300 ms (make bench measures it); 3× margin


def test_rapid_changes_are_linted_once_at_their_end(client: LspClient, repo: Path) -> None:
    path, text, _ = sample(repo)
    uri = client.open(path, text)
    client.diagnostics(uri)
    typed = "nosuchlane"
    for count in range(1, len(typed) + 1):
        edited = text.replace(*BROKEN_LANE, 1).replace("nosuchlane", typed[:count], 1)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 1 + count},
                                                 "contentChanges": [{"text": edited}]})
    found = client.diagnostics(uri)
    assert ["'nosuchlane'" in d["message"] for d in found] == [True]
    client.request("shutdown", None)  # nothing else was published in between
    assert not [n for n in client.notifications if n["method"] == "textDocument/publishDiagnostics"]


def test_a_syntax_error_mid_typing_is_f001_and_the_server_keeps_answering(client: LspClient, repo: Path) -> None:
    path, text, lines = sample(repo)
    uri = client.open(path, text)
    client.diagnostics(uri)
    half = text.replace("    lane: quality_section\n    phase: collect\n    description: 技质科审核",
                        "    lane: [quality_section\n    phase: collect\n    description: 技质科审核", 1)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": half}]})
    assert [d["code"] for d in client.diagnostics(uri)] == ["F001"]
    answer = ask(client, "textDocument/completion", uri, position(lines, "lane: customer", "customer"))
    assert "quality_section" in [i["label"] for i in answer["items"]]  # from the last version that loaded
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": text}]})
    assert client.diagnostics(uri) == []
    assert client.shutdown() == 0


def test_shutdown_then_exit_ends_cleanly_and_exit_alone_fails(repo: Path) -> None:
    with LspClient(repo) as client:
        client.initialize(repo)
        assert client.shutdown() == 0
        assert "Traceback" not in client.stderr()
    with LspClient(repo) as abrupt:
        abrupt.initialize(repo)
        abrupt.notify("exit", None)
        assert abrupt.process.wait(timeout=30) == 1
        assert "Traceback" not in abrupt.stderr()


def test_utf8_positions_when_the_client_asks_for_them(repo: Path) -> None:
    with LspClient(repo) as client:
        utf8_positions(client, repo)


def utf8_positions(client: LspClient, repo: Path) -> None:
    result = client.request("initialize", {"processId": None, "rootUri": repo.as_uri(),
                                           "capabilities": {"general": {"positionEncodings": ["utf-8"]}}})
    client.notify("initialized", {})
    assert result["capabilities"]["positionEncoding"] == "utf-8"
    path, text, lines = sample(repo, "documents: [fb_form]\n    records: [fb_record]",
                               "documents: [表单, fb_form]\n    records: [fb_record]")
    uri = client.open(path, text)
    [found] = client.diagnostics(uri)
    line = next(i for i, t in enumerate(lines) if "表单" in t)
    end = len(lines[line][: lines[line].index("表单") + 2].encode("utf-8"))
    assert found["range"]["end"] == {"line": line, "character": end}
    assert client.shutdown() == 0


def test_a_yaml_file_that_is_not_a_process_gets_nothing(client: LspClient, repo: Path) -> None:
    """Neovim and Helix send every YAML file to the server: only process files are answered."""
    other = repo / "docker-compose.yaml"
    other.write_text("services:\n  web:\n    lane: fast\n", encoding="utf-8")
    uri = client.open(other)
    assert client.diagnostics(uri) == []
    assert ask(client, "textDocument/completion", uri, {"line": 2, "character": 10}) is None


def test_an_edit_that_breaks_another_open_files_reference_updates_its_findings(client: LspClient,
                                                                               repo: Path) -> None:
    qm07 = client.open(repo / "qm-07.yaml")
    assert client.diagnostics(qm07) == []
    qa01 = client.open(repo / "qa-01.yaml")
    assert client.diagnostics(qa01) == []
    text = (repo / "qa-01.yaml").read_text(encoding="utf-8").replace("id: QA-01\n", "id: QA-91\n", 1)
    client.notify("textDocument/didChange", {"textDocument": {"uri": qa01, "version": 2},
                                             "contentChanges": [{"text": text}]})
    client.diagnostics(qa01)
    assert sorted(d["code"] for d in client.diagnostics(qm07)) == ["I002", "I006"]  # QA-01 is gone


def test_broken_settings_are_a_finding_not_a_crash(client: LspClient, repo: Path) -> None:
    (repo / "procdoc.toml").write_text("paths = [\n", encoding="utf-8")
    path, text, lines = sample(repo)
    uri = client.open(path, text)
    [found] = client.diagnostics(uri)
    assert "procdoc.toml" in found["message"] and "invalid TOML" in found["message"]
    assert ask(client, "textDocument/definition", uri, position(lines, 'next: "1.3"', "1.3")) is not None
    assert client.shutdown() == 0
