"""Every output format of `procdoc check`, rendered and parsed back.

The diagnostics are built by hand (codes of the format and meta families,
which every build has) so these tests pin the formats, not the rules.
"""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from rich.text import Text

from procdoc.checks.registry import all_rules
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.report import RunInfo, reporters
from procdoc.report.formats import REPORTERS, SarifReporter, cells, escape_data, escape_property
from procdoc.report.highlight import DiagnosticHighlighter

RULES = all_rules()
SOURCES = {
    "a.yaml": ["procdoc: 1", "id: T-01", "nmae: 投诉受理", "status: aproved"],
    "b.yaml": ["procdoc: 1", "id: T-02", "name: 客户投诉   # procdoc: ignore[M002]"],
}
UNKNOWN_KEY = Diagnostic("a.yaml", 3, 1, "F005", Severity.ERROR, "unknown key `nmae`", "did you mean `name`?")
BAD_STATUS = Diagnostic(
    "a.yaml", 4, 9, "F009", Severity.ERROR, "status 'aproved' is not one of draft, review, approved, retired",
    "did you mean 'approved'?",
)
UNUSED = Diagnostic(
    "b.yaml", 3, 25, "M001", Severity.WARNING, "suppression of M002 silences nothing here",
    "remove M002 from the comment",
)
DIAGNOSTICS = [UNUSED, BAD_STATUS, UNKNOWN_KEY]
RUN = RunInfo(files=["a.yaml", "b.yaml", "c.yaml"], rules=RULES, sources=SOURCES, version="0.1.0")


def render(name: str, diagnostics: list[Diagnostic] = DIAGNOSTICS, run: RunInfo = RUN) -> str:
    return REPORTERS[name]().render(diagnostics, run)


def with_statistics(run: RunInfo = RUN) -> RunInfo:
    return RunInfo(run.files, run.rules, run.sources, run.root, run.version, statistics=True)


def test_every_format_is_registered_by_name() -> None:
    assert list(reporters()) == ["text", "concise", "json", "sarif", "github", "junit"]
    assert all(cls.name == name for name, cls in REPORTERS.items())


@pytest.mark.parametrize("name", list(REPORTERS))
def test_output_does_not_depend_on_the_order_rules_ran_in(name: str) -> None:
    shuffled = list(DIAGNOSTICS)
    random.Random(7).shuffle(shuffled)
    assert render(name, shuffled) == render(name, list(reversed(DIAGNOSTICS)))


# --- text ---------------------------------------------------------------------------------------------------------


def test_text_shows_each_finding_with_its_source_line_caret_and_hint() -> None:
    assert render("text") == (
        "a.yaml:3:1: F005 [error] unknown key `nmae`\n"
        "  |\n"
        "3 | nmae: 投诉受理\n"
        "  | ^\n"
        "  = help: did you mean `name`?\n"
        "\n"
        "a.yaml:4:9: F009 [error] status 'aproved' is not one of draft, review, approved, retired\n"
        "  |\n"
        "4 | status: aproved\n"
        "  |         ^\n"
        "  = help: did you mean 'approved'?\n"
        "\n"
        "b.yaml:3:25: M001 [warning] suppression of M002 silences nothing here\n"
        "  |\n"
        "3 | name: 客户投诉   # procdoc: ignore[M002]\n"
        "  |                             ^\n"
        "  = help: remove M002 from the comment\n"
        "\n"
        "Found 2 errors, 1 warning in 2 files (3 files checked).\n"
    )


@pytest.mark.parametrize(
    ("line", "column", "end_column", "caret"),
    [
        pytest.param("status: aproved", 9, 0, "        ^", id="ascii"),
        pytest.param("status: aproved", 9, 16, "        ^^^^^^^", id="ascii-range"),
        pytest.param("name: 客户投诉 x", 12, 0, " " * 15 + "^", id="after-cjk"),
        pytest.param("名称: 受理", 5, 0, "      ^^", id="under-a-wide-character"),
        pytest.param("名称：受理", 4, 0, "      ^^", id="after-fullwidth-colon"),
        pytest.param("lane: 相关部门", 7, 11, "      ^^^^^^^^", id="cjk-range"),
        pytest.param("id: x", 40, 0, "     ^", id="column-past-the-end"),
    ],
)
def test_caret_sits_under_the_column_in_terminal_cells(line: str, column: int, end_column: int, caret: str) -> None:
    diagnostic = Diagnostic("p.yaml", 1, column, "F009", Severity.ERROR, "bad", end_line=1 if end_column else 0,
                            end_column=end_column)
    run = RunInfo(files=["p.yaml"], rules=RULES, sources={"p.yaml": [line]})
    assert render("text", [diagnostic], run).splitlines()[1:4] == ["  |", f"1 | {line}", f"  | {caret}"]


