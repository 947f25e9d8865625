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
