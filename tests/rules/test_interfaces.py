"""Interface rules (I…): sub-process calls and hand-overs, checked together with the rest of the repository.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py), and the other processes of the
repository it is checked with (tests/rules/repository.py).
"""

from __future__ import annotations

import pytest

from procdoc.config import CatalogueEntry
from procdoc.diagnostics import Severity
from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.rules.repository import HEAD, process
from tests.ruletester import lint

PP_01 = process("PP-01")

#: case → (the process, with its findings marked; the other processes of the repository)
CASES = {
    "I001-valid-no-subprocess": (HEAD, []),
    "I001-valid": (process("T-01", runs="PP-01"), [PP_01]),
    "I001-no-process": (HEAD + """\
    type: subprocess
#         ^ I001 step 2 '登记投诉' is a sub-process but does not say which process it runs
""", []),
    "I002-valid": (process("T-01", runs="PP-01"), [PP_01]),
    "I002-unknown": (HEAD + """\
    type: subprocess
    process: PP-09
#            ^ I002 step 2 runs process 'PP-09', which is not the id of any process checked in this run (2 processes)
""", [PP_01]),
    "I002-repository-without-it": (HEAD + """\
    type: subprocess
    process: PP-01
#            ^ I002 which is not the id of any process checked in this run (1 process)
""", []),
    "I003-valid-no-cycle": (process("T-01", runs="PP-01"), [PP_01]),
    "I003-two-process-cycle": (HEAD + """\
    type: subprocess
    process: PP-01
#            ^ I003 step 2 closes a circle of process calls: T-01 → PP-01 → T-01
""", [process("PP-01", runs="T-01")]),
    "I003-calls-itself": (HEAD + """\
    type: subprocess
    process: T-01
#            ^ I003 closes a circle of process calls: T-01 → T-01
""", []),
    "I003-three-process-cycle": (HEAD + """\
    type: subprocess
    process: PP-01
#            ^ I003 closes a circle of process calls: T-01 → PP-01 → QM-07 → T-01
""", [process("PP-01", runs="QM-07"), process("QM-07", runs="T-01")]),
    "I003-valid-cycle-elsewhere": (
        process("T-01", runs="PP-01"), [process("PP-01", runs="QM-07"), process("QM-07", runs="PP-01")],
    ),
    "I004-valid": (process("T-01", upstream="SD-03"), [process("SD-03", downstream="T-01")]),
    "I004-unknown": (HEAD + """\
trigger:
  description: 收到投诉
  from_process: SD-09
#               ^ I004 the trigger comes from process 'SD-09', which is not the id of any process
""", [process("SD-03")]),
    "I005-valid": (process("T-01", upstream="SD-03"), [process("SD-03", downstream="T-01")]),
    "I005-valid-called-by-it": (process("T-01", upstream="SD-03"), [process("SD-03", runs="T-01")]),
    "I005-no-output": (HEAD + """\
trigger:
  description: 收到投诉
  from_process: SD-03
#               ^ I005 the upstream process SD-03 '投诉受理' lists no output handed to T-01
""", [process("SD-03")]),
    "I005-output-to-another": (HEAD + """\
trigger:
  description: 收到投诉
  from_process: SD-03
#               ^ I005 lists no output handed to T-01
""", [process("SD-03", downstream="QA-01")]),
    "I005-valid-unknown-left-to-I004": (process("T-01", upstream="SD-09"), []),
    "I006-valid": (process("T-01", downstream="QA-01"), [process("QA-01", upstream="T-01")]),
    "I006-unknown": (HEAD + """\
outputs:
  - name: 投诉处理记录
    to_process: QA-09
#               ^ I006 output '投诉处理记录' goes to process 'QA-09', which is not the id of any process
""", [process("QA-01")]),
    "I007-valid": (process("T-01", downstream="QA-01"), [process("QA-01", upstream="T-01")]),
    "I007-valid-runs-it": (process("T-01", runs="QA-01", downstream="QA-01"), [process("QA-01")]),
    "I007-no-from-process": (HEAD + """\
outputs:
  - name: 投诉处理记录
    to_process: QA-01
#               ^ I007 output '投诉处理记录' goes to QA-01 '投诉受理', whose trigger names no upstream process
""", [process("QA-01")]),
    "I007-other-upstream": (HEAD + """\
outputs:
  - name: 投诉处理记录
    to_process: QA-01
#               ^ I007 goes to QA-01 '投诉受理', whose trigger names SD-03 as its upstream process
""", [process("QA-01", upstream="SD-03")]),
    "I008-valid": (HEAD, [PP_01]),
    "I008-duplicate": ("""\
procdoc: 1
id: T-01
#   ^ I008 process id T-01 is also used by other0.yaml
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
""", [HEAD]),
}