def test_cells_counts_wide_and_combining_characters() -> None:
    assert (cells("abc"), cells("流程"), cells("ＡＢ"), cells("e\u0301"), cells("ｶﾀ")) == (3, 4, 4, 1, 2)


def test_gutter_and_hint_widen_with_the_line_number() -> None:
    source = [f"k{i}: v" for i in range(1, 13)]
    diagnostic = Diagnostic("p.yaml", 12, 1, "F005", Severity.ERROR, "unknown key `k12`", "remove it")
    run = RunInfo(files=["p.yaml"], rules=RULES, sources={"p.yaml": source})
    lines = render("text", [diagnostic], run).splitlines()
    assert lines[1:5] == ["   |", "12 | k12: v", "   | ^", "   = help: remove it"]


def test_text_without_a_line_or_a_source_shows_only_the_message() -> None:
    unreadable = Diagnostic("bin.yaml", 0, 0, "F002", Severity.ERROR, "cannot read the file: Permission denied")
    past_the_end = Diagnostic("a.yaml", 9, 1, "F001", Severity.ERROR, "YAML syntax error", "fix the YAML syntax")
    assert render("text", [unreadable, past_the_end]) == (
        "a.yaml:9:1: F001 [error] YAML syntax error\n"
        "  = help: fix the YAML syntax\n"
        "\n"
        "bin.yaml: F002 [error] cannot read the file: Permission denied\n"
        "\n"
        "Found 2 errors in 2 files (3 files checked).\n"
    )


@pytest.mark.parametrize(
    ("severities", "line"),
    [
        ([], "All checks passed (3 files checked)."),
        ([Severity.WARNING], "Found 1 warning in 1 file (3 files checked)."),
        ([Severity.INFO, Severity.INFO], "Found 2 info messages in 1 file (3 files checked)."),
        (
            [Severity.INFO, Severity.ERROR, Severity.WARNING],
            "Found 1 error, 1 warning, 1 info message in 1 file (3 files checked).",
        ),
    ],
)
def test_summary_line_counts_by_severity(severities: list[Severity], line: str) -> None:
    found = [Diagnostic("a.yaml", 1, i + 1, "M001", s, "m") for i, s in enumerate(severities)]
    assert render("text", found).splitlines()[-1] == line
    assert render("concise", found).splitlines()[-1] == line


def test_summary_of_one_file_checked_is_singular() -> None:
    assert render("text", [], RunInfo(files=["a.yaml"], rules=RULES)) == "All checks passed (1 file checked).\n"


def test_statistics_count_per_rule_most_frequent_first() -> None:
    again = Diagnostic("a.yaml", 4, 1, "F005", Severity.ERROR, "unknown key `stauts`")
    lines = render("concise", [*DIAGNOSTICS, again], with_statistics()).splitlines()
    assert lines[-4:] == [
        "F005  unknown-key         2",
        "F009  invalid-value       1",
        "M001  unused-suppression  1",
        "Found 3 errors, 1 warning in 2 files (3 files checked).",
    ]


def test_highlighter_colours_what_the_text_format_writes() -> None:
    report = Text(render("text", run=with_statistics()))
    DiagnosticHighlighter().highlight(report)
    styled: dict[str, list[str]] = {}
    for span in report.spans:
        styled.setdefault(str(span.style), []).append(report.plain[span.start:span.end])
    assert styled["diag.location"] == ["a.yaml:3:1", "a.yaml:4:9", "b.yaml:3:25"]
    assert styled["diag.code"] == ["F005", "F009", "M001", "F005", "F009", "M001"]
    assert (styled["diag.error"], styled["diag.warning"]) == (["error", "error"], ["warning"])
    assert styled["diag.caret"] == ["^", "^", "^"]
    assert styled["diag.hint"][0] == "  = help: did you mean `name`?"
    assert styled["diag.failed"] == ["Found 2 errors, 1 warning in 2 files (3 files checked)."]


