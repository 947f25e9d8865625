"""Exports of one process for other tools: BPMN 2.0 (modellers) and Mermaid (wikis, issues)."""
