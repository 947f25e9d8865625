"""Issue 13, failure 7, as the issue writes it: `procdoc check` on Trojan-source text, in text and GitHub form."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.report.formats import escape_data, escape_property
from tests.rules.test_security import END, FIN_LANES, START, TROJAN_NAME, process, step_2


def check(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", str(path), *args])
    return result.exit_code, result.stdout


def test_a_reordered_amount_and_lookalike_lanes_are_reported(tmp_path: Path) -> None:
    text = process(lanes=FIN_LANES, steps=START + step_2(TROJAN_NAME) + END)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    code, report = check(tmp_path / "p.yaml", "--format", "concise", "--select", "security")
    assert code == 1
    assert re.findall(r":(\d+:\d+): (U00\d)", report) == [
        ("8:9", "U003"), ("8:13", "U002"), ("9:11", "U004"), ("9:19", "U002"), ("13:34", "U001"), ("13:40", "U001"),
    ]


def test_github_annotations_show_hidden_and_control_characters_as_escapes(tmp_path: Path) -> None:
    without_lane = process(steps=START + '  - id: "2"\n' + TROJAN_NAME + '    next: "3"\n' + END)
    (tmp_path / "p.yaml").write_text(without_lane, encoding="utf-8")
    code, report = check(tmp_path / "p.yaml", "--format", "github", "--select", "security,P002")
    assert code == 1
    assert "\u202e" not in report and "\u202c" not in report
    assert "step 2 'Approve payments up to \\u202e0001$\\u202c without review' has no lane" in report
    assert all(line.startswith("::") for line in report.splitlines()[:-1])
    assert "U+202E RIGHT-TO-LEFT OVERRIDE at 9:34" in report


def test_github_escape_functions_escape_controls_and_hidden_characters() -> None:
    assert escape_data("up to \u202e0001$\u202c\x1b[2J\x0bfin\u200b 5%\n") == (
        "up to \\u202e0001$\\u202c\\x1b[2J\\x0bfin\\u200b 5%25%0A"
    )
    assert escape_property("a\u2066b:c") == "a\\u2066b%3Ac"
