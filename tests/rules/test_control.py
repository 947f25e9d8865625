"""Control rules (C…): key steps, the four parts of a control point, output steps."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

CONTROL = '    control:\n      standard: 信息完整\n      method: 每周抽查\n      record: R-01\n      on_fail: "2"\n'
NO_CONTROL = edited(CONTROL, "")
START_ALSO_MAKES_IT = edited("    lane: customer\n", "    lane: customer\n    outputs: [投诉处理记录]\n")

#: the deliverable is listed by the end step; the task before it makes it
SHIPPING = """\
procdoc: 1
id: T-02
name: 发货
outputs:
  - name: 发货单
lanes:
  - id: store
    name: 仓库
steps:
  - id: "1"
    name: 收到订单
    type: start
    lane: store
    next: "2"
  - id: "2"
    name: 备货发货
    lane: store
    next: "3"
  - id: "3"
    name: 已发货
    type: end
    lane: store
    outputs: [发货单]
"""

CASES = [
    pytest.param("C001", BASE, [], id="C001-valid"),
    pytest.param("C001", NO_CONTROL, [("C001", 41, 10)], id="C001-key-without-control"),
    pytest.param("C001", edited("    key: true\n", "    key: false\n", NO_CONTROL), [], id="C001-valid-not-key"),
    pytest.param("C002", BASE, [], id="C002-valid"),
    pytest.param("C002", edited("      standard: 信息完整\n", ""), [("C002", 47, 7)], id="C002-no-standard"),
    pytest.param("C003", BASE, [], id="C003-valid"),
    pytest.param("C003", edited("      method: 每周抽查\n", ""), [("C003", 47, 7)], id="C003-no-method"),
    pytest.param("C004", BASE, [], id="C004-valid"),
    pytest.param("C004", edited("      record: R-01\n", ""), [("C004", 47, 7)], id="C004-no-record"),
    pytest.param("C005", BASE, [], id="C005-valid-step-id"),
    pytest.param("C005", edited('on_fail: "2"', "on_fail: 退回重新登记"), [], id="C005-valid-sentence"),
    pytest.param("C005", edited('      on_fail: "2"\n', ""), [("C005", 47, 7)], id="C005-no-corrective-action"),
    pytest.param("C006", BASE, [], id="C006-valid"),
    pytest.param("C006", NO_CONTROL, [("C006", 33, 3)], id="C006-no-control-at-all"),
    pytest.param("C007", BASE, [], id="C007-valid"),
    pytest.param("C007", edited("    key: true\n", ""), [("C007", 38, 9)], id="C007-not-key"),
    pytest.param("C007", edited("    key: true\n", "    key: false\n"), [("C007", 41, 10)], id="C007-key-false"),
    pytest.param(
        "C007", edited("    key: true\n", "", edited("[投诉处理记录]", "[ 投诉处理记录 ]")), [("C007", 38, 9)],
        id="C007-output-name-compared-trimmed",
    ),
    pytest.param("C007", edited("    key: true\n", "", edited("  - name: 投诉处理记录\n", "  - name: 其他\n")), [],
                 id="C007-valid-not-a-process-output"),
    pytest.param(
        "C007", edited("    key: true\n", "", edited("    outputs: [投诉处理记录]\n", "")), [("C007", 38, 9)],
        id="C007-maker-of-a-record-named-like-the-output",
    ),
    pytest.param("C007", START_ALSO_MAKES_IT, [], id="C007-valid-one-of-two-makers-is-key"),
    pytest.param(
        "C007", edited("    key: true\n", "", START_ALSO_MAKES_IT), [("C007", 33, 9), ("C007", 39, 9)],
        id="C007-every-maker-when-none-is-key",
    ),
    pytest.param("C007", SHIPPING, [("C007", 15, 9)], id="C007-step-before-end-listing-output"),
    pytest.param(
        "C007", edited('    name: 备货发货\n', '    name: 备货发货\n    key: true\n', SHIPPING), [],
        id="C007-valid-step-before-end-is-key",
    ),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["control"]) == []


def test_each_missing_part_is_its_own_code() -> None:
    bare = edited(CONTROL, "    control: {}\n")
    assert sorted(d.code for d in lint(bare, ["control"])) == ["C002", "C003", "C004", "C005"]


def test_message_says_which_part_is_missing() -> None:
    [finding] = lint(edited("      method: 每周抽查\n", ""), ["C003"])
    assert finding.message == "the control point of step 2 '登记投诉' has no assessment method (method)"