def test_highlighter_does_not_colour_codes_inside_source_lines() -> None:
    diagnostic = Diagnostic("p.yaml", 1, 1, "M001", Severity.WARNING, "m")
    run = RunInfo(files=["p.yaml"], rules=RULES, sources={"p.yaml": ["x: S001 [error] y   # S001: [warning] "]})
    report = Text(render("text", [diagnostic], run))
    DiagnosticHighlighter().highlight(report)
    coloured = {report.plain[s.start:s.end] for s in report.spans if str(s.style) in ("diag.code", "diag.error")}
    assert coloured == {"M001"}


# --- concise ------------------------------------------------------------------------------------------------------


def test_concise_is_one_line_each_then_the_summary() -> None:
    assert render("concise") == (
        "a.yaml:3:1: F005 unknown key `nmae`\n"
        "a.yaml:4:9: F009 status 'aproved' is not one of draft, review, approved, retired\n"
        "b.yaml:3:25: M001 suppression of M002 silences nothing here\n"
        "Found 2 errors, 1 warning in 2 files (3 files checked).\n"
    )


# --- json ---------------------------------------------------------------------------------------------------------


def test_json_is_an_array_of_diagnostics_with_stable_keys() -> None:
    items = json.loads(render("json"))
    assert [(i["path"], i["line"], i["column"], i["code"]) for i in items] == [
        ("a.yaml", 3, 1, "F005"), ("a.yaml", 4, 9, "F009"), ("b.yaml", 3, 25, "M001"),
    ]
    assert list(items[2]) == [
        "path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "hint", "url",
    ]
    assert items[2] == {
        "path": "b.yaml", "line": 3, "column": 25, "end_line": 0, "end_column": 0, "code": "M001",
        "name": "unused-suppression", "severity": "warning", "message": "suppression of M002 silences nothing here",
        "hint": "remove M002 from the comment", "url": "https://procdoc.dev/rules#m001-unused-suppression",
    }


def test_json_keeps_chinese_readable() -> None:
    diagnostic = Diagnostic("流程.yaml", 1, 1, "F009", Severity.ERROR, "状态无效")
    assert '"message": "状态无效"' in render("json", [diagnostic])


def test_json_statistics_is_an_array_of_counts() -> None:
    assert json.loads(render("json", run=with_statistics())) == [
        {"code": "F005", "name": "unknown-key", "count": 1},
        {"code": "F009", "name": "invalid-value", "count": 1},
        {"code": "M001", "name": "unused-suppression", "count": 1},
    ]


def test_json_of_a_clean_run_is_an_empty_array() -> None:
    assert json.loads(render("json", [])) == []


# --- sarif --------------------------------------------------------------------------------------------------------


def sarif(diagnostics: list[Diagnostic], run: RunInfo = RUN) -> dict:
    return json.loads(render("sarif", diagnostics, run))


