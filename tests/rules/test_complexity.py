"""Complexity rules (X…): limits a reader can take in, with their options.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py). The cases at the default limits
need a long flow: it is built in code (`long_flow()`), and the marker stays
in the text, under the line the finding is about.
"""

from __future__ import annotations

import pytest

from procdoc.config import CheckConfig
from procdoc.textwidth import columns as display_width
from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
lanes:
  - {id: customer, name: 客户, kind: external}
  - {id: service, name: 客服部}
steps:
"""
START = '  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}\n'
STEP_2 = """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "{}"
"""
DECISION = """\
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - {when: 是, next: "4"}
      - {when: 否, next: "5"}
"""
ENDS = """\
  - {id: "4", name: 处理完毕, type: end, lane: service}
  - {id: "5", name: 转交上级, type: end, lane: service}
"""
FLOW = START + STEP_2.format("3") + DECISION + ENDS

TWENTY_WIDE = "登记客户投诉并核实客户资料后录入系统通知"  # 20 characters, 40 columns


def options(code: str, **values: int) -> CheckConfig:
    return CheckConfig(options={code: {k.replace("_", "-"): v for k, v in values.items()}})


def long_flow(chain: str, marker: str = "") -> str:
    """HEAD and FLOW with `chain` (steps 2.1, 2.2 …, the last leading to 3) between steps 2 and 3.

    `marker` goes under the first step, where findings on the whole step list are.
    """
    return HEAD + START + marker + STEP_2.format("2.1") + chain + DECISION + ENDS


def extra_steps(count: int) -> str:
    """`count` task steps in the lane of step 2."""
    return "".join(
        f'  - {{id: "2.{i}", name: 处理{i}, lane: service, next: "{f"2.{i + 1}" if i < count else "3"}"}}\n'
        for i in range(1, count + 1)
    )


def ping_pong(count: int) -> str:
    """`count` steps alternating customer/service.

    Customer → service changes lane an odd number of times on any path, so the
    hand-offs are 29 for 28 steps and 31 for 29; the option cases test the exact boundary.
    """
    return "".join(
        f'  - {{id: "2.{i}", name: 确认{i}, lane: {"customer" if i % 2 else "service"}, '
        f'next: "{f"2.{i + 1}" if i < count else "3"}"}}\n'
        for i in range(1, count + 1)
    )


def named(name_line: str) -> str:
    """FLOW with step 2's name line (and marker lines) replaced by `name_line`."""
    return HEAD + START + f'  - id: "2"\n{name_line}    lane: service\n    next: "3"\n' + DECISION + ENDS


CASES = {
    "X001-valid": HEAD + FLOW,
    "X001-valid-50-steps": long_flow(extra_steps(45)),
    "X001-51-steps": long_flow(extra_steps(46), "# ^ X001 51 steps, more than 50\n"),
    "X001-valid-at-option": HEAD + FLOW,
    "X001-option": HEAD + START + """\
# ^ X001 5 steps, more than 3
""" + STEP_2.format("3") + DECISION + ENDS,
    "X002-valid": HEAD + FLOW,
    "X002-valid-at-option": HEAD + FLOW,
    "X002-option": """\
procdoc: 1
id: T-01
name: 投诉受理
lanes:
  - {id: customer, name: 客户, kind: external}
# ^ X002 2 lanes, more than 1
  - {id: service, name: 客服部}
steps:
""" + FLOW,
    "X003-valid": HEAD + FLOW,
    "X003-valid-29-handoffs": long_flow(ping_pong(28)),
    "X003-31-handoffs": long_flow(ping_pong(29), "# ^ X003 work passes between lanes 31 times, more than 30\n"),
    "X003-valid-at-option": HEAD + FLOW,
    "X003-option": HEAD + START + """\
# ^ X003 work passes between lanes once, more than 0
""" + STEP_2.format("3") + DECISION + ENDS,
    "X004-valid": HEAD + FLOW,
    "X004-valid-40-columns": named(f"    name: {TWENTY_WIDE}\n"),
    "X004-chinese-42-columns": named(f"""\
    name: {TWENTY_WIDE}客
#         ^ X004 42 columns wide, more than 40
"""),
    "X004-english-41-columns": named("""\
    name: Register the complaint and check the data
#         ^ X004 41 columns wide, more than 40
"""),
    "X004-valid-at-option": HEAD + FLOW,
    "X004-option-fullwidth-mark": HEAD + START + STEP_2.format("3") + """\
  - id: "3"
    name: 可以处理？
#         ^ X004 10 columns wide, more than 9
    type: decision
    lane: service
    branches:
      - {when: 是, next: "4"}
      - {when: 否, next: "5"}
""" + ENDS,
}

CONFIG = {
    "X001-valid-at-option": options("X001", max_steps=5),
    "X001-option": options("X001", max_steps=3),
    "X002-valid-at-option": options("X002", max_lanes=2),
    "X002-option": options("X002", max_lanes=1),
    "X003-valid-at-option": options("X003", max_handoffs=1),
    "X003-option": options("X003", max_handoffs=0),
    "X004-valid-at-option": options("X004", max_label=10),
    "X004-option-fullwidth-mark": options("X004", max_label=9),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]], config=CONFIG.get(case))


def test_base_is_clean() -> None:
    assert lint(BASE, ["complexity"]) == []


def test_flow_is_clean() -> None:
    assert lint(HEAD + FLOW, ["complexity"]) == []


def test_twenty_wide_is_twenty_characters() -> None:
    assert (len(TWENTY_WIDE), display_width(TWENTY_WIDE)) == (20, 40)


@pytest.mark.parametrize(
    ("text", "width"), [("登记投诉", 8), ("可以处理？", 10), ("Record complaint", 16), ("ERP录入", 7)]
)
def test_display_width_counts_wide_characters_twice(text: str, width: int) -> None:
    assert display_width(text) == width


def test_handoff_message_names_the_busiest_lanes() -> None:
    [finding] = lint(split(CASES["X003-31-handoffs"])[0], ["X003"])
    assert finding.message == "work passes between lanes 31 times, more than 30 (most often 客户 ⇄ 客服部: 31 times)"
