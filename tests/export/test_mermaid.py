"""`procdoc export mermaid`: lanes as subgraphs, a node per step, an edge per exit, text that stays text.

Structure is read back from the output with the node and edge syntax the
exporter promises; escaping is checked against the hostile corpus both in
the text and in the real mermaid package in headless Chromium, the way
GitHub renders a ```mermaid block.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.export import mermaid
from procdoc.loader import load_text
from procdoc.model import Process
from tests.export.conftest import ALL_IDS, SAMPLES, Repository
from tests.export.corpus import DIRECTIVE, HOSTILE, LINK, SCRIPT, hostile_parallel_text, hostile_process_text

NODE = re.compile(r'^ {4,8}([sp]_\w+)(\(\["|\[\["|\{\{"|\{"|\[")(.*)("\]\)|"\]\]|"\}\}|"\}|"\])$')
EDGE = re.compile(r'^ {4}([sp]_\w+) -->(?:\|"(.*)"\|)? ([sp]_\w+)$')
SUBGRAPH = re.compile(r'^ {4}subgraph (lane_\d+)\["(.*)"\]$')
SHAPE = {"start": '(["', "end": '(["', "decision": '{"', "subprocess": '[["', "task": '["', "join": '{{"'}


def unescape(text: str) -> str:
    """What a reader sees: Mermaid's entity codes decoded, `<br>` as a line break."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text.replace("<br>", "\n"))


def hostile() -> Process:
    loaded = load_text(hostile_process_text(), "h.yaml")
    assert loaded.process is not None, loaded.diagnostics
    return loaded.process


def parse(text: str) -> dict[str, Any]:
    """Subgraphs (title, member node ids), nodes (id → opening, label) and edges of an export."""
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    subgraphs: list[tuple[str, list[str]]] = []
    nodes: dict[str, tuple[str, str]] = {}
    edges: list[tuple[str, str | None, str]] = []
    for line in lines[1:]:
        if match := SUBGRAPH.match(line):
            subgraphs.append((unescape(match.group(2)), []))
        elif match := NODE.match(line):
            assert match.group(1) not in nodes, line
            nodes[match.group(1)] = (match.group(2), unescape(match.group(3)))
            if line.startswith(" " * 8):
                subgraphs[-1][1].append(match.group(1))
        elif match := EDGE.match(line):
            label = match.group(2)
            edges.append((match.group(1), None if label is None else unescape(label), match.group(3)))
        else:
            assert line == "    end", line
    return {"subgraphs": subgraphs, "nodes": nodes, "edges": edges}


def expected_edges(process: Process, ids: dict[str, str]) -> list[tuple[str, str | None, str]]:
    return [(ids[s.id], label, ids[target]) for s in process.steps for label, target, _ in s.exits() if target in ids]


