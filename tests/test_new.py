"""`procdoc new`: the file it writes loads, checks without errors, teaches, and never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.commands.check import CheckRequest, run_check
from procdoc.diagnostics import Severity
from procdoc.loader import load_file
from procdoc.scaffold import TEMPLATES
from procdoc.schema import schema

runner = CliRunner()


def new(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["new", *args])
    return result.exit_code, result.output


def errors_of(path: Path) -> list[str]:
    result = run_check(CheckRequest(paths=[str(path)], format="concise"))
    return [f"{d.code} {d.message}" for d in result.diagnostics if d.severity is Severity.ERROR]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_template_passes_the_checker(tmp_path: Path, template: str, lang: str) -> None:
    target = tmp_path / "p.yaml"
    code, output = new("流程" if lang == "zh" else "Process", "--template", template, "--lang", lang, "-o", str(target))
    assert code == 0, output
    assert load_file(str(target)).diagnostics == []
    assert errors_of(target) == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_custom_lanes_are_used_in_order(tmp_path: Path, template: str) -> None:
    target = tmp_path / "p.yaml"
    code, output = new(
        "客户投诉处理",
        "--id",
        "CS-09",
        "--lanes",
        "客户,客服部,质量部,财务部",
        "--template",
        template,
        "-o",
        str(target),
    )
    assert code == 0, output
    process = load_file(str(target)).process
    assert process is not None
    assert [lane.name for lane in process.lanes] == ["客户", "客服部", "质量部", "财务部"]
    assert {step.lane for step in process.steps} == {lane.id for lane in process.lanes}
    assert process.id == "CS-09" and process.name == "客户投诉处理"
    assert errors_of(target) == []


def test_owner_option_picks_the_handling_lane(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    code, _ = new("Returns", "--lanes", "Customer,Sales,Warehouse", "--owner", "Warehouse", "-o", str(target))
    assert code == 0
    process = load_file(str(target)).process
    assert process is not None
    assert process.owner == "warehouse"
    assert process.step_by_id["2"].lane == "warehouse"


def test_catalogue_ids_are_used(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text('[org.mkt]\nname = "营销部"\naliases = ["营销部门"]\n', encoding="utf-8")
    target = tmp_path / "p.yaml"
    assert new("投诉", "--lanes", "客户,营销部门", "-o", str(target))[0] == 0
    process = load_file(str(target)).process
    assert process is not None
    assert [lane.id for lane in process.lanes] == ["客户", "mkt"]


def test_file_teaches_the_format(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    new("流程", "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=procdoc.schema.json\n# procdoc 流程定义文件")
    assert "# 关键环节" in text and "docs/format.md" in text


def test_editor_schema_is_written_beside_the_settings(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text("", encoding="utf-8")
    (tmp_path / "processes").mkdir()
    target = tmp_path / "processes" / "p.yaml"
    code, output = new("流程", "-o", str(target))
    assert code == 0 and "procdoc.schema.json" in output
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../procdoc.schema.json\n")
    shipped = json.loads((tmp_path / "procdoc.schema.json").read_text(encoding="utf-8"))
    assert shipped == schema()


def test_a_foreign_schema_file_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "procdoc.schema.json").write_text("{}", encoding="utf-8")
    assert new("流程", "-o", str(tmp_path / "p.yaml"))[0] == 0
    assert (tmp_path / "procdoc.schema.json").read_text(encoding="utf-8") == "{}"


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("my precious work\n", encoding="utf-8")
    code, output = new("流程", "-o", str(target))
    assert code == 2
    assert "already exists" in output and "--force" in output
    assert target.read_text(encoding="utf-8") == "my precious work\n"
    assert list(tmp_path.iterdir()) == [target]


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("old\n", encoding="utf-8")
    assert new("流程", "--force", "-o", str(target))[0] == 0
    assert "procdoc: 1" in target.read_text(encoding="utf-8")


def test_default_file_name_is_the_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = new("After-sales service")
    assert code == 0
    assert (tmp_path / "as-01.yaml").exists()
    assert "procdoc check as-01.yaml" in output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--template", "fancy"], "unknown template"),
        (["--id", "../etc/passwd"], "invalid process id"),
        (["--lang", "fr"], "unknown language"),
        (["--lanes", "A,B", "--owner", "C"], "is not one of the lanes"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    code, output = new("x", *args, "-o", str(tmp_path / "p.yaml"))
    assert code == 2
    assert message in output
    assert not (tmp_path / "p.yaml").exists()


def test_output_into_a_directory_is_refused(tmp_path: Path) -> None:
    code, output = new("x", "-o", str(tmp_path))
    assert code == 2 and "exists" in output
