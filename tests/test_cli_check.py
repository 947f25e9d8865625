"""`procdoc check` and `procdoc rules` end to end, on files written to a temporary folder.

The processes are tests/base_process.py's BASE (clean for every rule) with one
thing broken: step 1 loses its lane (P002, an error) or a comment suppresses
P002 where it does not fire (M001, a warning).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from procdoc.checks.registry import all_rules
from procdoc.cli import app
from tests.base_process import BASE

NO_LANE = BASE.replace('    type: start\n    lane: customer\n', '    type: start\n')
STALE = BASE.replace("    name: 登记投诉\n", "    name: 登记投诉  # procdoc: ignore[P002]\n")
BOTH = NO_LANE.replace("    name: 登记投诉\n", "    name: 登记投诉  # procdoc: ignore[P002]\n")
P002_MESSAGE = "step 1 '客户投诉' has no lane: nobody is responsible for it"
P002_LINE = f"p.yaml:33:9: P002 [error] {P002_MESSAGE}"


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, outside GitHub Actions, so paths and the default format are known."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def write(name: str, text: str) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def codes(*args: str) -> set[str]:
    result = invoke("check", *args, "--format", "json")
    return {item["code"] for item in json.loads(result.stdout)}


# --- exit codes ---------------------------------------------------------------------------------------------------


def test_clean_process_exits_0() -> None:
    write("p.yaml", BASE)
    result = invoke("check", "p.yaml")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file checked).\n")


def test_error_exits_1_with_location_source_and_hint() -> None:
    write("p.yaml", NO_LANE)
    result = invoke("check", "p.yaml", "--select", "P002")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:5] == [
        P002_LINE,
        "   |",
        '33 |   - id: "1"',
        "   |         ^",
        "   = help: add `lane:` with the id of the department or role that does it",
    ]
    assert result.stdout.endswith("Found 1 error in 1 file (1 file checked).\n")


def test_warnings_exit_0_unless_strict(project: Path) -> None:
    write("p.yaml", STALE)
    assert invoke("check", "p.yaml").exit_code == 0
    assert invoke("check", "p.yaml", "--strict").exit_code == 1
    write("procdoc.toml", "[check]\nstrict = true\n")
    assert invoke("check", "p.yaml").exit_code == 1


def test_exit_zero_reports_but_does_not_fail() -> None:
    write("p.yaml", NO_LANE)
    result = invoke("check", "p.yaml", "--exit-zero", "--select", "P002")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (0, P002_LINE)


def test_exit_zero_does_not_hide_an_unreadable_file() -> None:
    write("bad.yaml", "procdoc: 1\nid: [T-01\n")
    assert invoke("check", "bad.yaml", "--exit-zero").exit_code == 2


def test_yaml_syntax_error_points_at_the_place_and_exits_2() -> None:
    write("bad.yaml", "procdoc: 1\nid: T-01\nname: 受理: 投诉\n")
    result = invoke("check", "bad.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[:4] == [
        "bad.yaml:3:9: F001 [error] YAML syntax error: mapping values are not allowed in this context",
        "  |",
        "3 | name: 受理: 投诉",
        "  |           ^",
    ]


def test_missing_path_exits_2() -> None:
    result = invoke("check", "nowhere.yaml")
    assert result.exit_code == 2
    assert "no such file or folder: nowhere.yaml" in result.stderr


def test_unknown_format_exits_2() -> None:
    write("p.yaml", BASE)
    result = invoke("check", "p.yaml", "--format", "xml")
    assert result.exit_code == 2
    assert "unknown format 'xml'" in result.stderr and "text, concise, json, sarif, github, junit" in result.stderr


# --- selection ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        pytest.param("P002", {"P002"}, id="code"),
        pytest.param("step-without-lane", {"P002"}, id="name"),
        pytest.param("P002,M001", {"P002", "M001"}, id="comma-separated"),
        pytest.param("P00", {"P002", "P004"}, id="prefix"),
    ],
)
def test_select_by_code_name_prefix_or_family(selector: str, expected: set[str]) -> None:
    write("p.yaml", BOTH)
    assert codes("p.yaml", "--select", selector) == expected


def test_select_a_family_runs_only_its_rules() -> None:
    write("p.yaml", BOTH)
    found = codes("p.yaml", "--select", "people")
    assert "P002" in found and all(code.startswith("P") for code in found)
    assert found == codes("p.yaml", "--select", "P")
    assert codes("p.yaml", "--select", "meta", "--extend-select", "P002") == {"P002", "M001"}


def test_ignore_and_extend_select() -> None:
    write("p.yaml", BOTH)
    assert codes("p.yaml") == {"P002", "P004", "M001"}
    assert codes("p.yaml", "--ignore", "P004") == {"P002", "M001"}
    assert codes("p.yaml", "--ignore", "P004,M001") == {"P002"}
    assert codes("p.yaml", "--select", "P002", "--extend-select", "M001") == {"P002", "M001"}


def test_cli_select_replaces_the_configured_one_and_ignore_adds_to_it() -> None:
    write("p.yaml", BOTH)
    write("procdoc.toml", '[check]\nselect = ["P002", "M001"]\nignore = ["P004"]\n')
    assert codes("p.yaml") == {"P002", "M001"}
    assert codes("p.yaml", "--select", "P002,P004") == {"P002"}
    assert codes("p.yaml", "--select", "P002,M001", "--ignore", "M001") == {"P002"}


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_selector_exits_2_with_a_clear_message(option: str) -> None:
    write("p.yaml", BASE)
    result = invoke("check", "p.yaml", option, "Z999")
    assert result.exit_code == 2
    assert "unknown rule or selector 'Z999'" in result.stderr
    assert result.stdout == ""


# --- output -------------------------------------------------------------------------------------------------------


def test_every_format_from_the_command_line() -> None:
    write("p.yaml", BOTH)
    selected = ("--select", "P002,M001")
    concise = invoke("check", "p.yaml", *selected, "--format", "concise").stdout.splitlines()
    assert concise == [
        f"p.yaml:33:9: P002 {P002_MESSAGE}",
        "p.yaml:38:28: M001 suppression of P002 silences nothing here",
        "Found 1 error, 1 warning in 1 file (1 file checked).",
    ]
    items = json.loads(invoke("check", "p.yaml", *selected, "--format", "json").stdout)
    assert [(i["code"], i["line"], i["column"]) for i in items] == [("P002", 33, 9), ("M001", 38, 28)]
    sarif = json.loads(invoke("check", "p.yaml", *selected, "--format", "sarif").stdout)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["P002", "M001"]
    github = invoke("check", "p.yaml", *selected, "--format", "github").stdout.splitlines()
    assert github[0].startswith("::error file=p.yaml,line=33,col=9,title=P002 step-without-lane::")
    assert github[1].startswith("::warning file=p.yaml,line=38,col=28,title=M001 unused-suppression::")
    junit = ET.fromstring(invoke("check", "p.yaml", *selected, "--format", "junit").stdout)
    assert (junit.get("tests"), junit.get("failures")) == ("2", "2")


def test_output_file_gets_the_report_and_stdout_stays_empty() -> None:
    write("p.yaml", NO_LANE)
    result = invoke("check", "p.yaml", "--select", "P002", "--format", "json", "-o", "out/report.json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads(Path("out/report.json").read_text(encoding="utf-8"))[0]["code"] == "P002"


def test_statistics_counts_per_rule() -> None:
    write("p.yaml", BOTH)
    write("q.yaml", NO_LANE)
    lines = invoke("check", "p.yaml", "q.yaml", "--select", "P002,M001", "--statistics").stdout.splitlines()
    assert lines[-3:] == [
        "P002  step-without-lane   2",
        "M001  unused-suppression  1",
        "Found 2 errors, 1 warning in 2 files (2 files checked).",
    ]


def test_github_actions_gets_annotations_by_default() -> None:
    write("p.yaml", NO_LANE)
    result = invoke("check", "p.yaml", "--select", "P002", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=p.yaml,line=33,col=9,title=P002 step-without-lane::")
    explicit = invoke("check", "p.yaml", "--select", "P002", "--format", "concise", env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout.startswith("p.yaml:33:9: P002 ")


def test_report_is_deterministic_across_files_and_runs() -> None:
    write("b/z.yaml", NO_LANE)
    write("a.yaml", NO_LANE)
    write("b/a.yaml", STALE)
    first = invoke("check", ".", "--select", "P002,M001", "--format", "concise").stdout
    assert [line.split(":")[0] for line in first.splitlines()[:-1]] == ["a.yaml", "b/a.yaml", "b/z.yaml"]
    assert invoke("check", "b", ".", "--select", "P002,M001", "--format", "concise").stdout == first


# --- files and settings -------------------------------------------------------------------------------------------


def test_a_folder_is_searched_and_other_yaml_is_skipped() -> None:
    write("processes/p.yaml", BASE)
    write("processes/sub/q.yml", BASE.replace("id: T-01", "id: T-02"))
    write("processes/.github/workflow.yaml", "on: push\n")
    write("processes/mkdocs.yaml", "site_name: x\n")
    result = invoke("check", "processes")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (2 files checked).\n")


def test_paths_come_from_the_settings_when_none_are_given() -> None:
    write("procdoc.toml", 'paths = ["processes"]\n')
    write("processes/p.yaml", NO_LANE)
    write("elsewhere/q.yaml", "procdoc: 1\nid: [broken\n")
    result = invoke("check", "--select", "P002", "--format", "concise")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (1, f"processes/p.yaml:33:9: P002 {P002_MESSAGE}")


def test_config_elsewhere_is_used_with_dash_dash_config() -> None:
    write("p.yaml", STALE)
    write("ci/strict.toml", '[check]\nselect = ["P002", "M001"]\nseverity = { M001 = "error" }\n')
    assert invoke("check", "p.yaml").exit_code == 0
    result = invoke("check", "p.yaml", "--config", "ci/strict.toml", "--format", "concise")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1, "p.yaml:39:28: M001 suppression of P002 silences nothing here"
    )


def test_bad_settings_exit_2_with_the_file_and_a_suggestion() -> None:
    write("p.yaml", BASE)
    write("procdoc.toml", '[check]\nignroe = ["P004"]\n')
    result = invoke("check", "p.yaml")
    assert result.exit_code == 2
    assert "procdoc.toml: unknown setting `check.ignroe`; did you mean `check.ignore`?" in result.stderr


def test_unknown_code_in_settings_exits_2() -> None:
    write("p.yaml", BASE)
    write("procdoc.toml", '[check.per-file-ignores]\n"legacy/*.yaml" = ["P02"]\n')
    result = invoke("check", "p.yaml")
    assert result.exit_code == 2
    assert "unknown rule or selector 'P02'" in result.stderr


# --- procdoc rules ------------------------------------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    listed = [line.split()[:2] for line in result.stdout.splitlines()]
    assert listed == [[rule.code, rule.name] for rule in all_rules().values()]


@pytest.mark.parametrize("wanted", ["P002", "p002", "step-without-lane"])
def test_rules_explains_one_rule_by_code_or_name(wanted: str) -> None:
    result = invoke("rules", wanted)
    assert result.exit_code == 0
    assert result.stdout.startswith("# P002 step-without-lane\n")
    assert "## Why is this bad?" in result.stdout and "## Example" in result.stdout


def test_rules_of_an_unknown_rule_exits_2() -> None:
    result = invoke("rules", "Z999")
    assert result.exit_code == 2
    assert "no rule 'Z999'" in result.stderr


# --- a real process -----------------------------------------------------------------------------------------------


def run_procdoc(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "procdoc", *args], capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )


def test_real_process_reports_and_exits_1() -> None:
    write("p.yaml", NO_LANE)
    done = run_procdoc("check", "p.yaml", "--select", "P002")
    assert (done.returncode, done.stdout.splitlines()[0], done.stderr) == (1, P002_LINE, "")


def test_real_process_with_broken_yaml_exits_2_without_traceback() -> None:
    write("bad.yaml", "procdoc: 1\nsteps:\n  - id: 1\n   name: x\n")
    done = run_procdoc("check", "bad.yaml")
    assert done.returncode == 2
    assert done.stdout.startswith("bad.yaml:") and " F001 [error] " in done.stdout
    assert "Traceback" not in done.stderr