def step_edges(parsed: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    """The edges between steps, in order, a parallel split (`p_` node) passed through."""
    edges = parsed["edges"]
    found = []
    for tail, label, head in edges:
        if head.startswith("p_"):
            found += [(tail, label, target) for split, _, target in edges if split == head]
        elif tail.startswith("s_"):
            found.append((tail, label, head))
    return found


def node_ids(process: Process, parsed: dict[str, Any]) -> dict[str, str]:
    """Step id → node id, found by the line `<step id> <name>` each step's node carries
    (a join's under its `+`, a start's above its trigger)."""
    by_label = {label.removeprefix("+\n"): node for node, (_, label) in parsed["nodes"].items()}
    return {step.id: next(node for label, node in by_label.items()
                          if label == f"{step.id} {step.name}" or label.startswith(f"{step.id} {step.name}\n"))
            for step in process.steps}


# ── The samples ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize("stem", ALL_IDS)
def test_sample_structure(stem: str, repository: Repository) -> None:
    process = repository.processes[stem]
    parsed = parse(mermaid.export(process))
    ids = node_ids(process, parsed)
    splits = [node for node in parsed["nodes"] if node.startswith("p_")]
    assert len(parsed["nodes"]) - len(splits) == len(process.steps) == len(set(ids.values()))
    assert [title for title, _ in parsed["subgraphs"]] == [lane.name for lane in process.lanes]
    for lane, (_, members) in zip(process.lanes, parsed["subgraphs"], strict=True):
        assert [m for m in members if m.startswith("s_")] == [ids[s.id] for s in process.steps if s.lane == lane.id]
    for step in process.steps:
        assert parsed["nodes"][ids[step.id]][0] == SHAPE[step.type], step.id
    for split in splits:
        assert parsed["nodes"][split] == ('{{"', "+")
        assert [tail for tail, _, head in parsed["edges"] if head == split] == [f"s_{split[2:].rsplit('_', 1)[0]}"]
        assert len([head for tail, _, head in parsed["edges"] if tail == split]) > 1
    assert step_edges(parsed) == expected_edges(process, ids)


def test_qm07_reads_like_the_chart(repository: Repository) -> None:
    text = mermaid.export(repository.processes["qm-07"])
    assert text.startswith('flowchart TD\n    subgraph lane_0["客户"]\n'
                           '        s_1_1(["1.1 客户提出质量投诉"])\n    end\n')
    assert '        s_3_7{"3.7 让步、返工还是退货？"}\n' in text
    assert '        s_3_7a[["3.7a 安排返工生产"]]\n' in text
    assert '    s_3_7 -->|"返工"| s_3_7a\n' in text
    assert "    s_1_1 --> s_1_2\n" in text


def test_parallel_work_and_alternative_starts_read_like_the_chart(repository: Repository) -> None:
    text = mermaid.export(repository.processes["sv-4s"])
    assert ('        s_1a(["1a 电话预约<br>触发：客户来电预约维修"])\n'
            '        s_1b(["1b 到店<br>触发：客户未预约直接到店"])\n') in text
    assert '        s_4{"4 客户同意报价？"}\n        p_4_0{{"+"}}\n' in text
    assert '        s_7{{"+<br>7 备件与工位齐备"}}\n' in text
    assert '    s_4 -->|"同意"| p_4_0\n    p_4_0 --> s_5\n    p_4_0 --> s_6\n    s_4 -->|"不同意"| s_15\n' in text
    assert "    s_5 --> s_7\n    s_6 --> s_7\n    s_7 --> s_8\n" in text
    assert "    s_10 --> p_10_0\n    p_10_0 --> s_11\n    p_10_0 --> s_12\n" in text


def test_output_is_deterministic(repository: Repository) -> None:
    process = repository.processes["qm-07"]
    assert mermaid.export(process) == mermaid.export(process)


# ── Hostile text ──────────────────────────────────────────────────────────────


def test_hostile_text_stays_in_its_labels() -> None:
    process = hostile()
    parsed = parse(mermaid.export(process))
    ids = node_ids(process, parsed)
    assert len(parsed["nodes"]) == len(process.steps)
    assert ids == {"1": "s_1", "3.7": "s_3_7", "3_7": "s_3_7_2", "end": "s_end", "审批": "s_u5BA1u6279",
                   "a|b": "s_a_b"}
    assert [title for title, _ in parsed["subgraphs"]] == [DIRECTIVE, "end"]
    assert step_edges(parsed) == expected_edges(process, ids)
    assert [label for _, label, _ in parsed["edges"] if label] == [LINK, HOSTILE["branch_2"]]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        (SCRIPT, "#60;script#62;alert(1)#60;/script#62;"),
        ('"q" a|b', "#34;q#34; a#124;b"),
        ("{{ }} # `x`", "#123;#123; #125;#125; #35; #96;x#96;"),
        ("[x](y)", "#91;x#93;(y)"),
        ("#quot; &lt;", "#35;quot; #38;lt;"),
        ("one\ntwo\r\nthree", "one<br>two<br>three"),
        ("end", "end"),
        ("客户质量投诉", "客户质量投诉"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert mermaid.escape(text) == escaped
    assert unescape(escaped) == text.replace("\r\n", "\n")


# ── Drawn by mermaid ──────────────────────────────────────────────────────────


@pytest.mark.browser
@pytest.mark.parametrize("stem", ALL_IDS)
def test_sample_renders_in_mermaid(stem: str, repository: Repository, page_factory: Any) -> None:
    process = repository.processes[stem]
    _, show, problems = page_factory("mermaid.html")
    drawn = show(mermaid.export(process))
    assert drawn["error"] is None
    parsed = parse(mermaid.export(process))
    assert sorted(drawn["nodes"]) == sorted(label.replace("\n", "") for _, label in parsed["nodes"].values())
    assert len(drawn["nodes"]) == len(parsed["nodes"])
    assert sorted(drawn["clusters"]) == sorted(lane.name for lane in process.lanes)  # placed by dagre, not in order
    assert drawn["edges"] == len(parsed["edges"])
    assert problems == []


def test_hostile_triggers_and_join_names_stay_in_their_labels() -> None:
    loaded = load_text(hostile_parallel_text(), "h.yaml")
    assert loaded.process is not None, loaded.diagnostics
    parsed = parse(mermaid.export(loaded.process))
    labels = {node: label for node, (_, label) in parsed["nodes"].items()}
    assert labels["s_a"] == f"a call\nTrigger: {SCRIPT}"  # an English process: an English trigger mark
    assert labels["s_b"].endswith(DIRECTIVE) and labels["s_j"] == f"+\nj {HOSTILE['twin']}"
    assert parsed["edges"][2] == ("s_d", LINK, "p_d_0")


@pytest.mark.browser
def test_hostile_text_renders_literally(page_factory: Any) -> None:
    process = hostile()
    _, show, problems = page_factory("mermaid.html")
    drawn = show(mermaid.export(process))
    assert drawn["error"] is None
    assert sorted(drawn["nodes"]) == sorted(f"{s.id} {s.name}".replace("\n", "") for s in process.steps)
    assert sorted(drawn["clusters"]) == sorted([DIRECTIVE, "end"])
    assert sorted(drawn["edgeLabels"]) == sorted([LINK, HOSTILE["branch_2"]])
    assert drawn["markup"] == 0
    assert problems == []  # a script that ran would have opened an alert dialog


# ── Through the CLI ───────────────────────────────────────────────────────────


def test_cli_writes_the_flowchart(tmp_path: Path, repository: Repository) -> None:
    target = tmp_path / "qm-07.mmd"
    result = CliRunner().invoke(app, ["export", "mermaid", str(SAMPLES / "qm-07.yaml"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == mermaid.export(repository.processes["qm-07"])


def test_cli_prints_to_standard_output(repository: Repository) -> None:
    result = CliRunner().invoke(app, ["export", "mermaid", str(SAMPLES / "sd-05.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stdout == mermaid.export(repository.processes["sd-05"])
