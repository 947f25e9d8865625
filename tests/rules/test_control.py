"""Control rules (C…): key steps, the four parts of a control point, output steps.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py).
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked
from tests.ruletester import lint

#: a case adds step 2 (and, after it, the process outputs)
HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
lanes: [{id: service, name: 客服部}]
records:
  - {id: R-01, name: 投诉处理记录}
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "3", name: 处理完毕, type: end, lane: service}
"""

#: step 2, open for the keys a case gives it
STEP = """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""

CONTROL = """\
    control:
      standard: 信息完整
      method: 每周抽查
      record: R-01
      on_fail: "2"
"""

OUTPUT = """\
outputs:
  - name: 投诉处理记录
"""

#: the deliverable is listed by the end step; the task before it (step 2, added by a case) makes it
SHIPPING = """\
procdoc: 1
id: T-02
name: 发货
outputs:
  - name: 发货单
lanes: [{id: store, name: 仓库}]
steps:
  - {id: "1", name: 收到订单, type: start, lane: store, next: "2"}
  - {id: "3", name: 已发货, type: end, lane: store, outputs: [发货单]}
"""

CASES = {
    "C001-valid": HEAD + STEP + "    key: true\n" + CONTROL,
    "C001-key-without-control": HEAD + STEP + """\
    key: true
#        ^ C001 step 2 '登记投诉' is a key step but has no control point
""",
    "C001-valid-not-key": HEAD + STEP + "    key: false\n",
    "C002-valid": HEAD + STEP + CONTROL,
    "C002-no-standard": HEAD + STEP + """\
    control:
      method: 每周抽查
#     ^ C002 the control point of step 2 '登记投诉' has no quality standard (standard)
      record: R-01
      on_fail: "2"
""",
    "C003-valid": HEAD + STEP + CONTROL,
    "C003-no-method": HEAD + STEP + """\
    control:
      standard: 信息完整
#     ^ C003 the control point of step 2 '登记投诉' has no assessment method (method)
      record: R-01
      on_fail: "2"
""",
    "C004-valid": HEAD + STEP + CONTROL,
    "C004-no-record": HEAD + STEP + """\
    control:
      standard: 信息完整
#     ^ C004 the control point of step 2 '登记投诉' has no record of its result (record)
      method: 每周抽查
      on_fail: "2"
""",
    "C005-valid-step-id": HEAD + STEP + CONTROL,
    "C005-valid-sentence": HEAD + STEP + """\
    control:
      standard: 信息完整
      method: 每周抽查
      record: R-01
      on_fail: 退回重新登记
""",
    "C005-no-corrective-action": HEAD + STEP + """\
    control:
      standard: 信息完整
#     ^ C005 the control point of step 2 '登记投诉' has no corrective action (on_fail)
      method: 每周抽查
      record: R-01
""",
    "C006-valid": HEAD + STEP + CONTROL,
    "C006-no-control-at-all": """\
procdoc: 1
id: T-01
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
# ^ C006 process T-01 '投诉受理' has no control point at all
  - {id: "2", name: 处理完毕, type: end, lane: service}
""",
    "C007-valid": HEAD + STEP + "    key: true\n    outputs: [投诉处理记录]\n    records: [R-01]\n" + CONTROL + OUTPUT,
    "C007-not-key": HEAD + """\
  - id: "2"
#       ^ C007 step 2 '登记投诉' produces the process output '投诉处理记录' but is not marked as a key step
    name: 登记投诉
    lane: service
    outputs: [投诉处理记录]
    records: [R-01]
    next: "3"
""" + OUTPUT,
    "C007-key-false": HEAD + STEP + """\
    key: false
#        ^ C007 produces the process output '投诉处理记录' but is not marked as a key step
    outputs: [投诉处理记录]
    records: [R-01]
""" + OUTPUT,
    "C007-output-name-compared-trimmed": HEAD + """\
  - id: "2"
#       ^ C007 produces the process output '投诉处理记录'
    name: 登记投诉
    lane: service
    outputs: [" 投诉处理记录 "]
    next: "3"
""" + OUTPUT,
    "C007-valid-not-a-process-output": HEAD + STEP + """\
    outputs: [投诉处理记录]
    records: [R-01]
outputs:
  - name: 其他
""",
    "C007-maker-of-a-record-named-like-the-output": HEAD + """\
  - id: "2"
#       ^ C007 produces the process output '投诉处理记录'
    name: 登记投诉
    lane: service
    records: [R-01]
    next: "3"
""" + OUTPUT,
    "C007-valid-one-of-two-makers-is-key": """\
procdoc: 1
id: T-01
name: 投诉受理
lanes: [{id: service, name: 客服部}]
outputs:
  - name: 投诉处理记录
steps:
  - id: "1"
    name: 客户投诉
    type: start
    lane: service
    outputs: [投诉处理记录]
    next: "2"
  - id: "2"
    name: 登记投诉
    lane: service
    key: true
    outputs: [投诉处理记录]
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service}
""",
    "C007-every-maker-when-none-is-key": """\
procdoc: 1
id: T-01
name: 投诉受理
lanes: [{id: service, name: 客服部}]
outputs:
  - name: 投诉处理记录
steps:
  - id: "1"
#       ^ C007 step 1 '客户投诉' produces the process output '投诉处理记录'
    name: 客户投诉
    type: start
    lane: service
    outputs: [投诉处理记录]
    next: "2"
  - id: "2"
#       ^ C007 step 2 '登记投诉' produces the process output '投诉处理记录'
    name: 登记投诉
    lane: service
    outputs: [投诉处理记录]
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service}
""",
    "C007-step-before-end-listing-output": SHIPPING + """\
  - id: "2"
#       ^ C007 step 2 '备货发货' produces the process output '发货单' but is not marked as a key step
    name: 备货发货
    lane: store
    next: "3"
""",
    "C007-valid-step-before-end-is-key": SHIPPING + """\
  - id: "2"
    name: 备货发货
    lane: store
    key: true
    next: "3"
""",
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_base_is_clean() -> None:
    assert lint(BASE, ["control"]) == []


def test_each_missing_part_is_its_own_code() -> None:
    assert_marked(HEAD + STEP + """\
    key: true
    control: {}
#            ^ C002 no quality standard
#            ^ C003 no assessment method
#            ^ C004 no record of its result
#            ^ C005 no corrective action
""", ["C"])
