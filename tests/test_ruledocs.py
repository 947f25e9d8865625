"""Rule documentation: complete for every rule, and docs/rules.md current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.checks import ruledocs
from procdoc.checks.registry import FAMILIES, Rule, all_rules
from procdoc.cli import app

RULES = list(all_rules().values())
RULES_MD = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
FAMILY_LETTERS = {
    "format": "F", "structure": "S", "people": "P", "control": "C", "records": "D", "emergencies": "E",
    "purpose": "O", "interfaces": "I", "time": "T", "governance": "G", "complexity": "X", "meta": "M",
    "security": "U",
}


def test_docs_rules_md_is_current() -> None:
    current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
    assert current == ruledocs.markdown(), "docs/rules.md is out of date: run `make docs`"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented(rule: Rule) -> None:
    assert rule.summary and rule.why and rule.example
    assert rule.summary.endswith((".", "。", ")")), "the summary is one sentence"
    assert set(rule.option_docs) == set(rule.options), "every option has a line of documentation"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_codes_and_names_follow_the_convention(rule: Rule) -> None:
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code)
    assert rule.code[0] == FAMILY_LETTERS[rule.family], "a family keeps its letter"
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name), "names are kebab-case"


def test_names_are_unique_and_every_family_is_known() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert set(FAMILY_LETTERS) == set(FAMILIES)


def test_every_table_row_links_to_its_section() -> None:
    markdown = ruledocs.markdown()
    for rule in RULES:
        assert f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) |" in markdown
        assert f"\n### {rule.code} {rule.name}\n" in markdown


def test_explain_by_code_or_name_and_unknown() -> None:
    assert ruledocs.explain("S001") == ruledocs.explain("no-start") == ruledocs.explain("s001")
    assert ruledocs.explain("no-such-rule") is None


def test_rules_json_lists_every_rule() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [item["code"] for item in listed] == [r.code for r in RULES]
    assert set(listed[0]) == {"code", "name", "family", "severity", "summary", "why", "example", "options", "fix"}
    fixes = {item["code"]: item["fix"] for item in listed}
    assert fixes["S005"] == "safe" and fixes["D003"] == "unsafe" and fixes["S001"] is None


def test_rules_listing_marks_fixable_rules() -> None:
    lines = CliRunner().invoke(app, ["rules"]).stdout.splitlines()
    by_code = {line.split()[0]: line.split() for line in lines if re.match(r"[A-Z]\d{3} ", line)}
    assert by_code["P005"][3] == "fix" and by_code["E001"][3] == "unsafe" and by_code["S001"][3] != "fix"
    assert sum(rule.fix is not None and rule.fix.safe for rule in RULES) >= 10


def test_rules_md_marks_fixable_rules() -> None:
    markdown = ruledocs.markdown()
    assert "| [S005](#s005-undefined-lane) | undefined-lane | structure | error | safe |" in markdown
    assert "fix: `procdoc check --fix --unsafe-fixes`" in ruledocs.explain("D003")
