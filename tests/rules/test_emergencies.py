"""Emergency rules (E…): the section, handlers, and handling that finishes.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py).
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: E-01
name: 投诉受理
lanes:
  - {id: service, name: 客服部}
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理投诉, lane: service, next: "3"}
  - {id: "3", name: 处理完毕, type: end, lane: service}
  - {id: "4", name: 隔离产品, lane: service}
"""

CASES = {
    "E001-valid-none-stated": HEAD + "emergencies: []\n",
    "E001-valid-listed": HEAD + """\
emergencies:
  - {id: E1, when: 批量质量事故, handler: "2"}
""",
    "E001-no-section": """\
procdoc: 1
id: E-01
#   ^ E001 does not say whether emergencies can occur
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
""",
    "E002-no-handler": HEAD + """\
emergencies:
  - id: E1
#       ^ E002 has no handling step
    when: 批量质量事故
""",
    "E003-handling-never-ends": HEAD + """\
emergencies:
  - id: E1
    when: 批量质量事故
    handler: "4"
#            ^ E003 never reach an end step
""",
    "E003-undefined-handler-left-to-S004": HEAD + """\
emergencies:
  - {id: E1, when: 批量质量事故, handler: "9"}
""",
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]], path="e.yaml")


def test_base_is_clean() -> None:
    assert lint(BASE, ["emergencies"]) == []


def test_undefined_handler_is_reported_once() -> None:
    found = lint(CASES["E003-undefined-handler-left-to-S004"], ["structure", "emergencies"])
    assert [d.code for d in found if d.line == 12] == ["S004"]


def test_no_section_hint_says_how_to_state_none() -> None:
    [finding] = lint(HEAD, ["E001"])
    assert "emergencies: []" in finding.hint
