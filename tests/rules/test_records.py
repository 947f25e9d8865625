"""Documents and records rules (D…): references, unused entries, retention, storage.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py): its documents, its records and its
steps, of which step 2 is the one the cases change.
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
lanes:
  - {id: service, name: 客服部}
"""
DOCUMENTS = """\
documents:
  - id: F-01
    name: 投诉登记表
    kind: form
"""
RECORDS = """\
records:
  - id: R-01
    name: 投诉处理记录
    keep: 3 years
    stored_in: OA
"""
STEP_2 = """\
    key: true
    documents: [F-01]
    records: [R-01]
    control:
      standard: 信息完整
      record: R-01
"""
SECOND_RECORD = """\
  - id: R-02
    name: 回访记录
    keep: 1 year
    stored_in: OA
"""


def steps(step_2: str = STEP_2) -> str:
    """A start, step 2 made of the lines `step_2` (markers included), and an end."""
    return """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - id: "2"
    name: 登记投诉
    lane: service
""" + step_2 + """\
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service}
"""


def process(documents: str = DOCUMENTS, records: str = RECORDS, step_2: str = STEP_2) -> str:
    return HEAD + documents + records + steps(step_2)


CASES = {
    "D001-valid": process(),
    "D001-step": process(step_2="""\
    documents: [F-02]
#               ^ D001 F-02
"""),
    "D001-record-form": process(records=RECORDS + """\
    form: F-9
#         ^ D001 F-9
"""),
    "D001-valid-record-form": process(records=RECORDS + "    form: F-01\n"),
    "D002-valid": process(),
    "D002-step": process(step_2="""\
    records: [R-02]
#             ^ D002 R-02
"""),
    "D002-control-record": process(step_2="""\
    records: [R-01]
    control:
      standard: 信息完整
      record: R-9
#             ^ D002 R-9
"""),
    "D003-valid": process(),
    "D003-unused": process(documents=DOCUMENTS + """\
  - id: F-02
#       ^ D003
    name: 处理规范
"""),
    "D003-valid-used-as-record-form": process(
        documents=DOCUMENTS + "  - id: F-02\n    name: 处理规范\n", records=RECORDS + "    form: F-02\n",
    ),
    "D004-valid": process(),
    "D004-unused": process(records=RECORDS + """\
  - id: R-02
#       ^ D004
    name: 回访记录
    keep: 1 year
    stored_in: OA
"""),
    "D004-valid-one-produced-by-a-step-one-by-a-control": process(records=RECORDS + SECOND_RECORD, step_2="""\
    records: [R-02]
    control:
      standard: 信息完整
      record: R-01
"""),
    "D005-valid": process(),
    "D005-no-keep": process(records="""\
records:
  - id: R-01
#       ^ D005 how long
    name: 投诉处理记录
    stored_in: OA
"""),
    "D006-valid": process(),
    "D006-not-stored": process(records="""\
records:
  - id: R-01
#       ^ D006 where
    name: 投诉处理记录
    keep: 3 years
"""),
    "D007-valid": process(),
    "D007-valid-step-records": process(step_2="""\
    key: true
    records: [R-01]
    control:
      standard: 信息完整
"""),
    "D007-valid-control-record": process(step_2="""\
    key: true
    control:
      standard: 信息完整
      record: R-01
"""),
    "D007-key-step-without-record": process(step_2="""\
    key: true
#        ^ D007 produces no record
    control:
      standard: 信息完整
"""),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_base_is_clean() -> None:
    assert lint(BASE, ["records"]) == []


def test_record_without_retention_is_a_warning_and_not_stored_is_info() -> None:
    text = process(records="records:\n  - id: R-01\n    name: 投诉处理记录\n")
    assert [(d.code, d.severity.label) for d in lint(text, ["D005", "D006"])] == [("D005", "warning"), ("D006", "info")]