def test_sarif_has_every_field_github_code_scanning_needs() -> None:
    log = sarif(DIAGNOSTICS)
    assert log["$schema"].startswith("https://") and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["semanticVersion"], driver["version"]) == ("procdoc", "0.1.0", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == ["F005", "F009", "M001"]
    for descriptor in driver["rules"]:
        rule = RULES[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert rule.why in descriptor["fullDescription"]["text"]
        assert rule.why in descriptor["help"]["text"] and rule.example in descriptor["help"]["text"]
        assert f"```yaml\n{rule.example}\n```" in descriptor["help"]["markdown"]
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.label]
        assert descriptor["defaultConfiguration"]["level"] == level
        assert descriptor["properties"]["tags"] == [rule.family]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["physicalLocation"]["region"]["startLine"] >= 1
        assert all(result["partialFingerprints"].values())


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_has_a_complete_sarif_descriptor(code: str) -> None:
    descriptor = SarifReporter.descriptor(RULES[code])
    texts = [
        descriptor["id"], descriptor["name"], descriptor["shortDescription"]["text"],
        descriptor["fullDescription"]["text"], descriptor["help"]["text"], descriptor["help"]["markdown"],
        descriptor["helpUri"], descriptor["defaultConfiguration"]["level"], *descriptor["properties"]["tags"],
    ]
    assert all(isinstance(text, str) and text.strip() for text in texts)


def test_sarif_rule_texts_are_unwrapped_prose_and_the_example_is_kept() -> None:
    wrapped = replace(
        RULES["M001"], why="Stale suppressions hide\nthe next real problem.\n\nRemove them.", example="a: 1\nb: 2"
    )
    run = RunInfo(files=["b.yaml"], rules={"M001": wrapped}, version="0.1.0")
    (descriptor,) = sarif([UNUSED], run)["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["fullDescription"]["text"] == (
        f"{wrapped.summary} Stale suppressions hide the next real problem.\n\nRemove them."
    )
    assert descriptor["help"]["text"] == (
        "Why is this bad? Stale suppressions hide the next real problem.\n\nRemove them.\n\nExample:\na: 1\nb: 2"
    )
    assert descriptor["help"]["markdown"] == (
        "**Why is this bad?** Stale suppressions hide\nthe next real problem.\n\nRemove them.\n\n"
        "**Example**\n\n```yaml\na: 1\nb: 2\n```"
    )


def test_sarif_result_carries_message_hint_and_region() -> None:
    (result,) = sarif([UNUSED])["runs"][0]["results"]
    assert result["message"]["text"] == "suppression of M002 silences nothing here\nhelp: remove M002 from the comment"
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "b.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 25},
    }


def test_sarif_region_of_a_range_and_of_a_file_level_finding() -> None:
    ranged = Diagnostic("a.yaml", 4, 9, "F009", Severity.ERROR, "bad", end_line=4, end_column=16)
    whole_file = Diagnostic("b.yaml", 0, 0, "F002", Severity.ERROR, "cannot read the file")
    results = sarif([ranged, whole_file])["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions == [
        {"startLine": 4, "startColumn": 9, "endLine": 4, "endColumn": 16},
        {"startLine": 1, "startColumn": 1},
    ]


def test_sarif_uris_are_relative_percent_encoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    outside = str(tmp_path.parent / "elsewhere.yaml")
    found = [
        Diagnostic("processes/质量/投诉 处理.yaml", 1, 1, "F009", Severity.ERROR, "bad"),
        Diagnostic(outside, 1, 1, "F009", Severity.ERROR, "bad"),
    ]
    run = RunInfo(files=[d.path for d in found], rules=RULES, root=".", version="0.1.0")
    log = sarif(found, run)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert locations == [
        {"uri": Path(outside).as_uri()},
        {"uri": "processes/%E8%B4%A8%E9%87%8F/%E6%8A%95%E8%AF%89%20%E5%A4%84%E7%90%86.yaml", "uriBaseId": "%SRCROOT%"},
    ]
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def fingerprints(diagnostics: list[Diagnostic]) -> list[str]:
    return [r["partialFingerprints"]["procdoc/v1"] for r in sarif(diagnostics)["runs"][0]["results"]]


def test_sarif_fingerprints_are_stable_and_tell_findings_apart() -> None:
    twin = Diagnostic("b.yaml", 9, 1, "M001", Severity.WARNING, UNUSED.message)
    moved = Diagnostic("b.yaml", 7, 25, "M001", Severity.WARNING, UNUSED.message)
    first = fingerprints([*DIAGNOSTICS, twin])
    again = fingerprints([UNKNOWN_KEY, BAD_STATUS, moved, twin])
    assert first == again
    assert len(set(first)) == 4
    assert first[2].rsplit(":", 1)[0] == first[3].rsplit(":", 1)[0]
    assert (first[2][-2:], first[3][-2:]) == (":1", ":2")


def test_sarif_marks_info_as_note() -> None:
    info = Diagnostic("a.yaml", 1, 1, "M001", Severity.INFO, "m")
    assert sarif([info])["runs"][0]["results"][0]["level"] == "note"


