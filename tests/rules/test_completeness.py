"""Issue 14's false negatives outside the flow: placeholders (G010), outputs no step makes (O006),
control points that record into a record made later (D008).

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py).
"""

from __future__ import annotations

import pytest

from procdoc.config import CheckConfig
from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
"""
LANES = """\
lanes:
  - {id: service, name: 客服部}
"""
START = """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
"""
STEP_2 = """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""
END = """\
  - {id: "3", name: 处理完毕, type: end, lane: service}
"""
RECORDS = """\
records:
  - {id: R-01, name: 投诉处理记录, keep: 3 years, stored_in: OA}
  - {id: R-02, name: 复核记录, keep: 3 years, stored_in: OA}
"""


def with_control(lines: str) -> str:
    """A process whose step 2 has a control point made of `lines` (markers included)."""
    return HEAD + LANES + START + STEP_2.replace('    next: "3"\n', "    control:\n" + lines + '    next: "3"\n') + END


def with_outputs(outputs_of_step_2: str) -> str:
    """A process that delivers 投诉处理记录, with `outputs_of_step_2` (a YAML list) as step 2's outputs."""
    step_2 = STEP_2.replace("    lane: service\n", f"    lane: service\n    outputs: {outputs_of_step_2}\n")
    return HEAD + "outputs:\n  - name: 投诉处理记录\n" + LANES + START + step_2 + END


SCAFFOLD = with_control("""\
      standard: TODO 质量标准
#               ^ G010 quality standard of step 2
      method: TODO 考核方法
#             ^ G010 assessment method of step 2
""")
#: step 2 checks into R-02, which only the end step (3) makes
RECORD_MADE_LATER = HEAD + LANES + RECORDS + """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - id: "2"
    name: 登记投诉
    lane: service
    records: [R-01]
    control:
      standard: 信息完整
      record: R-02
#             ^ D008 first produced later, by step 3
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service, records: [R-02]}
"""

CASES = {
    "G010-valid": with_control("      standard: 信息完整\n      method: 每周抽查\n"),
    "G010-scaffold-control-point": SCAFFOLD,
    "G010-duties": HEAD + """\
lanes:
  - id: service
    name: 客服部
    duties: TODO 职责
#           ^ G010 duties
""" + START + STEP_2 + END,
    "G010-step-named-todo": HEAD + LANES + START + """\
  - id: "2"
    name: TODO
#         ^ G010 name of step 2
    lane: service
    next: "3"
""" + END,
    "G010-chinese": with_control("""\
      standard: 待定
#               ^ G010 quality standard of step 2
"""),
    "G010-any-case": with_control("""\
      standard: tbd
#               ^ G010 quality standard of step 2
"""),
    "G010-valid-word-only": with_control("      standard: TODOS 清单完整\n"),
    "G010-valid-not-at-start": with_control("      standard: 信息完整，无TODO项\n"),
    "G010-valid-purpose-is-O001s": HEAD + "purpose: TODO\n" + LANES + START + STEP_2 + END,
    "O006-valid": with_outputs("[投诉处理记录]"),
    "O006-not-produced": HEAD + """\
outputs:
  - name: 投诉处理记录
#         ^ O006 is not the output of any step
""" + LANES + START + STEP_2 + END,
    "O006-valid-one-of-several": with_outputs("[登记表, 投诉处理记录]"),
    "D008-valid": HEAD + LANES + RECORDS + """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - id: "2"
    name: 登记投诉
    lane: service
    records: [R-01]
    control:
      standard: 信息完整
      record: R-01
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service, records: [R-02]}
""",
    "D008-record-made-later": RECORD_MADE_LATER,
    "D008-valid-made-by-the-checking-step": HEAD + LANES + RECORDS + """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - id: "2"
    name: 登记投诉
    lane: service
    records: [R-01, R-02]
    control:
      standard: 信息完整
      record: R-02
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service, records: [R-02]}
""",
    "D008-valid-made-earlier": HEAD + LANES + RECORDS + """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, records: [R-02], next: "2"}
  - id: "2"
    name: 登记投诉
    lane: service
    records: [R-01]
    control:
      standard: 信息完整
      record: R-02
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service, records: [R-02]}
""",
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_scaffold_messages_name_the_part_and_the_text() -> None:
    messages = [d.message for d in lint(split(SCAFFOLD)[0], ["G010"])]
    assert messages == [
        "the quality standard of step 2 is still a placeholder: 'TODO 质量标准'",
        "the assessment method of step 2 is still a placeholder: 'TODO 考核方法'",
    ]


def test_placeholder_words_are_an_option() -> None:
    config = CheckConfig(options={"G010": {"placeholder-words": ["草稿"]}})
    own_word = with_control("""\
      standard: 草稿：信息完整
#               ^ G010 quality standard of step 2
""")
    assert_marked(own_word, ["G010"], config=config)
    assert_marked(split(SCAFFOLD)[0], ["G010"], config=config)


def test_output_message_says_where_to_add_it() -> None:
    [finding] = lint(split(CASES["O006-not-produced"])[0], ["O006"])
    assert finding.message == "the process output '投诉处理记录' is not the output of any step"


def test_record_made_later_names_the_step() -> None:
    [finding] = lint(split(RECORD_MADE_LATER)[0], ["D008"])
    assert finding.message == (
        "the control point of step 2 '登记投诉' records into '复核记录' (R-02), "
        "which is first produced later, by step 3"
    )
