"""Hostile text for the exports: every string tries to break out of its label or become markup."""

from __future__ import annotations

import json

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
DIRECTIVE = '%%{init: {"securityLevel": "loose"}}%%'

HOSTILE = {
    "lane_1": DIRECTIVE,
    "lane_2": "end",
    "start": "subgraph",
    "task": SCRIPT,
    "twin": '"q" a|b',
    "decision": "end\nsubgraph x",
    "branch_1": LINK,
    "branch_2": "{{ }} # `code`",
    "call": "#quot; #35; &lt;b&gt; 100%",
    "end": 'x --> y; A["b"]',
    "document": "<img src=x onerror=alert(1)>",
    "record": "a|b]] {c}",
}


def hostile_process_text() -> str:
    """A process with hostile text in every name and label, and step ids that are hostile too (as YAML: JSON).

    Steps `3.7` and `3_7` make the same safe id, so the exports must tell them apart.
    """
    h = HOSTILE
    data = {
        "procdoc": 1, "id": "EV-01", "name": SCRIPT, "owner": "l1",
        "lanes": [{"id": "l1", "name": h["lane_1"]}, {"id": "<l2>", "name": h["lane_2"]}],
        "documents": [{"id": "d.1", "name": h["document"]}],
        "records": [{"id": "r|1", "name": h["record"]}],
        "steps": [
            {"id": "1", "name": h["start"], "type": "start", "lane": "l1", "next": "3.7"},
            {"id": "3.7", "name": h["task"], "lane": "<l2>", "documents": ["d.1"], "records": ["r|1"], "next": "3_7"},
            {"id": "3_7", "name": h["twin"], "lane": "<l2>", "next": "end"},
            {"id": "end", "name": h["decision"], "type": "decision", "lane": "l1",
             "branches": [{"when": h["branch_1"], "next": "审批"}, {"when": h["branch_2"], "next": "a|b"}]},
            {"id": "审批", "name": h["call"], "type": "subprocess", "lane": "l1", "process": "01-UP", "next": "a|b"},
            {"id": "a|b", "name": h["end"], "type": "end", "lane": "<l2>"},
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def hostile_parallel_text() -> str:
    """Format 1.1's new text in hostile form: two starts' triggers, a join's name, a parallel
    decision exit's label and an emergency's `when`."""
    data = {
        "procdoc": 1.1, "id": "EV-02", "name": "parallel", "owner": "l1",
        "lanes": [{"id": "l1", "name": "L1"}],
        "steps": [
            {"id": "a", "name": "call", "type": "start", "lane": "l1", "trigger": SCRIPT, "next": "d"},
            {"id": "b", "name": "walk-in", "type": "start", "lane": "l1", "trigger": DIRECTIVE, "next": "d"},
            {"id": "d", "name": "ok?", "type": "decision", "lane": "l1",
             "branches": [{"when": LINK, "next": ["p", "q"]}, {"when": "no", "next": "z"}]},
            {"id": "p", "name": "p", "lane": "l1", "next": "j"},
            {"id": "q", "name": "q", "lane": "l1", "next": "j"},
            {"id": "j", "name": HOSTILE["twin"], "type": "join", "lane": "l1", "next": "z"},
            {"id": "z", "name": "done", "type": "end", "lane": "l1"},
            {"id": "h", "name": "handle", "lane": "l1", "next": "z"},
        ],
        "emergencies": [{"id": "E1", "when": HOSTILE["end"], "handler": "h"}],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)