MM_02 = {"MM-02": CatalogueEntry("MM-02", "采购入库流程", status="planned")}

#: references to MM-02, which the settings' catalogue lists as planned
PLANNED = {
    "subprocess": HEAD + """\
    type: subprocess
    process: MM-02
#            ^ I009 step 2 runs process MM-02 '采购入库流程', which is planned but not written yet
""",
    "upstream": HEAD + """\
trigger:
  description: 收到采购订单
  from_process: MM-02
#               ^ I009 the trigger comes from process MM-02 '采购入库流程', which is planned but not written yet
""",
    "downstream": HEAD + """\
outputs:
  - name: 投诉处理记录
    to_process: MM-02
#               ^ I009 output '投诉处理记录' goes to process MM-02 '采购入库流程', which is planned but not written yet
""",
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    text, others = CASES[case]
    assert_marked(text, [case[:4]], others=others)


def test_base_is_clean() -> None:
    assert lint(BASE, ["interfaces"]) == []


def test_cycle_is_named_from_each_side() -> None:
    pp_01 = process("PP-01") + """\
    type: subprocess
    process: QM-07
#            ^ I003 step 2 closes a circle of process calls: PP-01 → QM-07 → T-01 → PP-01
"""
    others = [process("T-01", runs="PP-01"), process("QM-07", runs="T-01")]
    assert_marked(pp_01, ["I003"], others=others, path="pp-01.yaml")


def test_duplicate_id_names_the_other_file_in_both() -> None:
    text, others = CASES["I008-duplicate"]
    assert_marked(text, ["I008"], others=others, path="t-01-new.yaml")


def test_unknown_process_suggests_the_closest_id() -> None:
    [finding] = lint(process("T-01", runs="PP-1"), ["I002"], others=[PP_01])
    assert finding.hint == "did you mean 'PP-01'?"


def test_missing_hand_over_says_where_to_fix_it() -> None:
    [finding] = lint(process("T-01", downstream="QA-01"), ["I007"], others=[process("QA-01")])
    assert finding.hint == "in other0.yaml, set `trigger.from_process: T-01`, or send the output elsewhere"


@pytest.mark.parametrize("case", list(PLANNED))
def test_a_planned_process_is_a_warning_not_an_error(case: str) -> None:
    assert_marked(PLANNED[case], ["I"], planned=MM_02)
    text, _ = split(PLANNED[case])
    assert {d.severity for d in lint(text, ["I009"], planned=MM_02)} == {Severity.WARNING}


def test_a_written_process_is_no_longer_planned() -> None:
    assert_marked(process("T-01", runs="MM-02"), ["I002", "I009"], others=[process("MM-02")], planned=MM_02)


def test_a_catalogue_entry_that_is_not_planned_does_not_excuse_a_missing_process() -> None:
    assert_marked(HEAD + """\
    type: subprocess
    process: MM-02
#            ^ I002 step 2 runs process 'MM-02', which is not the id of any process
""", ["I002", "I009"])


def test_unknown_process_never_suggests_the_caller_itself() -> None:
    [finding] = lint(process("MM-01", runs="MM-02"), ["I002"])
    assert finding.hint == "check the id; if the process exists, include its file in the checked paths"