def test_sarif_of_a_clean_run_has_no_results_and_no_rules() -> None:
    (run,) = sarif([])["runs"]
    assert (run["results"], run["tool"]["driver"]["rules"]) == ([], [])


# --- github -------------------------------------------------------------------------------------------------------

ANNOTATION = re.compile(r"^::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def annotations(report: str) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in report.splitlines()[:-1]:
        match = ANNOTATION.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match["properties"].split(","))
        parsed.append((match["command"], {k: unescape(v) for k, v in properties.items()}, unescape(match["message"])))
    return parsed


def test_github_writes_one_workflow_command_per_finding_then_the_summary() -> None:
    report = render("github")
    assert report.splitlines()[0] == (
        "::error file=a.yaml,line=3,col=1,title=F005 unknown-key::unknown key `nmae`%0Ahelp: did you mean `name`?"
    )
    assert report.splitlines()[-1] == "Found 2 errors, 1 warning in 2 files (3 files checked)."
    assert [(command, props["line"], props["title"]) for command, props, _ in annotations(report)] == [
        ("error", "3", "F005 unknown-key"),
        ("error", "4", "F009 invalid-value"),
        ("warning", "3", "M001 unused-suppression"),
    ]


def test_github_escaping_round_trips() -> None:
    message = "50% done: a, b\r\nnext line"
    tricky = Diagnostic("dir,with:odd%/p.yaml", 2, 3, "M002", Severity.INFO, message, "hint: 100%")
    ((command, properties, text),) = annotations(render("github", [tricky]))
    assert command == "notice"
    assert properties == {"file": "dir,with:odd%/p.yaml", "line": "2", "col": "3", "title": "M002 internal-error"}
    assert text == f"{message}\nhelp: hint: 100%"


def test_github_escape_functions() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_file_level_finding_has_no_line() -> None:
    unreadable = Diagnostic("bin.yaml", 0, 0, "F002", Severity.ERROR, "cannot read the file")
    ((_, properties, _),) = annotations(render("github", [unreadable]))
    assert properties == {"file": "bin.yaml", "title": "F002 unreadable-file"}


def test_github_range_gives_end_line_and_column() -> None:
    ranged = Diagnostic("a.yaml", 4, 9, "F009", Severity.ERROR, "bad", end_line=4, end_column=16)
    ((_, properties, _),) = annotations(render("github", [ranged]))
    assert (properties["endLine"], properties["endColumn"]) == ("4", "16")


# --- junit --------------------------------------------------------------------------------------------------------


def test_junit_has_one_suite_a_case_per_finding_and_per_clean_file() -> None:
    root = ET.fromstring(render("junit"))
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.get("name") == "procdoc"
    assert {k: root.get(k) for k in ("tests", "failures", "errors")} == {"tests": "4", "failures": "3", "errors": "0"}
    assert {k: suite.get(k) for k in ("tests", "failures", "errors")} == {"tests": "4", "failures": "3", "errors": "0"}
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("a.yaml", "F005 unknown-key at a.yaml:3:1"),
        ("a.yaml", "F009 invalid-value at a.yaml:4:9"),
        ("b.yaml", "M001 unused-suppression at b.yaml:3:25"),
        ("c.yaml", "c.yaml"),
    ]
    assert cases[3].find("failure") is None
    failure = cases[2].find("failure")
    assert failure is not None
    assert failure.get("type") == "warning"
    assert failure.get("message") == "M001 suppression of M002 silences nothing here"
    assert failure.text is not None and "3 | name: 客户投诉   # procdoc: ignore[M002]" in failure.text
    assert failure.text.endswith("= help: remove M002 from the comment")


def test_junit_escapes_markup_in_messages() -> None:
    message = 'step "<审批>" & <next> are \'odd\''
    root = ET.fromstring(render("junit", [Diagnostic("a.yaml", 1, 1, "F009", Severity.ERROR, message)]))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == f"F009 {message}"


def test_junit_of_a_clean_run_passes_every_file() -> None:
    root = ET.fromstring(render("junit", []))
    assert (root.get("tests"), root.get("failures")) == ("3", "0")
    assert root.findall(".//failure") == []
