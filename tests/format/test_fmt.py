"""`procdoc fmt`: the canonical layout, comments kept, idempotent, the data unchanged, bad input untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from procdoc import yamlsource
from procdoc.cli import app
from procdoc.format.formatter import format_text
from procdoc.format.layout import Layout

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
LAYOUT = Layout(line_length=80)
#: a line that starts a block scalar (`key: >-`, `- |`): the lines below it are text, not YAML
BLOCK_START = re.compile(r"[>|][-+]?\d*\s*(#.*)?$")


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def commented(text: str) -> tuple[str, list[str]]:
    """`text` with a comment line above, and a comment at the end of, every line that can carry one."""
    out: list[str] = []
    marks: list[str] = []
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines()):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and (not line.strip() or indent > block_indent):
            out.append(line)
            continue
        block_indent = None
        if line.strip() and not line.lstrip().startswith("#"):
            above = f"above{number}"
            out.append(" " * indent + f"# {above}")
            marks.append(above)
            if "#" not in line and not line.rstrip().endswith(":"):
                end = f"end{number}"
                line += f"  # {end}"
                marks.append(end)
            if BLOCK_START.search(line.split("#")[0].rstrip()) or BLOCK_START.search(line):
                block_indent = indent
        out.append(line)
    return "\n".join(out) + "\n", marks


def test_samples_are_formatted() -> None:
    result = invoke("fmt", "--check", str(SAMPLES))
    assert result.exit_code == 0, result.output
    assert f"0 files would be reformatted, {len(SAMPLE_FILES)} files already formatted" in result.output


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_fmt_keeps_every_comment_and_is_idempotent(sample: Path) -> None:
    text, marks = commented(sample.read_text(encoding="utf-8"))
    assert yamlsource.load(text)[0] == yamlsource.load(sample.read_text(encoding="utf-8"))[0]
    once = format_text(text, sample.name, LAYOUT)
    missing = [mark for mark in marks if f"# {mark}" not in once]
    assert not missing, missing
    assert format_text(once, sample.name, LAYOUT) == once
    assert yamlsource.load(once)[0] == yamlsource.load(text)[0]


UNTIDY = """\
# a process written by hand
name: 投诉处理
procdoc: 1
id: QM-99
x-source: chart.vsdx   # kept after the known keys
version: 1.10
effective: 2026-05-01

lanes:
- {name: 客户, id: customer}
- id: quality
  name: 技质科
steps:
  # the start
  - name: 接收
    id: 1.0
    type: start
    lane: customer
    next:
      - 2
      - '3'
    inputs: ['投诉单']

  - id: 2
    name: 'Check it: carefully'
    lane: quality
    type: end
    description: This sentence is long enough that it has to be folded at the configured line length of the layout.
  - id: '3'
    name: 登记
    lane: quality
    type: end
    description: 这是一段很长的中文说明文字没有空格所以不能被折行否则读出来的文本会多出空格这是不对的所以保持一行
kpis:
  - name: 及时率
    target: '>= 95%'
    goal: <= 2天
"""

TIDY = """\
# a process written by hand
procdoc: 1
id: QM-99
name: 投诉处理
version: "1.10"
effective: 2026-05-01

lanes:
  - id: customer
    name: 客户
  - id: quality
    name: 技质科
steps:
  # the start
  - id: "1.0"
    name: 接收
    type: start
    lane: customer
    inputs: [投诉单]
    next: ["2", "3"]

  - id: "2"
    name: "Check it: carefully"
    type: end
    lane: quality
    description: >-
      This sentence is long enough that it has to be folded at the configured
      line length of the layout.
  - id: "3"
    name: 登记
    type: end
    lane: quality
    description: 这是一段很长的中文说明文字没有空格所以不能被折行否则读出来的文本会多出空格这是不对的所以保持一行
kpis:
  - name: 及时率
    target: ">= 95%"
    goal: "<= 2天"
x-source: chart.vsdx   # kept after the known keys
"""


def test_canonical_layout() -> None:
    assert format_text(UNTIDY, "p.yaml", LAYOUT) == TIDY
    assert format_text(TIDY, "p.yaml", LAYOUT) == TIDY


def test_line_length_from_settings(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text("[fmt]\nline-length = 120\n", encoding="utf-8")
    process = tmp_path / "p.yaml"
    process.write_text(UNTIDY, encoding="utf-8")
    assert invoke("fmt", str(process)).exit_code == 0
    assert "description: This sentence is long enough" in process.read_text(encoding="utf-8")


def test_unknown_fmt_setting_suggests_the_right_one(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text("[fmt]\nline-lenght = 120\n", encoding="utf-8")
    result = invoke("fmt", str(tmp_path))
    assert result.exit_code == 2
    assert "did you mean `fmt.line-length`" in result.output


def test_check_and_diff_change_nothing(tmp_path: Path) -> None:
    process = tmp_path / "p.yaml"
    process.write_text(UNTIDY, encoding="utf-8")
    checked = invoke("fmt", "--check", str(process))
    assert checked.exit_code == 1
    assert f"would reformat {process}" in checked.output
    diffed = invoke("fmt", "--diff", str(process))
    assert diffed.exit_code == 1
    assert f"--- {process}" in diffed.stdout and '+version: "1.10"' in diffed.stdout
    assert process.read_text(encoding="utf-8") == UNTIDY
    assert invoke("fmt", str(process)).exit_code == 0
    assert process.read_text(encoding="utf-8") == TIDY
    assert invoke("fmt", "--check", str(process)).exit_code == 0


def test_syntax_error_is_reported_and_left_untouched(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("procdoc: 1\nid: QM-1\nsteps: [a,\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(UNTIDY, encoding="utf-8")
    result = invoke("fmt", str(tmp_path))
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(broken))}:4:1: F001 YAML syntax error", result.output), result.output
    assert broken.read_text(encoding="utf-8") == "procdoc: 1\nid: QM-1\nsteps: [a,\n"
    assert good.read_text(encoding="utf-8") == TIDY


def test_files_that_are_not_processes_are_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "ci.yaml"
    other.write_text("jobs: {a: 1}\n", encoding="utf-8")
    assert invoke("fmt", str(tmp_path)).exit_code == 0
    assert other.read_text(encoding="utf-8") == "jobs: {a: 1}\n"


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "qm-07.yaml", tmp_path / "qm-07.yaml")
    (tmp_path / "qm-07.yaml").write_text(UNTIDY, encoding="utf-8")
    invoke("fmt", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qm-07.yaml"]


def test_windows_line_endings_become_unix_ones_with_the_comments_kept() -> None:
    text = "\ufeffprocdoc: 1\r\nid: T-1   # code\r\nname: x\r\n"
    assert format_text(text, "p.yaml", LAYOUT) == "procdoc: 1\nid: T-1   # code\nname: x\n"
