"""The rule tester and `procdoc check` find exactly the same things, rule by rule.

Both go through `procdoc.checks.lint.lint`; this test keeps it that way. It
checks the samples (clean) and a repository written to make many rules fire
at once, every cross-file rule among them, and compares each file's findings
from the command line with the rule tester's for the same file, with the
rest of the repository as its `others`.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.checks.registry import all_rules
from procdoc.cli import app
from procdoc.config import load_settings
from tests import ruletester

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"samples": ROOT / "samples", "findings": ROOT / "tests" / "fixtures" / "agreement"}

Finding = tuple[str, int, int, str, str]


def from_the_command_line(folder: Path) -> list[Finding]:
    with contextlib.chdir(folder):  # paths in findings and messages are then file names, as in the rule tester
        result = CliRunner().invoke(app, ["check", ".", "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return sorted((d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(result.stdout))


def from_the_rule_tester(folder: Path) -> list[Finding]:
    settings = load_settings(None, str(folder))
    files = sorted(folder.glob("*.yaml"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in files}
    today = date.fromisoformat(settings.check.today) if settings.check.today else date.today()
    found = []
    for name, text in texts.items():
        others = {key: other for key, other in texts.items() if key != name}
        for d in ruletester.lint(text, others=others, org=dict(settings.org), config=settings.check, path=name,
                                 today=today, planned=settings.planned):
            found.append((d.path, d.line, d.column, d.code, d.message))
    return sorted(found)


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_the_rule_tester_and_the_command_line_agree(corpus: str) -> None:
    assert from_the_rule_tester(CORPORA[corpus]) == from_the_command_line(CORPORA[corpus])


def test_the_findings_corpus_makes_every_cross_file_rule_fire() -> None:
    """Agreement on rules that never fire would prove nothing."""
    fired = {code for *_, code, _ in from_the_command_line(CORPORA["findings"])}
    cross_file = {code for code, rule in all_rules().items() if rule.cross_file}
    assert cross_file <= fired, sorted(cross_file - fired)
    assert len(fired) >= 35


def test_a_cross_file_rule_fires_for_users() -> None:
    """P007 once read the whole repository only in its tests: the command line gave it nothing to compare."""
    found = from_the_command_line(CORPORA["findings"])
    message = "lane quality 'Quality Department' is spelt 'Quality Dept' in x-04.yaml:6"
    assert ("x-03.yaml", 5, 25, "P007", message) in found
